using KnowledgeGraph.Cypher.QueryErrors;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Functions;

/// <summary>Dispatches scalar function calls by lower-cased qualified name.</summary>
internal static partial class FunctionRegistry
{
    /// <summary>A scalar function's body over its evaluated arguments.</summary>
    internal delegate object? Fn(object?[] a, ExecContext ctx);

    private static readonly Dictionary<string, (int Min, int Max, Fn Body)> Scalars = Build();

    /// <summary>The lower-cased names of the scalar functions (SHOW FUNCTIONS lists each).</summary>
    public static IEnumerable<string> ScalarNames => Scalars.Keys;

    /// <summary>True when <see cref="Invoke"/> (or the evaluator, for <c>exists</c> and aggregates) resolves the lower-cased qualified name without a user-defined function
    /// (the built-in <c>exists(...)</c> predicate, scalars, aggregates and temporal functions).</summary>
    public static bool Resolves(string lowerName) => lowerName == "exists" || Exists(lowerName);

    /// <summary>A built-in scalar or temporal function: <see cref="Invoke"/> needs nothing but its evaluated arguments.</summary>
    public static bool IsBuiltinScalar(string lowerName) => Scalars.ContainsKey(lowerName) || TemporalBridge.IsFunction(lowerName);

    public static bool Exists(string lowerName) => Scalars.ContainsKey(lowerName) || ExpressionFacts.AggregateFunctions.Contains(lowerName) || TemporalBridge.IsFunction(lowerName)
        || lowerName is "linenumber" or "file";

    /// <summary>Calls the scalar, temporal or user-defined function <paramref name="f"/> on its evaluated arguments.
    /// Aggregates and the <c>exists(...)</c> predicate are the evaluator's (they need the unevaluated argument).</summary>
    public static object? Invoke(FunctionCall f, object?[] args, ExecContext ctx)
    {
        var lowerName = LowerName(f);
        if (Scalars.TryGetValue(lowerName, out var fn))
        {
            if (args.Length < fn.Min || args.Length > fn.Max)
                throw Err.Semantic($"Function {f.Name} called with {args.Length} arguments", "InvalidNumberOfArguments", true);
            return fn.Body(args, ctx);
        }
        if (TemporalBridge.IsFunction(lowerName)) return ctx.Temporal(lowerName, args);
        if (ctx.Engine.TryGetFunction(lowerName, out var udf)) return udf(args);
        throw Err.Semantic($"Unknown function '{f.QualifiedName}'", "UnknownFunction", true);
    }

    /// <summary>The body <see cref="Invoke"/> would run for <paramref name="f"/> with <paramref name="arity"/>
    /// arguments, resolved once: a compiled call site that runs per row skips Invoke's two name lookups. Null when
    /// Invoke would do anything else (a temporal or user-defined function, a wrong number of arguments).</summary>
    internal static Fn? Bind(FunctionCall f, int arity) =>
        Scalars.TryGetValue(LowerName(f), out var fn) && arity >= fn.Min && arity <= fn.Max ? fn.Body : null;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> LowerNames = new(StringComparer.Ordinal);

    /// <summary>A call's qualified name lower-cased (names are case-insensitive), remembered per spelling: a call runs
    /// once per row and would otherwise make its lower-case name again each time. The table keeps at most 4,096
    /// spellings (statements name few functions; the bound keeps odd inputs from growing it).</summary>
    internal static string LowerName(FunctionCall f)
    {
        if (f.Namespace.Count > 0) return f.QualifiedName.ToLowerInvariant();
        var name = f.Name;
        if (LowerNames.TryGetValue(name, out var lower)) return lower;
        lower = name.ToLowerInvariant();
        if (LowerNames.Count < 4096) LowerNames.TryAdd(name, lower);
        return lower;
    }

    private static readonly HashSet<string> Forgetful = new(StringComparer.Ordinal)
    {
        "size", "coalesce", "type", "startnode", "endnode", "head", "last", "labels", "nodes", "relationships", "length", "id",
        "elementid", "tostring", "tointeger", "tofloat", "range", "properties", "keys", "tolower", "toupper", "trim", "abs",
    };

    /// <summary>True for built-in functions (by lower-case name) whose body reads its argument array during the call
    /// and neither returns nor keeps it (nor a lazy sequence over it), so a caller may reuse the array afterwards.</summary>
    internal static bool ForgetsArguments(string lowerName) => Forgetful.Contains(lowerName);

    private static Dictionary<string, (int, int, Fn)> Build()
    {
        var d = new Dictionary<string, (int, int, Fn)>(StringComparer.Ordinal);
        AddGraph(d);
        AddLists(d);
        AddStrings(d);
        AddMath(d);
        AddSpatial(d);
        return d;
    }

    private static long Int(object? v, string fn) => v switch
    {
        long l => l,
        double dd when dd == Math.Floor(dd) => (long)dd,
        _ => throw Err.Type($"Function {fn} expects an INTEGER argument but got {CypherValues.TypeName(v)}"),
    };

    private static double Num(object? v, string fn) => v switch
    {
        long l => l,
        double dd => dd,
        _ => throw Err.Type($"Function {fn} expects a number but got {CypherValues.TypeName(v)}"),
    };

    private static string Str(object? v, string fn) =>
        v as string ?? throw Err.Type($"Function {fn} expects a STRING argument but got {CypherValues.TypeName(v)}");
}
