using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Syntax.Parsing;

internal sealed partial class Parser
{
    private Pattern Pattern()
    {
        var start = _i;
        var parts = new List<PatternPart> { PatternPart() };
        while (TrySymbol(","))
        {
            parts.Add(PatternPart());
        }

        return At(start, new Pattern(AstList.From(parts)));
    }

    private PatternPart PatternPart()
    {
        var start = _i;
        string? pathVariable = null;
        if (Cur.IsName && Peek().IsSymbol("="))
        {
            pathVariable = Advance().Value;
            Advance();
        }

        var selector = TryPathSelector();
        if (selector is null && Cur.Kind == TokenKind.Identifier && Peek().IsSymbol("(")
            && (Cur.IsKeyword("shortestPath") || Cur.IsKeyword("allShortestPaths")))
        {
            var s = _i;
            var all = Advance().IsKeyword("allShortestPaths");
            ExpectSymbol("(");
            var inner = PathPattern();
            ExpectSymbol(")");
            selector = At(s, new PathSelector(all ? PathSelectorKind.AllShortestPathsFunction : PathSelectorKind.ShortestPathFunction, all ? null : 1));
            return At(start, new PatternPart(pathVariable, selector, inner));
        }

        var path = PathPattern();
        return At(start, new PatternPart(pathVariable, selector, path));
    }

    private static bool IsPathWord(Token t) => t.IsKeyword("PATH") || t.IsKeyword("PATHS");

    private PathSelector? TryPathSelector()
    {
        var start = _i;
        var next = Peek();
        PathSelector? selector = null;
        if (Cur.IsKeyword("ANY") && next.IsKeyword("SHORTEST"))
        {
            _i += 2;
            selector = new PathSelector(PathSelectorKind.Shortest, 1);
        }
        else if (Cur.IsKeyword("ALL") && next.IsKeyword("SHORTEST"))
        {
            _i += 2;
            selector = new PathSelector(PathSelectorKind.AllShortest, null);
        }
        else if (Cur.IsKeyword("SHORTEST") && (next.Kind == TokenKind.Integer || next.IsSymbol("(") || IsPathWord(next) || next.IsKeyword("GROUP") || next.IsKeyword("GROUPS")))
        {
            Advance();
            long k = Cur.Kind == TokenKind.Integer ? ParseInteger(Advance(), false) : 1;
            if (TryKeyword("GROUPS") || TryKeyword("GROUP"))
            {
                selector = new PathSelector(PathSelectorKind.ShortestGroups, k);
            }
            else
            {
                selector = new PathSelector(PathSelectorKind.Shortest, k);
            }
        }
        else if (Cur.IsKeyword("ANY") && (next.Kind == TokenKind.Integer || next.IsSymbol("(") || IsPathWord(next)))
        {
            Advance();
            long k = Cur.Kind == TokenKind.Integer ? ParseInteger(Advance(), false) : 1;
            selector = new PathSelector(PathSelectorKind.Any, k);
        }
        else if (Cur.IsKeyword("ALL") && (next.IsSymbol("(") || IsPathWord(next)))
        {
            Advance();
            selector = new PathSelector(PathSelectorKind.All, null);
        }

        if (selector is null)
        {
            return null;
        }

        if (IsPathWord(Cur))
        {
            Advance();
        }

        return At(start, selector);
    }

    /// <summary>A path: node (rel node)*, with parenthesised (quantified) sub-paths allowed between nodes.</summary>
    private PathPattern PathPattern()
    {
        Descend();
        var start = _i;
        var elements = new List<PathElement> { NodeOrSubPath() };
        while (true)
        {
            if (IsSymbol("-") || IsSymbol("<"))
            {
                elements.Add(RelationshipPattern());
                elements.Add(NodeOrSubPath());
            }
            else if (Cur.IsSymbol("(") && (elements[^1] is QuantifiedPathPattern || IsSubPathStart()))
            {
                elements.Add(NodeOrSubPath());
            }
            else
            {
                break;
            }
        }

        _depth--;
        return At(start, new PathPattern(AstList.From(elements)));
    }

    private bool IsSubPathStart() => Cur.IsSymbol("(") && (Peek().IsSymbol("(") || (Peek().IsName && Peek(2).IsSymbol("=")));

    private PathElement NodeOrSubPath()
    {
        var start = _i;
        if (IsSubPathStart())
        {
            Advance();
            string? pathVar = null;
            if (Cur.IsName && Peek().IsSymbol("="))
            {
                pathVar = Advance().Value;
                Advance();
            }

            var inner = PathPattern();
            Expression? where = TryKeyword("WHERE") ? Expression() : null;
            ExpectSymbol(")");
            var quantifier = TryQuantifier();
            return At(start, new QuantifiedPathPattern(inner, quantifier, where) { PathVariable = pathVar });
        }

        ExpectSymbol("(");
        string? variable = null;
        if (Cur.IsName && !Cur.IsKeyword("WHERE") && !(Cur.IsKeyword("IS") && Peek().IsName))
        {
            variable = Advance().Value;
        }

        LabelExpression? labels = null;
        if (IsSymbol(":"))
        {
            labels = LabelExpressionAfterColon(inExpression: false);
        }
        else if (Cur.IsKeyword("IS") && (Peek().IsName || Peek().IsSymbol("!") || Peek().IsSymbol("%") || Peek().IsSymbol("(")))
        {
            Advance();
            labels = LabelOr(inExpression: false);
        }

        var properties = TryProperties();
        Expression? whereExpr = TryKeyword("WHERE") ? Expression() : null;
        ExpectSymbol(")");
        return At(start, new NodePattern(variable, labels, properties, whereExpr));
    }

    private Expression? TryProperties()
    {
        if (IsSymbol("{"))
        {
            return MapLiteral();
        }

        if (IsSymbol("$"))
        {
            return ParameterExpression();
        }

        return null;
    }

    private RelationshipPattern RelationshipPattern()
    {
        var start = _i;
        var left = TrySymbol("<");
        ExpectSymbol("-");
        string? variable = null;
        LabelExpression? types = null;
        VariableLength? length = null;
        Expression? properties = null;
        Expression? where = null;
        if (TrySymbol("["))
        {
            if (Cur.IsName && !Cur.IsKeyword("WHERE") && !(Cur.IsKeyword("IS") && Peek().IsName))
            {
                variable = Advance().Value;
            }

            if (IsSymbol(":"))
            {
                types = LabelExpressionAfterColon(inExpression: false);
            }
            else if (Cur.IsKeyword("IS"))
            {
                Advance();
                types = LabelOr(inExpression: false);
            }

            if (IsSymbol("*"))
            {
                length = VariableLength();
            }
            else if (Cur.IsSymbol("..") || (Cur.Kind == TokenKind.Integer && Peek().IsSymbol("..")))
            {
                throw ErrorAt(Cur, $"Invalid input '{Cur.Text}': a variable length relationship must start with '*'", "InvalidRelationshipPattern");
            }

            properties = TryProperties();
            where = TryKeyword("WHERE") ? Expression() : null;
            ExpectSymbol("]");
            ExpectSymbol("-");
        }
        else
        {
            ExpectSymbol("-");
        }

        var right = TrySymbol(">");
        var direction = (left, right) switch
        {
            (true, true) => RelationshipDirection.Bidirectional,
            (true, false) => RelationshipDirection.Incoming,
            (false, true) => RelationshipDirection.Outgoing,
            _ => RelationshipDirection.Both,
        };
        var quantifier = TryQuantifier();
        return At(start, new RelationshipPattern(variable, direction, types, length, properties, where, quantifier));
    }

    private VariableLength VariableLength()
    {
        var start = _i;
        ExpectSymbol("*");
        if (Cur.IsSymbol("-") || (Cur.IsSymbol("..") && Peek().IsSymbol("-")))
        {
            throw ErrorAt(Cur, "Invalid input '-': the bounds of a variable length relationship must be non-negative integers", "InvalidRelationshipPattern");
        }

        long? min = null;
        long? max = null;
        if (Cur.Kind == TokenKind.Integer)
        {
            min = ParseInteger(Advance(), false);
            max = min;
        }

        if (TrySymbol(".."))
        {
            max = Cur.Kind == TokenKind.Integer ? ParseInteger(Advance(), false) : null;
        }

        return At(start, new VariableLength(min, max));
    }

    /// <summary><c>{m,n}</c>, <c>{n}</c>, <c>+</c> or <c>*</c> after a relationship or parenthesised path.</summary>
    private Quantifier? TryQuantifier()
    {
        var start = _i;
        if (Cur.IsSymbol("+"))
        {
            Advance();
            return At(start, new Quantifier(1, null));
        }

        if (Cur.IsSymbol("*"))
        {
            Advance();
            return At(start, new Quantifier(0, null));
        }

        if (!Cur.IsSymbol("{") || !(Peek().Kind == TokenKind.Integer || Peek().IsSymbol(",")))
        {
            return null;
        }

        Advance();
        long? min = Cur.Kind == TokenKind.Integer ? ParseInteger(Advance(), false) : null;
        long? max;
        if (TrySymbol(","))
        {
            max = Cur.Kind == TokenKind.Integer ? ParseInteger(Advance(), false) : null;
        }
        else
        {
            max = min;
        }

        ExpectSymbol("}");
        return At(start, new Quantifier(min ?? 0, max));
    }

    /// <summary>Parses <c>:A:B</c>, <c>:A|B</c>, <c>:A&amp;!B</c> ... starting at the first colon.</summary>
    private LabelExpression LabelExpressionAfterColon(bool inExpression)
    {
        ExpectSymbol(":");
        return LabelOr(inExpression);
    }

    private LabelExpression LabelOr(bool inExpression)
    {
        var start = _i;
        var left = LabelAnd(inExpression);
        var links = 0;
        while (Cur.IsSymbol("|") && !(inExpression && _barIsDelimiter > 0))
        {
            Link(ref links);
            // In an expression, "n:A | x" may be a comprehension's projection bar: only continue on a label start.
            var after = Peek().IsSymbol(":") ? Peek(2) : Peek();
            if (!(after.IsName || after.IsSymbol("!") || after.IsSymbol("%") || after.IsSymbol("(")))
            {
                break;
            }

            Advance();
            TrySymbol(":");
            var right = LabelAnd(inExpression);
            left = At(start, new LabelOr(left, right));
        }

        return left;
    }

    private LabelExpression LabelAnd(bool inExpression)
    {
        var start = _i;
        var left = LabelNot(inExpression);
        var links = 0;
        while (true)
        {
            Link(ref links);
            if (Cur.IsSymbol("&"))
            {
                Advance();
                left = At(start, new LabelAnd(left, LabelNot(inExpression)));
            }
            else if (Cur.IsSymbol(":") && (Peek().IsName || Peek().IsSymbol("!") || Peek().IsSymbol("%") || Peek().IsSymbol("(")))
            {
                Advance();
                left = At(start, new LabelAnd(left, LabelNot(inExpression)) { ColonForm = true });
            }
            else
            {
                return left;
            }
        }
    }

    private LabelExpression LabelNot(bool inExpression)
    {
        var start = _i;
        if (TrySymbol("!"))
        {
            Descend();
            var operand = LabelNot(inExpression);
            _depth--;
            return At(start, new LabelNot(operand));
        }

        if (TrySymbol("%"))
        {
            return At(start, new LabelWildcard());
        }

        if (TrySymbol("("))
        {
            var saved = _barIsDelimiter;
            _barIsDelimiter = 0;
            Descend();
            var inner = LabelOr(inExpression);
            _depth--;
            _barIsDelimiter = saved;
            ExpectSymbol(")");
            return inner;
        }

        var name = ExpectName("a label or relationship type");
        return At(start, new LabelName(name));
    }
}
