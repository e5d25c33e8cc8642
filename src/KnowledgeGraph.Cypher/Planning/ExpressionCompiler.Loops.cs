using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Functions;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Planning;

internal static partial class ExpressionCompiler
{
    /// <summary>
    /// The list a comprehension, quantifier or reduce iterates. A source written as <c>range(a, b[, c])</c> is
    /// iterated by index without building its list (the GraphQL <c>paths</c> statement loops over
    /// <c>range(0, size(x) - 2)</c> per path and per hop): its arguments are evaluated in order and checked by the
    /// function's own rules (<see cref="FunctionRegistry.RangeBounds"/>), so a null argument still gives a null loop
    /// and a bad one the same error; elements are the boxes <see cref="LongRange"/> would give. Any other source is
    /// evaluated as before.
    /// </summary>
    private sealed class LoopSource
    {
        private readonly SlotExpression? _list;
        private readonly SlotExpression[]? _range;

        private LoopSource(SlotExpression? list, SlotExpression[]? range)
        {
            _list = list;
            _range = range;
        }

        /// <summary>A source read whole from a slot (<paramref name="exact"/>: after aggregation or DISTINCT) stays
        /// a list read.</summary>
        public static LoopSource? Compile(Expression source, Func<Expression, SlotExpression?> compile, Func<Expression, int?>? exact)
        {
            if (exact?.Invoke(source) is null && source is FunctionCall { Namespace.Count: 0, Distinct: false } f && f.Arguments.Count is 2 or 3
                && FunctionRegistry.LowerName(f) == "range")
            {
                var args = All(f.Arguments, compile);
                return args is null ? null : new LoopSource(null, args);
            }
            var list = compile(source);
            return list is null ? null : new LoopSource(list, null);
        }

        /// <summary>Evaluates the source; false when it is null (the loop's value is null). A source that is not a
        /// list fails as <see cref="Evaluator.AsList"/> does.</summary>
        public bool Open(object?[] row, ExecContext ctx, out Items items)
        {
            if (_range is { } r)
            {
                var a0 = r[0](row, ctx);
                var a1 = r[1](row, ctx);
                var bounded = r.Length == 2
                    ? FunctionRegistry.RangeBounds([a0, a1], out var start, out var end, out var step)
                    : FunctionRegistry.RangeBounds([a0, a1, r[2](row, ctx)], out start, out end, out step);
                items = bounded ? new Items(null, start, step, LongRange.CountOf(start, end, step)) : default;
                return bounded;
            }
            var src = _list!(row, ctx);
            if (src is null)
            {
                items = default;
                return false;
            }
            var list = Evaluator.AsList(src);
            items = new Items(list, 0, 0, list.Count);
            return true;
        }
    }

    /// <summary>A loop's elements: a list's, or a range's computed by index (boxed as <see cref="LongRange"/> does,
    /// and at most <see cref="int.MaxValue"/> of them, as its Count).</summary>
    private readonly struct Items(IReadOnlyList<object?>? list, long start, long step, long count)
    {
        public int Count { get; } = (int)Math.Min(count, int.MaxValue);

        public object? this[int index] => list is null ? Boxed.Of(start + (index * step)) : list[index];
    }
}
