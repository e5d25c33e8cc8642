using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Cypher.Syntax.Parsing;

/// <summary>The query text with a line index, turning offsets into Neo4j-style positions.</summary>
internal sealed class SourceText
{
    private readonly List<int> _lineStarts = [0];

    public SourceText(string text)
    {
        Text = text;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public string Text { get; }

    public SourceSpan Span(int offset, int length)
    {
        var line = _lineStarts.BinarySearch(offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new SourceSpan(offset, line + 1, offset - _lineStarts[line] + 1, length);
    }

    /// <summary>A compile-time syntax error with the position appended the way Neo4j prints it.</summary>
    public GraphException Error(string message, int offset, string detail, string code = ErrorCodes.SyntaxError) =>
        new(code, $"{message} ({Span(offset, 0)})")
        {
            Phase = ErrorPhase.CompileTime,
            Detail = detail,
        };
}
