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

    /// <summary>The scan and seek part of <see cref="InclusiveDbHits"/>.</summary>
    public long InclusiveAnchorDbHits;

    public long EstimatedRows { get; set; } = 1;

    /// <summary>The runtime the plan shows: SLOTTED for the interpreted clause pipeline, PIPELINED for planned,
    /// batched operators (Planning).</summary>
    public string Runtime { get; init; } = "SLOTTED";

    /// <summary>The rows, counted (with their db hits) when the statement is profiled.</summary>
    public IEnumerable<Row> Wrap(IEnumerable<Row> rows, ExecContext ctx) => ctx.Profiling ? Counted(rows, ctx) : rows;

    private IEnumerable<Row> Counted(IEnumerable<Row> rows, ExecContext ctx)
    {
        using var e = rows.GetEnumerator();
        while (true)
        {
            var before = ctx.DbHits;
            var anchorBefore = ctx.AnchorDbHits;
            var has = e.MoveNext();
            InclusiveDbHits += ctx.DbHits - before;
            InclusiveAnchorDbHits += ctx.AnchorDbHits - anchorBefore;
            if (!has) yield break;
            Rows++;
            yield return e.Current;
        }
    }

    // The interpreter's leaf Argument is not shown; a planned subquery's Argument (its imported variables as
    // details, as Neo4j prints them) is.
    public PlanNode ToPlan(bool profiled, IReadOnlyList<string> identifiers)
    {
        IReadOnlyList<PlanNode> children = Children.Where(c => c.Name != "Argument" || c.Children.Length > 0 || c.Details is not null).Select(c => c.ToPlan(profiled, identifiers)).ToList();
        var ownHits = Math.Max(0, InclusiveDbHits - Children.Sum(c => c.InclusiveDbHits));
        // Scans and seeks are charged to the deepest scan or seek of the chain (where Neo4j shows them), the rest
        // to the clause's top operator.
        var anchorHits = Math.Min(ownHits, Math.Max(0, InclusiveAnchorDbHits - Children.Sum(c => c.InclusiveAnchorDbHits)));
        var anchorAt = Array.FindLastIndex(Chain, IsScanOrSeek);
        if (anchorAt < 0) anchorHits = 0;
        for (var i = Chain.Length - 1; i >= 0; i--)
        {
            var chainArgs = new Dictionary<string, object?>(StringComparer.Ordinal) { ["EstimatedRows"] = (double)EstimatedRows };
            var chained = new PlanNode(Chain[i], chainArgs, identifiers, children);
            if (profiled)
            {
                var hits = i == anchorAt ? anchorHits : 0L;
                chainArgs["Rows"] = Rows;
                chainArgs["DbHits"] = hits;
                chained = chained with { Rows = Rows, DbHits = hits };
            }
            children = [chained];
        }
        var args = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["EstimatedRows"] = (double)EstimatedRows,
            ["planner"] = "COST",
            ["runtime"] = Runtime,
        };
        if (Details is not null) args["Details"] = Details;
        var node = new PlanNode(Name, args, identifiers, children);
        if (profiled)
        {
            args["Rows"] = Rows;
            args["DbHits"] = ownHits - anchorHits;
            node = node with { Rows = Rows, DbHits = ownHits - anchorHits };
        }
        return node;
    }

    private static bool IsScanOrSeek(string op) =>
        op is "AllNodesScan" or "NodeByLabelScan" or "NodeIndexSeek" or "NodeIndexSeekByRange" or "NodeByIdSeek" or "NodeByElementIdSeek" or "ValueHashJoin";
}
