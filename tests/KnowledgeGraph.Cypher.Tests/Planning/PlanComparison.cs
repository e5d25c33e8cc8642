using System.Globalization;
using KnowledgeGraph.Cypher.Planning;
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

    /// <summary>Asserts that every statement of <paramref name="corpus"/> runs planned and gives the interpreter's rows
    /// (sorted unless marked ordered) or its error; returns how many of them raised an error.</summary>
    public static async Task<int> AssertCorpusPlannedAsInterpreted(GraphDatabase db, IEnumerable<(string Query, bool Ordered)> corpus, object? parameters)
    {
        var errors = 0;
        foreach (var (query, ordered) in corpus)
        {
            var planned = await PlannedAsInterpreted(db, query, parameters, ordered);
            if (planned.Count > 0 && planned[0].StartsWith("error", StringComparison.Ordinal)) errors++;
        }
        return errors;
    }

    /// <summary>Asserts that <paramref name="query"/> runs planned (the pipelined runtime), gives the interpreter's
    /// rows in order, and, unless <paramref name="expected"/> is null, those rows joined by ';' (or an error when it is
    /// "error").</summary>
    public static async Task AssertPlannedAsInterpreted(GraphDatabase db, string query, object? parameters, string? expected)
    {
        var planned = await PlannedAsInterpreted(db, query, parameters, ordered: true);
        if (expected == "error") Assert.StartsWith("error", Assert.Single(planned), StringComparison.Ordinal);
        else if (expected is not null) Assert.Equal(expected, string.Join(";", planned));
    }

    /// <summary>Asserts that <paramref name="query"/> runs planned and gives the interpreter's rows; returns them.</summary>
    private static async Task<List<string>> PlannedAsInterpreted(GraphDatabase db, string query, object? parameters, bool ordered)
    {
        var plan = (await db.Q("EXPLAIN " + query, parameters, AccessMode.Read)).Summary.Plan!;
        Assert.True("PIPELINED".Equals(plan.Arguments["runtime"]), $"not planned: {query}");
        var planned = await Rows(db, query, parameters, ordered);
        List<string> interpreted;
        using (PlannerSwitch.UseInterpreter()) interpreted = await Rows(db, query, parameters, ordered);
        Assert.True(interpreted.SequenceEqual(planned), $"{query}\ninterpreted: {string.Join(" / ", interpreted)}\nplanned: {string.Join(" / ", planned)}");
        return planned;
    }
}
