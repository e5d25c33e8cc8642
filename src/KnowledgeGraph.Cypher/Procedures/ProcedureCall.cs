using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Cypher.Procedures;

/// <summary>Executes <c>CALL ns.proc(args) [YIELD ...] [WHERE ...]</c>.</summary>
internal static class ProcedureCall
{
    public static (IEnumerable<Row>, IReadOnlyList<string>) Apply(CallProcedureClause cp, IEnumerable<Row> rows, ExecContext ctx)
    {
        if (!ctx.Engine.TryGetProcedure(cp.QualifiedName, out var sig, out var body))
            throw new GraphException("Neo.ClientError.Procedure.ProcedureNotFound", $"There is no procedure with the name `{cp.QualifiedName}` registered for this database instance.")
            { Phase = ErrorPhase.CompileTime, Detail = "ProcedureNotFound" };
        if (cp.Arguments is not null && (cp.Arguments.Count > sig.Inputs.Count || cp.Arguments.Count < sig.Inputs.Count(i => !i.IsOptional)))
            throw new GraphException(ErrorCodes.SyntaxError, $"Procedure call provides {cp.Arguments.Count} arguments but {sig.Name} expects {sig.Inputs.Count}.")
            { Phase = ErrorPhase.CompileTime, Detail = "InvalidNumberOfArguments" };
        if (cp.Arguments is null && !cp.Standalone)
            throw new GraphException(ErrorCodes.SyntaxError, "Procedure call inside a query does not support passing arguments implicitly.")
            { Phase = ErrorPhase.CompileTime, Detail = "InvalidArgumentPassingMode" };
        // Literal arguments are type-checked before execution, as Neo4j does at compile time.
        if (cp.Arguments is not null)
            for (var i = 0; i < cp.Arguments.Count; i++)
                if (cp.Arguments[i] is Literal lit) ProcedureRegistry.Coerce(lit.Value is int n ? (long)n : lit.Value, sig.Inputs[i].Type, sig.Name);

        List<(string Field, string Variable)> yields;
        if (cp.YieldAll || (cp.Yield is null && cp.Standalone))
            yields = sig.Outputs.Select(o => (o.Name, o.Name)).ToList();
        else if (cp.Yield is null)
        {
            if (sig.Outputs.Count > 0)
                throw new GraphException(ErrorCodes.SyntaxError, "Procedure call inside a query must yield its results (YIELD).")
                { Phase = ErrorPhase.CompileTime, Detail = "UndefinedVariable" };
            yields = [];
        }
        else
        {
            yields = [];
            foreach (var y in cp.Yield)
            {
                if (!sig.Outputs.Any(o => o.Name == y.Field))
                    throw new GraphException(ErrorCodes.SyntaxError, $"Unknown procedure output: `{y.Field}`") { Phase = ErrorPhase.CompileTime, Detail = "UndefinedVariable" };
                yields.Add((y.Field, y.Variable));
            }
        }
        var columns = yields.Select(y => y.Variable).ToList();
        if (cp.Arguments is null)
            foreach (var input in sig.Inputs)
                if (!input.IsOptional && !ctx.Parameters.ContainsKey(input.Name))
                    throw new GraphException(ErrorCodes.ParameterMissing, $"Expected parameter(s): {input.Name}") { Phase = ErrorPhase.CompileTime, Detail = "MissingParameter" };
        return (Run(), columns);

        IEnumerable<Row> Run()
        {
            foreach (var row in rows)
            {
                var args = new List<object?>();
                for (var i = 0; i < sig.Inputs.Count; i++)
                {
                    var v = cp.Arguments is null
                        ? (sig.Inputs[i].IsOptional && !ctx.Parameters.ContainsKey(sig.Inputs[i].Name) ? sig.Inputs[i].DefaultValue : ctx.Param(sig.Inputs[i].Name))
                        : i < cp.Arguments.Count ? Evaluator.Eval(cp.Arguments[i], row, ctx) : sig.Inputs[i].DefaultValue;
                    args.Add(ProcedureRegistry.Coerce(v, sig.Inputs[i].Type, sig.Name));
                }
                var outputs = body(args, ctx).ToList();
                if (sig.Outputs.Count == 0)
                {
                    // A void procedure passes its input row through once.
                    yield return row;
                    continue;
                }
                foreach (var output in outputs)
                {
                    ctx.Tick();
                    var r = row;
                    foreach (var (field, variable) in yields)
                    {
                        var idx = sig.Outputs.ToList().FindIndex(o => o.Name == field);
                        r = r.With(variable, idx < output.Count ? Output.FromClient(output[idx]) : null);
                    }
                    if (cp.Where is not null && Evaluator.Eval(cp.Where, r, ctx) is not true) continue;
                    yield return r;
                }
            }
        }
    }
}
