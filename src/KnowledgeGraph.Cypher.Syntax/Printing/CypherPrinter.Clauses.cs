using System.Text;
using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Syntax;

public static partial class CypherPrinter
{
    private static void Clause(StringBuilder sb, Clause clause)
    {
        switch (clause)
        {
            case MatchClause m:
                sb.Append(m.Optional ? "OPTIONAL MATCH " : "MATCH ");
                PatternText(sb, m.Pattern);
                foreach (var hint in m.Hints)
                {
                    Hint(sb, hint);
                }

                Where(sb, m.Where);
                break;
            case LoadCsvClause l:
                sb.Append(l.WithHeaders ? "LOAD CSV WITH HEADERS FROM " : "LOAD CSV FROM ");
                Expr(sb, l.Url);
                sb.Append(" AS ").Append(Name(l.Variable));
                if (l.FieldTerminator is not null)
                {
                    sb.Append(" FIELDTERMINATOR ");
                    Expr(sb, new Literal(l.FieldTerminator));
                }

                break;
            case UnwindClause u:
                sb.Append("UNWIND ");
                Expr(sb, u.Expression);
                sb.Append(" AS ").Append(Name(u.Variable));
                break;
            case WithClause w:
                sb.Append("WITH ");
                Projection(sb, w.Body);
                Where(sb, w.Where);
                break;
            case ReturnClause r:
                sb.Append("RETURN ");
                Projection(sb, r.Body);
                break;
            case CreateClause c:
                sb.Append("CREATE ");
                PatternText(sb, c.Pattern);
                break;
            case MergeClause m:
                sb.Append("MERGE ");
                Part(sb, m.Pattern);
                foreach (var action in m.Actions)
                {
                    sb.Append(action.OnCreate ? " ON CREATE SET " : " ON MATCH SET ");
                    Join(sb, action.Items, SetItemText);
                }

                break;
            case SetClause s:
                sb.Append("SET ");
                Join(sb, s.Items, SetItemText);
                break;
            case RemoveClause r:
                sb.Append("REMOVE ");
                Join(sb, r.Items, RemoveItemText);
                break;
            case DeleteClause d:
                sb.Append(d.Detach ? "DETACH DELETE " : "DELETE ");
                Join(sb, d.Expressions, Expr);
                break;
            case ForeachClause f:
                sb.Append("FOREACH (").Append(Name(f.Variable)).Append(" IN ");
                Expr(sb, f.List);
                sb.Append(" | ");
                Join(sb, f.Clauses, Clause, " ");
                sb.Append(')');
                break;
            case CallProcedureClause call:
                sb.Append("CALL ").Append(FunctionName(call.Namespace.Append(call.Name)));
                if (call.Arguments is not null)
                {
                    sb.Append('(');
                    Join(sb, call.Arguments, Expr);
                    sb.Append(')');
                }

                if (call.YieldAll)
                {
                    sb.Append(" YIELD *");
                }
                else if (call.Yield is not null)
                {
                    sb.Append(" YIELD ");
                    Join(sb, call.Yield, (s, y) =>
                    {
                        s.Append(Name(y.Field));
                        if (y.Alias is not null)
                        {
                            s.Append(" AS ").Append(Name(y.Alias));
                        }
                    });
                }

                Where(sb, call.Where);
                break;
            case CallSubqueryClause sub:
                sb.Append(sub.Optional ? "OPTIONAL CALL " : "CALL ");
                if (sub.ScopeAll)
                {
                    sb.Append("(*) ");
                }
                else if (sub.ScopeVariables is not null)
                {
                    sb.Append('(').Append(string.Join(", ", sub.ScopeVariables.Select(Name))).Append(") ");
                }

                sb.Append("{\n");
                Query(sb, sub.Body);
                sb.Append("\n}");
                if (sub.InTransactions is { } tx)
                {
                    sb.Append(" IN ");
                    if (tx.Concurrency is not null)
                    {
                        Expr(sb, tx.Concurrency);
                        sb.Append(" CONCURRENT ");
                    }

                    sb.Append("TRANSACTIONS");
                    if (tx.BatchSize is not null)
                    {
                        sb.Append(" OF ");
                        Expr(sb, tx.BatchSize);
                        sb.Append(" ROWS");
                    }

                    if (tx.OnError != OnErrorBehavior.Fail)
                    {
                        sb.Append(" ON ERROR ").Append(tx.OnError.ToString().ToUpperInvariant());
                    }

                    if (tx.ReportStatusAs is not null)
                    {
                        sb.Append(" REPORT STATUS AS ").Append(Name(tx.ReportStatusAs));
                    }
                }

                break;
            case FinishClause:
                sb.Append("FINISH");
                break;
        }
    }

    private static void Hint(StringBuilder sb, UsingHint hint)
    {
        switch (hint.Kind)
        {
            case UsingHintKind.Join:
                sb.Append(" USING JOIN ON ").Append(string.Join(", ", hint.Variables.Select(Name)));
                break;
            case UsingHintKind.Scan:
                sb.Append(" USING SCAN ").Append(Name(hint.Variables[0])).Append(':').Append(Name(hint.Label!));
                break;
            default:
                sb.Append(hint.Kind == UsingHintKind.IndexSeek ? " USING INDEX SEEK " : " USING INDEX ")
                    .Append(Name(hint.Variables[0])).Append(':').Append(Name(hint.Label!))
                    .Append('(').Append(string.Join(", ", hint.Properties.Select(Name))).Append(')');
                break;
        }
    }

    private static void Projection(StringBuilder sb, ProjectionBody body)
    {
        if (body.Distinct)
        {
            sb.Append("DISTINCT ");
        }

        if (body.IncludeExisting)
        {
            sb.Append('*');
            if (body.Items.Count > 0)
            {
                sb.Append(", ");
            }
        }

        Join(sb, body.Items, (s, item) =>
        {
            if (item.Text.Length > 0)
            {
                s.Append(item.Text);
            }
            else
            {
                Expr(s, item.Expression);
            }

            if (item.Alias is not null)
            {
                s.Append(" AS ").Append(Name(item.Alias));
            }
        });
        if (body.OrderBy.Count > 0)
        {
            sb.Append(" ORDER BY ");
            Join(sb, body.OrderBy, (s, o) =>
            {
                Expr(s, o.Expression);
                if (o.Descending)
                {
                    s.Append(" DESC");
                }
            });
        }

        if (body.Skip is not null)
        {
            sb.Append(" SKIP ");
            Expr(sb, body.Skip);
        }

        if (body.Limit is not null)
        {
            sb.Append(" LIMIT ");
            Expr(sb, body.Limit);
        }
    }

    private static void SetItemText(StringBuilder sb, SetItem item)
    {
        switch (item)
        {
            case SetPropertyItem p:
                Atomic(sb, p.Entity);
                sb.Append('.').Append(Name(p.Key)).Append(" = ");
                Expr(sb, p.Value);
                break;
            case SetDynamicPropertyItem d:
                Atomic(sb, d.Entity);
                sb.Append('[');
                Expr(sb, d.Key);
                sb.Append("] = ");
                Expr(sb, d.Value);
                break;
            case SetPropertiesItem a:
                Atomic(sb, a.Entity);
                sb.Append(a.Merge ? " += " : " = ");
                Expr(sb, a.Value);
                break;
            case SetLabelsItem l:
                sb.Append(Name(l.Variable));
                foreach (var label in l.Labels)
                {
                    sb.Append(':').Append(Name(label));
                }

                break;
        }
    }

    private static void RemoveItemText(StringBuilder sb, RemoveItem item)
    {
        switch (item)
        {
            case RemovePropertyItem p:
                Atomic(sb, p.Entity);
                sb.Append('.').Append(Name(p.Key));
                break;
            case RemoveDynamicPropertyItem d:
                Atomic(sb, d.Entity);
                sb.Append('[');
                Expr(sb, d.Key);
                sb.Append(']');
                break;
            case RemoveLabelsItem l:
                sb.Append(Name(l.Variable));
                foreach (var label in l.Labels)
                {
                    sb.Append(':').Append(Name(label));
                }

                break;
        }
    }

    private static void PatternText(StringBuilder sb, Pattern pattern) => Join(sb, pattern.Parts, Part);

    private static void Part(StringBuilder sb, PatternPart part)
    {
        if (part.PathVariable is not null)
        {
            sb.Append(Name(part.PathVariable)).Append(" = ");
        }

        switch (part.Selector)
        {
            case null:
                Path(sb, part.Path);
                return;
            case { Kind: PathSelectorKind.ShortestPathFunction or PathSelectorKind.AllShortestPathsFunction } s:
                sb.Append(s.Kind == PathSelectorKind.ShortestPathFunction ? "shortestPath(" : "allShortestPaths(");
                Path(sb, part.Path);
                sb.Append(')');
                return;
            case { } s:
                sb.Append(s.Kind switch
                {
                    PathSelectorKind.All => "ALL ",
                    PathSelectorKind.Any => $"ANY {s.Count ?? 1} ",
                    PathSelectorKind.AllShortest => "ALL SHORTEST ",
                    PathSelectorKind.ShortestGroups => $"SHORTEST {s.Count ?? 1} GROUPS ",
                    _ => $"SHORTEST {s.Count ?? 1} ",
                });
                Path(sb, part.Path);
                return;
        }
    }

    private static void Path(StringBuilder sb, PathPattern path)
    {
        PathElement? previous = null;
        foreach (var element in path.Elements)
        {
            if (previous is QuantifiedPathPattern || (element is QuantifiedPathPattern && previous is not null))
            {
                sb.Append(' ');
            }

            switch (element)
            {
                case NodePattern n:
                    sb.Append('(');
                    if (n.Variable is not null)
                    {
                        sb.Append(Name(n.Variable));
                    }

                    if (n.Labels is not null)
                    {
                        sb.Append(':');
                        Labels(sb, n.Labels, 0);
                    }

                    Properties(sb, n.Properties);
                    Where(sb, n.Where);
                    sb.Append(')');
                    break;
                case RelationshipPattern r:
                    Relationship(sb, r);
                    break;
                case QuantifiedPathPattern q:
                    sb.Append('(');
                    if (q.PathVariable is not null)
                    {
                        sb.Append(Name(q.PathVariable)).Append(" = ");
                    }

                    Path(sb, q.Path);
                    Where(sb, q.Where);
                    sb.Append(')');
                    Quantifier(sb, q.Quantifier);
                    break;
            }

            previous = element;
        }
    }

    private static void Relationship(StringBuilder sb, RelationshipPattern r)
    {
        sb.Append(r.Direction is RelationshipDirection.Incoming or RelationshipDirection.Bidirectional ? "<-" : "-");
        var detail = r.Variable is not null || r.Types is not null || r.Length is not null || r.Properties is not null || r.Where is not null;
        if (detail)
        {
            sb.Append('[');
            if (r.Variable is not null)
            {
                sb.Append(Name(r.Variable));
            }

            if (r.Types is not null)
            {
                sb.Append(':');
                Labels(sb, r.Types, 0);
            }

            if (r.Length is { } len)
            {
                sb.Append('*');
                if (len.Min is not null && len.Min == len.Max)
                {
                    sb.Append(len.Min);
                }
                else if (len.Min is not null || len.Max is not null)
                {
                    sb.Append(len.Min).Append("..").Append(len.Max);
                }
            }

            Properties(sb, r.Properties);
            Where(sb, r.Where);
            sb.Append(']');
        }

        sb.Append(r.Direction is RelationshipDirection.Outgoing or RelationshipDirection.Bidirectional ? "->" : "-");
        Quantifier(sb, r.Quantifier);
    }

    private static void Quantifier(StringBuilder sb, Quantifier? q)
    {
        if (q is not null)
        {
            sb.Append('{').Append(q.Min).Append(',').Append(q.Max).Append('}');
        }
    }

    private static void Properties(StringBuilder sb, Expression? properties)
    {
        if (properties is not null)
        {
            sb.Append(' ');
            Expr(sb, properties);
        }
    }
}
