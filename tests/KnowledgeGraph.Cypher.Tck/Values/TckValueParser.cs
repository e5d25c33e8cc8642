using System.Globalization;
using System.Text;

namespace KnowledgeGraph.Cypher.Tck.Values;

/// <summary>
/// Parses the TCK's value literal syntax: <c>null</c>, booleans, integers, floats (<c>NaN</c>, <c>Inf</c>,
/// <c>-Inf</c>, exponents), single-quoted strings with backslash escapes, lists, maps, nodes <c>(:A {p: 1})</c>,
/// relationships <c>[:T {p: 1}]</c> and paths <c>&lt;(:A)-[:T]-&gt;(:B)&gt;</c>.
/// </summary>
public sealed class TckValueParser
{
    private readonly string _text;
    private int _pos;

    private TckValueParser(string text) => _text = text;

    /// <summary>Parses a whole cell; throws <see cref="FormatException"/> with the position on bad input.</summary>
    public static TckValue Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new TckValueParser(text);
        var value = parser.ParseValue();
        parser.SkipSpace();
        if (parser._pos != text.Length) throw parser.Error("end of value");
        return value;
    }

    /// <summary>Like <see cref="Parse"/> but returns false instead of throwing.</summary>
    public static bool TryParse(string text, out TckValue? value, out string? error)
    {
        try
        {
            value = Parse(text);
            error = null;
            return true;
        }
        catch (FormatException ex)
        {
            value = null;
            error = ex.Message;
            return false;
        }
    }

    private TckValue ParseValue()
    {
        SkipSpace();
        if (_pos >= _text.Length) throw Error("a value");
        var c = _text[_pos];
        switch (c)
        {
            case '\'':
            case '"':
                return new TckString(ParseString());
            case '[':
                return PeekAfterSpace(_pos + 1) == ':' ? ParseRelationship() : ParseList();
            case '{':
                return ParseMap();
            case '(':
                return ParseNode();
            case '<':
                return ParsePath();
        }
        if (c == '-' || c == '+' || c == '.' || char.IsAsciiDigit(c))
        {
            if (c == '-' && Matches("-Inf")) return Keyword("-Inf", new TckFloat(double.NegativeInfinity, "-Inf"));
            return ParseNumber();
        }
        if (Matches("null")) return Keyword("null", TckNull.Instance);
        if (Matches("true")) return Keyword("true", new TckBoolean(true));
        if (Matches("false")) return Keyword("false", new TckBoolean(false));
        if (Matches("NaN")) return Keyword("NaN", new TckFloat(double.NaN, "NaN"));
        if (Matches("Inf")) return Keyword("Inf", new TckFloat(double.PositiveInfinity, "Inf"));
        throw Error("a value");
    }

    private TckValue Keyword(string word, TckValue value)
    {
        _pos += word.Length;
        return value;
    }

    // A keyword matches only when not followed by more identifier characters (so "nullable" is not null).
    private bool Matches(string word) =>
        string.CompareOrdinal(_text, _pos, word, 0, word.Length) == 0
        && (_pos + word.Length >= _text.Length || !IsIdentifierChar(_text[_pos + word.Length]));

    private TckValue ParseNumber()
    {
        var start = _pos;
        if (_text[_pos] is '-' or '+') _pos++;
        var isFloat = false;
        while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos])) _pos++;
        if (_pos < _text.Length && _text[_pos] == '.' && _pos + 1 < _text.Length && char.IsAsciiDigit(_text[_pos + 1]))
        {
            isFloat = true;
            _pos++;
            while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos])) _pos++;
        }
        if (_pos < _text.Length && _text[_pos] is 'e' or 'E')
        {
            var save = _pos;
            _pos++;
            if (_pos < _text.Length && _text[_pos] is '-' or '+') _pos++;
            if (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
            {
                isFloat = true;
                while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos])) _pos++;
            }
            else
            {
                _pos = save;
            }
        }
        var literal = _text[start.._pos];
        if (literal is "" or "-" or "+") throw Error("a number");
        if (isFloat)
        {
            if (!double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                throw Error("a float");
            return new TckFloat(d, literal);
        }
        if (!long.TryParse(literal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
            throw Error("an integer within 64 bits");
        return new TckInteger(l);
    }

    private string ParseString()
    {
        var quote = _text[_pos++];
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length) throw Error($"closing {quote}");
            var c = _text[_pos++];
            if (c == quote) return sb.ToString();
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }
            if (_pos >= _text.Length) throw Error("an escaped character");
            var e = _text[_pos++];
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case '\\': sb.Append('\\'); break;
                case '\'': sb.Append('\''); break;
                case '"': sb.Append('"'); break;
                case 'u' when _pos + 4 <= _text.Length
                              && int.TryParse(_text.AsSpan(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                    sb.Append((char)code);
                    _pos += 4;
                    break;
                default:
                    // Not an escape the TCK uses: keep it as written.
                    sb.Append('\\').Append(e);
                    break;
            }
        }
    }

    private TckList ParseList()
    {
        Expect('[');
        var items = new List<TckValue>();
        SkipSpace();
        if (TryConsume(']')) return new TckList(items);
        while (true)
        {
            items.Add(ParseValue());
            SkipSpace();
            if (TryConsume(']')) return new TckList(items);
            Expect(',');
        }
    }

    private TckMap ParseMap()
    {
        Expect('{');
        var entries = new List<KeyValuePair<string, TckValue>>();
        SkipSpace();
        if (TryConsume('}')) return new TckMap(entries);
        while (true)
        {
            SkipSpace();
            var key = ParseKey();
            SkipSpace();
            Expect(':');
            var value = ParseValue();
            entries.Add(new KeyValuePair<string, TckValue>(key, value));
            SkipSpace();
            if (TryConsume('}')) return new TckMap(entries);
            Expect(',');
        }
    }

    private string ParseKey()
    {
        if (_pos < _text.Length && _text[_pos] is '\'' or '"') return ParseString();
        return ParseName();
    }

    private string ParseName()
    {
        SkipSpace();
        if (_pos < _text.Length && _text[_pos] == '`')
        {
            var end = _text.IndexOf('`', _pos + 1);
            if (end < 0) throw Error("closing `");
            var name = _text[(_pos + 1)..end];
            _pos = end + 1;
            return name;
        }
        var start = _pos;
        while (_pos < _text.Length && IsIdentifierChar(_text[_pos])) _pos++;
        if (_pos == start) throw Error("a name");
        return _text[start.._pos];
    }

    private TckNode ParseNode()
    {
        Expect('(');
        var labels = new List<string>();
        SkipSpace();
        while (TryConsume(':'))
        {
            labels.Add(ParseName());
            SkipSpace();
        }
        var properties = _pos < _text.Length && _text[_pos] == '{' ? ParseMap() : new TckMap([]);
        SkipSpace();
        Expect(')');
        return new TckNode(labels, properties);
    }

    private TckRelationship ParseRelationship()
    {
        Expect('[');
        SkipSpace();
        Expect(':');
        var type = ParseName();
        SkipSpace();
        var properties = _pos < _text.Length && _text[_pos] == '{' ? ParseMap() : new TckMap([]);
        SkipSpace();
        Expect(']');
        return new TckRelationship(type, properties);
    }

    private TckPath ParsePath()
    {
        Expect('<');
        var nodes = new List<TckNode>();
        var relationships = new List<TckRelationship>();
        var forward = new List<bool>();
        SkipSpace();
        nodes.Add(ParseNode());
        while (true)
        {
            SkipSpace();
            if (TryConsume('>')) return new TckPath(nodes, relationships, forward);
            var backward = TryConsume('<');
            Expect('-');
            SkipSpace();
            relationships.Add(ParseRelationship());
            SkipSpace();
            Expect('-');
            var pointsForward = TryConsume('>');
            if (backward == pointsForward) throw Error("exactly one arrow head on a path relationship");
            forward.Add(pointsForward);
            SkipSpace();
            nodes.Add(ParseNode());
        }
    }

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private char PeekAfterSpace(int from)
    {
        while (from < _text.Length && char.IsWhiteSpace(_text[from])) from++;
        return from < _text.Length ? _text[from] : '\0';
    }

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos])) _pos++;
    }

    private bool TryConsume(char c)
    {
        if (_pos < _text.Length && _text[_pos] == c)
        {
            _pos++;
            return true;
        }
        return false;
    }

    private void Expect(char c)
    {
        SkipSpace();
        if (!TryConsume(c)) throw Error($"'{c}'");
    }

    private FormatException Error(string expected)
    {
        var found = _pos < _text.Length ? $"'{_text[_pos]}'" : "end of text";
        return new FormatException($"TCK value: expected {expected} at offset {_pos} but found {found} in: {_text}");
    }
}
