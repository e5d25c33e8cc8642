using KnowledgeGraph.Cypher.Matching;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Planning;

/// <summary>
/// VarLengthExpand(All) binds the far node (and the relationship list when something reads it) of every walk of a
/// variable-length relationship from the node in the from slot; VarLengthExpand(Into) keeps the walks that end at
/// the node already bound in the to slot. The walk is the pattern matcher's own
/// (<see cref="PatternMatcher.VarLengthEnds"/>), with the relationships this MATCH already bound as used, so the rows
/// are the interpreter's. <paramref name="walked"/> is the relationship as followed from the from node; when that is
/// against the written direction, the list is put back in written order.
/// </summary>
internal sealed class VarLengthExpandOperator(PlanOperator child, RelationshipPattern walked, bool reverseList, int fromSlot, string fromName,
    int toSlot, string toName, bool into, int relSlot, string[] inputNames, int[] inputSlots, int[] usedSlots) : PlanOperator(child)
{
    public override string Name => into ? "VarLengthExpand(Into)" : "VarLengthExpand(All)";

    protected override IEnumerable<List<object?[]>> Produce(ExecContext ctx)
    {
        var far = new NodePattern(toName, null, null, null);
        var emit = new BatchWriter();
        foreach (var batch in Child!.Run(ctx))
        {
            foreach (var input in batch)
            {
                ctx.Tick();
                if (ExpandOperator.NodeIdOf(input[fromSlot], fromName) is not { } start) continue;
                if (!ctx.Reader.NodeExists(start)) continue;
                long target = -1;
                if (into)
                {
                    if (input[toSlot] is not NodeValue t) continue;
                    target = t.Id;
                }
                var values = new object?[inputNames.Length];
                for (var i = 0; i < values.Length; i++) values[i] = input[inputSlots[i]];
                var row = Row.FromArrays(inputNames, values);
                var st = new MatchState(row, Used(input));
                st.StartAt(row, start);
                foreach (var end in PatternMatcher.VarLengthEnds(walked, start, far, st, ctx))
                {
                    if (into && end != target) continue;
                    var copy = ExpandOperator.Copy(input);
                    if (!into) copy[toSlot] = new NodeValue(end);
                    if (relSlot >= 0)
                    {
                        var list = st.Row[walked.Variable!] as List<object?> ?? [];
                        if (reverseList)
                        {
                            list = [.. list];
                            list.Reverse();
                        }
                        copy[relSlot] = list;
                    }
                    if (emit.Add(copy)) yield return emit.Take();
                }
            }
        }
        if (emit.Current.Count > 0) yield return emit.Current;
    }

    /// <summary>Relationships the MATCH bound before this expand (single ones and earlier lists).</summary>
    private HashSet<long> Used(object?[] input) => UsedRelationships(input, usedSlots);

    /// <summary>The ids of the relationships in <paramref name="usedSlots"/> of <paramref name="input"/>: single
    /// relationships and the elements of relationship lists (what a walk of the same MATCH must not reuse).</summary>
    internal static HashSet<long> UsedRelationships(object?[] input, int[] usedSlots)
    {
        var used = new HashSet<long>();
        foreach (var slot in usedSlots)
        {
            switch (input[slot])
            {
                case RelValue r: used.Add(r.Id); break;
                case IReadOnlyList<object?> list:
                    foreach (var x in list)
                        if (x is RelValue lr) used.Add(lr.Id);
                    break;
            }
        }
        return used;
    }
}
