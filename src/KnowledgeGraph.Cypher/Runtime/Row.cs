using KnowledgeGraph.Cypher.Memory;

namespace KnowledgeGraph.Cypher.Runtime;

/// <summary>
/// One binding row: variable name to engine value, kept as two small parallel arrays (rows rarely hold more than
/// a dozen variables, so a linear scan beats hashing and <see cref="With"/> is one array copy). Rows are immutable.
/// </summary>
internal sealed class Row
{
    /// <summary>Hidden entries LOAD CSV adds for <c>linenumber()</c> and <c>file()</c> (a leading space never names a
    /// user variable, and projections drop them).</summary>
    public const string CsvLineKey = "  csv.linenumber";

    public const string CsvFileKey = "  csv.file";

    public static readonly Row Empty = new([], []);

    /// <summary>The column a COLLECT subquery yields its single value under when it has no name of its own.</summary>
    public const string SingleColumnKey = "  col";

    private readonly string[] _names;
    private readonly object?[] _values;

    private Row(string[] names, object?[] values)
    {
        _names = names;
        _values = values;
    }

    public Row(Dictionary<string, object?> vars)
    {
        _names = [.. vars.Keys];
        _values = [.. vars.Values];
    }

    /// <summary>A copy of the bindings in binding order.</summary>
    public Dictionary<string, object?> Vars
    {
        get
        {
            var d = new Dictionary<string, object?>(_names.Length, StringComparer.Ordinal);
            for (var i = 0; i < _names.Length; i++) d[_names[i]] = _values[i];
            return d;
        }
    }

    public IReadOnlyList<string> Names => _names;

    /// <summary>The values, in the order of <see cref="Names"/>.</summary>
    public IReadOnlyList<object?> Values => _values;

    /// <summary>Estimated bytes of this row when an operator buffers it.</summary>
    public long EstimatedBytes => MemoryEstimate.Row(_values);

    private int IndexOf(string name)
    {
        var names = _names;
        for (var i = 0; i < names.Length; i++)
            if (ReferenceEquals(names[i], name)) return i;
        for (var i = 0; i < names.Length; i++)
            if (string.Equals(names[i], name, StringComparison.Ordinal)) return i;
        return -1;
    }

    public bool TryGet(string name, out object? value)
    {
        var i = IndexOf(name);
        value = i >= 0 ? _values[i] : null;
        return i >= 0;
    }

    public object? this[string name] => IndexOf(name) is var i && i >= 0 ? _values[i] : null;

    public bool Has(string name) => IndexOf(name) >= 0;

    public Row With(string name, object? value)
    {
        var i = IndexOf(name);
        if (i >= 0)
        {
            var values = (object?[])_values.Clone();
            values[i] = value;
            return new Row(_names, values);
        }
        var n = new string[_names.Length + 1];
        var v = new object?[_values.Length + 1];
        Array.Copy(_names, n, _names.Length);
        Array.Copy(_values, v, _values.Length);
        n[^1] = name;
        v[^1] = value;
        return new Row(n, v);
    }

    /// <summary>A row over caller-owned arrays (names distinct; neither array is modified afterwards).</summary>
    public static Row FromArrays(string[] names, object?[] values) => new(names, values);

    /// <summary>This row with every (names[i], values[i]) bound, later bindings replacing earlier ones; one allocation.</summary>
    public Row WithAll(string[] names, object?[] values)
    {
        var extra = 0;
        Span<int> at = names.Length <= 64 ? stackalloc int[names.Length] : new int[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            at[i] = IndexOf(names[i]);
            if (at[i] < 0) extra++;
        }
        var n = extra == 0 ? _names : new string[_names.Length + extra];
        var v = new object?[_values.Length + extra];
        if (extra > 0) Array.Copy(_names, n, _names.Length);
        Array.Copy(_values, v, _values.Length);
        var next = _names.Length;
        for (var i = 0; i < names.Length; i++)
        {
            if (at[i] >= 0) v[at[i]] = values[i];
            else
            {
                n[next] = names[i];
                v[next++] = values[i];
            }
        }
        return new Row(n, v);
    }

    public Row WithMany(IEnumerable<KeyValuePair<string, object?>> values)
    {
        var row = this;
        foreach (var (k, v) in values) row = row.With(k, v);
        return row;
    }

    /// <summary>This row with every name it does not bind yet bound to null (OPTIONAL MATCH's missing variables;
    /// the planner's "is it bound" scopes).</summary>
    public Row WithNulls(IEnumerable<string> names)
    {
        var row = this;
        foreach (var name in names)
            if (!row.Has(name)) row = row.With(name, null);
        return row;
    }

    public Row Copy() => this;

    /// <summary>
    /// A private copy of this row with <paramref name="name"/> bound (to null) at <paramref name="slot"/>, for a
    /// list comprehension, list predicate or reduce that rebinds its variable once per element with
    /// <see cref="Rebind"/> instead of copying the row per element.
    /// </summary>
    /// <remarks>Invariant: a scratch row belongs to the one evaluation that made it. Evaluating an expression never
    /// keeps its row once the evaluation returns (results are values; subquery and pattern rows are consumed within
    /// it), so rebinding between elements is not observable.</remarks>
    public Row Scratch(string name, out int slot)
    {
        var i = IndexOf(name);
        if (i >= 0)
        {
            slot = i;
            return new Row(_names, (object?[])_values.Clone());
        }
        var extended = With(name, null);
        slot = _names.Length;
        return extended;
    }

    /// <summary>Rebinds a slot of a row made by <see cref="Scratch"/> (and only such a row: other rows are immutable).</summary>
    public void Rebind(int slot, object? value) => _values[slot] = value;
}

/// <summary>
/// The variable of a list comprehension or list predicate, bound to each element in turn in one scratch row made on
/// the first element (see <see cref="Row.Scratch"/>). A mutable struct: keep it in one local, never copy it.
/// </summary>
internal struct ElementScope(Row outer, string variable)
{
    private Row? _row;
    private int _slot;

    /// <summary>The scratch row with the variable bound to <paramref name="item"/>.</summary>
    public Row Bind(object? item)
    {
        _row ??= outer.Scratch(variable, out _slot);
        _row.Rebind(_slot, item);
        return _row;
    }
}
