namespace KnowledgeGraph.Api.Configuration;

/// <summary>
/// The words after a command-line verb (<c>admin</c>, <c>ingest</c>): options that take the next word as their value,
/// flags, one positional word, and <c>--Key=Value</c> settings, which the verb hands to configuration exactly as the
/// service reads its own command line. A word that is none of these is a usage error.
/// </summary>
internal sealed class VerbArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    /// <summary>A verb's own parser for words the table form cannot express (e.g. <c>--nodes=Label=FILE</c>): true
    /// when it took <c>args[i]</c> (advancing <paramref name="i"/> past any value it consumed).</summary>
    public delegate bool Taker(string[] args, ref int i, out string? error);

    /// <summary>The <c>--Key=Value</c> settings, in order.</summary>
    public List<string> Settings { get; } = [];

    /// <summary>The one word that is not an option (a verb name or a file), if given.</summary>
    public string? Positional { get; private set; }

    /// <summary>True when help was asked for (<c>-h</c>, <c>--help</c>, <c>help</c>).</summary>
    public bool Help { get; private set; }

    public string? Value(string option) => _values.GetValueOrDefault(option);

    public bool Flag(string flag) => _flags.Contains(flag);

    /// <summary>Splits <paramref name="args"/>; <paramref name="error"/> names the first word that fits nowhere.</summary>
    public static VerbArguments Parse(string[] args, IReadOnlyCollection<string> valued, IReadOnlyCollection<string> flags, out string? error, Taker? own = null)
    {
        var parsed = new VerbArguments();
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (own is not null && own(args, ref i, out error))
            {
                if (error is not null) return parsed;
                continue;
            }
            if (a is "-h" or "--help" or "help") parsed.Help = true;
            else if (valued.Contains(a) && i + 1 < args.Length) parsed._values[a] = args[++i];
            else if (flags.Contains(a)) parsed._flags.Add(a);
            else if (a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal)) parsed.Settings.Add(a);
            else if (parsed.Positional is null && !a.StartsWith('-')) parsed.Positional = a;
            else
            {
                error = $"unexpected argument '{a}'";
                return parsed;
            }
        }
        return parsed;
    }
}
