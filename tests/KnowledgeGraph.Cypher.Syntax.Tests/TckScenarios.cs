using System.Text;
using KnowledgeGraph.Cypher.Syntax.Semantics;

namespace KnowledgeGraph.Cypher.Syntax.Tests;

/// <summary>One TCK scenario (outlines expanded): its queries and the compile-time error it expects, if any.</summary>
public sealed record TckScenario(string File, string Name, IReadOnlyList<string> SetupQueries, IReadOnlyList<string> Queries, string? ErrorType, string? ErrorPhase, string? ErrorDetail)
{
    /// <summary>Procedures the scenario declares ("there exists a procedure ..."), by dotted name.</summary>
    public IReadOnlyDictionary<string, ProcedureSignature> Procedures { get; init; } = new Dictionary<string, ProcedureSignature>();

    public bool ExpectsCompileTimeError => ErrorPhase == "compile time";

    public override string ToString() => $"{Path.GetFileName(File)}: {Name}";
}

/// <summary>A small reader for the openCypher TCK .feature files: enough Gherkin for query blocks and error steps.</summary>
public static class TckScenarios
{
    /// <summary>The features directory: OPENCYPHER_TCK_DIR, else ../shared/tck/features next to the repo root.</summary>
    public static string? FindFeaturesDirectory()
    {
        var env = Environment.GetEnvironmentVariable("OPENCYPHER_TCK_DIR");
        if (!string.IsNullOrEmpty(env))
        {
            return Directory.Exists(env) ? env : null;
        }

        if (KnowledgeGraph.Tests.Shared.RepositoryRoot.TryPath is not { } root || Directory.GetParent(root) is not { } dir)
        {
            return null;
        }

        var candidate = Path.Combine(dir.FullName, "shared", "tck", "features");
        return Directory.Exists(candidate) ? candidate : null;
    }

    public static IEnumerable<TckScenario> Load(string featuresDir)
    {
        foreach (var file in Directory.EnumerateFiles(featuresDir, "*.feature", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            foreach (var s in Parse(file, File.ReadAllLines(file)))
            {
                yield return s;
            }
        }
    }

    private static IEnumerable<TckScenario> Parse(string file, string[] lines)
    {
        var i = 0;
        while (i < lines.Length)
        {
            var line = lines[i].Trim();
            if (!line.StartsWith("Scenario", StringComparison.Ordinal))
            {
                i++;
                continue;
            }

            var name = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            var outline = line.StartsWith("Scenario Outline", StringComparison.Ordinal);
            var body = new List<string>();
            i++;
            while (i < lines.Length && !lines[i].Trim().StartsWith("Scenario", StringComparison.Ordinal) && !lines[i].TrimStart().StartsWith('@'))
            {
                body.Add(lines[i]);
                i++;
            }

            if (!outline)
            {
                yield return Build(file, name, body, new Dictionary<string, string>());
                continue;
            }

            var ex = body.FindIndex(l => l.Trim().StartsWith("Examples", StringComparison.Ordinal));
            if (ex < 0)
            {
                continue;
            }

            var rows = body.Skip(ex + 1).Select(l => l.Trim()).Where(l => l.StartsWith('|')).Select(SplitRow).ToList();
            for (var r = 1; r < rows.Count; r++)
            {
                var values = rows[0].Zip(rows[r]).ToDictionary(p => p.First, p => p.Second);
                yield return Build(file, $"{name} #{r}", body.Take(ex).ToList(), values);
            }
        }
    }

    private static List<string> SplitRow(string row)
    {
        var cells = new List<string>();
        var sb = new StringBuilder();
        for (var k = 1; k < row.Length; k++)
        {
            var c = row[k];
            if (c == '\\' && k + 1 < row.Length && row[k + 1] == '|')
            {
                sb.Append('|');
                k++;
            }
            else if (c == '|')
            {
                cells.Add(sb.ToString().Trim());
                sb.Clear();
            }
            else
            {
                sb.Append(c);
            }
        }

        return cells;
    }

    private static TckScenario Build(string file, string name, List<string> body, Dictionary<string, string> values)
    {
        string Subst(string s) => values.Aggregate(s, (acc, kv) => acc.Replace("<" + kv.Key + ">", kv.Value, StringComparison.Ordinal));
        var setup = new List<string>();
        var queries = new List<string>();
        string? type = null, phase = null, detail = null;
        var procedures = new Dictionary<string, ProcedureSignature>(StringComparer.Ordinal);
        for (var k = 0; k < body.Count; k++)
        {
            var step = body[k].Trim();
            if (step.StartsWith('#'))
            {
                continue;
            }

            if (step.EndsWith("executing query:", StringComparison.Ordinal) || step.EndsWith("having executed:", StringComparison.Ordinal)
                || step.EndsWith("executing control query:", StringComparison.Ordinal))
            {
                var open = k + 1;
                var indent = body[open].IndexOf("\"\"\"", StringComparison.Ordinal);
                var text = new List<string>();
                k = open + 1;
                while (k < body.Count && body[k].Trim() != "\"\"\"")
                {
                    var l = body[k];
                    text.Add(l.Length >= indent && string.IsNullOrWhiteSpace(l[..Math.Min(indent, l.Length)]) ? l[indent..] : l.TrimStart());
                    k++;
                }

                var q = Subst(string.Join('\n', text));
                (step.Contains("having executed", StringComparison.Ordinal) ? setup : queries).Add(q);
            }
            else if (step.Contains("there exists a procedure ", StringComparison.Ordinal))
            {
                var signature = ParseSignature(step[(step.IndexOf("procedure ", StringComparison.Ordinal) + 10)..].TrimEnd(':'));
                procedures[signature.Name] = signature;
            }
            else if (step.Contains("should be raised at", StringComparison.Ordinal))
            {
                // Then a SyntaxError should be raised at compile time: UndefinedVariable
                var words = Subst(step).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                type = words[2];
                var at = step.IndexOf(" at ", StringComparison.Ordinal) + 4;
                var colon = step.IndexOf(':', at);
                phase = colon < 0 ? step[at..] : step[at..colon];
                detail = colon < 0 ? null : Subst(step[(colon + 1)..]).Trim();
            }
        }

        return new TckScenario(file, name, setup, queries, type, phase, detail) { Procedures = procedures };
    }

    /// <summary>Parses <c>test.my.proc(in :: INTEGER?) :: (out :: STRING?)</c>.</summary>
    internal static ProcedureSignature ParseSignature(string text)
    {
        var open = text.IndexOf('(', StringComparison.Ordinal);
        var close = text.IndexOf(')', open);
        var name = text[..open].Trim();
        var outputs = text[(text.IndexOf("::", close, StringComparison.Ordinal) + 2)..].Trim().Trim('(', ')', ' ', ':');
        return new ProcedureSignature(name, Fields(text[(open + 1)..close]), Fields(outputs));

        static List<ProcedureField> Fields(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(f => f.Split("::", StringSplitOptions.TrimEntries))
            .Where(p => p.Length == 2)
            .Select(p => new ProcedureField(p[0], p[1]))
            .ToList();
    }
}
