using System.Globalization;
using System.Text;

namespace KnowledgeGraph.Text;

/// <summary>
/// How Cypher text is written: the keywords a name must not be mistaken for, name quoting and string-literal escaping.
/// The one home of this knowledge for everything that writes Cypher: the AST printer, the GraphQL compiler, the seed
/// generator and the tests' value formatting.
/// </summary>
public static class CypherText
{
    /// <summary>Words that read as Cypher keywords (case-insensitive); a name spelled like one is backtick-quoted.
    /// Conservative: quoting a name that needed none is always valid Cypher.</summary>
    public static IReadOnlySet<string> Keywords { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "ALL", "AND", "ANY", "AS", "ASC", "ASCENDING", "BY", "CALL", "CASE", "COLLECT", "CONTAINS", "COUNT", "CREATE", "DELETE",
        "DESC", "DESCENDING", "DETACH", "DISTINCT", "ELSE", "END", "ENDS", "EXISTS", "FALSE", "FINISH", "FOREACH", "GROUPS",
        "IN", "IS", "LIMIT", "MATCH", "MERGE", "NONE", "NOT", "NULL", "OFFSET", "ON", "OPTIONAL", "OR", "ORDER", "PATH",
        "PATHS", "REDUCE", "REMOVE", "RETURN", "SET", "SHORTEST", "SINGLE", "SKIP", "STARTS", "THEN", "TRUE", "UNION",
        "UNWIND", "USE", "WHEN", "WHERE", "WITH", "XOR", "YIELD", "shortestPath", "allShortestPaths",
    };

    /// <summary>A name (variable, label, key) as Cypher text: plain when it is an identifier and no keyword,
    /// otherwise in backticks with inner backticks doubled.</summary>
    public static string Name(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var plain = name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_')
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !Keywords.Contains(name);
        return plain ? name : "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";
    }

    /// <summary>A string literal in single quotes: backslash, quote, the C escapes and other control characters
    /// (as <c>\uXXXX</c>) escaped, so the text reads back as exactly <paramref name="value"/>.</summary>
    public static string StringLiteral(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\'': sb.Append("\\'"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (char.IsControl(c)) sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('\'').ToString();
    }
}
