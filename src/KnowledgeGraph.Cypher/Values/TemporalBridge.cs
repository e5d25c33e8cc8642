using System.Reflection;
using KnowledgeGraph.Errors;
using KnowledgeGraph.Temporal;

namespace KnowledgeGraph.Cypher.Values;

/// <summary>
/// Late-bound access to <c>KnowledgeGraph.Temporal.TemporalFunctions</c> (owned by the temporal library in Core).
/// Bound by reflection so the engine compiles and runs before that library lands; once it is there every
/// temporal function, accessor, operator and format goes through it. Invariant: no temporal logic lives here.
/// </summary>
internal static class TemporalBridge
{
    private static readonly Type? Functions = typeof(CypherDate).Assembly.GetType("KnowledgeGraph.Temporal.TemporalFunctions");
    private static readonly Type? ContextType = typeof(CypherDate).Assembly.GetType("KnowledgeGraph.Temporal.TemporalContext");

    private static MethodInfo? M(string name, int args) =>
        Functions?.GetMethods(BindingFlags.Public | BindingFlags.Static).FirstOrDefault(m => m.Name == name && m.GetParameters().Length == args);

    private static readonly MethodInfo? IsFunctionM = M("IsFunction", 1);
    private static readonly MethodInfo? InvokeM = M("Invoke", 3);
    private static readonly MethodInfo? TryGetPropertyM = M("TryGetProperty", 3);
    private static readonly MethodInfo? TryAddM = M("TryAdd", 3);
    private static readonly MethodInfo? TrySubtractM = M("TrySubtract", 3);
    private static readonly MethodInfo? TryMultiplyM = M("TryMultiply", 3);
    private static readonly MethodInfo? TryDivideM = M("TryDivide", 3);
    private static readonly MethodInfo? CompareM = M("Compare", 2);
    private static readonly MethodInfo? FormatM = M("Format", 1);

    public static bool Available => Functions is not null;

    public static bool IsTemporal(object? v) =>
        v is CypherDate or CypherTime or CypherLocalTime or CypherDateTime or CypherLocalDateTime or CypherDuration;

    public static bool IsFunction(string lowerName) => IsFunctionM is not null && (bool)Call(IsFunctionM, lowerName)!;

    public static object? Invoke(string lowerName, IReadOnlyList<object?> args, DateTimeOffset statementTime, DateTimeOffset txTime, string zone)
    {
        if (InvokeM is null || ContextType is null)
            throw new GraphException(ErrorCodes.SemanticError, $"Unknown function '{lowerName}'") { Phase = ErrorPhase.CompileTime, Detail = "UnknownFunction" };
        return Call(InvokeM, lowerName, args, MakeContext(statementTime, txTime, zone));
    }

    private static object MakeContext(DateTimeOffset statementTime, DateTimeOffset txTime, string zone)
    {
        var values = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase)
        {
            ["StatementTime"] = statementTime,
            ["TransactionTime"] = txTime,
            ["DefaultTimeZone"] = zone,
        };
        var parameterless = ContextType!.GetConstructor(Type.EmptyTypes);
        if (parameterless is not null || ContextType.IsValueType)
        {
            var obj = Activator.CreateInstance(ContextType)!;
            foreach (var (k, v) in values)
            {
                var p = ContextType.GetProperty(k);
                if (p is not null && p.CanWrite) p.SetValue(obj, v);
                else ContextType.GetField(k)?.SetValue(obj, v);
            }
            return obj;
        }
        var ctor = ContextType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var args = ctor.GetParameters().Select(p => values.TryGetValue(p.Name ?? "", out var v) ? v : null).ToArray();
        return ctor.Invoke(args);
    }

    public static bool TryGetProperty(object value, string key, out object? result) => TryOut(TryGetPropertyM, value, key, out result);

    public static bool TryAdd(object? a, object? b, out object? r) => TryOut(TryAddM, a, b, out r);

    public static bool TrySubtract(object? a, object? b, out object? r) => TryOut(TrySubtractM, a, b, out r);

    public static bool TryMultiply(object? a, object? b, out object? r) => TryOut(TryMultiplyM, a, b, out r);

    public static bool TryDivide(object? a, object? b, out object? r) => TryOut(TryDivideM, a, b, out r);

    /// <summary>Null when incomparable (or when the temporal library is absent and the values differ in type).</summary>
    public static int? Compare(object a, object b)
    {
        if (CompareM is not null) return (int?)Call(CompareM, a, b);
        if (a.GetType() != b.GetType()) return null;
        return a.Equals(b) ? 0 : null;
    }

    public static string Format(object value) => FormatM is not null ? (string)Call(FormatM, value)! : value.ToString() ?? "";

    private static bool TryOut(MethodInfo? m, object? a, object? b, out object? result)
    {
        result = null;
        if (m is null) return false;
        var args = new object?[] { a, b, null };
        var ok = (bool)CallArgs(m, args)!;
        result = args[2];
        return ok;
    }

    private static object? Call(MethodInfo m, params object?[] args) => CallArgs(m, args);

    private static object? CallArgs(MethodInfo m, object?[] args)
    {
        try
        {
            return m.Invoke(null, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
