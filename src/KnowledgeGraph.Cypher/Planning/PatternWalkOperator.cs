using KnowledgeGraph.Cypher.Matching;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Planning;

/// <summary>
/// VarLengthExpand(Pruning): a MATCH whose variable-length walk checks path predicates of its WHERE while it walks
/// (<see cref="PathPredicates"/>: node kinds, relationship filters, distinct nodes; the distance table towards a
/// bound far node). The walk is the pattern matcher's own, run per input row over a row of the variables in scope,
/// so the paths found and their order are the interpreter's; the variables the pattern binds are written into their
/// slots, then the WHERE decides. <paramref name="where"/> is the whole WHERE, <paramref name="unchecked"/> its
/// conjuncts the walk does not check (null: none). A path found while no pushed predicate failed with an error since
/// the walk began (<see cref="ExecContext.PathPredicateErrors"/>) passed every checked conjunct, so only the unchecked
/// ones are tested; after such an error, the whole WHERE is, as the interpreter does.
/// </summary>
internal sealed class PatternWalkOperator(PlanOperator child, MatchClause match, string[] inputNames, int[] inputSlots, string[] boundNames, int[] boundSlots,
    SlotExpression? where, SlotExpression? @unchecked) : PlanOperator(child)
{
    public override string Name => "VarLengthExpand(Pruning)";

    protected override IEnumerable<List<object?[]>> Produce(ExecContext ctx)
    {
        var emit = new BatchWriter();
        foreach (var batch in Child!.Run(ctx))
        {
            foreach (var input in batch)
            {
                ctx.Tick();
                var values = new object?[inputNames.Length];
                for (var i = 0; i < values.Length; i++) values[i] = input[inputSlots[i]];
                var row = Row.FromArrays(inputNames, values);
                var errors = ctx.PathPredicateErrors;
                foreach (var found in PatternMatcher.MatchPattern(match.Pattern, row, ctx, match.Where))
                {
                    var copy = ExpandOperator.Copy(input);
                    for (var i = 0; i < boundNames.Length; i++) copy[boundSlots[i]] = found[boundNames[i]];
                    var test = ctx.PathPredicateErrors == errors ? @unchecked : where;
                    if (test is not null && test(copy, ctx) is not true) continue;
                    if (emit.Add(copy)) yield return emit.Take();
                }
            }
        }
        if (emit.Current.Count > 0) yield return emit.Current;
    }
}
