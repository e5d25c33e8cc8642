using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Planning;

/// <summary>
/// ProcedureCall: for each input row, the procedure runs through the interpreter's
/// <see cref="Procedures.ProcedureCall"/> (argument coercion, YIELD, its WHERE, a void procedure passing the row
/// once) over a row of the variables its arguments read; the yielded values go into their slots.
/// </summary>
internal sealed class ProcedureCallOperator(PlanOperator? child, CallProcedureClause call, string[] inputNames, int[] inputSlots,
    string[] columns, int[] outputSlots, SlotLayout layout) : PlanOperator(child)
{
    public override string Name => "ProcedureCall";

    protected override IEnumerable<List<object?[]>> Produce(ExecContext ctx)
    {
        var emit = new BatchWriter();
        foreach (var batch in Input(ctx, layout.Width))
        {
            foreach (var input in batch)
            {
                var values = new object?[inputNames.Length];
                for (var i = 0; i < values.Length; i++) values[i] = input[inputSlots[i]];
                var (rows, _) = Procedures.ProcedureCall.Apply(call, [Row.FromArrays(inputNames, values)], ctx);
                foreach (var r in rows)
                {
                    var row = ExpandOperator.Copy(input);
                    for (var i = 0; i < columns.Length; i++) row[outputSlots[i]] = r[columns[i]];
                    if (emit.Add(row)) yield return emit.Take();
                }
            }
        }
        if (emit.Current.Count > 0) yield return emit.Current;
    }
}
