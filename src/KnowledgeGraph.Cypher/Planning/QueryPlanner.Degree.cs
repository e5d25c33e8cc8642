using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Syntax;
using KnowledgeGraph.Cypher.Values;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher.Planning;

internal sealed partial class QueryPlanner
{
    /// <summary>The Expand operators the MATCH clause being planned created, in order.</summary>
    private readonly List<ExpandOperator> _clauseExpands = [];

    /// <summary>Relationships of the clause that a predicate of the pattern itself reads (a property map on an
    /// anonymous relationship): never released.</summary>
    private readonly HashSet<string> _readRels = new(StringComparer.Ordinal);

    /// <summary>
    /// After a MATCH: a hidden (anonymous) relationship that no later hop of the clause checks for uniqueness is read
    /// by nothing (no name reaches it; WITH * skips hidden names), so its Expand does not build a relationship value.
    /// A clause with a path variable keeps every relationship (the path is made of them), and so does one whose
    /// variable-length relationship must avoid it (<c>_relSlotsReadByWalks</c>).
    /// </summary>
    private void ReleaseUnreadRelationships(MatchClause m)
    {
        if (m.Pattern.Parts.Any(p => p.PathVariable is not null)) return;
        foreach (var e in _clauseExpands)
            if (e.RelName.StartsWith(' ') && !_readRels.Contains(e.RelName) && !_clauseExpands.Any(x => x != e && x.Distinct.Contains(e.Rel))
                && !_relSlotsReadByWalks.Contains(e.Rel))
                e.BindsRelationship = false;
    }

    private static readonly FunctionCall SumOfCounts = new([], "sum", false, [new Variable(" degree")]);

    /// <summary>
    /// The degree rewrite (Neo4j plans a count over an expansion whose far end nothing else reads as a degree read):
    /// when the plan so far ends in Expand(All) (plus the Filter on what it bound) and the aggregation groups only by
    /// what was bound before the hop and only counts its rows (<c>count(*)</c>, or <c>count(v)</c> of the start node,
    /// the relationship or the far node, which are never null on an expanded row), the Expand and Filter become one
    /// <see cref="DegreeCountOperator"/> that writes each input row's count into a hidden slot, and every count
    /// becomes the sum of that slot. <c>count(DISTINCT p)</c>, <c>count(p.x)</c> and other aggregates keep the
    /// expansion. Returns the aggregates to use, or null when the shape does not apply (the plan is unchanged).
    /// </summary>
    private PlannedAggregate[]? TryDegreeCount(List<(string Name, Expression Expression)> items, int[] slots)
    {
        var filters = new List<FilterOperator>();
        var op = _plan;
        while (op is FilterOperator f)
        {
            filters.Add(f);
            op = f.Child;
        }
        if (op is not ExpandOperator { Into: false } expand || expand.RelName.Length == 0 || expand.ToName.Length == 0) return null;
        if (filters.Any(f => f.Sources is null)) return null;
        string[] hop = [expand.RelName, expand.ToName];
        var counted = new List<int>();
        for (var i = 0; i < items.Count; i++)
        {
            var e = items[i].Expression;
            if (!ExpressionFacts.ContainsAggregate(e))
            {
                if (AstWalk.VariablesIn(e).Any(hop.Contains)) return null;
                continue;
            }
            var countsRows = e is CountStar
                || (e is FunctionCall { Namespace.Count: 0, Distinct: false, Arguments: [Variable v] } f
                    && f.Name.Equals("count", StringComparison.OrdinalIgnoreCase)
                    && (hop.Contains(v.Name) || v.Name == expand.FromName));
            if (!countsRows) return null;
            counted.Add(i);
        }

        var sources = filters.SelectMany(f => f.Sources!).ToList();
        var kind = DegreeCountKind.Walk;
        string? label = null;
        var typeExpression = expand.TypeList is null && expand.Types is not null;
        if (expand.Distinct.Length == 0 && !typeExpression)
        {
            if (sources.Count == 0) kind = DegreeCountKind.Degree;
            else if (sources is [LabelPredicate { Target: Variable t, Labels: LabelName l }] && t.Name == expand.ToName && expand.TypeList is [_])
            {
                kind = DegreeCountKind.LabelCount;
                label = l.Name;
            }
        }
        // The filters run bottom-up, as they would over the expanded rows.
        var tests = Enumerable.Reverse(filters).Select(f => f.Predicate).ToArray();
        SlotExpression? predicate = tests.Length switch
        {
            0 => null,
            1 => tests[0],
            _ => (row, ctx) =>
            {
                foreach (var t in tests)
                    if (t(row, ctx) is not true) return Boxed.False;
                return Boxed.True;
            },
        };
        var countSlot = _layout.Add();
        var types = expand.Types?.AllNames() is { } names && names.Any() ? ":" + string.Join("|", names) : "";
        var (left, right) = expand.Direction switch
        {
            Direction.Outgoing => ("-[", "]->"),
            Direction.Incoming => ("<-[", "]-"),
            _ => ("-[", "]-"),
        };
        var pattern = $"({Shown(expand.FromName)}){left}{Shown(expand.RelName)}{types}{right}({Shown(expand.ToName)})";
        var where = sources.Count == 0 ? "" : " WHERE " + string.Join(" AND ", filters.Select(f => f.Details));
        _plan = new DegreeCountOperator(expand.Child!, expand, predicate, kind, label, countSlot)
        {
            Details = $"getDegree({pattern}{where})" + (kind == DegreeCountKind.Walk ? "" : $" ({kind})"),
            EstimatedRows = expand.Child!.EstimatedRows,
            ReadsRelationship = sources.Any(s => AstWalk.VariablesIn(s).Contains(expand.RelName)),
        };
        var result = new PlannedAggregate[counted.Count];
        for (var i = 0; i < counted.Count; i++)
            result[i] = new PlannedAggregate(SumOfCounts, (row, _) => row[countSlot], slots[counted[i]]);
        return result;
    }
}
