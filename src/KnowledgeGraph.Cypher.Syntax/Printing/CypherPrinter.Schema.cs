using System.Text;
using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Syntax;

public static partial class CypherPrinter
{
    private static void Schema(StringBuilder sb, SchemaCommand command)
    {
        switch (command)
        {
            case CreateIndexCommand c:
                sb.Append("CREATE ");
                if (c.Kind != IndexKind.Range)
                {
                    sb.Append(c.Kind.ToString().ToUpperInvariant()).Append(' ');
                }

                sb.Append("INDEX");
                if (c.Variable is null)
                {
                    sb.Append(" ON :").Append(Name(c.LabelOrType!)).Append('(').Append(string.Join(", ", c.Properties.Select(Name))).Append(')');
                    break;
                }

                NameAndIfNotExists(sb, c.Name, c.IfNotExists);
                sb.Append(" FOR ");
                Target(sb, c.EntityKind, c.Variable, c.LabelOrType, c.AdditionalLabelsOrTypes);
                if (c.Kind == IndexKind.Lookup)
                {
                    sb.Append(" ON EACH ").Append(c.EntityKind == SchemaEntityKind.Node ? "labels" : "type").Append('(').Append(Name(c.Variable)).Append(')');
                }
                else if (c.Kind == IndexKind.Fulltext)
                {
                    sb.Append(" ON EACH [").Append(string.Join(", ", c.Properties.Select(p => Name(c.Variable) + "." + Name(p)))).Append(']');
                }
                else
                {
                    sb.Append(" ON (").Append(string.Join(", ", c.Properties.Select(p => Name(c.Variable) + "." + Name(p)))).Append(')');
                }

                Options(sb, c.Options);
                break;
            case DropIndexCommand d:
                if (d.Name is null)
                {
                    sb.Append("DROP INDEX ON :").Append(Name(d.Label!)).Append('(').Append(string.Join(", ", d.Properties.Select(Name))).Append(')');
                }
                else
                {
                    sb.Append("DROP INDEX ").Append(Name(d.Name)).Append(d.IfExists ? " IF EXISTS" : "");
                }

                break;
            case CreateConstraintCommand c:
                sb.Append("CREATE CONSTRAINT");
                NameAndIfNotExists(sb, c.Name, c.IfNotExists);
                sb.Append(" FOR ");
                Target(sb, c.EntityKind, c.Variable, c.LabelOrType);
                sb.Append(" REQUIRE ");
                var props = c.Properties.Select(p => Name(c.Variable) + "." + Name(p)).ToList();
                sb.Append(props.Count == 1 ? props[0] : "(" + string.Join(", ", props) + ")");
                sb.Append(c.Kind switch
                {
                    ConstraintKind.Unique => " IS UNIQUE",
                    ConstraintKind.NotNull => " IS NOT NULL",
                    ConstraintKind.Key => c.EntityKind == SchemaEntityKind.Node ? " IS NODE KEY" : " IS RELATIONSHIP KEY",
                    _ => " IS :: " + c.PropertyType,
                });
                Options(sb, c.Options);
                break;
            case DropConstraintCommand d:
                sb.Append("DROP CONSTRAINT ").Append(Name(d.Name)).Append(d.IfExists ? " IF EXISTS" : "");
                break;
            case TerminateTransactionsCommand t:
                sb.Append("TERMINATE TRANSACTIONS");
                TransactionIds(sb, t.Ids);
                ShowTail(sb, t.Yield, t.Where, t.Return);
                break;
            case ShowCommand s:
                sb.Append("SHOW ");
                if (s.Filter is not null)
                {
                    sb.Append(s.Filter).Append(' ');
                }

                sb.Append(s.Target.ToString().ToUpperInvariant());
                if (s.Name is not null)
                {
                    sb.Append(' ').Append(Name(s.Name));
                }

                TransactionIds(sb, s.Ids);
                ShowTail(sb, s.Yield, s.Where, s.Return);

                break;
        }
    }

    private static void NameAndIfNotExists(StringBuilder sb, string? name, bool ifNotExists)
    {
        if (name is not null)
        {
            sb.Append(' ').Append(Name(name));
        }

        if (ifNotExists)
        {
            sb.Append(" IF NOT EXISTS");
        }
    }

    private static void Target(StringBuilder sb, SchemaEntityKind kind, string variable, string? labelOrType, AstList<string>? more = null)
    {
        var suffix = labelOrType is null ? "" : ":" + Name(labelOrType);
        if (more is not null)
        {
            foreach (var other in more) suffix += "|" + Name(other);
        }

        sb.Append(kind == SchemaEntityKind.Node ? $"({Name(variable)}{suffix})" : $"()-[{Name(variable)}{suffix}]-()");
    }

    private static void Options(StringBuilder sb, Expression? options)
    {
        if (options is not null)
        {
            sb.Append(" OPTIONS ");
            Expr(sb, options);
        }
    }

    private static void TransactionIds(StringBuilder sb, AstList<Expression> ids)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            sb.Append(i == 0 ? " " : ", ");
            Expr(sb, ids[i]);
        }
    }

    private static void ShowTail(StringBuilder sb, ProjectionBody? yield, Expression? where, ReturnClause? ret)
    {
        if (yield is not null)
        {
            sb.Append(" YIELD ");
            Projection(sb, yield);
        }

        Where(sb, where);
        if (ret is not null)
        {
            sb.Append(" RETURN ");
            Projection(sb, ret.Body);
        }
    }
}
