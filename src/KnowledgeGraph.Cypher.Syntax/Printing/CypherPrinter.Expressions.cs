using System.Text;
using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Syntax;

public static partial class CypherPrinter
{
    private static string Operator(BinaryOperator op) => op switch
    {
        BinaryOperator.Or => "OR",
        BinaryOperator.Xor => "XOR",
        BinaryOperator.And => "AND",
        BinaryOperator.Equal => "=",
        BinaryOperator.NotEqual => "<>",
        BinaryOperator.LessThan => "<",
        BinaryOperator.LessThanOrEqual => "<=",
        BinaryOperator.GreaterThan => ">",
        BinaryOperator.GreaterThanOrEqual => ">=",
        BinaryOperator.RegexMatch => "=~",
        BinaryOperator.StartsWith => "STARTS WITH",
        BinaryOperator.EndsWith => "ENDS WITH",
        BinaryOperator.Contains => "CONTAINS",
        BinaryOperator.In => "IN",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.Modulo => "%",
        _ => "^",
    };

    private static string FunctionName(IEnumerable<string> parts) =>
        string.Join('.', parts.Select(p => p.All(c => char.IsLetterOrDigit(c) || c == '_') ? p : Name(p)));

    private static void Expr(StringBuilder sb, Expression e)
    {
        // Parsed trees are bounded (NestingLimit); a tree built by code may not be, and a clear exception beats a
        // crashed process.
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (e)
        {
            case Literal l:
                Literal(sb, l.Value);
                break;
            case ListLiteral list:
                sb.Append('[');
                Join(sb, list.Items, Expr);
                sb.Append(']');
                break;
            case MapLiteral map:
                MapText(sb, map);
                break;
            case Parameter p:
                sb.Append('$').Append(p.Name.All(char.IsAsciiDigit) ? p.Name : Name(p.Name));
                break;
            case Variable v:
                sb.Append(Name(v.Name));
                break;
            case PropertyAccess p:
                Atomic(sb, p.Target);
                sb.Append('.').Append(Name(p.Key));
                break;
            case IndexAccess ix:
                Atomic(sb, ix.Target);
                sb.Append('[');
                Expr(sb, ix.Index);
                sb.Append(']');
                break;
            case SliceAccess s:
                Atomic(sb, s.Target);
                sb.Append('[');
                if (s.From is not null)
                {
                    Expr(sb, s.From);
                }

                sb.Append("..");
                if (s.To is not null)
                {
                    Expr(sb, s.To);
                }

                sb.Append(']');
                break;
            case BinaryExpression b:
                sb.Append('(');
                Expr(sb, b.Left);
                sb.Append(' ').Append(Operator(b.Operator)).Append(' ');
                Expr(sb, b.Right);
                sb.Append(')');
                break;
            case UnaryExpression u:
                sb.Append('(').Append(u.Operator switch { UnaryOperator.Not => "NOT ", UnaryOperator.Negate => "-", _ => "+" });
                if (u.Operand is Literal { Value: long or double })
                {
                    // Keep "-(5)" from folding into the literal -5 when re-parsed.
                    sb.Append('(');
                    Expr(sb, u.Operand);
                    sb.Append(')');
                }
                else
                {
                    Expr(sb, u.Operand);
                }

                sb.Append(')');
                break;
            case IsNullExpression n:
                sb.Append('(');
                Expr(sb, n.Operand);
                sb.Append(n.Negated ? " IS NOT NULL)" : " IS NULL)");
                break;
            case TypePredicate tp:
                sb.Append('(');
                Expr(sb, tp.Operand);
                sb.Append(tp.Negated ? " IS NOT :: " : " IS :: ").Append(tp.Type).Append(')');
                break;
            case LabelPredicate lp:
                sb.Append('(');
                Atomic(sb, lp.Target);
                sb.Append(':');
                Labels(sb, lp.Labels, 0);
                sb.Append(')');
                break;
            case FunctionCall f:
                sb.Append(FunctionName(f.Namespace.Append(f.Name))).Append('(');
                if (f.Distinct)
                {
                    sb.Append("DISTINCT ");
                }

                Join(sb, f.Arguments, Expr);
                sb.Append(')');
                break;
            case CountStar:
                sb.Append("count(*)");
                break;
            case CaseExpression c:
                sb.Append("CASE");
                if (c.Subject is not null)
                {
                    sb.Append(' ');
                    Expr(sb, c.Subject);
                }

                foreach (var alt in c.Alternatives)
                {
                    sb.Append(" WHEN ");
                    Expr(sb, alt.When);
                    sb.Append(" THEN ");
                    Expr(sb, alt.Then);
                }

                if (c.Else is not null)
                {
                    sb.Append(" ELSE ");
                    Expr(sb, c.Else);
                }

                sb.Append(" END");
                break;
            case ListComprehension lc:
                sb.Append('[').Append(Name(lc.Variable)).Append(" IN ");
                Expr(sb, lc.Source);
                Where(sb, lc.Where);
                if (lc.Projection is not null)
                {
                    sb.Append(" | ");
                    Expr(sb, lc.Projection);
                }

                sb.Append(']');
                break;
            case PatternComprehension pc:
                sb.Append('[');
                if (pc.PathVariable is not null)
                {
                    sb.Append(Name(pc.PathVariable)).Append(" = ");
                }

                Path(sb, pc.Pattern);
                Where(sb, pc.Where);
                sb.Append(" | ");
                Expr(sb, pc.Projection);
                sb.Append(']');
                break;
            case PatternPredicate pp:
                Path(sb, pp.Pattern);
                break;
            case ListPredicate q:
                sb.Append(q.Kind.ToString().ToLowerInvariant()).Append('(').Append(Name(q.Variable)).Append(" IN ");
                Expr(sb, q.Source);
                Where(sb, q.Where);
                sb.Append(')');
                break;
            case ReduceExpression r:
                sb.Append("reduce(").Append(Name(r.Accumulator)).Append(" = ");
                Expr(sb, r.Initial);
                sb.Append(", ").Append(Name(r.Variable)).Append(" IN ");
                Expr(sb, r.Source);
                sb.Append(" | ");
                Expr(sb, r.Expression);
                sb.Append(')');
                break;
            case SubqueryExpression sq:
                sb.Append(sq.Kind.ToString().ToUpperInvariant()).Append(" { ");
                if (sq.Query is not null)
                {
                    Query(sb, sq.Query);
                }
                else if (sq.Pattern is not null)
                {
                    PatternText(sb, sq.Pattern);
                    Where(sb, sq.Where);
                }

                sb.Append(" }");
                break;
            case MapProjection mp:
                Atomic(sb, mp.Subject);
                sb.Append('{');
                Join(sb, mp.Items, (s, item) =>
                {
                    switch (item)
                    {
                        case PropertySelector p: s.Append('.').Append(Name(p.Key)); break;
                        case AllPropertiesSelector: s.Append(".*"); break;
                        case LiteralEntry le:
                            s.Append(Name(le.Key)).Append(": ");
                            Expr(s, le.Value);
                            break;
                        case VariableSelector vs: s.Append(Name(vs.Name)); break;
                    }
                });
                sb.Append('}');
                break;
            case ShortestPathExpression sp:
                sb.Append(sp.All ? "allShortestPaths(" : "shortestPath(");
                Path(sb, sp.Pattern);
                sb.Append(')');
                break;
            default:
                throw new ArgumentException($"Cannot print {e.GetType().Name}.", nameof(e));
        }
    }

    /// <summary>Prints a postfix target, parenthesised unless it is already atomic.</summary>
    private static void Atomic(StringBuilder sb, Expression e)
    {
        var atomic = e is Variable or Parameter or PropertyAccess or IndexAccess or SliceAccess or FunctionCall or CountStar
            or ListLiteral or MapLiteral or ListComprehension or Literal { Value: not long and not double };
        if (!atomic)
        {
            sb.Append('(');
        }

        Expr(sb, e);
        if (!atomic)
        {
            sb.Append(')');
        }
    }

    private static void MapText(StringBuilder sb, MapLiteral map)
    {
        sb.Append('{');
        Join(sb, map.Entries, (s, entry) =>
        {
            s.Append(Name(entry.Key)).Append(": ");
            Expr(s, entry.Value);
        });
        sb.Append('}');
    }

    private static void Where(StringBuilder sb, Expression? where)
    {
        if (where is not null)
        {
            sb.Append(" WHERE ");
            Expr(sb, where);
        }
    }

    /// <summary>Label expressions; <paramref name="context"/>: 0 top, 1 inside Or (right side), 2 inside And, 3 inside Not.</summary>
    private static void Labels(StringBuilder sb, LabelExpression e, int context)
    {
        var precedence = e switch { LabelOr => 1, LabelAnd => 2, _ => 4 };
        var wrap = precedence <= context;
        if (wrap)
        {
            sb.Append('(');
        }

        switch (e)
        {
            case LabelName n:
                sb.Append(Name(n.Name));
                break;
            case LabelWildcard:
                sb.Append('%');
                break;
            case LabelNot not:
                sb.Append('!');
                Labels(sb, not.Operand, 3);
                break;
            case LabelAnd and:
                Labels(sb, and.Left, 1);
                sb.Append(and.ColonForm ? ":" : "&");
                Labels(sb, and.Right, 2);
                break;
            case LabelOr or:
                Labels(sb, or.Left, 0);
                sb.Append('|');
                Labels(sb, or.Right, 1);
                break;
        }

        if (wrap)
        {
            sb.Append(')');
        }
    }
}
