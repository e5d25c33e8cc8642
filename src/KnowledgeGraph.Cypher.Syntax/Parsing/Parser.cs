using System.Globalization;
using System.Runtime.CompilerServices;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Cypher.Syntax.Parsing;

/// <summary>
/// Hand-written recursive-descent parser (precedence climbing for expressions). Error messages follow Neo4j:
/// the furthest position any alternative reached, what was found there and what could have followed.
/// </summary>
internal sealed partial class Parser
{
    private readonly SourceText _src;
    private readonly List<Token> _tokens;
    private int _i;

    // Furthest-failure bookkeeping for "expected ..." lists.
    private int _expectedAt = -1;
    private readonly List<string> _expected = [];

    // When positive, a '|' ends an expression-level label disjunction (we are inside a comprehension whose
    // projection starts with '|').
    private int _barIsDelimiter;

    private const int MaxDepth = 400;
    private int _depth;
    private readonly Dictionary<(int Kind, int At, int Bar), (object? Result, int End)> _memo = [];

    // Expected-token bookkeeping is only needed for the message of a syntax error, so the first parse skips it
    // and a failing parse is repeated with it on.
    private readonly bool _track;

    private Parser(string text, bool track)
    {
        _src = new SourceText(text);
        _tokens = Lexer.Tokenize(text, _src);
        _track = track;
    }

    public static Statement ParseStatement(string text)
    {
        var source = new SourceText(text);
        try
        {
            try
            {
                var statement = new Parser(text, track: false).Statement() with { Text = text };
                NestingLimit.Check(statement, source);
                return statement;
            }
            catch (GraphException e) when (e.Detail == "UnexpectedSyntax")
            {
                new Parser(text, track: true).Statement();
                throw;
            }
        }
        catch (InsufficientExecutionStackException)
        {
            throw source.Error("The query is nested too deeply to be parsed", 0, "QueryTooComplex");
        }
    }

    private Token Cur => _tokens[_i];

    private Token Peek(int k = 1) => _tokens[Math.Min(_i + k, _tokens.Count - 1)];

    private Token Prev => _tokens[Math.Max(_i - 1, 0)];

    private bool AtEnd => Cur.Kind == TokenKind.Eof;

    private Token Advance()
    {
        var t = Cur;
        if (t.Kind != TokenKind.Eof)
        {
            _i++;
        }

        return t;
    }

    private void Expecting(string what)
    {
        if (!_track)
        {
            return;
        }

        if (_i > _expectedAt)
        {
            _expectedAt = _i;
            _expected.Clear();
        }

        if (_i == _expectedAt && !_expected.Contains(what))
        {
            _expected.Add(what);
        }
    }

    /// <summary>Is the current token the keyword? Records it as expected when it is not.</summary>
    private bool IsKeyword(string keyword)
    {
        if (Cur.IsKeyword(keyword))
        {
            return true;
        }

        if (_track)
        {
            Expecting(keyword.ToUpperInvariant());
        }

        return false;
    }

    private bool TryKeyword(string keyword)
    {
        if (!IsKeyword(keyword))
        {
            return false;
        }

        _i++;
        return true;
    }

    private bool TryKeywords(params ReadOnlySpan<string> keywords)
    {
        for (var k = 0; k < keywords.Length; k++)
        {
            if (!Peek(k).IsKeyword(keywords[k]))
            {
                if (k == 0 && _track)
                {
                    Expecting(string.Join(' ', keywords.ToArray()).ToUpperInvariant());
                }

                return false;
            }
        }

        _i += keywords.Length;
        return true;
    }

    private void ExpectKeyword(string keyword)
    {
        if (!TryKeyword(keyword))
        {
            throw Fail();
        }
    }

    private bool IsSymbol(string symbol)
    {
        if (Cur.IsSymbol(symbol))
        {
            return true;
        }

        Expecting("'" + symbol + "'");
        return false;
    }

    private bool TrySymbol(string symbol)
    {
        if (!IsSymbol(symbol))
        {
            return false;
        }

        _i++;
        return true;
    }

    private Token ExpectSymbol(string symbol)
    {
        if (!IsSymbol(symbol))
        {
            throw Fail();
        }

        return Advance();
    }

    /// <summary>A symbolic name: a bare word (keywords allowed) or a backtick-quoted name.</summary>
    private string ExpectName(string what = "an identifier")
    {
        if (Cur.IsName)
        {
            return Advance().Value;
        }

        Expecting(what);
        throw Fail();
    }

    /// <summary>The syntax error for the furthest point reached.</summary>
    private GraphException Fail()
    {
        var at = _expectedAt >= _i ? _expectedAt : _i;
        var token = _tokens[Math.Min(at, _tokens.Count - 1)];
        var expected = at == _expectedAt ? _expected : [];
        var shown = token.Kind == TokenKind.Eof ? "" : token.Text;
        var message = $"Invalid input '{shown}'";
        if (expected.Count > 0)
        {
            message += ": expected " + JoinAlternatives(expected);
        }

        return _src.Error(message, token.Offset, "UnexpectedSyntax");
    }

    private GraphException ErrorAt(Token token, string message, string detail) => _src.Error(message, token.Offset, detail);

    /// <summary>Neo4j's order: descriptions, then symbols, then keywords alphabetically, then &lt;EOF&gt;.</summary>
    private static string JoinAlternatives(List<string> items)
    {
        static int Rank(string e) => e == "<EOF>" ? 3 : char.IsLower(e[0]) ? 0 : e.StartsWith('\'') ? 1 : 2;
        var shown = items
            .Select((e, i) => (e, i))
            .OrderBy(x => Rank(x.e))
            .ThenBy(x => Rank(x.e) == 2 ? x.e : "", StringComparer.Ordinal)
            .ThenBy(x => x.i)
            .Select(x => Rank(x.e) == 2 ? $"'{x.e}'" : x.e)
            .ToList();
        return shown.Count == 1 ? shown[0] : string.Join(", ", shown.Take(shown.Count - 1)) + " or " + shown[^1];
    }

    /// <summary>The span from token <paramref name="startToken"/> to the end of the last consumed token.</summary>
    private SourceSpan SpanFrom(int startToken)
    {
        var start = _tokens[startToken].Offset;
        var end = _i > startToken ? _tokens[_i - 1].End : start;
        return _src.Span(start, end - start);
    }

    private string TextFrom(int startToken)
    {
        var span = SpanFrom(startToken);
        return _src.Text.Substring(span.Offset, span.Length);
    }

    private T At<T>(int startToken, T node)
        where T : AstNode => node with { Span = SpanFrom(startToken) };

    /// <summary>
    /// Runs <paramref name="attempt"/>; on a syntax error (or a null result) rewinds and returns null. Outcomes are
    /// memoised by (kind, position, context), so nested alternatives cannot make parsing exponential.
    /// </summary>
    private T? Speculate<T>(int kind, Func<T?> attempt)
        where T : class
    {
        var key = (kind, _i, _barIsDelimiter);
        if (_memo.TryGetValue(key, out var known))
        {
            if (known.Result is T hit)
            {
                _i = known.End;
                return hit;
            }

            return null;
        }

        var save = _i;
        var saveBar = _barIsDelimiter;
        var saveDepth = _depth;
        T? result;
        try
        {
            result = attempt();
        }
        catch (GraphException e) when (e.Code == ErrorCodes.SyntaxError && e.Detail == "UnexpectedSyntax")
        {
            result = null;
        }

        _memo[key] = (result, _i);
        if (result is null)
        {
            _i = save;
            _barIsDelimiter = saveBar;
            _depth = saveDepth;
        }

        return result;
    }

    /// <summary>
    /// Counts one more link of an operator chain parsed by a loop (<c>a + b + ...</c>): each link makes the tree one
    /// level taller, so a chain longer than the tree may be tall fails here, before the rest of the chain is read.
    /// </summary>
    private void Link(ref int links)
    {
        if (++links > NestingLimit.MaxHeight)
        {
            throw ErrorAt(Cur, $"The query is nested too deeply (more than {NestingLimit.MaxHeight} levels)", "QueryTooComplex");
        }
    }

    /// <summary>Guards recursion: deeply nested input gets a clear error instead of exhausting the stack.</summary>
    private void Descend()
    {
        if (++_depth > MaxDepth)
        {
            throw ErrorAt(Cur, $"The query is nested too deeply (more than {MaxDepth} levels)", "QueryTooComplex");
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();
    }

    private Statement Statement()
    {
        var (mode, options) = Prefix();
        string? use = null;
        if (Cur.IsKeyword("USE") && Peek().IsName)
        {
            // A leading USE picks the database (neo4j or system) for the whole statement.
            Advance();
            use = Advance().Value;
        }

        var start = _i;
        Statement statement = TrySchemaCommand() ?? new QueryStatement(Query(topLevel: true));
        statement = At(start, statement) with { Mode = mode, QueryOptions = options, UseDatabase = use };
        TrySymbol(";");
        if (!AtEnd)
        {
            Expecting("<EOF>");
            throw Fail();
        }

        return statement;
    }

    private long ParseInteger(Token token, bool negative)
    {
        var text = token.Text;
        int radix = 10;
        var digits = text.AsSpan();
        if (text.Length > 1 && text[0] == '0' && text[1] is 'x' or 'X')
        {
            radix = 16;
            digits = digits[2..];
        }
        else if (text.Length > 1 && text[0] == '0' && text[1] is 'o' or 'O')
        {
            radix = 8;
            digits = digits[2..];
        }
        else if (text.Length > 1 && text[0] == '0' && text.All(c => c is >= '0' and <= '7'))
        {
            radix = 8; // legacy octal (0123)
            digits = digits[1..];
        }

        // Accumulate as a negative number so long.MinValue is representable.
        long value = 0;
        foreach (var ch in digits)
        {
            var d = ch <= '9' ? ch - '0' : (char.ToLowerInvariant(ch) - 'a') + 10;
            if (value < (long.MinValue + d) / radix)
            {
                throw Overflow(token, negative);
            }

            value = (value * radix) - d;
        }

        if (!negative)
        {
            if (value == long.MinValue)
            {
                throw Overflow(token, negative);
            }

            value = -value;
        }

        return value;
    }

    private GraphException Overflow(Token token, bool negative) =>
        ErrorAt(token, $"integer, {(negative ? "-" : "")}{token.Text}, is too large", "IntegerOverflow");

    private double ParseFloat(Token token)
    {
        var value = double.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(value))
        {
            throw ErrorAt(token, $"floating point number is too large: {token.Text}", "FloatingPointOverflow");
        }

        return value;
    }
}
