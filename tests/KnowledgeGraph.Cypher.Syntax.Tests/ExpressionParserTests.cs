using KnowledgeGraph.Cypher.Syntax.Ast;
using Xunit;
using static KnowledgeGraph.Cypher.Syntax.Tests.ParseHelpers;

namespace KnowledgeGraph.Cypher.Syntax.Tests;

public sealed class ExpressionParserTests
{
    [Theory]
    [InlineData("123", 123L)]
    [InlineData("0x1F", 31L)]
    [InlineData("0xff", 255L)]
    [InlineData("0o17", 15L)]
    [InlineData("017", 15L)]
    [InlineData("-0o1000000000000000000000", long.MinValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("1.5", 1.5)]
    [InlineData(".5", 0.5)]
    [InlineData("1e3", 1000.0)]
    [InlineData("1.5E-2", 0.015)]
    [InlineData("-2.5", -2.5)]
    [InlineData("true", true)]
    [InlineData("FALSE", false)]
    [InlineData("null", null)]
    public void Literal_Should_HaveTheWrittenValue_When_Parsed(string text, object? expected)
    {
        Assert.Equal(L(expected), Expr(text));
    }

    [Theory]
    [InlineData(@"'a\tb'", "a\tb")]
    [InlineData(@"""double \"" quote""", "double \" quote")]
    [InlineData(@"'single \' quote'", "single ' quote")]
    [InlineData(@"'\\ \n \r \b \f'", "\\ \n \r \b \f")]
    [InlineData(@"'\u00e9t\u00E9'", "été")]
    [InlineData(@"'\U0001F600'", "😀")]
    [InlineData(@"'regex \d'", @"regex \d")]
    [InlineData("'🧐🍌❖⋙⚐'", "🧐🍌❖⋙⚐")]
    public void StringLiteral_Should_UnescapeEveryEscape_When_Parsed(string text, string expected)
    {
        Assert.Equal(L(expected), Expr(text));
    }

    [Fact]
    public void Parameters_Should_BeNamedOrNumbered_When_Parsed()
    {
        Assert.Equal(new Parameter("name"), Expr("$name"));
        Assert.Equal(new Parameter("0"), Expr("$0"));
        Assert.Equal(new Parameter("odd name"), Expr("$`odd name`"));
    }

    [Fact]
    public void Arithmetic_Should_FollowCypherPrecedence_When_OperatorsAreMixed()
    {
        // 1 + 2 * 3 ^ 2 = 1 + (2 * (3 ^ 2))
        var e = Expr("1 + 2 * 3 ^ 2");
        var expected = new BinaryExpression(BinaryOperator.Add, L(1L),
            new BinaryExpression(BinaryOperator.Multiply, L(2L), new BinaryExpression(BinaryOperator.Power, L(3L), L(2L))));
        Assert.Equal(expected, e);
    }

    [Fact]
    public void UnaryMinus_Should_BindTighterThanPower_When_AppliedToAVariable()
    {
        Assert.Equal(new BinaryExpression(BinaryOperator.Power, new UnaryExpression(UnaryOperator.Negate, V("x")), L(2L)), Expr("-x ^ 2"));
    }

    [Fact]
    public void Boolean_Should_BindOrXorAndNotInThatOrder_When_Mixed()
    {
        var e = Expr("a OR b XOR c AND NOT d");
        var expected = new BinaryExpression(BinaryOperator.Or, V("a"),
            new BinaryExpression(BinaryOperator.Xor, V("b"),
                new BinaryExpression(BinaryOperator.And, V("c"), new UnaryExpression(UnaryOperator.Not, V("d")))));
        Assert.Equal(expected, e);
    }

    [Fact]
    public void Not_Should_ApplyToTheWholeComparison_When_FollowedByOne()
    {
        Assert.Equal(new UnaryExpression(UnaryOperator.Not, new BinaryExpression(BinaryOperator.Equal, V("a"), V("b"))), Expr("NOT a = b"));
    }

    [Fact]
    public void ComparisonChain_Should_BecomeAConjunction_When_Written()
    {
        var e = Expr("a < b <= c");
        var expected = new BinaryExpression(BinaryOperator.And,
            new BinaryExpression(BinaryOperator.LessThan, V("a"), V("b")),
            new BinaryExpression(BinaryOperator.LessThanOrEqual, V("b"), V("c")));
        Assert.Equal(expected, e);
    }

    [Fact]
    public void ParenthesisedComparison_Should_StayAnExpression_When_ItLooksLikeAPathVariableGroup()
    {
        // `(a = (b IS NULL))` could read as a GQL group `(p = (n IS Label))`, but a lone node group relates nothing.
        var e = Assert.IsType<BinaryExpression>(Expr("(a = (b IS NULL))"));
        Assert.Equal(BinaryOperator.Equal, e.Operator);
        Assert.IsType<IsNullExpression>(e.Right);
        Assert.IsType<PatternPredicate>(Clause<MatchClause>("MATCH (n) WHERE ((n)-->()) RETURN n").Where);
    }

    [Fact]
    public void NullPredicate_Should_BindTighterThanComparison_When_Mixed()
    {
        Assert.Equal(new BinaryExpression(BinaryOperator.Equal, L(null), new IsNullExpression(L(null), false)), Expr("null = null IS NULL"));
        Assert.Equal(new IsNullExpression(V("x"), true), Expr("x IS NOT NULL"));
    }

    [Theory]
    [InlineData("a STARTS WITH 'x'", BinaryOperator.StartsWith)]
    [InlineData("a ENDS WITH 'x'", BinaryOperator.EndsWith)]
    [InlineData("a CONTAINS 'x'", BinaryOperator.Contains)]
    [InlineData("a =~ 'x'", BinaryOperator.RegexMatch)]
    [InlineData("a IN 'x'", BinaryOperator.In)]
    [InlineData("a <> 'x'", BinaryOperator.NotEqual)]
    [InlineData("a != 'x'", BinaryOperator.NotEqual)]
    [InlineData("a % 'x'", BinaryOperator.Modulo)]
    public void StringAndListOperators_Should_ParseToTheirOperator_When_Written(string text, BinaryOperator op)
    {
        Assert.Equal(new BinaryExpression(op, V("a"), L("x")), Expr(text));
    }

    [Fact]
    public void Postfix_Should_ParsePropertyIndexAndSlices_When_Chained()
    {
        Assert.Equal(new PropertyAccess(new PropertyAccess(V("n"), "a"), "b"), Expr("n.a.b"));
        Assert.Equal(new IndexAccess(V("list"), L(0L)), Expr("list[0]"));
        Assert.Equal(new SliceAccess(V("list"), L(1L), L(2L)), Expr("list[1..2]"));
        Assert.Equal(new SliceAccess(V("list"), null, L(-1L)), Expr("list[..-1]"));
        Assert.Equal(new SliceAccess(V("list"), L(-3L), null), Expr("list[-3..]"));
        Assert.Equal(new IndexAccess(V("n"), L("key")), Expr("n['key']"));
    }

    [Fact]
    public void LabelPredicate_Should_KeepTheLabelExpressionTree_When_UsedInAnExpression()
    {
        Assert.Equal(new LabelPredicate(V("n"), new LabelAnd(new LabelName("A"), new LabelName("B")) { ColonForm = true }), Expr("n:A:B"));
        Assert.Equal(new LabelPredicate(V("n"), new LabelOr(new LabelName("A"), new LabelName("B"))), Expr("n:A|B"));
    }

    [Fact]
    public void Functions_Should_KeepNamespaceAndDistinct_When_Called()
    {
        Assert.Equal(new FunctionCall([], "count", true, [V("x")]), Expr("count(DISTINCT x)"));
        Assert.Equal(new CountStar(), Expr("COUNT(*)"));
        var between = Assert.IsType<FunctionCall>(Expr("duration.between(a, b)"));
        Assert.Equal("duration.between", between.QualifiedName);
        Assert.Equal(2, between.Arguments.Count);
        Assert.Equal(new FunctionCall([], "exists", false, [new PropertyAccess(V("n"), "prop")]), Expr("exists(n.prop)"));
    }

    [Fact]
    public void Case_Should_ParseSimpleAndGenericForms_When_Written()
    {
        var simple = Assert.IsType<CaseExpression>(Expr("CASE x WHEN 1 THEN 'one' WHEN 2 THEN 'two' ELSE 'many' END"));
        Assert.Equal(V("x"), simple.Subject);
        Assert.Equal(2, simple.Alternatives.Count);
        Assert.Equal(L("many"), simple.Else);
        var generic = Assert.IsType<CaseExpression>(Expr("CASE WHEN x > 1 THEN true END"));
        Assert.Null(generic.Subject);
        Assert.Null(generic.Else);
    }

    [Fact]
    public void Comprehensions_Should_ParseVariableSourceFilterAndProjection_When_Written()
    {
        Assert.Equal(
            new ListComprehension("x", V("list"), new BinaryExpression(BinaryOperator.GreaterThan, V("x"), L(1L)), new PropertyAccess(V("x"), "name")),
            Expr("[x IN list WHERE x > 1 | x.name]"));
        Assert.Equal(new ListComprehension("x", V("list"), null, null), Expr("[x IN list]"));
        var pc = Assert.IsType<PatternComprehension>(Expr("[p = (a)-->(b:B) WHERE b.x = 1 | b.name]"));
        Assert.Equal("p", pc.PathVariable);
        Assert.Equal(3, pc.Pattern.Elements.Count);
        Assert.NotNull(pc.Where);
    }

    [Fact]
    public void LabelDisjunction_Should_NotSwallowTheProjectionBar_When_InsideAComprehensionFilter()
    {
        var lc = Assert.IsType<ListComprehension>(Expr("[x IN nodes WHERE x:A | x.name]"));
        Assert.Equal(new LabelPredicate(V("x"), new LabelName("A")), lc.Where);
        Assert.Equal(new PropertyAccess(V("x"), "name"), lc.Projection);
    }

    [Fact]
    public void ListPredicatesAndReduce_Should_Parse_When_Written()
    {
        Assert.Equal(new ListPredicate(ListPredicateKind.All, "x", V("l"), new BinaryExpression(BinaryOperator.GreaterThan, V("x"), L(0L))), Expr("all(x IN l WHERE x > 0)"));
        Assert.Equal(ListPredicateKind.None, Assert.IsType<ListPredicate>(Expr("none(x IN l WHERE x)")).Kind);
        Assert.Equal(ListPredicateKind.Single, Assert.IsType<ListPredicate>(Expr("single(x IN l WHERE x)")).Kind);
        Assert.Equal(ListPredicateKind.Any, Assert.IsType<ListPredicate>(Expr("any(x IN l WHERE x)")).Kind);
        Assert.Equal(
            new ReduceExpression("acc", L(0L), "x", V("l"), new BinaryExpression(BinaryOperator.Add, V("acc"), V("x"))),
            Expr("reduce(acc = 0, x IN l | acc + x)"));
    }

    [Fact]
    public void Subqueries_Should_ParsePatternFormAndFullQueryForm_When_Written()
    {
        var exists = Assert.IsType<SubqueryExpression>(Expr("EXISTS { (n)-->(m) WHERE m.x = 1 }"));
        Assert.Equal(SubqueryKind.Exists, exists.Kind);
        Assert.NotNull(exists.Pattern);
        Assert.NotNull(exists.Where);
        var count = Assert.IsType<SubqueryExpression>(Expr("COUNT { MATCH (n)-->(m) RETURN m }"));
        Assert.Equal(SubqueryKind.Count, count.Kind);
        Assert.IsType<SingleQuery>(count.Query);
        var collect = Assert.IsType<SubqueryExpression>(Expr("COLLECT { MATCH (m) RETURN m.x UNION MATCH (m) RETURN m.x }"));
        Assert.IsType<UnionQuery>(collect.Query);
    }

    [Fact]
    public void MapProjection_Should_ParseEverySelectorKind_When_Written()
    {
        var mp = Assert.IsType<MapProjection>(Expr("n {.name, .*, total: 1 + 2, other}"));
        Assert.Equal(V("n"), mp.Subject);
        Assert.Equal<MapProjectionItem>(
            [new PropertySelector("name"), new AllPropertiesSelector(), new LiteralEntry("total", new BinaryExpression(BinaryOperator.Add, L(1L), L(2L))), new VariableSelector("other")],
            mp.Items);
    }

    [Fact]
    public void Parentheses_Should_GroupAnExpressionOrFormAPatternPredicate_When_Relevant()
    {
        Assert.Equal(new BinaryExpression(BinaryOperator.Multiply, new BinaryExpression(BinaryOperator.Add, L(1L), L(2L)), L(3L)), Expr("(1 + 2) * 3"));
        Assert.Equal(new BinaryExpression(BinaryOperator.Subtract, V("a"), V("b")), Expr("(a) - (b)"));
        var where = Clause<MatchClause>("MATCH (a), (b) WHERE (a)-[:T]->(b) RETURN a").Where;
        var predicate = Assert.IsType<PatternPredicate>(where);
        Assert.Equal(3, predicate.Pattern.Elements.Count);
    }

    [Fact]
    public void ShortestPath_Should_ParseAsAnExpression_When_UsedOutsideMatch()
    {
        var sp = Assert.IsType<ShortestPathExpression>(Expr("shortestPath((a)-[*]-(b))"));
        Assert.False(sp.All);
        Assert.True(Assert.IsType<ShortestPathExpression>(Expr("allShortestPaths((a)-[*]-(b))")).All);
    }

    [Fact]
    public void Keywords_Should_BeCaseInsensitiveAndUsableAsNames_When_NotAmbiguous()
    {
        var ret = Clause<ReturnClause>("match (n) where n.count > 1 return n.type AS `order`, n.end", 1);
        Assert.Equal("order", ret.Body.Items[0].Alias);
        Assert.Equal(new PropertyAccess(V("n"), "end"), ret.Body.Items[1].Expression);
    }

    [Fact]
    public void Spans_Should_PointAtTheSourceText_When_Parsed()
    {
        const string query = "MATCH (n)\nRETURN n.name + 1 AS x";
        var item = Clause<ReturnClause>(query, 1).Body.Items[0];
        var add = Assert.IsType<BinaryExpression>(item.Expression);
        Assert.Equal(new SourceSpan(17, 2, 8, 10), add.Span);
        Assert.Equal("n.name", query.Substring(add.Left.Span.Offset, add.Left.Span.Length));
        Assert.Equal("n.name + 1", item.Text);
    }

    [Fact]
    public void Comments_Should_BeIgnored_When_LineOrBlock()
    {
        var q = Single("// leading\nMATCH /* inline */ (n) // trailing\nRETURN n /* end */");
        Assert.Equal(2, q.Clauses.Count);
    }

    [Fact]
    public void BacktickNames_Should_UnescapeDoubledBackticks_When_Parsed()
    {
        Assert.Equal(V("we`ird name"), Expr("`we``ird name`"));
        Assert.Equal(V("naïve_ß"), Expr("naïve_ß"));
    }

    [Fact]
    public void DoubleBar_Should_ConcatenateLikePlus_When_Written()
    {
        Assert.Equal(new BinaryExpression(BinaryOperator.Add, L("a"), L("b")), Expr("'a' || 'b'"));
        var lc = Assert.IsType<ListComprehension>(Expr("[x IN l | x || 'z']"));
        Assert.Equal(new BinaryExpression(BinaryOperator.Add, V("x"), L("z")), lc.Projection);
    }

    [Theory]
    [InlineData("x IS :: INTEGER", "INTEGER", false)]
    [InlineData("x :: STRING NOT NULL", "STRING NOT NULL", false)]
    [InlineData("x IS NOT :: INTEGER | FLOAT", "INTEGER | FLOAT", true)]
    [InlineData("x IS TYPED LIST<INTEGER NOT NULL>", "LIST<INTEGER NOT NULL>", false)]
    [InlineData("x IS :: ZONED DATETIME", "ZONED DATETIME", false)]
    [InlineData("x IS :: TIME WITH TIME ZONE", "TIME WITH TIME ZONE", false)]
    public void TypePredicate_Should_NormaliseTheType_When_Written(string text, string type, bool negated)
    {
        Assert.Equal(new TypePredicate(V("x"), type, negated), Expr(text));
    }

    [Fact]
    public void TypePredicate_Should_StopBeforeTheNextClause_When_FollowedByAnAlias()
    {
        var ret = Clause<ReturnClause>("WITH 1 AS x RETURN x IS :: INTEGER AS isInt, x", 1);
        Assert.Equal(["isInt", "x"], ret.Body.Items.Select(i => i.Name));
    }
}
