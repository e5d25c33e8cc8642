using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Syntax.Parsing;

internal sealed partial class Parser
{
    private Expression Expression()
    {
        Descend();
        var e = OrExpression();
        _depth--;
        return e;
    }

    private Expression OrExpression()
    {
        var start = _i;
        var left = XorExpression();
        var links = 0;
        while (TryKeyword("OR"))
        {
            Link(ref links);
            left = At(start, new BinaryExpression(BinaryOperator.Or, left, XorExpression()));
        }

        return left;
    }

    private Expression XorExpression()
    {
        var start = _i;
        var left = AndExpression();
        var links = 0;
        while (TryKeyword("XOR"))
        {
            Link(ref links);
            left = At(start, new BinaryExpression(BinaryOperator.Xor, left, AndExpression()));
        }

        return left;
    }

    private Expression AndExpression()
    {
        var start = _i;
        var left = NotExpression();
        var links = 0;
        while (TryKeyword("AND"))
        {
            Link(ref links);
            left = At(start, new BinaryExpression(BinaryOperator.And, left, NotExpression()));
        }

        return left;
    }

    private Expression NotExpression()
    {
        var start = _i;
        if (TryKeyword("NOT"))
        {
            // Prefix operators recurse once per operator: they count as nesting levels like parentheses.
            Descend();
            var operand = NotExpression();
            _depth--;
            return At(start, new UnaryExpression(UnaryOperator.Not, operand));
        }

        return ComparisonExpression();
    }

    private BinaryOperator? ComparisonOperator()
    {
        if (Cur.Kind != TokenKind.Symbol)
        {
            Expecting("'='");
            return null;
        }

        return Cur.Text switch
        {
            "=" => BinaryOperator.Equal,
            "<>" or "!=" => BinaryOperator.NotEqual,
            "<" => BinaryOperator.LessThan,
            "<=" => BinaryOperator.LessThanOrEqual,
            ">" => BinaryOperator.GreaterThan,
            ">=" => BinaryOperator.GreaterThanOrEqual,
            _ => null,
        };
    }

    /// <summary>Comparisons; a chain <c>a &lt; b &lt; c</c> becomes <c>a &lt; b AND b &lt; c</c>.</summary>
    private Expression ComparisonExpression()
    {
        var start = _i;
        var first = PredicateExpression();
        Expression? result = null;
        var left = first;
        var links = 0;
        while (ComparisonOperator() is { } op)
        {
            Link(ref links);
            Advance();
            var right = PredicateExpression();
            var comparison = At(start, new BinaryExpression(op, left, right));
            result = result is null ? comparison : At(start, new BinaryExpression(BinaryOperator.And, result, comparison));
            left = right;
        }

        return result ?? first;
    }

    /// <summary>STARTS WITH, ENDS WITH, CONTAINS, =~, IN, IS [NOT] NULL.</summary>
    private Expression PredicateExpression()
    {
        var start = _i;
        var left = AdditiveExpression();
        var links = 0;
        while (true)
        {
            Link(ref links);
            if (AtTypePredicate())
            {
                left = TypePredicateAfter(left, start);
            }
            else if (TrySymbol("=~"))
            {
                left = At(start, new BinaryExpression(BinaryOperator.RegexMatch, left, AdditiveExpression()));
            }
            else if (TryKeywords("STARTS", "WITH"))
            {
                left = At(start, new BinaryExpression(BinaryOperator.StartsWith, left, AdditiveExpression()));
            }
            else if (TryKeywords("ENDS", "WITH"))
            {
                left = At(start, new BinaryExpression(BinaryOperator.EndsWith, left, AdditiveExpression()));
            }
            else if (TryKeyword("CONTAINS"))
            {
                left = At(start, new BinaryExpression(BinaryOperator.Contains, left, AdditiveExpression()));
            }
            else if (TryKeyword("IN"))
            {
                left = At(start, new BinaryExpression(BinaryOperator.In, left, AdditiveExpression()));
            }
            else if (TryKeywords("IS", "NULL"))
            {
                left = At(start, new IsNullExpression(left, false));
            }
            else if (TryKeywords("IS", "NOT", "NULL"))
            {
                left = At(start, new IsNullExpression(left, true));
            }
            else
            {
                return left;
            }
        }
    }

    private Expression AdditiveExpression()
    {
        var start = _i;
        var left = MultiplicativeExpression();
        var links = 0;
        while (true)
        {
            Link(ref links);
            if (TrySymbol("+"))
            {
                left = At(start, new BinaryExpression(BinaryOperator.Add, left, MultiplicativeExpression()));
            }
            else if (TrySymbol("-"))
            {
                left = At(start, new BinaryExpression(BinaryOperator.Subtract, left, MultiplicativeExpression()));
            }
            else if (Cur.IsSymbol("|") && Peek().IsSymbol("|") && Peek().Offset == Cur.Offset + 1)
            {
                // Neo4j 5 string / list concatenation "a || b" is the same operation as "a + b".
                _i += 2;
                left = At(start, new BinaryExpression(BinaryOperator.Add, left, MultiplicativeExpression()));
            }
            else
            {
                return left;
            }
        }
    }

    private Expression MultiplicativeExpression()
    {
        var start = _i;
        var left = PowerExpression();
        var links = 0;
        while (true)
        {
            Link(ref links);
            BinaryOperator op;
            if (TrySymbol("*"))
            {
                op = BinaryOperator.Multiply;
            }
            else if (TrySymbol("/"))
            {
                op = BinaryOperator.Divide;
            }
            else if (TrySymbol("%"))
            {
                op = BinaryOperator.Modulo;
            }
            else
            {
                return left;
            }

            left = At(start, new BinaryExpression(op, left, PowerExpression()));
        }
    }

    private Expression PowerExpression()
    {
        var start = _i;
        var left = UnaryExpression();
        var links = 0;
        while (TrySymbol("^"))
        {
            Link(ref links);
            left = At(start, new BinaryExpression(BinaryOperator.Power, left, UnaryExpression()));
        }

        return left;
    }

    private Expression UnaryExpression()
    {
        var start = _i;
        if (IsSymbol("-"))
        {
            Advance();
            if (Cur.Kind is TokenKind.Integer or TokenKind.Float && !IsPostfixStart(Peek()))
            {
                var t = Advance();
                object value = t.Kind == TokenKind.Integer ? (object)ParseInteger(t, negative: true) : (object)(-ParseFloat(t));
                return At(start, new Literal(value));
            }

            Descend();
            var negated = UnaryExpression();
            _depth--;
            return At(start, new UnaryExpression(UnaryOperator.Negate, negated));
        }

        if (TrySymbol("+"))
        {
            Descend();
            var operand = UnaryExpression();
            _depth--;
            return At(start, new UnaryExpression(UnaryOperator.Plus, operand));
        }

        return PostfixExpression(allowLabels: true);
    }

    private static bool IsPostfixStart(Token t) => t.IsSymbol(".") || t.IsSymbol("[");

    private Expression PostfixExpression(bool allowLabels)
    {
        var start = _i;
        var e = Atom();
        var links = 0;
        while (true)
        {
            Link(ref links);
            if (IsSymbol(".") && Peek().IsName)
            {
                Advance();
                e = At(start, new PropertyAccess(e, Advance().Value));
            }
            else if (TrySymbol("["))
            {
                var saved = _barIsDelimiter;
                _barIsDelimiter = 0;
                Expression? from = IsSymbol("..") ? null : Expression();
                if (TrySymbol(".."))
                {
                    Expression? to = IsSymbol("]") ? null : Expression();
                    ExpectSymbol("]");
                    e = At(start, new SliceAccess(e, from, to));
                }
                else
                {
                    ExpectSymbol("]");
                    e = At(start, new IndexAccess(e, from!));
                }

                _barIsDelimiter = saved;
            }
            else if (allowLabels && IsSymbol(":") && (Peek().IsName || Peek().IsSymbol("!") || Peek().IsSymbol("%") || Peek().IsSymbol("(")))
            {
                var labels = LabelExpressionAfterColon(inExpression: true);
                e = At(start, new LabelPredicate(e, labels));
            }
            else
            {
                return e;
            }
        }
    }
}
