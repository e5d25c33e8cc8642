using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Syntax.Parsing;

internal sealed partial class Parser
{
    private static readonly string[] IndexKindWords = ["RANGE", "TEXT", "POINT", "LOOKUP", "FULLTEXT", "VECTOR", "BTREE"];

    private Statement? TrySchemaCommand()
    {
        var start = _i;
        if (Cur.IsKeyword("CREATE"))
        {
            var next = Peek();
            if (next.IsKeyword("INDEX") || (IndexKindWords.Any(next.IsKeyword) && Peek(2).IsKeyword("INDEX")))
            {
                Advance();
                return At(start, CreateIndex());
            }

            if (next.IsKeyword("CONSTRAINT"))
            {
                _i += 2;
                return At(start, CreateConstraint());
            }

            return null;
        }

        if (Cur.IsKeyword("DROP"))
        {
            Advance();
            if (TryKeyword("INDEX"))
            {
                if (TryKeyword("ON"))
                {
                    var (label, props) = LegacyLabelProperties();
                    return At(start, new DropIndexCommand(null, false, label, props));
                }

                var name = ExpectName("an index name");
                return At(start, new DropIndexCommand(name, TryKeywords("IF", "EXISTS"), null, []));
            }

            ExpectKeyword("CONSTRAINT");
            var cname = ExpectName("a constraint name");
            return At(start, new DropConstraintCommand(cname, TryKeywords("IF", "EXISTS")));
        }

        if (Cur.IsKeyword("SHOW"))
        {
            Advance();
            return At(start, Show());
        }

        if (Cur.IsKeyword("TERMINATE") && (Peek().IsKeyword("TRANSACTION") || Peek().IsKeyword("TRANSACTIONS")))
        {
            _i += 2;
            var ids = TransactionIds();
            if (ids.Count == 0)
            {
                Expecting("a transaction id");
                throw Fail();
            }

            var (yield, where, ret) = ShowTail();
            return At(start, new TerminateTransactionsCommand(ids, yield, where, ret));
        }

        return null;
    }

    private (string Label, AstList<string> Properties) LegacyLabelProperties()
    {
        ExpectSymbol(":");
        var label = ExpectName("a label");
        ExpectSymbol("(");
        var props = new List<string> { ExpectName("a property key") };
        while (TrySymbol(","))
        {
            props.Add(ExpectName("a property key"));
        }

        ExpectSymbol(")");
        return (label, AstList.From(props));
    }

    /// <summary>After CREATE: <c>[kind] INDEX [name] [IF NOT EXISTS] FOR ... ON ... [OPTIONS map]</c>.</summary>
    private CreateIndexCommand CreateIndex()
    {
        var kind = IndexKind.Range;
        if (!Cur.IsKeyword("INDEX"))
        {
            var word = Advance().Text.ToUpperInvariant();
            kind = word switch
            {
                "TEXT" => IndexKind.Text,
                "POINT" => IndexKind.Point,
                "LOOKUP" => IndexKind.Lookup,
                "FULLTEXT" => IndexKind.Fulltext,
                "VECTOR" => IndexKind.Vector,
                _ => IndexKind.Range,
            };
        }

        ExpectKeyword("INDEX");
        if (TryKeyword("ON"))
        {
            var (label, props) = LegacyLabelProperties();
            return new CreateIndexCommand(null, false, kind, SchemaEntityKind.Node, null, label, props, null);
        }

        var name = SchemaName();
        var ifNotExists = TryKeywords("IF", "NOT", "EXISTS");
        ExpectKeyword("FOR");
        var more = new List<string>();
        var (entity, variable, labelOrType) = SchemaTarget(allowNoLabel: kind == IndexKind.Lookup, kind == IndexKind.Fulltext ? more : null);
        ExpectKeyword("ON");
        var properties = new List<string>();
        if (TryKeyword("EACH"))
        {
            // LOOKUP: ON EACH labels(n) / type(r); FULLTEXT: ON EACH [n.a, n.b]
            if (TrySymbol("["))
            {
                do
                {
                    properties.Add(PropertyOf(variable));
                }
                while (TrySymbol(","));
                ExpectSymbol("]");
            }
            else
            {
                ExpectName("a function name");
                ExpectSymbol("(");
                ExpectName();
                ExpectSymbol(")");
            }
        }
        else
        {
            var parens = TrySymbol("(");
            do
            {
                properties.Add(PropertyOf(variable));
            }
            while (parens && TrySymbol(","));
            if (parens)
            {
                ExpectSymbol(")");
            }
        }

        Expression? options = TryKeyword("OPTIONS") ? MapLiteral() : null;
        return new CreateIndexCommand(name, ifNotExists, kind, entity, variable, labelOrType, AstList.From(properties), options)
        {
            AdditionalLabelsOrTypes = AstList.From(more),
        };
    }

    private string? SchemaName()
    {
        if (Cur.IsKeyword("FOR") || Cur.IsKeyword("ON") || (Cur.IsKeyword("IF") && Peek().IsKeyword("NOT")))
        {
            return null;
        }

        return Cur.IsName ? Advance().Value : null;
    }

    private string PropertyOf(string? variable)
    {
        var v = ExpectName();
        if (variable is not null && v != variable)
        {
            throw ErrorAt(Prev, $"Variable `{v}` not defined", "UndefinedVariable");
        }

        ExpectSymbol(".");
        return ExpectName("a property key");
    }

    /// <summary><c>(n:Label)</c> or <c>()-[r:TYPE]-()</c> (any direction); with <paramref name="more"/> (FULLTEXT)
    /// also <c>(n:A|B)</c> / <c>()-[r:T|U]-()</c>, the labels after the first going into it.</summary>
    private (SchemaEntityKind Kind, string Variable, string? LabelOrType) SchemaTarget(bool allowNoLabel, List<string>? more = null)
    {
        ExpectSymbol("(");
        if (TrySymbol(")"))
        {
            TrySymbol("<");
            ExpectSymbol("-");
            ExpectSymbol("[");
            var rv = ExpectName();
            string? type = null;
            if (TrySymbol(":") || TryKeyword("IS"))
            {
                type = ExpectName("a relationship type");
                while (more is not null && TrySymbol("|"))
                {
                    more.Add(ExpectName("a relationship type"));
                }
            }
            else if (!allowNoLabel)
            {
                ExpectSymbol(":");
            }

            ExpectSymbol("]");
            ExpectSymbol("-");
            TrySymbol(">");
            ExpectSymbol("(");
            ExpectSymbol(")");
            return (SchemaEntityKind.Relationship, rv, type);
        }

        var v = ExpectName();
        string? label = null;
        if (TrySymbol(":") || TryKeyword("IS"))
        {
            label = ExpectName("a label");
            while (more is not null && TrySymbol("|"))
            {
                more.Add(ExpectName("a label"));
            }
        }
        else if (!allowNoLabel)
        {
            ExpectSymbol(":");
        }

        ExpectSymbol(")");
        return (SchemaEntityKind.Node, v, label);
    }

    /// <summary>After CREATE CONSTRAINT.</summary>
    private CreateConstraintCommand CreateConstraint()
    {
        var name = SchemaName();
        var ifNotExists = TryKeywords("IF", "NOT", "EXISTS");
        if (!TryKeyword("FOR"))
        {
            ExpectKeyword("ON");
        }

        var (entity, variable, labelOrType) = SchemaTarget(allowNoLabel: false);
        if (!TryKeyword("REQUIRE"))
        {
            ExpectKeyword("ASSERT");
        }

        var properties = new List<string>();
        if (IsKeyword("exists") && Peek().IsSymbol("("))
        {
            // Legacy: ASSERT exists(n.p)
            _i += 2;
            properties.Add(PropertyOf(variable));
            ExpectSymbol(")");
            Expression? legacyOptions = TryKeyword("OPTIONS") ? MapLiteral() : null;
            return new CreateConstraintCommand(name, ifNotExists, ConstraintKind.NotNull, entity, variable, labelOrType!, AstList.From(properties), null, legacyOptions);
        }

        var parens = TrySymbol("(");
        do
        {
            properties.Add(PropertyOf(variable));
        }
        while (parens && TrySymbol(","));
        if (parens)
        {
            ExpectSymbol(")");
        }

        ExpectKeyword("IS");
        ConstraintKind kind;
        string? type = null;
        if (TryKeywords("NOT", "NULL"))
        {
            kind = ConstraintKind.NotNull;
        }
        else if (TrySymbol("::") || TryKeyword("TYPED"))
        {
            kind = ConstraintKind.PropertyType;
            var s = _i;
            while (!AtEnd && !Cur.IsKeyword("OPTIONS") && !Cur.IsSymbol(";"))
            {
                Advance();
            }

            type = TextFrom(s);
        }
        else
        {
            if (!TryKeyword("NODE"))
            {
                if (!TryKeyword("RELATIONSHIP"))
                {
                    TryKeyword("REL");
                }
            }

            if (TryKeyword("UNIQUE"))
            {
                kind = ConstraintKind.Unique;
            }
            else
            {
                ExpectKeyword("KEY");
                kind = ConstraintKind.Key;
            }
        }

        Expression? options = TryKeyword("OPTIONS") ? MapLiteral() : null;
        return new CreateConstraintCommand(name, ifNotExists, kind, entity, variable, labelOrType!, AstList.From(properties), type, options);
    }

    private static ShowTarget? ShowTargetOf(Token t)
    {
        if (t.Kind != TokenKind.Identifier)
        {
            return null;
        }

        return t.Text.ToUpperInvariant() switch
        {
            "INDEX" or "INDEXES" => ShowTarget.Indexes,
            "CONSTRAINT" or "CONSTRAINTS" => ShowTarget.Constraints,
            "PROCEDURE" or "PROCEDURES" => ShowTarget.Procedures,
            "FUNCTION" or "FUNCTIONS" => ShowTarget.Functions,
            "DATABASE" or "DATABASES" => ShowTarget.Databases,
            "TRANSACTION" or "TRANSACTIONS" => ShowTarget.Transactions,
            "SETTING" or "SETTINGS" => ShowTarget.Settings,
            "USER" or "USERS" => ShowTarget.Users,
            _ => null,
        };
    }

    /// <summary>After SHOW: <c>[filter words] target [name] [YIELD ...] [WHERE ...] [RETURN ...]</c>.</summary>
    private ShowCommand Show()
    {
        string? filter = null;
        if (ShowTargetOf(Cur) is null || (Cur.IsKeyword("USER") && Peek().IsKeyword("DEFINED")))
        {
            var s = _i;
            // USER DEFINED FUNCTIONS: USER is a filter word there, not SHOW USERS.
            while (Cur.Kind == TokenKind.Identifier && (ShowTargetOf(Cur) is null || (Cur.IsKeyword("USER") && Peek().IsKeyword("DEFINED"))))
            {
                Advance();
            }

            if (_i > s)
            {
                filter = TextFrom(s).ToUpperInvariant();
            }
        }

        if (ShowTargetOf(Cur) is not { } target)
        {
            Expecting("INDEXES");
            Expecting("CONSTRAINTS");
            Expecting("DATABASES");
            throw Fail();
        }

        Advance();
        string? name = null;
        if (target == ShowTarget.Databases && Cur.IsName && !Cur.IsKeyword("YIELD") && !Cur.IsKeyword("WHERE") && !Cur.IsKeyword("RETURN"))
        {
            name = Advance().Value;
        }

        // SHOW PROCEDURES / FUNCTIONS [EXECUTABLE [BY {CURRENT USER | name}]]: every routine is executable by every
        // user of this server, so the clause is read and changes nothing.
        if (target is ShowTarget.Procedures or ShowTarget.Functions && TryKeyword("EXECUTABLE") && TryKeyword("BY")
            && !TryKeywords("CURRENT", "USER"))
        {
            ExpectName("a user name");
        }

        var ids = target == ShowTarget.Transactions ? TransactionIds() : AstList<Expression>.Empty;
        var (yield, where, ret) = ShowTail();
        return new ShowCommand(target, filter, yield, where, ret) { Name = name, Ids = ids };
    }

    /// <summary>The ids after SHOW / TERMINATE TRANSACTIONS: comma-separated expressions, up to YIELD, WHERE,
    /// RETURN or the end.</summary>
    private AstList<Expression> TransactionIds()
    {
        var ids = new List<Expression>();
        if (AtEnd || Cur.IsSymbol(";") || Cur.IsKeyword("YIELD") || Cur.IsKeyword("WHERE") || Cur.IsKeyword("RETURN"))
        {
            return AstList.From(ids);
        }

        ids.Add(Expression());
        while (TrySymbol(","))
        {
            ids.Add(Expression());
        }

        return AstList.From(ids);
    }

    private (ProjectionBody? Yield, Expression? Where, ReturnClause? Return) ShowTail()
    {
        ProjectionBody? yield = null;
        Expression? where = null;
        ReturnClause? ret = null;
        if (TryKeyword("YIELD"))
        {
            yield = ProjectionBody();
        }

        if (TryKeyword("WHERE"))
        {
            where = Expression();
        }

        if (IsKeyword("RETURN"))
        {
            var s = _i;
            Advance();
            ret = At(s, new ReturnClause(ProjectionBody()));
        }

        return (yield, where, ret);
    }
}
