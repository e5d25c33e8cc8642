namespace KnowledgeGraph.Driver;

/// <summary>One result row: values in the order of the result's keys.</summary>
public sealed class Record
{
    private readonly IReadOnlyList<string> _keys;

    /// <summary>Creates a record; <paramref name="values"/> must have one value per key.</summary>
    public Record(IReadOnlyList<string> keys, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(values);
        if (keys.Count != values.Count)
            throw new ArgumentException($"{values.Count} values for {keys.Count} keys.", nameof(values));
        _keys = keys;
        Values = values;
    }

    /// <summary>The column names.</summary>
    public IReadOnlyList<string> Keys => _keys;

    /// <summary>The values, in key order.</summary>
    public IReadOnlyList<object?> Values { get; }

    /// <summary>The value at a position.</summary>
    public object? this[int index] => Values[index];

    /// <summary>The value of a column.</summary>
    public object? this[string key]
    {
        get
        {
            for (var i = 0; i < _keys.Count; i++)
                if (_keys[i] == key) return Values[i];
            throw new KeyNotFoundException($"No column '{key}' in this record (columns: {string.Join(", ", _keys)}).");
        }
    }

    /// <summary>The value of a column converted to <typeparamref name="T"/> by a cast.</summary>
    public T Get<T>(string key) => (T)this[key]!;
}
