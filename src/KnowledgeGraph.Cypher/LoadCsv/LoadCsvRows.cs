using System.Text;
using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Cypher.LoadCsv;

/// <summary>
/// The LOAD CSV clause: for each input row, the records of the CSV at its URL, streamed one at a time (so
/// <c>CALL { ... } IN TRANSACTIONS</c> commits batches while the file is still being read). With headers a record
/// is a map from the header's names to strings (an empty unquoted field is null, a missing one too); without, a
/// list of strings (an empty field is ""). <c>linenumber()</c> and <c>file()</c> read hidden row entries.
/// </summary>
internal static class LoadCsvRows
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromMinutes(5) };

    public static IEnumerable<Row> Apply(LoadCsvClause clause, IEnumerable<Row> rows, ExecContext ctx)
    {
        var separator = Separator(clause.FieldTerminator);
        // The variable and the two hidden entries are bound in one step per record (one row allocation, not three).
        string[] names = [clause.Variable, Row.CsvLineKey, Row.CsvFileKey];
        foreach (var row in rows)
        {
            var url = Evaluator.Eval(clause.Url, row, ctx) as string
                ?? throw new GraphException(ErrorCodes.TypeError, "LOAD CSV expects the URL to be a string.") { Detail = "InvalidArgumentType" };
            var (open, name) = Resolve(url, ctx.Engine);
            using var reader = new StreamReader(open(), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
            var csv = new CsvRecordReader(reader, separator);
            string[]? header = null;
            if (clause.WithHeaders)
            {
                var first = csv.Read();
                if (first is null) continue;
                header = first.Select(f => f.Text).ToArray();
            }
            while (csv.Read() is { } fields)
            {
                ctx.Tick();
                object? value;
                if (header is null)
                {
                    var list = new List<object?>(fields.Count);
                    foreach (var field in fields) list.Add(field.Text);
                    value = list;
                }
                else
                {
                    var map = new Dictionary<string, object?>(header.Length, StringComparer.Ordinal);
                    for (var i = 0; i < header.Length; i++)
                        map[header[i]] = i < fields.Count && (fields[i].Quoted || fields[i].Text.Length > 0) ? fields[i].Text : null;
                    value = map;
                }
                yield return row.WithAll(names, [value, csv.RecordLine, name]);
            }
        }
    }

    private static char Separator(string? terminator) => terminator switch
    {
        null => ',',
        "\\t" or "\t" => '\t',
        { Length: 1 } t => t[0],
        _ => throw new GraphException(ErrorCodes.SyntaxError, $"FIELDTERMINATOR must be a single character, not '{terminator}'.") { Detail = "InvalidFieldTerminator" },
    };

    /// <summary>How to open the URL and what <c>file()</c> answers; refuses what the options do not allow.</summary>
    private static (Func<Stream> Open, string Name) Resolve(string url, IEngineServices options)
    {
        if (url.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            if (options.ImportDirectory is not { Length: > 0 } importDirectory)
                throw Failed(url, "file URLs need an import directory (Graph:ImportDirectory) and none is configured");
            // file:///a/b.csv, file:/a/b.csv and file://a/b.csv all name a/b.csv under the import directory.
            var relative = Uri.UnescapeDataString(url["file:".Length..]).TrimStart('/');
            var root = Path.GetFullPath(importDirectory);
            var full = Path.GetFullPath(Path.Combine(root, relative));
            var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
            if (!full.StartsWith(prefix, StringComparison.Ordinal))
                throw Failed(url, "the path leaves the import directory");
            if (!File.Exists(full)) throw Failed(url, "no such file in the import directory");
            return (() => new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), full);
        }
        if (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            if (!options.AllowHttpImport) throw Failed(url, "remote URLs are not allowed (Graph:ImportAllowHttp is false)");
            return (() =>
            {
                try
                {
                    return Http.GetStreamAsync(new Uri(url)).GetAwaiter().GetResult();
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    throw Failed(url, e.Message);
                }
            }, url);
        }
        throw Failed(url, "only file:/// and, when allowed, http(s):// URLs can be loaded");
    }

    private static GraphException Failed(string url, string why) =>
        new(ErrorCodes.ExternalResourceFailed, $"Couldn't load the external resource at: {url} ({why})");
}
