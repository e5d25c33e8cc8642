using System.Runtime.CompilerServices;
using KnowledgeGraph.Cypher.Functions;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Planning;

internal static partial class ExpressionCompiler
{
    /// <summary>
    /// Built-ins that run once per hop or relationship in the GraphQL <c>paths</c> statement
    /// (<c>coalesce(size(r.origins), size(r.sources), 0)</c>, <c>type(r) = 'ATTENDED'</c>), called without an
    /// argument array, or null to keep the general call. Each gives exactly the registry's answer
    /// (FunctionRegistry.Lists.cs and .Graph.cs): every argument is still evaluated, in order, before the function
    /// looks at any (so <c>coalesce(1, size(5))</c> fails as before), and a value the direct form does not handle
    /// (every value the function rejects) is handed, already evaluated, to the registry's own body
    /// <paramref name="bound"/>, which gives the answer or the error.
    /// </summary>
    private static SlotExpression? Direct(string name, SlotExpression[] args, FunctionRegistry.Fn bound)
    {
        switch (name)
        {
            case "coalesce" when args.Length == 2:
                {
                    var (a, b) = (args[0], args[1]);
                    return (row, ctx) =>
                    {
                        var x = a(row, ctx);
                        var y = b(row, ctx);
                        return x ?? y;
                    };
                }
            case "coalesce" when args.Length == 3:
                {
                    var (a, b, c) = (args[0], args[1], args[2]);
                    return (row, ctx) =>
                    {
                        var x = a(row, ctx);
                        var y = b(row, ctx);
                        var z = c(row, ctx);
                        return x ?? y ?? z;
                    };
                }
            case "size" when args.Length == 1:
                {
                    var a = args[0];
                    return (row, ctx) =>
                    {
                        var v = a(row, ctx);
                        if (v is null) return null;
                        // The store's lists (object[]) and built lists told by their exact class first: a test
                        // against an array type or the covariant IReadOnlyList<> goes through the runtime's slow
                        // cast helper.
                        // (Each test written as obj.GetType() == typeof(T), which the JIT turns into a compare of
                        // type handles; a Type kept in a local is a call.)
                        if (v.GetType() == typeof(object[])) return Boxed.Of(Unsafe.As<object?[]>(v).Length);
                        if (v.GetType() == typeof(List<object?>)) return Boxed.Of(Unsafe.As<List<object?>>(v).Count);
                        return v switch
                        {
                            string s => Boxed.Of(s.Length),
                            IReadOnlyList<object?> l => Boxed.Of(l.Count),
                            _ => bound([v], ctx),
                        };
                    };
                }
            case "type" when args.Length == 1:
                {
                    var a = args[0];
                    return (row, ctx) => a(row, ctx) switch
                    {
                        null => null,
                        RelValue r => r.Type,
                        var v => bound([v], ctx),
                    };
                }
        }
        return null;
    }
}
