using System.Globalization;
using KnowledgeGraph.Cypher.Import;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Api.Admin;

public static partial class AdminCommand
{
    /// <summary><c>admin import</c>: fills an empty store with <see cref="CsvImporter"/> (refuses a store with data).</summary>
    private static async Task<int> ImportAsync(string data, CsvImportOptions options)
    {
        foreach (var file in options.Nodes.Concat(options.Relationships).SelectMany(i => i.Files))
        {
            if (!File.Exists(file)) return Fail($"no such file: {file}");
        }

        Console.Out.WriteLine($"Importing into {data}");
        await using var store = GraphStore.Open(data);
        await CsvImporter.RunAsync(store, options, Console.Out);
        return 0;
    }

    /// <summary>The import options among the admin arguments (neo4j-admin's spelling, <c>--name=value</c> or <c>--name value</c>).</summary>
    private sealed class ImportArguments
    {
        private readonly List<CsvImportInput> _nodes = [];
        private readonly List<CsvImportInput> _relationships = [];
        private CsvImportOptions _options = new();

        public CsvImportOptions Options => _options with { Nodes = _nodes, Relationships = _relationships };

        /// <summary>True when <c>args[i]</c> was an import option (taking its value, maybe the next argument);
        /// <paramref name="error"/> says what was wrong with it.</summary>
        public bool TryTake(string[] args, ref int i, out string? error)
        {
            error = null;
            var a = args[i];
            var eq = a.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? a : a[..eq];
            string? Value(ref int i)
            {
                if (eq >= 0) return a[(eq + 1)..];
                return i + 1 < args.Length ? args[++i] : null;
            }

            switch (name)
            {
                case "--nodes" or "--relationships":
                    var spec = Value(ref i);
                    if (string.IsNullOrEmpty(spec)) { error = $"{name} needs FILE or LABEL=FILE"; return true; }
                    var split = spec.IndexOf('=', StringComparison.Ordinal);
                    var files = (split < 0 ? spec : spec[(split + 1)..]).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Path.GetFullPath).ToList();
                    var tokens = split < 0 ? [] : spec[..split].Split(':', StringSplitOptions.RemoveEmptyEntries).ToList();
                    if (name == "--relationships" && tokens.Count > 1) { error = "--relationships takes one TYPE"; return true; }
                    (name == "--nodes" ? _nodes : _relationships).Add(new CsvImportInput(files, tokens));
                    return true;
                case "--skip-bad-relationships" or "--skip-duplicate-nodes":
                    var on = eq < 0 || a[(eq + 1)..].Equals("true", StringComparison.OrdinalIgnoreCase);
                    if (eq >= 0 && !on && !a[(eq + 1)..].Equals("false", StringComparison.OrdinalIgnoreCase)) { error = $"{name} takes true or false"; return true; }
                    _options = name == "--skip-bad-relationships" ? _options with { SkipBadRelationships = on } : _options with { SkipDuplicateNodes = on };
                    return true;
                case "--bad-tolerance":
                    if (!long.TryParse(Value(ref i), NumberStyles.Integer, CultureInfo.InvariantCulture, out var tolerance) || tolerance < 0)
                        error = "--bad-tolerance needs a non-negative number";
                    else _options = _options with { BadTolerance = tolerance };
                    return true;
                case "--delimiter" or "--array-delimiter":
                    var c = Value(ref i) switch { "\\t" or "TAB" => "\t", var v => v };
                    if (c is not { Length: 1 }) { error = $"{name} needs one character"; return true; }
                    _options = name == "--delimiter" ? _options with { Delimiter = c[0] } : _options with { ArrayDelimiter = c[0] };
                    return true;
                case "--report-file":
                    var report = Value(ref i);
                    if (string.IsNullOrEmpty(report)) error = "--report-file needs a path";
                    else _options = _options with { ReportFile = Path.GetFullPath(report) };
                    return true;
                default:
                    return false;
            }
        }
    }
}
