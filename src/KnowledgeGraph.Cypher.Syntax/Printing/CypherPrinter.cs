using System.Globalization;
using System.Text;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Text;

namespace KnowledgeGraph.Cypher.Syntax;

/// <summary>
/// Prints an AST back to Cypher text that parses to an equal AST (used by tests, plan descriptions and
/// diagnostics). Sub-expressions are parenthesised so the printed text never depends on operator precedence.
/// Unaliased projection items print their original text, which keeps Neo4j's column names.
/// </summary>
public static partial class CypherPrinter
{
    /// <summary>Prints a whole statement.</summary>
    public static string Print(Statement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var sb = new StringBuilder();
        if (statement.Mode != ExecutionMode.Normal)
        {
            sb.Append(statement.Mode == ExecutionMode.Explain ? "EXPLAIN " : "PROFILE ");
        }

        switch (statement)
        {
            case QueryStatement q:
                Query(sb, q.Query);
                break;
            case SchemaCommand s:
                Schema(sb, s);
                break;
        }

        return sb.ToString();
    }

    /// <summary>Prints an expression.</summary>
    public static string Print(Expression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var sb = new StringBuilder();
        Expr(sb, expression);
        return sb.ToString();
    }

    /// <summary>Prints a pattern (comma-separated parts).</summary>
    public static string Print(Pattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var sb = new StringBuilder();
        PatternText(sb, pattern);
        return sb.ToString();
    }

    /// <summary>A name, backtick-quoted when it is not a plain identifier or could read as a keyword
    /// (<see cref="CypherText.Name"/>).</summary>
    public static string Name(string name) => CypherText.Name(name);

    /// <summary>A string literal in single quotes with escapes (<see cref="CypherText.StringLiteral"/>).</summary>
    public static string StringLiteral(string value) => CypherText.StringLiteral(value);

    private static void Query(StringBuilder sb, Query query)
    {
        switch (query)
        {
            case SingleQuery s:
                for (var i = 0; i < s.Clauses.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append('\n');
                    }

                    Clause(sb, s.Clauses[i]);
                }

                break;
            case UnionQuery u:
                Query(sb, u.Left);
                sb.Append(u.All ? "\nUNION ALL\n" : "\nUNION\n");
                Query(sb, u.Right);
                break;
        }
    }

    private static void Join<T>(StringBuilder sb, IEnumerable<T> items, Action<StringBuilder, T> print, string separator = ", ")
    {
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                sb.Append(separator);
            }

            first = false;
            print(sb, item);
        }
    }

    private static void Literal(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case long l:
                sb.Append(l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                var text = d.ToString("R", CultureInfo.InvariantCulture);
                if (!text.Contains('.', StringComparison.Ordinal) && !text.Contains('E', StringComparison.Ordinal))
                {
                    text += ".0";
                }

                sb.Append(text);
                break;
            case string s:
                sb.Append(StringLiteral(s));
                break;
            default:
                sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
