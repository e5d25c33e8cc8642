using System.Text;

namespace KnowledgeGraph.Seeding;

/// <summary>
/// <c>cypher/schema.cypher</c>, compiled into this assembly (so a published service always carries the schema
/// its seed data needs), and the splitting of a Cypher script into statements.
/// </summary>
public static class SchemaScript
{
    private const string ResourceName = "KnowledgeGraph.Seeding.schema.cypher";

    /// <summary>The text of <c>cypher/schema.cypher</c> as built into this assembly.</summary>
    public static string Text { get; } = ReadResource();

    /// <summary>The statements of <see cref="Text"/>.</summary>
    public static IReadOnlyList<string> Statements { get; } = Split(Text);

    /// <summary>
    /// Splits a script on <c>;</c> into statements, dropping <c>//</c> and <c>/* */</c> comments and blank
    /// statements. Semicolons and comment markers inside string literals and backticks are respected.
    /// </summary>
    public static IReadOnlyList<string> Split(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var statements = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < script.Length; i++)
        {
            var c = script[i];
            if (c is '\'' or '"' or '`')
            {
                var end = i + 1;
                while (end < script.Length && script[end] != c)
                    end += script[end] == '\\' && c != '`' ? 2 : 1;
                end = Math.Min(end, script.Length - 1);
                current.Append(script, i, end - i + 1);
                i = end;
            }
            else if (c == '/' && i + 1 < script.Length && script[i + 1] == '/')
            {
                while (i < script.Length && script[i] != '\n') i++;
                current.Append('\n');
            }
            else if (c == '/' && i + 1 < script.Length && script[i + 1] == '*')
            {
                var close = script.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? script.Length : close + 1;
                current.Append(' ');
            }
            else if (c == ';')
            {
                Flush();
            }
            else
            {
                current.Append(c);
            }
        }
        Flush();
        return statements;

        void Flush()
        {
            var statement = current.ToString().Trim();
            if (statement.Length > 0) statements.Add(statement);
            current.Clear();
        }
    }

    private static string ReadResource()
    {
        using var stream = typeof(SchemaScript).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
