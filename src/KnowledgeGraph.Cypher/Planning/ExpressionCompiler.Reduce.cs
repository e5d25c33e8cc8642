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
            var compiled = All(pieces.Items, x => Local(x, resolve, exact, layout, locals));
            return compiled is null ? null : Appending(initial, source, compiled, pieces.ReadsAccumulator, accSlot, itemSlot);
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
    /// The pieces e1 … ek of a step written <c>acc + e1 + … + ek</c> (left to right, the accumulator first), when the
    /// item does not shadow the accumulator and the pieces either never mention it, or (a single piece) only ask
    /// whether something is in it (<c>x IN acc</c>: <c>reduce(o = [], r IN rs | o + [x IN r.origins WHERE NOT x IN o])</c>),
    /// which reads the list and keeps no reference to it; else null. No subquery or pattern inside a piece.
    /// </summary>
    private static (List<Expression> Items, bool ReadsAccumulator)? Appended(ReduceExpression r)
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
        var reads = false;
        foreach (var piece in pieces)
        {
            int mentions = 0, tested = 0;
            foreach (var n in SyntaxTree.Descendants(piece).Prepend(piece))
            {
                switch (n)
                {
                    case SubqueryExpression or PatternPredicate or PatternComprehension or ShortestPathExpression: return null;
                    case VariableSelector vs when vs.Name == r.Accumulator: return null;
                    case Variable x when x.Name == r.Accumulator: mentions++; break;
                    case BinaryExpression { Operator: BinaryOperator.In, Right: Variable y } when y.Name == r.Accumulator: tested++; break;
                }
            }
            if (mentions == 0) continue;
            if (mentions != tested || pieces.Count > 1) return null;
            reads = true;
        }
        return (pieces, reads);
    }

    /// <summary>
    /// reduce over a step <c>acc + e1 + … + ek</c>: the same additions in the same order (each piece evaluated after
    /// the additions before it, as the nested operators do), without copying the accumulator at every addition
    /// (which made a fold quadratic in its length: a tenth of the bytes of the <c>paths</c> statement went to
    /// <c>reduce(t = '', n IN ns | t + n.key + ' ')</c>).
    /// <list type="bullet">
    /// <item>While the accumulator is a string and the pieces are strings or numbers, it is kept in a buffer and
    /// appended to. The accumulator's slot is then not written: no piece reads it.</item>
    /// <item>While it is a list and a piece is not null, it is a list this fold made (the first such addition copies
    /// the accumulator, so the initial value and lists from elsewhere are never changed) and the piece's items (or the
    /// piece itself, for a non-list) are appended to it. No one else holds that list: a piece may only test membership
    /// in it (see <see cref="Appended"/>), and it leaves the fold only as its result.</item>
    /// <item>Anything else (null, a temporal, a wrong type) goes through <see cref="Evaluator.ApplyBinary"/>, whose
    /// value or error is the answer.</item>
    /// </list>
    /// The concatenation guard runs before every addition with the operands' lengths, as for the copying addition, so
    /// limits and work counts are unchanged.
    /// </summary>
    private static SlotExpression Appending(SlotExpression initial, LoopSource source, SlotExpression[] pieces, bool readsAccumulator, int accSlot, int itemSlot) =>
        (row, ctx) =>
        {
            var acc = initial(row, ctx);
            if (!source.Open(row, ctx, out var list)) return null;
            StringBuilder? text = null;
            List<object?>? owned = null;
            for (var k = 0; k < list.Count; k++)
            {
                ctx.Tick();
                if (readsAccumulator) row[accSlot] = acc;
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
                    if (v is not null && acc is IReadOnlyList<object?> left && acc is not string)
                    {
                        Evaluator.GuardConcatenation(left, v, ctx);
                        var items = v is IReadOnlyList<object?> l && v is not string ? l : null;
                        if (owned is null)
                        {
                            owned = new List<object?>(left.Count + (items?.Count ?? 1));
                            Evaluator.Append(owned, left);
                            acc = owned;
                        }
                        if (items is null) owned.Add(v);
                        else Evaluator.Append(owned, items);
                        continue;
                    }
                    owned = null;
                    acc = Evaluator.ApplyBinary(BinaryOperator.Add, acc, v, ctx);
                }
            }
            return text is null ? acc : TextBuffer.Finish(text);
        };

    /// <summary>One reusable builder per thread for <see cref="Appending"/> (compiled delegates are shared
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
