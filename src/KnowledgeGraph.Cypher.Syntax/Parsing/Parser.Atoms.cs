using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Syntax.Parsing;

internal sealed partial class Parser
{
    private static readonly string[] SubqueryClauseKeywords = ["MATCH", "OPTIONAL", "WITH", "UNWIND", "CALL", "RETURN", "CREATE", "MERGE", "FINISH", "USE"];

    private Expression Atom()
    {
        var start = _i;
        var t = Cur;
        switch (t.Kind)
        {
            case TokenKind.Integer:
                Advance();
                return At(start, new Literal(ParseInteger(t, negative: false)));
            case TokenKind.Float:
                Advance();
                return At(start, new Literal(ParseFloat(t)));
            case TokenKind.String:
                Advance();
                return At(start, new Literal(t.Value));
            case TokenKind.Symbol:
                return SymbolAtom(start);
            case TokenKind.Identifier:
                if (KeywordAtom(start) is { } k)
                {
                    return k;
                }

                break;
            case TokenKind.QuotedIdentifier:
                break;
            default:
                Expecting("an expression");
                throw Fail();
        }

        // A name: function call, map projection or variable.
        var save = _i;
        var parts = new List<string> { Advance().Value };
        while (Cur.IsSymbol(".") && Peek().IsName)
        {
            Advance();
            parts.Add(Advance().Value);
        }

        if (Cur.IsSymbol("("))
        {
            return FunctionCall(start, parts);
        }

        _i = save + 1;
        if (Cur.IsSymbol("{"))
        {
            return MapProjection(start, new Variable(parts[0]) { Span = SpanFrom(start) });
        }

        return At(start, new Variable(parts[0]));
    }

    private Expression SymbolAtom(int start)
    {
        if (IsSymbol("$"))
        {
            return ParameterExpression();
        }

        if (IsSymbol("{"))
        {
            return MapLiteral();
        }

        if (IsSymbol("["))
        {
            return ListAtom(start);
        }

        if (IsSymbol("("))
        {
            var pattern = Speculate(0, () =>
            {
                // A pattern used as an expression must relate something: a lone parenthesised group counts only
                // when quantified or holding a relationship, so `(a = (b IS NULL))` stays a comparison.
                var p = PathPattern();
                return p.Elements.Count > 1 || p.Elements[0] is QuantifiedPathPattern { } q && (q.Quantifier is not null || q.Path.Elements.Count > 1) ? p : null;
            });
            if (pattern is not null)
            {
                return At(start, new PatternPredicate(pattern));
            }

            Advance();
            var saved = _barIsDelimiter;
            _barIsDelimiter = 0;
            var inner = Expression();
            _barIsDelimiter = saved;
            ExpectSymbol(")");
            return inner;
        }

        Expecting("an expression");
        throw Fail();
    }

    private Expression ParameterExpression()
    {
        var start = _i;
        ExpectSymbol("$");
        if (Cur.IsName || Cur.Kind == TokenKind.Integer)
        {
            return At(start, new Parameter(Advance().Value));
        }

        Expecting("a parameter name");
        throw Fail();
    }

    private MapLiteral MapLiteral()
    {
        var start = _i;
        ExpectSymbol("{");
        var saved = _barIsDelimiter;
        _barIsDelimiter = 0;
        var entries = new List<MapEntry>();
        if (!IsSymbol("}"))
        {
            do
            {
                var s = _i;
                var key = ExpectName("a property key");
                ExpectSymbol(":");
                entries.Add(At(s, new MapEntry(key, Expression())));
            }
            while (TrySymbol(","));
        }

        ExpectSymbol("}");
        _barIsDelimiter = saved;
        return At(start, new MapLiteral(AstList.From(entries)));
    }

    private Expression ListAtom(int start)
    {
        // [x IN list WHERE p | e]
        if (Peek().IsName && Peek(2).IsKeyword("IN"))
        {
            var comprehension = Speculate<Expression>(1, () =>
            {
                Advance();
                var variable = Advance().Value;
                Advance();
                var (source, where, projection) = ComprehensionTail(requireProjection: false);
                ExpectSymbol("]");
                return At(start, new ListComprehension(variable, source, where, projection));
            });
            if (comprehension is not null)
            {
                return comprehension;
            }
        }

        // [p = (a)-->(b) WHERE p | e]
        if (Peek().IsSymbol("(") || (Peek().IsName && Peek(2).IsSymbol("=")))
        {
            var comprehension = Speculate<Expression>(2, () =>
            {
                Advance();
                string? pathVar = null;
                if (Cur.IsName)
                {
                    pathVar = Advance().Value;
                    Advance();
                }

                var pattern = PathPattern();
                _barIsDelimiter++;
                Expression? where = TryKeyword("WHERE") ? Expression() : null;
                _barIsDelimiter--;
                ExpectSymbol("|");
                var saved = _barIsDelimiter;
                _barIsDelimiter = 0;
                var projection = Expression();
                _barIsDelimiter = saved;
                ExpectSymbol("]");
                return At(start, new PatternComprehension(pathVar, pattern, where, projection));
            });
            if (comprehension is not null)
            {
                return comprehension;
            }
        }

        ExpectSymbol("[");
        var savedBar = _barIsDelimiter;
        _barIsDelimiter = 0;
        var items = new List<Expression>();
        if (!IsSymbol("]"))
        {
            items.Add(Expression());
            while (TrySymbol(","))
            {
                items.Add(Expression());
            }
        }

        ExpectSymbol("]");
        _barIsDelimiter = savedBar;
        return At(start, new ListLiteral(AstList.From(items)));
    }

    /// <summary>After <c>x IN</c>: <c>source [WHERE p] [| e]</c>.</summary>
    private (Expression Source, Expression? Where, Expression? Projection) ComprehensionTail(bool requireProjection)
    {
        _barIsDelimiter++;
        var source = Expression();
        Expression? where = TryKeyword("WHERE") ? Expression() : null;
        _barIsDelimiter--;
        Expression? projection = null;
        if (requireProjection ? ExpectSymbol("|").Kind == TokenKind.Symbol : TrySymbol("|"))
        {
            var saved = _barIsDelimiter;
            _barIsDelimiter = 0;
            projection = Expression();
            _barIsDelimiter = saved;
        }

        return (source, where, projection);
    }

    private Expression? KeywordAtom(int start)
    {
        var t = Cur;
        var next = Peek();
        if (t.IsKeyword("TRUE") || t.IsKeyword("FALSE"))
        {
            Advance();
            return At(start, new Literal(t.IsKeyword("TRUE")));
        }

        if (t.IsKeyword("NULL"))
        {
            Advance();
            return At(start, new Literal(null));
        }

        if (t.IsKeyword("CASE"))
        {
            return CaseExpression(start);
        }

        if (next.IsSymbol("{") && (t.IsKeyword("EXISTS") || t.IsKeyword("COUNT") || t.IsKeyword("COLLECT")))
        {
            return SubqueryExpression(start);
        }

        if (!next.IsSymbol("("))
        {
            return null;
        }

        if (t.IsKeyword("count") && Peek(2).IsSymbol("*") && Peek(3).IsSymbol(")"))
        {
            _i += 4;
            return At(start, new CountStar());
        }

        if ((t.IsKeyword("all") || t.IsKeyword("any") || t.IsKeyword("none") || t.IsKeyword("single"))
            && Peek(2).IsName && Peek(3).IsKeyword("IN"))
        {
            var kind = t.IsKeyword("all") ? ListPredicateKind.All : t.IsKeyword("any") ? ListPredicateKind.Any
                : t.IsKeyword("none") ? ListPredicateKind.None : ListPredicateKind.Single;
            _i += 2;
            var variable = Advance().Value;
            Advance();
            var (source, where, _) = ComprehensionTail(requireProjection: false);
            ExpectSymbol(")");
            return At(start, new ListPredicate(kind, variable, source, where));
        }

        if (t.IsKeyword("reduce") && Peek(2).IsName && Peek(3).IsSymbol("="))
        {
            _i += 2;
            var acc = Advance().Value;
            Advance();
            var init = Expression();
            ExpectSymbol(",");
            var variable = ExpectName();
            ExpectKeyword("IN");
            var (source, _, projection) = ComprehensionTail(requireProjection: true);
            ExpectSymbol(")");
            return At(start, new ReduceExpression(acc, init, variable, source, projection!));
        }

        if (t.IsKeyword("shortestPath") || t.IsKeyword("allShortestPaths"))
        {
            _i += 2;
            var pattern = PathPattern();
            ExpectSymbol(")");
            return At(start, new ShortestPathExpression(t.IsKeyword("allShortestPaths"), pattern));
        }

        return null;
    }

    private Expression FunctionCall(int start, List<string> parts)
    {
        ExpectSymbol("(");
        var saved = _barIsDelimiter;
        _barIsDelimiter = 0;
        var distinct = TryKeyword("DISTINCT");
        if (!distinct)
        {
            TryKeyword("ALL");
        }

        var args = new List<Expression>();
        if (!IsSymbol(")"))
        {
            args.Add(Expression());
            while (TrySymbol(","))
            {
                args.Add(Expression());
            }
        }

        ExpectSymbol(")");
        _barIsDelimiter = saved;
        return At(start, new FunctionCall(AstList.From(parts.Take(parts.Count - 1)), parts[^1], distinct, AstList.From(args)));
    }

    private Expression MapProjection(int start, Expression subject)
    {
        ExpectSymbol("{");
        var saved = _barIsDelimiter;
        _barIsDelimiter = 0;
        var items = new List<MapProjectionItem>();
        if (!IsSymbol("}"))
        {
            do
            {
                var s = _i;
                if (TrySymbol("."))
                {
                    items.Add(TrySymbol("*") ? At(s, new AllPropertiesSelector()) : At(s, new PropertySelector(ExpectName("a property key"))));
                }
                else
                {
                    var name = ExpectName("a property key");
                    items.Add(TrySymbol(":") ? At(s, new LiteralEntry(name, Expression())) : At(s, new VariableSelector(name)));
                }
            }
            while (TrySymbol(","));
        }

        ExpectSymbol("}");
        _barIsDelimiter = saved;
        return At(start, new MapProjection(subject, AstList.From(items)));
    }

    private Expression CaseExpression(int start)
    {
        ExpectKeyword("CASE");
        var saved = _barIsDelimiter;
        _barIsDelimiter = 0;
        Expression? subject = IsKeyword("WHEN") ? null : Expression();
        var alternatives = new List<CaseAlternative>();
        while (IsKeyword("WHEN"))
        {
            var s = _i;
            Advance();
            var when = Expression();
            ExpectKeyword("THEN");
            alternatives.Add(At(s, new CaseAlternative(when, Expression())));
        }

        if (alternatives.Count == 0)
        {
            throw Fail();
        }

        Expression? otherwise = TryKeyword("ELSE") ? Expression() : null;
        ExpectKeyword("END");
        _barIsDelimiter = saved;
        return At(start, new CaseExpression(subject, AstList.From(alternatives), otherwise));
    }

    private Expression SubqueryExpression(int start)
    {
        var t = Advance();
        var kind = t.IsKeyword("EXISTS") ? SubqueryKind.Exists : t.IsKeyword("COUNT") ? SubqueryKind.Count : SubqueryKind.Collect;
        ExpectSymbol("{");
        var saved = _barIsDelimiter;
        _barIsDelimiter = 0;
        Expression result;
        if (SubqueryClauseKeywords.Any(k => Cur.IsKeyword(k)))
        {
            var query = Query(topLevel: false);
            result = new SubqueryExpression(kind, query, null, null);
        }
        else
        {
            var pattern = Pattern();
            Expression? where = TryKeyword("WHERE") ? Expression() : null;
            result = new SubqueryExpression(kind, null, pattern, where);
        }

        ExpectSymbol("}");
        _barIsDelimiter = saved;
        return At(start, result);
    }
}
