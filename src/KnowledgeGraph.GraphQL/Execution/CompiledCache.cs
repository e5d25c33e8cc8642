using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using GraphQL.Validation;
using GraphQLParser.AST;
using KnowledgeGraph.GraphQL.Compilation;

namespace KnowledgeGraph.GraphQL.Execution;

/// <summary>
/// Compiled root fields of queries by (root field node of a cached document, the request's variable values): a request
/// repeated with the same document, operation and variables skips the compiler and reuses the Cypher text and its
/// parameters (same objects, so the engine's statement cache, keyed by text, hits as well). The field node stands for
/// its document and operation: cached documents are immutable and kept by identity (see <see cref="DocumentCache"/>).
/// Variables are part of the key by value, in the order the request sent them: the compiler turns argument values into
/// parameters through conversions (folded search text, date intervals, cursors, vocabulary ranks) and some of them
/// into text (page sizes, <c>@skip</c>/<c>@include</c>, which filter keys are present), so a different value compiles
/// again. A request whose variables hold a value this key cannot spell is not cached. Bounded: when full, it starts
/// over (no per-hit bookkeeping).
/// </summary>
internal sealed class CompiledCache(int capacity = 1024)
{
    private readonly ConcurrentDictionary<Key, CompiledRoot> _entries = new();

    private readonly record struct Key(GraphQLField Field, string Variables)
    {
        public bool Equals(Key other) => ReferenceEquals(Field, other.Field) && string.Equals(Variables, other.Variables, StringComparison.Ordinal);

        public override int GetHashCode() => HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Field), string.GetHashCode(Variables, StringComparison.Ordinal));
    }

    private long _hits;

    /// <summary>Entries held (at most the capacity).</summary>
    public int Count => _entries.Count;

    /// <summary>Requests answered from the cache so far.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>The compiled field for these variables, or null.</summary>
    public CompiledRoot? Find(GraphQLField field, string variables)
    {
        if (!_entries.TryGetValue(new Key(field, variables), out var compiled)) return null;
        Interlocked.Increment(ref _hits);
        return compiled;
    }

    /// <summary>Keeps a compiled field.</summary>
    public void Add(GraphQLField field, string variables, CompiledRoot compiled)
    {
        if (_entries.Count >= capacity) _entries.Clear();
        _entries.TryAdd(new Key(field, variables), compiled);
    }

    /// <summary>
    /// The longest key kept. Keys hold the variables' values, which a client chooses (up to
    /// <c>GraphQL:MaxRequestBytes</c> each): without a bound, the caches keyed by them could grow to gigabytes. Requests
    /// with larger variables are compiled every time.
    /// </summary>
    internal const int MaxKeyLength = 4096;

    /// <summary>
    /// The variables as one string that differs whenever a name, a value, a value's type or the order differs; null
    /// when a value is of a type without an exact spelling here, or the spelling is longer than
    /// <see cref="MaxKeyLength"/> (then the request is compiled and not cached).
    /// </summary>
    public static string? KeyOf(Variables? variables)
    {
        if (variables is null) return "";
        var sb = new StringBuilder();
        foreach (var v in variables)
        {
            Append(sb, v.Name);
            sb.Append(v.IsDefault ? '=' : ':');
            if (!Append(sb, v.Value) || sb.Length > MaxKeyLength) return null;
        }
        return sb.ToString();
    }

    /// <summary>The variables as the request sent them (before coercion), spelled the same way; null when a value has
    /// no exact spelling here or the spelling is longer than <see cref="MaxKeyLength"/>.</summary>
    public static string? KeyOfSent(IReadOnlyDictionary<string, object?> sent)
    {
        var sb = new StringBuilder();
        foreach (var (name, value) in sent)
        {
            Append(sb, name);
            sb.Append(':');
            if (!Append(sb, value) || sb.Length > MaxKeyLength) return null;
        }
        return sb.ToString();
    }

    private static bool Append(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null:
                sb.Append('n');
                return true;
            case string s:
                // Length-prefixed, so no text can imitate the separators.
                sb.Append('s').Append(s.Length.ToString(CultureInfo.InvariantCulture)).Append('"').Append(s);
                return true;
            case bool b:
                sb.Append(b ? 't' : 'f');
                return true;
            case int or long or short or byte or sbyte or uint or ulong or ushort or System.Numerics.BigInteger:
                sb.Append('i').Append(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture)).Append(';');
                return true;
            case double or float:
                sb.Append('d').Append(((IFormattable)value).ToString("R", CultureInfo.InvariantCulture)).Append(';');
                return true;
            case decimal m:
                sb.Append('m').Append(m.ToString(CultureInfo.InvariantCulture)).Append(';');
                return true;
            case IDictionary<string, object?> map:
                sb.Append('{');
                foreach (var (k, v) in map)
                {
                    Append(sb, k);
                    if (!Append(sb, v)) return false;
                }
                sb.Append('}');
                return true;
            case IEnumerable list:
                sb.Append('[');
                foreach (var item in list)
                    if (!Append(sb, item)) return false;
                sb.Append(']');
                return true;
            default:
                return false;
        }
    }
}
