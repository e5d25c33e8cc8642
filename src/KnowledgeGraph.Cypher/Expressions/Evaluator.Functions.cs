using KnowledgeGraph.Cypher.Functions;
using KnowledgeGraph.Cypher.QueryErrors;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax;
using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Expressions;

internal static partial class Evaluator
{
    /// <summary>A function call: <c>exists(...)</c> tests its unevaluated argument, an aggregate outside a projection
    /// is an error, everything else is evaluated argument by argument and handed to <see cref="FunctionRegistry"/>.</summary>
    private static object? CallFunction(FunctionCall f, Row row, ExecContext ctx)
    {
        var name = FunctionRegistry.LowerName(f);
        if (name == "exists" && f.Arguments.Count == 1)
        {
            var arg = f.Arguments[0];
            if (arg is PatternPredicate or PatternComprehension) return Eval(arg, row, ctx) is true or IReadOnlyList<object?> { Count: > 0 };
            return Eval(arg, row, ctx) is not null;
        }
        if (f.Arguments.Count == 0 && name is "linenumber" or "file")
            return row[name == "linenumber" ? Row.CsvLineKey : Row.CsvFileKey];
        if (f.Namespace.Count == 0 && ExpressionFacts.AggregateFunctions.Contains(name))
            throw Err.Semantic($"Invalid use of aggregating function {f.Name}(...) in this context", "InvalidAggregation", true);
        var args = new object?[f.Arguments.Count];
        for (var i = 0; i < args.Length; i++) args[i] = Eval(f.Arguments[i], row, ctx);
        return FunctionRegistry.Invoke(f, args, ctx);
    }
}
