using KnowledgeGraph.Cypher.Matching;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Execution;

internal static partial class QueryExecutor
{
    /// <summary>
    /// <c>MATCH (n:L) RETURN count(*)</c> and <c>MATCH ()-[r:T]->() RETURN count(r)</c> read the store's counts
    /// instead of scanning (Neo4j's NodeCountFromCountStore / RelationshipCountFromCountStore).
    /// </summary>
    private static Pipeline? TryCountStore(SingleQuery q, ExecContext ctx, IReadOnlyList<string> outerScope)
    {
        if (outerScope.Count != 0 || q.Clauses.Count != 2) return null;
        if (q.Clauses[0] is not MatchClause { Optional: false, Where: null } m || m.Pattern.Parts.Count != 1) return null;
        if (q.Clauses[1] is not ReturnClause { Body: { Distinct: false, IncludeExisting: false, OrderBy.Count: 0, Skip: null, Limit: null } body }) return null;
        var part = m.Pattern.Parts[0];
        if (part.Selector is not null || part.PathVariable is not null) return null;
        var elems = PatternMatcher.Normalize(part.Path.Elements);
        var vars = new HashSet<string>();
        Func<long>? count = null;
        string op;
        if (elems.Count == 1 && elems[0] is NodePattern { Properties: null, Where: null } np && np.Labels is null or LabelName)
        {
            if (np.Variable is not null) vars.Add(np.Variable);
            count = np.Labels is LabelName l ? () => ctx.Reader.CountNodes(l.Name) : () => ctx.Reader.NodeCount;
            op = "NodeCountFromCountStore";
        }
        else if (elems.Count == 3 && elems[0] is NodePattern { Labels: null, Properties: null, Where: null } a
            && elems[2] is NodePattern { Labels: null, Properties: null, Where: null } b
            && elems[1] is RelationshipPattern { IsVariableLength: false, Properties: null, Where: null, Direction: RelationshipDirection.Outgoing or RelationshipDirection.Incoming } rp
            && rp.Types is null or LabelName && (a.Variable is null || a.Variable != b.Variable))
        {
            foreach (var v in new[] { a.Variable, b.Variable, rp.Variable }) if (v is not null) vars.Add(v);
            count = rp.Types is LabelName t ? () => ctx.Reader.CountRelationships(t.Name) : () => ctx.Reader.RelationshipCount;
            op = "RelationshipCountFromCountStore";
        }
        else return null;
        foreach (var item in body.Items)
        {
            var ok = item.Expression is CountStar
                || (item.Expression is FunctionCall { Distinct: false, Namespace.Count: 0, Arguments: [Variable v] } f
                    && f.Name.Equals("count", StringComparison.OrdinalIgnoreCase) && vars.Contains(v.Name));
            if (!ok) return null;
        }
        var columns = body.Items.Select(i => i.Name).ToList();
        var profile = new ProfileNode("ProduceResults", [new ProfileNode("EagerAggregation", [new ProfileNode(op, [])])]);
        IEnumerable<Row> Rows()
        {
            var n = count();
            ctx.DbHits++;
            yield return new Row(columns.ToDictionary(c => c, _ => (object?)n, StringComparer.Ordinal));
        }
        return new Pipeline { Rows = profile.Wrap(Rows(), ctx), Columns = columns, Profile = profile };
    }
}
