namespace KnowledgeGraph.Cypher.Runtime;

/// <summary>One binding row: variable name to engine value. Rows are treated as immutable once produced;
/// <see cref="With"/> copies.</summary>
internal sealed class Row
{
    public static readonly Row Empty = new(new Dictionary<string, object?>(StringComparer.Ordinal));

    public Row(Dictionary<string, object?> vars) => Vars = vars;

    public Dictionary<string, object?> Vars { get; }

    public bool TryGet(string name, out object? value) => Vars.TryGetValue(name, out value);

    public object? this[string name] => Vars.TryGetValue(name, out var v) ? v : null;

    public bool Has(string name) => Vars.ContainsKey(name);

    public Row With(string name, object? value)
    {
        var d = new Dictionary<string, object?>(Vars, StringComparer.Ordinal) { [name] = value };
        return new Row(d);
    }

    public Row WithMany(IEnumerable<KeyValuePair<string, object?>> values)
    {
        var d = new Dictionary<string, object?>(Vars, StringComparer.Ordinal);
        foreach (var (k, v) in values) d[k] = v;
        return new Row(d);
    }

    public Row Copy() => new(new Dictionary<string, object?>(Vars, StringComparer.Ordinal));
}
