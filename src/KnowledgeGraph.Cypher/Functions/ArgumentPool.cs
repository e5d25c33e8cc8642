namespace KnowledgeGraph.Cypher.Functions;

/// <summary>
/// One argument array per arity (1-4) and thread for compiled calls of the built-ins that never keep theirs
/// (<see cref="FunctionRegistry.ForgetsArguments"/>): a compiled call runs once per row or walk step, and compiled
/// delegates are shared between threads (cached plans), so the arrays cannot belong to the delegate. A nested call
/// finds its arity's slot empty while its caller holds the array, and gets a fresh one; arrays are cleared when they
/// come back.
/// </summary>
internal static class ArgumentPool
{
    public const int MaxArity = 4;

    [ThreadStatic]
    private static object?[]?[]? _arrays;

    /// <summary>True when calls of <paramref name="lowerName"/> with <paramref name="count"/> arguments may use the pool.</summary>
    public static bool Applies(string lowerName, int count) => count is > 0 and <= MaxArity && FunctionRegistry.ForgetsArguments(lowerName);

    public static object?[] Rent(int count)
    {
        _arrays ??= new object?[MaxArity + 1][];
        var array = _arrays[count] ?? new object?[count];
        _arrays[count] = null;
        return array;
    }

    /// <summary>Takes the array back (cleared, so it keeps no value alive); call on the thread that rented it.</summary>
    public static void Return(object?[] array)
    {
        Array.Clear(array);
        _arrays ??= new object?[MaxArity + 1][];
        _arrays[array.Length] = array;
    }
}
