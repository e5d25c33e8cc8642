using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Memory;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Matching;

/// <summary>
/// Value joins without an index: <c>MATCH (d:Document), (s:Source) WHERE d.source = s.key</c>. Once one side is
/// bound, the other side's candidates are those whose property equals a value computed from it. Scanning the label
/// for every row of the first side is quadratic; Neo4j plans a ValueHashJoin instead. Here the label is read once into
/// a table from property value to nodes, kept for the rest of the (read-only) statement, and each row probes it.
/// Like an index seek, the table only narrows the candidates: the WHERE predicate still runs on every row, so the
/// table is keyed by Cypher equivalence, under which every pair that <c>=</c> finds equal is equivalent.
/// </summary>
internal static partial class PatternMatcher
{
    /// <summary>The equality hint a join table can answer: on the pattern's variable, with a value that reads other
    /// variables (all bound), on a label without an index on that property, in a statement that does not write.</summary>
    internal static (string Label, SeekHint Hint)? JoinFor(NodePattern np, Row row, ExecContext ctx, List<SeekHint>? hints)
    {
        if (hints is null || np.Variable is null || ctx.Writer is not null) return null;
        var labels = np.Labels?.AsConjunction();
        if (labels is null || labels.Count == 0) return null;
        foreach (var h in hints)
        {
            if (h.Variable != np.Variable || h.Op != BinaryOperator.Equal || h.IsList || h.Property[0] == '\u0000') continue;
            if (!AstWalk.VariablesIn(h.Value).Any() || !CanEvaluate(h.Value, row)) continue;
            return (labels.MinBy(l => ctx.Reader.CountNodes(l))!, h);
        }
        return null;
    }

    private static IEnumerable<long> JoinCandidates(string label, SeekHint hint, Row row, ExecContext ctx)
    {
        var value = Evaluator.Eval(hint.Value, row, ctx);
        if (value is null) yield break; // = null is never true
        var table = ctx.JoinTable(label, hint.Property, () => BuildJoinTable(label, hint.Property, ctx));
        if (!table.TryGetValue(value, out var ids)) yield break;
        foreach (var id in ids)
        {
            ctx.AnchorHit();
            yield return id;
        }
    }

    private static Dictionary<object, List<long>> BuildJoinTable(string label, string property, ExecContext ctx)
    {
        var table = new Dictionary<object, List<long>>(Equivalence.Instance!);
        foreach (var id in ctx.Reader.NodesByLabel(label))
        {
            ctx.AnchorHit();
            ctx.Tick();
            if (ctx.Reader.GetNodeProperty(id, property) is not { } value) continue;
            if (!table.TryGetValue(value, out var ids))
            {
                table[value] = ids = [];
                ctx.Memory.Grow(64 + MemoryEstimate.Of(value));
            }
            ids.Add(id);
            // The table lives until the statement ends, and is accounted that long.
            ctx.Memory.Grow(8);
        }
        return table;
    }
}
