using System.Globalization;
using System.Text;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Cypher.Syntax.Parsing;

/// <summary>
/// Splits Cypher text into tokens. Keywords are not distinguished from identifiers here (Cypher lets most
/// keywords be used as names), and relationship arrows are left as single-character symbols for the parser.
/// </summary>
internal sealed class Lexer
{
    // Longest first, so "<=" wins over "<".
    private static readonly string[] Symbols =
    [
        "..", "<=", ">=", "<>", "!=", "=~", "+=", "::",
        "(", ")", "[", "]", "{", "}", ",", ".", ":", ";", "|", "&", "!", "%", "=", "<", ">", "+", "-", "*", "/", "^", "$",
    ];

    private readonly string _text;
    private readonly SourceText _source;
    private int _pos;

    private Lexer(string text, SourceText source)
    {
        _text = text;
        _source = source;
    }

    public static List<Token> Tokenize(string text, SourceText source)
    {
        var lexer = new Lexer(text, source);
        var tokens = new List<Token>();
        while (true)
        {
            var t = lexer.Next();
            tokens.Add(t);
            if (t.Kind == TokenKind.Eof)
            {
                return tokens;
            }
        }
    }

    private Token Next()
    {
        SkipTrivia();
        if (_pos >= _text.Length)
        {
            return new Token(TokenKind.Eof, "", "", _text.Length, 0);
        }

        var start = _pos;
        var c = _text[_pos];
        if (c is '\'' or '"')
        {
            return LexString(c);
        }

        if (c == '`')
        {
            return LexQuotedIdentifier();
        }

        if (char.IsAsciiDigit(c) || (c == '.' && _pos + 1 < _text.Length && char.IsAsciiDigit(_text[_pos + 1])
            && !(_pos > 0 && _text[_pos - 1] == '.')))
        {
            return LexNumber();
        }

        if (IsIdentifierStart(c))
        {
            while (_pos < _text.Length && IsIdentifierPart(_text[_pos]))
            {
                _pos++;
            }

            var word = _text[start.._pos];
            return new Token(TokenKind.Identifier, word, word, start, _pos - start);
        }

        foreach (var s in Symbols)
        {
            if (string.CompareOrdinal(_text, _pos, s, 0, s.Length) == 0)
            {
                _pos += s.Length;
                return new Token(TokenKind.Symbol, s, s, start, s.Length);
            }
        }

        var bad = char.IsSurrogatePair(_text, _pos) ? _text.Substring(_pos, 2) : c.ToString();
        throw Error($"Invalid input '{bad}'", start, "UnexpectedSyntax");
    }

    internal static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_' || char.GetUnicodeCategory(c) == UnicodeCategory.LetterNumber;

    internal static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_'
        || char.GetUnicodeCategory(c) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.LetterNumber;

    private void SkipTrivia()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (char.IsWhiteSpace(c))
            {
                _pos++;
            }
            else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '/')
            {
                while (_pos < _text.Length && _text[_pos] != '\n' && _text[_pos] != '\r')
                {
                    _pos++;
                }
            }
            else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '*')
            {
                var end = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw Error("Failed to parse comment. A comment starting on `/*` must have a closing `*/`", _pos, "UnexpectedSyntax");
                }

                _pos = end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private Token LexQuotedIdentifier()
    {
        var start = _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw Error("Failed to parse quoted name: missing closing backtick (`)", start, "UnexpectedSyntax");
            }

            var c = _text[_pos++];
            if (c == '`')
            {
                if (_pos < _text.Length && _text[_pos] == '`')
                {
                    sb.Append('`');
                    _pos++;
                    continue;
                }

                break;
            }

            sb.Append(c);
        }

        return new Token(TokenKind.QuotedIdentifier, _text[start.._pos], sb.ToString(), start, _pos - start);
    }

    private Token LexString(char quote)
    {
        var start = _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw Error($"Failed to parse string literal. The query must contain an even number of non-escaped quotes. Missing closing {quote}", start, "UnexpectedSyntax");
            }

            var c = _text[_pos++];
            if (c == quote)
            {
                break;
            }

            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            if (_pos >= _text.Length)
            {
                continue;
            }

            var e = _text[_pos++];
            switch (e)
            {
                case '\\': sb.Append('\\'); break;
                case '\'': sb.Append('\''); break;
                case '"': sb.Append('"'); break;
                case 'b' or 'B': sb.Append('\b'); break;
                case 'f' or 'F': sb.Append('\f'); break;
                case 'n' or 'N': sb.Append('\n'); break;
                case 'r' or 'R': sb.Append('\r'); break;
                case 't' or 'T': sb.Append('\t'); break;
                case 'u' or 'U':
                    sb.Append(LexUnicodeEscape(e == 'u' ? 4 : 8, _pos - 2));
                    break;
                default:
                    // Neo4j keeps an unknown escape as written, e.g. '\d' in a regular expression.
                    sb.Append('\\').Append(e);
                    break;
            }
        }

        return new Token(TokenKind.String, _text[start.._pos], sb.ToString(), start, _pos - start);
    }

    private string LexUnicodeEscape(int digits, int escapeStart)
    {
        var available = 0;
        while (available < digits && _pos + available < _text.Length && char.IsAsciiHexDigit(_text[_pos + available]))
        {
            available++;
        }

        if (available < digits)
        {
            var shown = _text.Substring(escapeStart, Math.Min(_text.Length - escapeStart, 2 + Math.Max(available, 1)));
            throw Error($"Invalid input '{shown}': invalid unicode escape sequence", escapeStart, "InvalidUnicodeLiteral");
        }

        var code = int.Parse(_text.AsSpan(_pos, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        _pos += digits;
        if (code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF && digits == 8))
        {
            throw Error($"Invalid input '{_text[escapeStart.._pos]}': invalid unicode code point", escapeStart, "InvalidUnicodeLiteral");
        }

        return code >= 0xD800 && code <= 0xDFFF ? ((char)code).ToString() : char.ConvertFromUtf32(code);
    }

    private Token LexNumber()
    {
        var start = _pos;
        var kind = TokenKind.Integer;
        if (_text[_pos] == '0' && _pos + 1 < _text.Length && _text[_pos + 1] is 'x' or 'X' or 'o' or 'O')
        {
            var hex = _text[_pos + 1] is 'x' or 'X';
            _pos += 2;
            var digitsStart = _pos;
            while (_pos < _text.Length && IsIdentifierPart(_text[_pos]))
            {
                _pos++;
            }

            var digits = _text.AsSpan(digitsStart, _pos - digitsStart);
            var ok = digits.Length > 0;
            foreach (var d in digits)
            {
                ok &= hex ? char.IsAsciiHexDigit(d) : d is >= '0' and <= '7';
            }

            if (!ok)
            {
                throw Error($"Invalid input '{_text[start.._pos]}': invalid {(hex ? "hexadecimal" : "octal")} integer literal", start, "InvalidNumberLiteral");
            }

            return new Token(TokenKind.Integer, _text[start.._pos], _text[start.._pos], start, _pos - start);
        }

        SkipDigits();
        if (_pos + 1 < _text.Length && _text[_pos] == '.' && char.IsAsciiDigit(_text[_pos + 1]))
        {
            kind = TokenKind.Float;
            _pos++;
            SkipDigits();
        }

        if (_pos < _text.Length && _text[_pos] is 'e' or 'E')
        {
            var save = _pos;
            _pos++;
            if (_pos < _text.Length && _text[_pos] is '+' or '-')
            {
                _pos++;
            }

            if (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
            {
                kind = TokenKind.Float;
                SkipDigits();
            }
            else
            {
                _pos = save;
            }
        }

        if (_pos < _text.Length && IsIdentifierPart(_text[_pos]))
        {
            while (_pos < _text.Length && IsIdentifierPart(_text[_pos]))
            {
                _pos++;
            }

            // A number run into a name (e.g. 1B2c) is not a literal at all: Neo4j reports it as unexpected input.
            throw Error($"Invalid input '{_text[start.._pos]}'", start, "UnexpectedSyntax");
        }

        var text = _text[start.._pos];
        return new Token(kind, text, text, start, _pos - start);
    }

    private void SkipDigits()
    {
        while (_pos < _text.Length && (char.IsAsciiDigit(_text[_pos])))
        {
            _pos++;
        }
    }

    private GraphException Error(string message, int offset, string detail) => _source.Error(message, offset, detail);
}
