using System.Globalization;
using System.Text;

namespace KnowledgeGraph.Storage.Indexes.Fulltext;

/// <summary>
/// The supported subset of Lucene's classic query syntax: terms, <c>"phrases"</c> (with <c>~slop</c>), prefix
/// <c>foo*</c>, wildcards <c>f?o*bar</c>, fuzzy <c>foo~</c> / <c>foo~1</c>, <c>AND</c> / <c>OR</c> / <c>NOT</c> /
/// <c>&amp;&amp;</c> / <c>||</c> / <c>!</c> / <c>+</c> / <c>-</c>, grouping with parentheses, field scoping
/// <c>name:foo</c> / <c>name:(a b)</c>, boosts <c>^2</c> and backslash escapes. The default operator is OR and
/// AND/OR combine clauses the way Lucene's classic parser does (AND makes both neighbours required).
/// Range (<c>[a TO b]</c>) and regular-expression (<c>/re/</c>) queries are refused with a clear message.
/// </summary>
internal sealed class FulltextQueryParser
{
    private const string Specials = "()[]{}:^\"~\\/";
    private const int MaxDepth = 64;
    private readonly string _text;
    private readonly FulltextAnalyzer _analyzer;
    private int _i;

    private FulltextQueryParser(string text, FulltextAnalyzer analyzer)
    {
        _text = text;
        _analyzer = analyzer;
    }

    /// <summary>Parses <paramref name="text"/>; null when it holds no searchable term (e.g. only stop words).</summary>
    public static FulltextQuery? Parse(string text, FulltextAnalyzer analyzer)
    {
        var p = new FulltextQueryParser(text, analyzer);
        var q = p.Query(null, 0);
        p.SkipWhitespace();
        if (p._i < text.Length) throw p.Error($"unexpected '{text[p._i]}'");
        if (q is BooleanQuery { Clauses.Count: 0 } && text.Trim().Length == 0) throw p.Error("the query is empty");
        return q is BooleanQuery { Clauses.Count: 0 } ? null : q;
    }

    private FulltextQuery Query(string? field, int depth)
    {
        if (depth > MaxDepth) throw Error($"more than {MaxDepth} nested groups");
        var clauses = new List<(Occur Occur, FulltextQuery Query)>();
        while (true)
        {
            SkipWhitespace();
            if (AtEnd || Cur == ')') break;
            var conjunction = 0; // 1 AND, 2 OR
            if (TryOperator("AND", "&&")) conjunction = 1;
            else if (TryOperator("OR", "||")) conjunction = 2;
            if (conjunction != 0)
            {
                if (clauses.Count == 0) throw Error($"'{(conjunction == 1 ? "AND" : "OR")}' needs a clause before it");
                SkipWhitespace();
                if (AtEnd || Cur == ')') throw Error($"'{(conjunction == 1 ? "AND" : "OR")}' needs a clause after it");
            }

            var required = false;
            var prohibited = false;
            if (Cur == '+' && !NextIsBreak())
            {
                required = true;
                _i++;
            }
            else if ((Cur == '-' || Cur == '!') && !NextIsBreak())
            {
                prohibited = true;
                _i++;
            }
            else if (TryOperator("NOT", null))
            {
                prohibited = true;
                SkipWhitespace();
                if (AtEnd || Cur == ')') throw Error("'NOT' needs a clause after it");
            }

            var clause = Clause(field, depth);
            if (conjunction == 1 && clauses.Count > 0 && clauses[^1].Occur != Occur.MustNot) clauses[^1] = (Occur.Must, clauses[^1].Query);
            if (conjunction == 1 && !prohibited) required = true;
            if (clause is null) continue; // analyzed to nothing (stop words, punctuation)
            clauses.Add((prohibited ? Occur.MustNot : required ? Occur.Must : Occur.Should, clause));
        }

        return clauses.Count == 1 && clauses[0].Occur == Occur.Should ? clauses[0].Query : new BooleanQuery(clauses);
    }

    private FulltextQuery? Clause(string? field, int depth)
    {
        SkipWhitespace();
        if (AtEnd) throw Error("a term is missing at the end");
        var start = _i;
        if (Cur is not ('(' or '"') && !IsSpecial(Cur))
        {
            // Maybe a field name: a term directly followed by ':'.
            var (name, _, escaped) = ReadTerm();
            if (!AtEnd && Cur == ':' && !escaped && name.Length > 0)
            {
                _i++;
                SkipWhitespace();
                return Clause(name, depth);
            }

            _i = start;
        }

        FulltextQuery? q;
        if (Cur == '(')
        {
            _i++;
            q = Query(field, depth + 1);
            SkipWhitespace();
            if (AtEnd || Cur != ')') throw Error($"missing ')' to close the '(' at column {start + 1}");
            _i++;
            if (q is BooleanQuery { Clauses.Count: 0 }) q = null;
        }
        else if (Cur == '"')
        {
            q = Phrase(field);
        }
        else if (Cur is '[' or '{')
        {
            throw Error("range queries ([a TO b]) are not supported");
        }
        else if (Cur == '/')
        {
            throw Error("regular expression queries (/re/) are not supported");
        }
        else if (IsSpecial(Cur) || Cur is '+' or '-' or '!')
        {
            throw Error($"unexpected '{Cur}'");
        }
        else
        {
            q = Term(field);
        }

        return Boost(q);
    }

    private FulltextQuery? Phrase(string? field)
    {
        var open = _i++;
        var sb = new StringBuilder();
        while (!AtEnd && Cur != '"')
        {
            if (Cur == '\\' && _i + 1 < _text.Length) _i++;
            sb.Append(_text[_i++]);
        }

        if (AtEnd) throw Error($"the phrase opened at column {open + 1} has no closing '\"'");
        _i++;
        var slop = 0;
        if (!AtEnd && Cur == '~')
        {
            _i++;
            slop = (int)Math.Min(Number() ?? 0, 1000);
        }

        var terms = _analyzer.Tokens(sb.ToString());
        return terms.Count switch
        {
            0 => null,
            1 => new TermQuery(field, terms[0]),
            _ => new PhraseQuery(field, terms, slop),
        };
    }

    private FulltextQuery? Term(string? field)
    {
        var start = _i;
        var (text, wildcard, _) = ReadTerm();
        if (text.Length == 0) throw Error($"unexpected '{(AtEnd ? "end of query" : Cur.ToString())}'");
        if (!AtEnd && Cur == '~')
        {
            _i++;
            var n = Number();
            // Lucene: ~ alone is 2 edits, ~1 one, a fraction the legacy similarity; at most 2 edits are supported.
            var edits = n is null ? 2 : n >= 1 ? (int)Math.Min(n.Value, 2) : Math.Max(0, (int)((1 - n.Value) * text.Length));
            return new FuzzyQuery(field, _analyzer.Normalize(text), Math.Min(edits, 2));
        }

        if (wildcard)
        {
            if (text[0] is '*' or '?') throw Error($"'*' or '?' is not allowed as the first character of a term (column {start + 1})");
            var body = text[..^1];
            if (text[^1] == '*' && body.IndexOfAny(['*', '?']) < 0) return new PrefixQuery(field, _analyzer.Normalize(body));
            return new WildcardQuery(field, _analyzer.Normalize(text));
        }

        var terms = _analyzer.Tokens(text);
        return terms.Count switch
        {
            0 => null,
            1 => new TermQuery(field, terms[0]),
            _ => new BooleanQuery(terms.Select(t => (Occur.Should, (FulltextQuery)new TermQuery(field, t))).ToList()),
        };
    }

    private FulltextQuery? Boost(FulltextQuery? q)
    {
        if (AtEnd || Cur != '^') return q;
        _i++;
        var boost = Number() ?? throw Error("a number must follow '^'");
        return q is null ? null : q with { Boost = q.Boost * boost };
    }

    /// <summary>Reads term characters (escapes resolved); reports unescaped wildcards and whether anything was escaped.</summary>
    private (string Text, bool Wildcard, bool Escaped) ReadTerm()
    {
        var sb = new StringBuilder();
        var wildcard = false;
        var escaped = false;
        while (!AtEnd && !char.IsWhiteSpace(Cur) && !IsSpecial(Cur))
        {
            if (Cur == '\\')
            {
                break;
            }

            if (Cur is '*' or '?') wildcard = true;
            sb.Append(_text[_i++]);
        }

        while (!AtEnd && Cur == '\\')
        {
            if (_i + 1 >= _text.Length) throw Error("a '\\' at the end of the query escapes nothing");
            escaped = true;
            sb.Append(_text[_i + 1]);
            _i += 2;
            while (!AtEnd && !char.IsWhiteSpace(Cur) && !IsSpecial(Cur))
            {
                if (Cur is '*' or '?') wildcard = true;
                sb.Append(_text[_i++]);
            }
        }

        return (sb.ToString(), wildcard, escaped);
    }

    private double? Number()
    {
        var s = _i;
        while (!AtEnd && (char.IsAsciiDigit(Cur) || Cur == '.')) _i++;
        if (_i == s) return null;
        return double.TryParse(_text.AsSpan(s, _i - s), NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw Error($"'{_text[s.._i]}' is not a number");
    }

    private bool TryOperator(string word, string? symbol)
    {
        if (symbol is not null && string.CompareOrdinal(_text, _i, symbol, 0, symbol.Length) == 0)
        {
            _i += symbol.Length;
            return true;
        }

        if (string.CompareOrdinal(_text, _i, word, 0, word.Length) != 0) return false;
        var end = _i + word.Length;
        if (end < _text.Length && !char.IsWhiteSpace(_text[end]) && _text[end] is not ('(' or '"')) return false;
        _i = end;
        return true;
    }

    private bool NextIsBreak() => _i + 1 >= _text.Length || char.IsWhiteSpace(_text[_i + 1]);

    private static bool IsSpecial(char c) => Specials.Contains(c, StringComparison.Ordinal) && c != '\\';

    private void SkipWhitespace()
    {
        while (!AtEnd && char.IsWhiteSpace(Cur)) _i++;
    }

    private bool AtEnd => _i >= _text.Length;

    private char Cur => _text[_i];

    private FulltextQueryException Error(string what) =>
        new($"Cannot parse '{_text}': {what} (column {Math.Min(_i, _text.Length) + 1}).");
}
