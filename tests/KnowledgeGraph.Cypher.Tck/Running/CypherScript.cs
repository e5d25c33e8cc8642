using System.Text;

namespace KnowledgeGraph.Cypher.Tck.Running;

/// <summary>Splits a Cypher script (a named graph's <c>.cypher</c> file) into statements at top-level semicolons.</summary>
public static class CypherScript
{
    /// <summary>The non-blank statements, in order; semicolons inside quotes, backticks and comments do not split.</summary>
    public static IReadOnlyList<string> SplitStatements(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var statements = new List<string>();
        var current = new StringBuilder();
        char? quote = null;
        for (var i = 0; i < script.Length; i++)
        {
            var c = script[i];
            if (quote is { } q)
            {
                current.Append(c);
                if (c == '\\' && q != '`' && i + 1 < script.Length) current.Append(script[++i]);
                else if (c == q) quote = null;
                continue;
            }
            if (c == '/' && i + 1 < script.Length && script[i + 1] == '/')
            {
                while (i < script.Length && script[i] != '\n') i++;
                current.Append('\n');
                continue;
            }
            if (c is '\'' or '"' or '`') quote = c;
            if (c == ';')
            {
                Flush();
                continue;
            }
            current.Append(c);
        }
        Flush();
        return statements;

        void Flush()
        {
            var text = current.ToString().Trim();
            if (text.Length > 0) statements.Add(text);
            current.Clear();
        }
    }
}
