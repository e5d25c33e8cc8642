using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Cypher.Tests;

/// <summary>Helpers: run a query on a real in-memory database and read everything.</summary>
internal static class Db
{
    public static async Task<EagerResult> Q(this GraphDatabase db, string query, object? parameters = null, AccessMode mode = AccessMode.Write)
    {
        IReadOnlyDictionary<string, object?>? p = parameters switch
        {
            null => null,
            IReadOnlyDictionary<string, object?> d => d,
            _ => parameters.GetType().GetProperties().ToDictionary(pi => pi.Name, pi => pi.GetValue(parameters)),
        };
        return await db.ExecuteQueryAsync(query, p, mode);
    }

    public static async Task<GraphException> Fails(this GraphDatabase db, string query, object? parameters = null, AccessMode mode = AccessMode.Write)
    {
        return await Assert.ThrowsAsync<GraphException>(() => db.Q(query, parameters, mode));
    }

    public static List<object?> Column(this EagerResult r, string key) => r.Records.Select(x => x[key]).ToList();
}
