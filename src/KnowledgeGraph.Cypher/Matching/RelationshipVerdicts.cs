using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Matching;

/// <summary>
/// WHERE conjuncts of a later MATCH that read one relationship variable and nothing else of the row, answered from the
/// verdicts a walk of the same statement already gave on the same relationships: the `paths` statement re-expands each
/// hop of the paths its walks found and filters the relationships with the walks' own relationship predicate.
/// <para>
/// It answers only when a shared <see cref="WalkGraph"/> of the statement has exactly one relationship predicate and
/// that predicate's conjuncts are these conjuncts, in order, up to the element variable's name; and only for a
/// relationship the walk judged without an error. Then the answer is exact: the predicate reads nothing but the
/// relationship, parameters and literals (a shared graph's predicates read no row variable and call no random
/// function), nothing writes (shared graphs exist only then), so each conjunct has the value it had in the walk. Admitted
/// means every conjunct was true; rejected means none failed with an error and one was false or null, so the filter,
/// which stops at its first conjunct that is not true, drops the row without an error too. A relationship admitted
/// after an error, or never judged, is evaluated as usual.
/// </para>
/// </summary>
internal sealed class RelationshipVerdicts
{
    private readonly string _variable;
    private readonly Expression[] _conjuncts;

    /// <summary>The last walk predicates compared (by reference: a plan's predicates never change) and whether they
    /// are these conjuncts. Plans are shared by threads; one reference is written at a time, and a lost write only
    /// costs a comparison.</summary>
    private Tuple<PathPredicates, bool>? _compared;

    private RelationshipVerdicts(string variable, Expression[] conjuncts)
    {
        _variable = variable;
        _conjuncts = conjuncts;
    }

    /// <summary>The verdict lookup for <paramref name="conjuncts"/> on relationship variable <paramref name="variable"/>,
    /// or null when some conjunct has a shape a walk's predicate is never compared with.</summary>
    public static RelationshipVerdicts? For(string variable, IReadOnlyList<Expression> conjuncts)
    {
        if (conjuncts.Count == 0) return null;
        foreach (var c in conjuncts)
            if (Renamed(c, variable, variable) is null) return null;
        return new RelationshipVerdicts(variable, [.. conjuncts]);
    }

    /// <summary>True or false when a walk of the statement judged <paramref name="rel"/> with these conjuncts without
    /// an error; null when the conjuncts must be evaluated.</summary>
    public bool? Of(RelValue rel, ExecContext ctx)
    {
        if (WalkGraph.Shared(ctx) is not { } graphs) return null;
        foreach (var graph in graphs)
            if (Same(graph.Filter) && graph.VerdictOn(rel.Id) is { } verdict) return verdict;
        return null;
    }

    private bool Same(PathPredicates walk)
    {
        if (_compared is { } known && ReferenceEquals(known.Item1, walk)) return known.Item2;
        var same = false;
        if (walk.EveryRelationship is [var only])
        {
            var theirs = AstWalk.Conjuncts(only.Where).ToList();
            same = theirs.Count == _conjuncts.Length;
            for (var i = 0; same && i < theirs.Count; i++)
                same = Renamed(theirs[i], only.Variable, _variable) is { } renamed && renamed.Equals(_conjuncts[i]);
        }
        _compared = Tuple.Create(walk, same);
        return same;
    }

    /// <summary><paramref name="e"/> with variable <paramref name="from"/> read as <paramref name="to"/>, for the shapes
    /// that bind no variable of their own (so no name can be shadowed); null for any other shape.</summary>
    private static Expression? Renamed(Expression e, string from, string to)
    {
        Expression? R(Expression x) => Renamed(x, from, to);
        switch (e)
        {
            case Literal or Parameter:
                return e;
            case Variable v:
                return v.Name == from ? new Variable(to) : v;
            case PropertyAccess pa:
                return R(pa.Target) is { } target ? pa with { Target = target } : null;
            case LabelPredicate lp:
                return R(lp.Target) is { } labelled ? lp with { Target = labelled } : null;
            case UnaryExpression u:
                return R(u.Operand) is { } operand ? u with { Operand = operand } : null;
            case IsNullExpression n:
                return R(n.Operand) is { } tested ? n with { Operand = tested } : null;
            case BinaryExpression b:
                return R(b.Left) is { } left && R(b.Right) is { } right ? b with { Left = left, Right = right } : null;
            case ListLiteral list:
                {
                    var items = new List<Expression>(list.Items.Count);
                    foreach (var item in list.Items)
                    {
                        if (R(item) is not { } renamed) return null;
                        items.Add(renamed);
                    }
                    return list with { Items = AstList.From(items) };
                }
            case FunctionCall f:
                {
                    var args = new List<Expression>(f.Arguments.Count);
                    foreach (var arg in f.Arguments)
                    {
                        if (R(arg) is not { } renamed) return null;
                        args.Add(renamed);
                    }
                    return f with { Arguments = AstList.From(args) };
                }
            default:
                return null;
        }
    }
}
