using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;
using KnowledgeGraph.Storage;

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
        return OtherEndIsCheaper(ctx.Reader, x.Id, LabelMatch.ToStorage(rp.Direction), Disjunction(rp.Types), y.Id);
    }

    /// <summary>True when <paramref name="from"/> is a hub (degree over <see cref="IntoHubDegree"/> in
    /// <paramref name="direction"/> and <paramref name="types"/>) with <see cref="IntoDegreeRatio"/> times the
    /// relationships <paramref name="other"/> has the other way round: reading the other end's adjacency finds the
    /// same relationships between the two. The planner's Expand(Into) asks the same question.</summary>
    internal static bool OtherEndIsCheaper(IGraphReader reader, long from, Direction direction, IReadOnlyList<string>? types, long other)
    {
        var fromDegree = reader.GetDegree(from, direction, types);
        return MayPreferOtherEnd(fromDegree) && OtherEndIsCheaper(fromDegree, reader.GetDegree(other, Opposite(direction), types));
    }

    /// <summary>False when a start of <paramref name="fromDegree"/> relationships is read whatever the other end's degree.</summary>
    internal static bool MayPreferOtherEnd(long fromDegree) => fromDegree > IntoHubDegree;

    /// <summary>The rule of <see cref="OtherEndIsCheaper(IGraphReader, long, Direction, IReadOnlyList{string}, long)"/>
    /// on degrees already known (e.g. counted in a walk's kept adjacency).</summary>
    internal static bool OtherEndIsCheaper(long fromDegree, long otherDegree) =>
        MayPreferOtherEnd(fromDegree) && fromDegree > (long)IntoDegreeRatio * otherDegree;

    /// <summary>The direction of the same relationships seen from their other end (Both stays Both).</summary>
    internal static Direction Opposite(Direction direction) => direction switch
    {
        Direction.Outgoing => Direction.Incoming,
        Direction.Incoming => Direction.Outgoing,
        _ => direction,
    };
}
