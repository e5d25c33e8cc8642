using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Syntax.Parsing;

internal sealed partial class Parser
{
    private Query Query(bool topLevel)
    {
        Descend();
        var start = _i;
        Query query = SingleQuery(topLevel);
        var links = 0;
        while (IsKeyword("UNION"))
        {
            Link(ref links);
            Advance();
            var all = TryKeyword("ALL");
            if (!all)
            {
                TryKeyword("DISTINCT");
            }

            var right = SingleQuery(topLevel);
            query = At(start, new UnionQuery(query, right, all));
        }

        _depth--;
        return query;
    }

    private SingleQuery SingleQuery(bool topLevel)
    {
        var start = _i;
        var clauses = new List<Clause>();
        while (true)
        {
            var clause = TryClause();
            if (clause is null)
            {
                break;
            }

            clauses.Add(clause);
        }

        if (clauses.Count == 0)
        {
            throw Fail();
        }

        if (clauses.Count == 1 && clauses[0] is CallProcedureClause call && topLevel)
        {
            clauses[0] = call with { Standalone = true };
        }

        return At(start, new SingleQuery(AstList.From(clauses)));
    }

    private Clause? TryClause()
    {
        var start = _i;
        Clause? clause = null;
        if (IsKeyword("MATCH"))
        {
            Advance();
            clause = MatchBody(optional: false);
        }
        else if (IsKeyword("OPTIONAL"))
        {
            Advance();
            if (TryKeyword("CALL"))
            {
                clause = CallBody(optional: true);
            }
            else
            {
                ExpectKeyword("MATCH");
                clause = MatchBody(optional: true);
            }
        }
        else if (TryKeyword("UNWIND"))
        {
            var e = Expression();
            ExpectKeyword("AS");
            clause = new UnwindClause(e, ExpectName());
        }
        else if (TryKeyword("WITH"))
        {
            var body = ProjectionBody();
            Expression? where = TryKeyword("WHERE") ? Expression() : null;
            clause = new WithClause(body, where);
        }
        else if (TryKeyword("RETURN"))
        {
            clause = new ReturnClause(ProjectionBody());
        }
        else if (TryKeyword("CREATE"))
        {
            clause = new CreateClause(Pattern());
        }
        else if (TryKeyword("MERGE"))
        {
            clause = MergeBody();
        }
        else if (TryKeyword("SET"))
        {
            clause = new SetClause(SetItems());
        }
        else if (TryKeyword("REMOVE"))
        {
            clause = new RemoveClause(RemoveItems());
        }
        else if (TryKeyword("DELETE"))
        {
            clause = new DeleteClause(false, ExpressionList());
        }
        else if (TryKeywords("DETACH", "DELETE"))
        {
            clause = new DeleteClause(true, ExpressionList());
        }
        else if (TryKeywords("NODETACH", "DELETE"))
        {
            clause = new DeleteClause(false, ExpressionList());
        }
        else if (TryKeyword("FOREACH"))
        {
            clause = ForeachBody();
        }
        else if (TryKeyword("CALL"))
        {
            clause = CallBody(optional: false);
        }
        else if (TryKeyword("FINISH"))
        {
            clause = new FinishClause();
        }
        else if (TryKeywords("LOAD", "CSV"))
        {
            clause = LoadCsvBody();
        }

        return clause is null ? null : At(start, clause);
    }

    private MatchClause MatchBody(bool optional)
    {
        var pattern = Pattern();
        var hints = new List<UsingHint>();
        while (IsKeyword("USING"))
        {
            hints.Add(UsingHint());
        }

        Expression? where = TryKeyword("WHERE") ? Expression() : null;
        return new MatchClause(optional, pattern, where) { Hints = AstList.From(hints) };
    }

    private ProjectionBody ProjectionBody()
    {
        var start = _i;
        var distinct = TryKeyword("DISTINCT");
        var items = new List<ProjectionItem>();
        var star = false;
        if (TrySymbol("*"))
        {
            star = true;
            while (TrySymbol(","))
            {
                items.Add(ProjectionItem());
            }
        }
        else
        {
            items.Add(ProjectionItem());
            while (TrySymbol(","))
            {
                items.Add(ProjectionItem());
            }
        }

        var order = new List<SortItem>();
        if (TryKeywords("ORDER", "BY"))
        {
            do
            {
                var s = _i;
                var e = Expression();
                var desc = false;
                if (TryKeyword("DESC") || TryKeyword("DESCENDING"))
                {
                    desc = true;
                }
                else if (!TryKeyword("ASC"))
                {
                    TryKeyword("ASCENDING");
                }

                order.Add(At(s, new SortItem(e, desc)));
            }
            while (TrySymbol(","));
        }

        Expression? skip = TryKeyword("SKIP") || TryKeyword("OFFSET") ? Expression() : null;
        Expression? limit = TryKeyword("LIMIT") ? Expression() : null;
        return At(start, new ProjectionBody(distinct, star, AstList.From(items), AstList.From(order), skip, limit));
    }

    private ProjectionItem ProjectionItem()
    {
        var start = _i;
        var e = Expression();
        var text = TextFrom(start);
        string? alias = TryKeyword("AS") ? ExpectName() : null;
        return At(start, new ProjectionItem(e, alias, text));
    }

    private MergeClause MergeBody()
    {
        var part = PatternPart();
        var actions = new List<MergeAction>();
        while (IsKeyword("ON"))
        {
            var s = _i;
            Advance();
            bool onCreate;
            if (TryKeyword("CREATE"))
            {
                onCreate = true;
            }
            else
            {
                ExpectKeyword("MATCH");
                onCreate = false;
            }

            ExpectKeyword("SET");
            actions.Add(At(s, new MergeAction(onCreate, SetItems())));
        }

        return new MergeClause(part, AstList.From(actions));
    }

    private AstList<SetItem> SetItems()
    {
        var items = new List<SetItem>();
        do
        {
            items.Add(SetItem());
        }
        while (TrySymbol(","));
        return AstList.From(items);
    }

    private SetItem SetItem()
    {
        var start = _i;
        var target = PostfixExpression(allowLabels: false);
        if (target is Variable v && (IsSymbol(":") || Cur.IsKeyword("IS")))
        {
            return At(start, new SetLabelsItem(v.Name, LabelList()));
        }

        if (TrySymbol("+="))
        {
            return At(start, new SetPropertiesItem(target, Expression(), true));
        }

        ExpectSymbol("=");
        var value = Expression();
        SetItem item = target switch
        {
            PropertyAccess p => new SetPropertyItem(p.Target, p.Key, value),
            IndexAccess ix => new SetDynamicPropertyItem(ix.Target, ix.Index, value),
            _ => new SetPropertiesItem(target, value, false),
        };
        return At(start, item);
    }

    /// <summary><c>:A:B</c> (or <c>IS A</c>) as a flat list for SET / REMOVE.</summary>
    private AstList<string> LabelList()
    {
        var labels = new List<string>();
        if (TryKeyword("IS"))
        {
            labels.Add(ExpectName("a label"));
            while (TrySymbol("&"))
            {
                labels.Add(ExpectName("a label"));
            }

            return AstList.From(labels);
        }

        while (TrySymbol(":"))
        {
            labels.Add(ExpectName("a label"));
            while (TrySymbol("&"))
            {
                labels.Add(ExpectName("a label"));
            }
        }

        return AstList.From(labels);
    }

    private AstList<RemoveItem> RemoveItems()
    {
        var items = new List<RemoveItem>();
        do
        {
            var start = _i;
            var target = PostfixExpression(allowLabels: false);
            RemoveItem item = target switch
            {
                Variable v when IsSymbol(":") || Cur.IsKeyword("IS") => new RemoveLabelsItem(v.Name, LabelList()),
                PropertyAccess p => new RemovePropertyItem(p.Target, p.Key),
                IndexAccess ix => new RemoveDynamicPropertyItem(ix.Target, ix.Index),
                _ => throw Fail(),
            };
            items.Add(At(start, item));
        }
        while (TrySymbol(","));
        return AstList.From(items);
    }

    private AstList<Expression> ExpressionList()
    {
        var items = new List<Expression> { Expression() };
        while (TrySymbol(","))
        {
            items.Add(Expression());
        }

        return AstList.From(items);
    }

    private ForeachClause ForeachBody()
    {
        // FOREACH bodies nest FOREACH clauses without passing through Query(): count the level here.
        Descend();
        ExpectSymbol("(");
        var variable = ExpectName();
        ExpectKeyword("IN");
        _barIsDelimiter++;
        var list = Expression();
        _barIsDelimiter--;
        ExpectSymbol("|");
        var clauses = new List<Clause>();
        while (TryClause() is { } c)
        {
            clauses.Add(c);
        }

        if (clauses.Count == 0)
        {
            throw Fail();
        }

        ExpectSymbol(")");
        _depth--;
        return new ForeachClause(variable, list, AstList.From(clauses));
    }
}
