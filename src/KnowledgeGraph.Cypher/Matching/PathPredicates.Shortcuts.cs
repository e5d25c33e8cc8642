using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher.Matching;

/// <summary>
/// Cheaper forms of the commonest path predicate shapes (a `paths` statement judges some 60 relationships and 20
/// nodes with them): names resolved to store tokens once, an OR of label tests on one node as one look at the node's
/// label set, <c>x IN $list</c> on a string as a direct scan, <c>coalesce</c> without an argument array. Each takes
/// its short way only for the values it is written for (a node, a string and a list) and otherwise runs the general
/// form, so values, nulls, db hits and errors are those of <see cref="Compile"/>'s general forms.
/// </summary>
internal sealed partial class PathPredicates
{
    /// <summary><c>v:A OR v:B OR …</c> (two or more single-label tests on one variable, OR-ed in any grouping), else
    /// null. On a node this is true when the node has any of the labels: each test is a bool there, so the OR is
    /// their disjunction; the general form evaluates every test (one db hit each), and so do the db hits counted
    /// here. On anything else (null, a relationship, a wrong type) the general form runs.</summary>
    private static ElementExpression? LabelSet(BinaryExpression or, ElementExpression general, string own, IReadOnlyList<string> reads)
    {
        var names = new List<string>();
        string? variable = null;
        if (!LabelLeaves(or, names, ref variable) || names.Count < 2 || variable is null) return null;
        if (Compile(new Variable(variable), own, reads) is not { } target) return null;
        var tokens = names.Select(n => new TokenName(n)).ToArray();
        var extraHits = tokens.Length - 1;
        return (s, ctx) =>
        {
            if (target(s, ctx) is not NodeValue n) return general(s, ctx);
            // The first test's hit is counted before the node is read, as the general form counts it: a node
            // that cannot be read fails there with one hit counted.
            ctx.DbHits++;
            var any = ctx.Reader.HasAnyLabel(n.Id, tokens);
            ctx.DbHits += extraHits;
            return Boxed.Of(any);
        };
    }

    private static bool LabelLeaves(Expression e, List<string> names, ref string? variable)
    {
        switch (e)
        {
            case BinaryExpression { Operator: BinaryOperator.Or } b:
                return LabelLeaves(b.Left, names, ref variable) && LabelLeaves(b.Right, names, ref variable);
            case LabelPredicate { Target: Variable v, Labels: LabelName label }:
                if (variable is not null && variable != v.Name) return false;
                variable = v.Name;
                names.Add(label.Name);
                return true;
            default:
                return false;
        }
    }

    /// <summary><c>x IN $p</c>: with a string on the left and a list in the parameter, a scan comparing strings
    /// ordinally (<see cref="CypherValues.Equal"/> of a string with a non-string is false, never null; with null it
    /// is null, so a null item makes a miss null). Anything else goes to the evaluator's IN.</summary>
    private static ElementExpression InParameter(ElementExpression left, string name) => (s, ctx) =>
    {
        var value = left(s, ctx);
        var list = ctx.Param(name);
        if (value is not string text || list is not IReadOnlyList<object?> items || list is string)
            return Evaluator.ApplyBinary(BinaryOperator.In, value, list, ctx);
        var sawNull = false;
        for (var i = 0; i < items.Count; i++)
        {
            switch (items[i])
            {
                case string item when string.Equals(item, text, StringComparison.Ordinal): return Boxed.True;
                case null: sawNull = true; break;
            }
        }
        return sawNull ? null : Boxed.False;
    };

    /// <summary>The built-in <c>coalesce</c> (the registry's scalars come before user functions): every argument
    /// evaluated in order, as for any call, then the first that is not null.</summary>
    private static ElementExpression Coalesce(ElementExpression[] args) => args.Length == 2
        ? (s, ctx) =>
        {
            var first = args[0](s, ctx);
            var second = args[1](s, ctx);
            return first ?? second;
        }
        : (s, ctx) =>
        {
            object? found = null;
            foreach (var arg in args)
            {
                var value = arg(s, ctx);
                found ??= value;
            }
            return found;
        };
}
