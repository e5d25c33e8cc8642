using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Runtime;

/// <summary>One operator of the executed pipeline; counts rows and (inclusive) db hits while enumerating.</summary>
internal sealed class ProfileNode(string name, ProfileNode[] children)
{
    public string Name { get; } = name;

    public ProfileNode[] Children { get; } = children;

    public string? Details { get; init; }

    /// <summary>Operators folded into this one (listed top-down under it), e.g. the scans and expands of a MATCH.</summary>
    public string[] Chain { get; init; } = [];

    public long Rows;

    public long InclusiveDbHits;

    public long EstimatedRows { get; set; } = 1;

    public IEnumerable<Row> Wrap(IEnumerable<Row> rows, ExecContext ctx)
    {
        using var e = rows.GetEnumerator();
        while (true)
        {
            var before = ctx.DbHits;
            var has = e.MoveNext();
            InclusiveDbHits += ctx.DbHits - before;
            if (!has) yield break;
            Rows++;
            yield return e.Current;
        }
    }

    public PlanNode ToPlan(bool profiled, IReadOnlyList<string> identifiers)
    {
        IReadOnlyList<PlanNode> children = Children.Where(c => c.Name != "Argument" || c.Children.Length > 0).Select(c => c.ToPlan(profiled, identifiers)).ToList();
        for (var i = Chain.Length - 1; i >= 0; i--)
        {
            var chainArgs = new Dictionary<string, object?>(StringComparer.Ordinal) { ["EstimatedRows"] = (double)EstimatedRows };
            var chained = new PlanNode(Chain[i], chainArgs, identifiers, children);
            if (profiled)
            {
                chainArgs["Rows"] = Rows;
                chainArgs["DbHits"] = 0L;
                chained = chained with { Rows = Rows };
            }
            children = [chained];
        }
        var args = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["EstimatedRows"] = (double)EstimatedRows,
            ["planner"] = "COST",
            ["runtime"] = "SLOTTED",
        };
        if (Details is not null) args["Details"] = Details;
        var childHits = Children.Sum(c => c.InclusiveDbHits);
        var node = new PlanNode(Name, args, identifiers, children);
        if (profiled)
        {
            args["Rows"] = Rows;
            args["DbHits"] = Math.Max(0, InclusiveDbHits - childHits);
            node = node with { Rows = Rows, DbHits = Math.Max(0, InclusiveDbHits - childHits) };
        }
        return node;
    }
}
