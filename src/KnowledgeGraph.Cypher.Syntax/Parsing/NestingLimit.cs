using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Syntax.Parsing;

/// <summary>
/// Bounds the height of a parsed tree. The parser's own recursion is bounded (<c>Descend</c>), but operator chains
/// (<c>1 + 1 + ... + 1</c>, <c>a AND b AND ...</c>, <c>x.a.b.c...</c>) are parsed by loops and still produce a
/// left-deep tree as tall as the chain. Every later pass (semantic analysis, printing, planning, evaluation, record
/// equality) recurses over the tree, so the tree height is what must be bounded for them to be safe: this walk is
/// iterative (explicit stack), so it cannot itself overflow, and rejects a tree taller than <see cref="MaxHeight"/>.
/// </summary>
internal static class NestingLimit
{
    /// <summary>The tallest syntax tree accepted. Every recursive pass is sized to survive this many levels on a
    /// 1.5 MB thread-pool stack (and guards itself with <c>EnsureSufficientExecutionStack</c> besides).</summary>
    public const int MaxHeight = 1000;

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> ChildProperties = new();

    /// <summary>Throws a syntax error at the first node deeper than <see cref="MaxHeight"/>.</summary>
    public static void Check(AstNode root, SourceText source)
    {
        var stack = new Stack<(AstNode Node, int Depth)>();
        stack.Push((root, 1));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (depth > MaxHeight)
            {
                throw source.Error($"The query is nested too deeply (more than {MaxHeight} levels)", node.Span.Offset, "QueryTooComplex");
            }

            foreach (var p in PropertiesOf(node.GetType()))
            {
                switch (p.GetValue(node))
                {
                    case AstNode child:
                        stack.Push((child, depth + 1));
                        break;
                    case IEnumerable items and not string:
                        foreach (var item in items)
                        {
                            if (item is AstNode c)
                            {
                                stack.Push((c, depth + 1));
                            }
                        }

                        break;
                }
            }
        }
    }

    private static PropertyInfo[] PropertiesOf(Type type) => ChildProperties.GetOrAdd(type, t => t
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract"
            && (typeof(AstNode).IsAssignableFrom(p.PropertyType)
                || (typeof(IEnumerable).IsAssignableFrom(p.PropertyType) && p.PropertyType != typeof(string))))
        .ToArray());
}
