using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Matching;

/// <summary>
/// One relationship between two nodes already bound, <c>MATCH (x)-[r:T]-(y)</c> after x and y are known (as the
/// per-hop lookup of <c>paths</c> does for each consecutive pair): the matcher reads the adjacency of one end and keeps
/// the relationships that reach the other. From a hub that is the hub's whole degree for every pair, so the walk
/// starts at the other end when the first is a hub (degree over <see cref="IntoHubDegree"/>) with
/// <see cref="IntoDegreeRatio"/> times the other's degree in the pattern's types and direction. The same
/// relationships are found; only their order can differ, and only for such hubs.
/// </summary>
internal static partial class PatternMatcher
{
    private const int IntoHubDegree = 64;
    private const int IntoDegreeRatio = 4;

    /// <summary>True when <paramref name="elems"/> is <c>(x)-[one hop]-(y)</c> with both ends bound and the match is
    /// cheaper from y.</summary>
    private static bool IntoFromLastEnd(List<PathElement> elems, Row row, ExecContext ctx)
    {
        if (elems.Count != 3 || elems[1] is not RelationshipPattern { IsVariableLength: false } rp) return false;
        if (((NodePattern)elems[0]).Variable is not { } a || ((NodePattern)elems[2]).Variable is not { } b) return false;
        if (!row.TryGet(a, out var first) || first is not NodeValue x || !row.TryGet(b, out var last) || last is not NodeValue y) return false;
        if (rp.Types is not null && Disjunction(rp.Types) is null) return false;
        var types = Disjunction(rp.Types);
        var fromX = ctx.Reader.GetDegree(x.Id, LabelMatch.ToStorage(rp.Direction), types);
        if (fromX <= IntoHubDegree) return false;
        var fromY = ctx.Reader.GetDegree(y.Id, LabelMatch.ToStorage(Reversed(rp).Direction), types);
        return fromX > (long)IntoDegreeRatio * fromY;
    }
}
