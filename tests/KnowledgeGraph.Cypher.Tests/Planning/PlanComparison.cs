using System.Globalization;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;
using KnowledgeGraph.Values;

namespace KnowledgeGraph.Cypher.Tests.Planning;

/// <summary>
/// What the planned-against-interpreted tests compare: a statement's rows rendered as text (nodes and relationships
/// by element id, doubles round-trippable, maps with sorted keys), in the engine's order or sorted, or the error
/// code it raised. One rendering for every such test, so they all compare the same way.
/// </summary>
internal static class PlanComparison
{
    public static string Render(object? v) => v switch
    {
        null => "null",
        GraphNode n => "node:" + n.ElementId,
        GraphRelationship r => "rel:" + r.ElementId,
        GraphPath p => "path:" + string.Join(",", p.Nodes.Select(n => n.ElementId)) + "/" + string.Join(",", p.Relationships.Select(r => r.ElementId)),
        string s => "'" + s + "'",
        double d => "d" + d.ToString("R", CultureInfo.InvariantCulture),
        IReadOnlyDictionary<string, object?> m => "{" + string.Join(",", m.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => x.Key + ":" + Render(x.Value))) + "}",
        System.Collections.IEnumerable l => "[" + string.Join(",", l.Cast<object?>().Select(Render)) + "]",
        _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "?",
    };

    /// <summary>The rows of <paramref name="query"/> (sorted unless <paramref name="ordered"/>), or <c>error CODE</c>.</summary>
    public static async Task<List<string>> Rows(GraphDatabase db, string query, object? parameters, bool ordered)
    {
        try
        {
            var result = await db.Q(query, parameters, AccessMode.Read);
            var rows = result.Records.Select(r => string.Join(" | ", result.Keys.Select(k => k + "=" + Render(r[k])))).ToList();
            return ordered ? rows : [.. rows.Order(StringComparer.Ordinal)];
        }
        catch (GraphException e)
        {
            return ["error " + e.Code];
        }
    }
}
