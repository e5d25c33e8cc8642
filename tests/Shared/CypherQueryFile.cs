using System.Text.Json;

namespace KnowledgeGraph.Testing;

/// <summary>
/// Reads a <c>cypher/queries</c> file: its statement (without a trailing ';') and the parameters its
/// <c>// params:</c> header names, with their defaults. Linked into every test project that runs the analyst queries.
/// </summary>
internal static class CypherQueryFile
{
    public static (string Query, Dictionary<string, object?> Parameters) Read(string path)
    {
        var name = Path.GetFileName(path);
        var text = File.ReadAllText(path);
        var header = text.Split('\n').FirstOrDefault(l => l.StartsWith("// params:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{name} has no '// params:' header line.");
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
        using (var json = JsonDocument.Parse(header["// params:".Length..]))
        {
            foreach (var p in json.RootElement.EnumerateObject())
            {
                parameters[p.Name] = p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString(),
                    JsonValueKind.Number => p.Value.GetInt64(),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Null => null,
                    _ => throw new InvalidOperationException($"{name}: unsupported parameter {p.Name}"),
                };
            }
        }
        return (text.TrimEnd().TrimEnd(';'), parameters);
    }
}
