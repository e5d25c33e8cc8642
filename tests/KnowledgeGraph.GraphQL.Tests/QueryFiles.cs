using System.Text.Json;

namespace KnowledgeGraph.GraphQL.Tests;

/// <summary>Reads a <c>cypher/queries</c> file and the parameters its <c>// params:</c> header names.</summary>
internal static class QueryFiles
{
    public static (string Query, Dictionary<string, object?> Parameters) Read(string name)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "cypher", "queries", name));
        var header = text.Split('\n').FirstOrDefault(l => l.StartsWith("// params:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{name} has no '// params:' header line.");
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
        using (var json = JsonDocument.Parse(header["// params:".Length..]))
            foreach (var p in json.RootElement.EnumerateObject())
                parameters[p.Name] = p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString(),
                    JsonValueKind.Number => p.Value.GetInt64(),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => null,
                };
        return (text.TrimEnd().TrimEnd(';'), parameters);
    }
}
