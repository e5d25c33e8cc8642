using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Syntax.Parsing;

/// <summary>CALL (procedures and subqueries) and MATCH hints.</summary>
internal sealed partial class Parser
{
    private UsingHint UsingHint()
    {
        var start = _i;
        ExpectKeyword("USING");
        if (TryKeyword("JOIN"))
        {
            ExpectKeyword("ON");
            var vars = new List<string> { ExpectName() };
            while (TrySymbol(","))
            {
                vars.Add(ExpectName());
            }

            return At(start, new UsingHint(UsingHintKind.Join, AstList.From(vars), null, []));
        }

        if (TryKeyword("SCAN"))
        {
            var v = ExpectName();
            ExpectSymbol(":");
            var label = ExpectName();
            return At(start, new UsingHint(UsingHintKind.Scan, [v], label, []));
        }

        foreach (var kind in new[] { "BTREE", "TEXT", "RANGE", "POINT" })
        {
            TryKeyword(kind);
        }

        ExpectKeyword("INDEX");
        var seek = TryKeyword("SEEK");
        var variable = ExpectName();
        ExpectSymbol(":");
        var l = ExpectName();
        ExpectSymbol("(");
        var props = new List<string> { ExpectName() };
        while (TrySymbol(","))
        {
            props.Add(ExpectName());
        }

        ExpectSymbol(")");
        return At(start, new UsingHint(seek ? UsingHintKind.IndexSeek : UsingHintKind.Index, [variable], l, AstList.From(props)));
    }

    private Clause CallBody(bool optional)
    {
        if (IsSymbol("{") || IsSymbol("("))
        {
            AstList<string>? scope = null;
            var all = false;
            if (TrySymbol("("))
            {
                var names = new List<string>();
                if (TrySymbol("*"))
                {
                    all = true;
                }
                else if (!IsSymbol(")"))
                {
                    names.Add(ExpectName());
                    while (TrySymbol(","))
                    {
                        names.Add(ExpectName());
                    }
                }

                ExpectSymbol(")");
                scope = AstList.From(names);
            }

            ExpectSymbol("{");
            var body = Query(topLevel: false);
            ExpectSymbol("}");
            var tx = TryInTransactions();
            return new CallSubqueryClause(body, scope, all, tx) { Optional = optional };
        }

        var parts = new List<string> { ExpectName("a procedure name") };
        while (TrySymbol("."))
        {
            parts.Add(ExpectName("a procedure name"));
        }

        AstList<Expression>? args = null;
        if (TrySymbol("("))
        {
            var list = new List<Expression>();
            if (!IsSymbol(")"))
            {
                list.Add(Expression());
                while (TrySymbol(","))
                {
                    list.Add(Expression());
                }
            }

            ExpectSymbol(")");
            args = AstList.From(list);
        }

        var yieldAll = false;
        AstList<YieldItem>? yield = null;
        Expression? where = null;
        if (TryKeyword("YIELD"))
        {
            if (TrySymbol("*"))
            {
                yieldAll = true;
            }
            else
            {
                var items = new List<YieldItem>();
                do
                {
                    var s = _i;
                    var field = ExpectName();
                    string? alias = TryKeyword("AS") ? ExpectName() : null;
                    items.Add(At(s, new YieldItem(field, alias)));
                }
                while (TrySymbol(","));
                yield = AstList.From(items);
            }

            if (TryKeyword("WHERE"))
            {
                where = Expression();
            }
        }

        return new CallProcedureClause(AstList.From(parts.Take(parts.Count - 1)), parts[^1], args, yieldAll, yield, where);
    }

    private InTransactions? TryInTransactions()
    {
        var start = _i;
        if (!IsKeyword("IN"))
        {
            return null;
        }

        Advance();
        Expression? concurrency = null;
        if (!Cur.IsKeyword("TRANSACTIONS"))
        {
            concurrency = Peek().IsKeyword("CONCURRENT") ? Atom() : null;
            ExpectKeyword("CONCURRENT");
        }

        ExpectKeyword("TRANSACTIONS");
        Expression? batch = null;
        if (TryKeyword("OF"))
        {
            batch = Expression();
            if (!TryKeyword("ROWS"))
            {
                ExpectKeyword("ROW");
            }
        }

        var onError = OnErrorBehavior.Fail;
        if (TryKeywords("ON", "ERROR"))
        {
            onError = TryKeyword("CONTINUE") ? OnErrorBehavior.Continue
                : TryKeyword("BREAK") ? OnErrorBehavior.Break
                : TryKeyword("FAIL") ? OnErrorBehavior.Fail
                : throw Fail();
        }

        string? report = null;
        if (TryKeywords("REPORT", "STATUS", "AS"))
        {
            report = ExpectName();
        }

        return At(start, new InTransactions(concurrency, batch, onError, report));
    }
}
