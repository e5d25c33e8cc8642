using System.Text;
using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Functions;
using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Planning;

internal static partial class ExpressionCompiler
{
    /// <summary>reduce(acc = init, x IN list | e): the initial value, then the source, in the outer scope; the
    /// item's name shadows the accumulator's when both are the same (as the evaluator binds them).</summary>
    private static SlotExpression? Reduce(ReduceExpression r, Func<string, int?> resolve, Func<Expression, int?>? exact, SlotLayout layout)
    {
        var initial = Compile(r.Initial, resolve, exact, layout);
        var source = LoopSource.Compile(r.Source, x => Compile(x, resolve, exact, layout), exact);
        if (initial is null || source is null) return null;
        var accSlot = layout.Add();
        var itemSlot = layout.Add();
        if (Appended(r) is { } pieces)
        {
            var locals = new[] { (r.Accumulator, accSlot), (r.Variable, itemSlot) };
            if (!LocalsCovered(r.Expression, exact, locals)) return null;
            var compiled = All(pieces, x => Local(x, resolve, exact, layout, locals));
            return compiled is null ? null : Concatenating(initial, source, compiled, itemSlot);
        }
        var step = Local(r.Expression, resolve, exact, layout, (r.Accumulator, accSlot), (r.Variable, itemSlot));
        if (step is null) return null;
        return (row, ctx) =>
        {
            var acc = initial(row, ctx);
            if (!source.Open(row, ctx, out var list)) return null;
            for (var k = 0; k < list.Count; k++)
            {
                ctx.Tick();
                row[accSlot] = acc;
                row[itemSlot] = list[k];
                acc = step(row, ctx);
            }
            return acc;
        };
    }

    /// <summary>
    /// The pieces e1 … ek of a step written <c>acc + e1 + … + ek</c> (left to right, the accumulator first) when no
    /// piece mentions the accumulator and the item does not shadow it; else null. Such a fold is a concatenation
    /// when the accumulator is a string (<c>reduce(t = '', n IN ns | t + n.key + ' ')</c>).
    /// </summary>
    private static List<Expression>? Appended(ReduceExpression r)
    {
        if (r.Accumulator == r.Variable) return null;
        var pieces = new List<Expression>();
        var e = r.Expression;
        while (e is BinaryExpression { Operator: BinaryOperator.Add } b)
        {
            pieces.Add(b.Right);
            e = b.Left;
        }
        if (e is not Variable v || v.Name != r.Accumulator || pieces.Count == 0) return null;
        pieces.Reverse();
        foreach (var piece in pieces)
            if (Mentions(piece, [(r.Accumulator, 0)])) return null;
        return pieces;
    }

    /// <summary>
    /// reduce over a step <c>acc + e1 + … + ek</c>: the same additions in the same order (each piece evaluated after
    /// the additions before it, as the nested operators do), except that while the accumulator is a string and the
    /// pieces are strings or numbers, it is kept in a buffer and appended to instead of copied at every addition
    /// (which made the fold quadratic in its length, and a tenth of the bytes of the <c>paths</c> statement). The
    /// concatenation guard runs with the same lengths as for the copying addition
    /// (<see cref="Evaluator.GuardStringConcatenation"/>), so limits and work counts are unchanged; any other piece
    /// (null, a list, a temporal, a wrong type) makes the buffer a string again and goes through
    /// <see cref="Evaluator.ApplyBinary"/>, whose value or error is the answer. The accumulator's slot is not
    /// written: no piece reads it.
    /// </summary>
    private static SlotExpression Concatenating(SlotExpression initial, LoopSource source, SlotExpression[] pieces, int itemSlot) =>
        (row, ctx) =>
        {
            var acc = initial(row, ctx);
            if (!source.Open(row, ctx, out var list)) return null;
            StringBuilder? text = null;
            for (var k = 0; k < list.Count; k++)
            {
                ctx.Tick();
                row[itemSlot] = list[k];
                foreach (var piece in pieces)
                {
                    var v = piece(row, ctx);
                    if (text is null && acc is string start && v is string or long or double)
                        text = TextBuffer.Rent().Append(start);
                    if (text is not null)
                    {
                        if (v is string s)
                        {
                            Evaluator.GuardStringConcatenation(text.Length + (long)s.Length, ctx);
                            text.Append(s);
                            continue;
                        }
                        if (v is long or double)
                        {
                            Evaluator.GuardStringConcatenation(text.Length + 1L, ctx);
                            text.Append(Conversions.ToCypherString(v));
                            continue;
                        }
                        acc = TextBuffer.Finish(text);
                        text = null;
                    }
                    acc = Evaluator.ApplyBinary(BinaryOperator.Add, acc, v, ctx);
                }
            }
            return text is null ? acc : TextBuffer.Finish(text);
        };

    /// <summary>One reusable builder per thread for <see cref="Concatenating"/> (compiled delegates are shared
    /// between threads). A nested fold finds it taken and gets a new one; a fold that throws does not give it back,
    /// and a builder grown past 16K characters is dropped rather than kept.</summary>
    private static class TextBuffer
    {
        [ThreadStatic]
        private static StringBuilder? _kept;

        public static StringBuilder Rent()
        {
            var b = _kept ?? new StringBuilder(256);
            _kept = null;
            return b;
        }

        public static string Finish(StringBuilder b)
        {
            var s = b.ToString();
            if (b.Capacity <= 16 * 1024)
            {
                b.Clear();
                _kept = b;
            }
            return s;
        }
    }

    /// <summary>False when a whole-expression match (<paramref name="exact"/>) would apply to a part of
    /// <paramref name="body"/> that mentions a local: as <see cref="Local"/>, such a body is not covered.</summary>
    private static bool LocalsCovered(Expression body, Func<Expression, int?>? exact, (string Name, int Slot)[] locals) =>
        exact is null || !SyntaxTree.Descendants(body).Prepend(body).OfType<Expression>().Any(x => exact(x) is not null && Mentions(x, locals));
}
