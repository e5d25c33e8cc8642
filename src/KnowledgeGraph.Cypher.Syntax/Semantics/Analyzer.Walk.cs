using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Syntax.Semantics;

internal sealed partial class Analyzer
{
    private static readonly HashSet<string> AggregateNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "count", "sum", "avg", "min", "max", "collect", "stDev", "stDevP", "percentileCont", "percentileDisc",
    };

    /// <summary>True for an aggregating function call or <c>count(*)</c>.</summary>
    public static bool IsAggregate(Expression e) =>
        e is CountStar || (e is FunctionCall f && f.Namespace.Count == 0 && AggregateNames.Contains(f.Name));

    /// <summary>True when an aggregate occurs anywhere in <paramref name="e"/> (not inside subquery expressions).</summary>
    public static bool ContainsAggregate(Expression e) => IsAggregate(e) || Children(e).Any(ContainsAggregate);

    /// <summary>The direct sub-expressions of an expression (pattern property maps and predicates included).</summary>
    public static IEnumerable<Expression> Children(Expression e)
    {
        switch (e)
        {
            case ListLiteral l:
                return l.Items;
            case MapLiteral m:
                return m.Entries.Select(x => x.Value);
            case PropertyAccess p:
                return [p.Target];
            case IndexAccess ix:
                return [ix.Target, ix.Index];
            case SliceAccess s:
                return new[] { s.Target, s.From, s.To }.OfType<Expression>();
            case BinaryExpression b:
                return [b.Left, b.Right];
            case UnaryExpression u:
                return [u.Operand];
            case IsNullExpression n:
                return [n.Operand];
            case TypePredicate tp:
                return [tp.Operand];
            case LabelPredicate lp:
                return [lp.Target];
            case FunctionCall f:
                return f.Arguments;
            case CaseExpression c:
                return new[] { c.Subject }.Concat(c.Alternatives.SelectMany(a => new[] { a.When, a.Then })).Append(c.Else).OfType<Expression>();
            case ListComprehension lc:
                return new[] { lc.Source, lc.Where, lc.Projection }.OfType<Expression>();
            case PatternComprehension pc:
                return PatternExpressions(pc.Pattern).Concat(new[] { pc.Where, pc.Projection }.OfType<Expression>());
            case PatternPredicate pp:
                return PatternExpressions(pp.Pattern);
            case ListPredicate q:
                return new[] { q.Source, q.Where }.OfType<Expression>();
            case ReduceExpression r:
                return [r.Initial, r.Source, r.Expression];
            case MapProjection mp:
                return new[] { mp.Subject }.Concat(mp.Items.OfType<LiteralEntry>().Select(x => x.Value));
            case ShortestPathExpression sp:
                return PatternExpressions(sp.Pattern);
            default:
                return [];
        }
    }

    private static IEnumerable<Expression> PatternExpressions(PathPattern path)
    {
        foreach (var element in path.Elements)
        {
            switch (element)
            {
                case NodePattern n:
                    if (n.Properties is not null)
                    {
                        yield return n.Properties;
                    }

                    if (n.Where is not null)
                    {
                        yield return n.Where;
                    }

                    break;
                case RelationshipPattern r:
                    if (r.Properties is not null)
                    {
                        yield return r.Properties;
                    }

                    if (r.Where is not null)
                    {
                        yield return r.Where;
                    }

                    break;
                case QuantifiedPathPattern q:
                    foreach (var x in PatternExpressions(q.Path))
                    {
                        yield return x;
                    }

                    if (q.Where is not null)
                    {
                        yield return q.Where;
                    }

                    break;
            }
        }
    }

    /// <summary>Every named variable a path pattern mentions (nodes, relationships, nested sub-paths).</summary>
    public static IEnumerable<string> PatternVariables(PathPattern path)
    {
        foreach (var element in path.Elements)
        {
            switch (element)
            {
                case NodePattern { Variable: { } v }:
                    yield return v;
                    break;
                case RelationshipPattern { Variable: { } v }:
                    yield return v;
                    break;
                case QuantifiedPathPattern q:
                    foreach (var x in PatternVariables(q.Path))
                    {
                        yield return x;
                    }

                    break;
            }
        }
    }

    /// <summary>True when the expression refers to a variable (ignoring variables it introduces itself).</summary>
    public static bool ReferencesVariables(Expression e) => e switch
    {
        Variable => true,
        ListComprehension or ListPredicate or ReduceExpression or PatternComprehension or PatternPredicate or SubqueryExpression => true,
        _ => Children(e).Any(ReferencesVariables),
    };
}
