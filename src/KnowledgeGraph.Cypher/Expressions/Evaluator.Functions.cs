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
        var count = f.Arguments.Count;
        var pooled = count is > 0 and < ArgumentPoolSize && FunctionRegistry.ForgetsArguments(name);
        object?[] args;
        if (pooled)
        {
            _argumentPool ??= new object?[ArgumentPoolSize][];
            args = _argumentPool[count] ?? new object?[count];
            _argumentPool[count] = null;
        }
        else args = new object?[count];
        try
        {
            for (var i = 0; i < args.Length; i++) args[i] = Eval(f.Arguments[i], row, ctx);
            return FunctionRegistry.Invoke(f, args, ctx);
        }
        finally
        {
            if (pooled)
            {
                Array.Clear(args);
                _argumentPool![count] = args;
            }
        }
    }

    private const int ArgumentPoolSize = 5;

    /// <summary>One argument array per arity (1-4) for the built-in functions that never keep theirs (see
    /// <see cref="FunctionRegistry.ForgetsArguments"/>): a call runs once per row. A nested call finds the slot empty
    /// while its caller holds the array, and makes its own; arrays are cleared before they go back.</summary>
    [ThreadStatic]
    private static object?[]?[]? _argumentPool;
}
