using KnowledgeGraph.Cypher.Syntax.Ast;
using Xunit;
using static KnowledgeGraph.Cypher.Syntax.Tests.ParseHelpers;

namespace KnowledgeGraph.Cypher.Syntax.Tests;

public sealed class ClauseParserTests
{
    [Fact]
    public void Match_Should_ParseOptionalPatternHintsAndWhere_When_Written()
    {
        var m = Clause<MatchClause>("OPTIONAL MATCH (a:Person {name: 'x'}), (b) USING INDEX a:Person(name) WHERE a.age > 3 RETURN a");
        Assert.True(m.Optional);
        Assert.Equal(2, m.Pattern.Parts.Count);
        Assert.Equal(new UsingHint(UsingHintKind.Index, ["a"], "Person", ["name"]), m.Hints.Single());
        Assert.IsType<BinaryExpression>(m.Where);
    }

    [Fact]
    public void Projection_Should_ParseDistinctStarOrderSkipLimitAndNames_When_Written()
    {
        var w = Clause<WithClause>("MATCH (n) WITH DISTINCT *, n.name AS name, count( * ) ORDER BY name DESC, n.x ASC SKIP $s LIMIT 10 WHERE name <> '' RETURN name", 1);
        Assert.True(w.Body.Distinct);
        Assert.True(w.Body.IncludeExisting);
        Assert.Equal(["name", "count( * )"], w.Body.Items.Select(i => i.Name));
        Assert.Equal([true, false], w.Body.OrderBy.Select(o => o.Descending));
        Assert.Equal(new Parameter("s"), w.Body.Skip);
        Assert.Equal(L(10L), w.Body.Limit);
        Assert.NotNull(w.Where);
    }

    [Fact]
    public void Unwind_Should_BindTheVariable_When_Written()
    {
        Assert.Equal(new UnwindClause(new ListLiteral([L(1L), L(2L)]), "x"), Clause<UnwindClause>("UNWIND [1, 2] AS x RETURN x"));
    }

    [Fact]
    public void Create_Should_ParseSeveralPartsAndRelationships_When_Written()
    {
        var c = Clause<CreateClause>("CREATE (a:A {x: 1})-[:KNOWS {since: 2020}]->(b), (c)");
        Assert.Equal(2, c.Pattern.Parts.Count);
        var rel = c.Pattern.Parts[0].Path.Relationships.Single();
        Assert.Equal(RelationshipDirection.Outgoing, rel.Direction);
        Assert.Equal(["KNOWS"], rel.Types!.AsDisjunction());
    }

    [Fact]
    public void Merge_Should_ParseOnCreateAndOnMatchActions_When_Written()
    {
        var m = Clause<MergeClause>("MERGE (n:Key {k: 1}) ON CREATE SET n.created = 1, n:New ON MATCH SET n += {seen: true}");
        Assert.Equal([true, false], m.Actions.Select(a => a.OnCreate));
        Assert.Equal(new SetPropertyItem(V("n"), "created", L(1L)), m.Actions[0].Items[0]);
        Assert.Equal(new SetLabelsItem("n", ["New"]), m.Actions[0].Items[1]);
        Assert.IsType<SetPropertiesItem>(m.Actions[1].Items[0]);
        Assert.True(((SetPropertiesItem)m.Actions[1].Items[0]).Merge);
    }

    [Fact]
    public void Set_Should_ParseEveryItemKind_When_Written()
    {
        var s = Clause<SetClause>("MATCH (n) SET n.a = 1, n = {b: 2}, n += $m, n:A:B, n['dyn'] = 3", 1);
        Assert.Equal<SetItem>(
        [
            new SetPropertyItem(V("n"), "a", L(1L)),
            new SetPropertiesItem(V("n"), new MapLiteral([new MapEntry("b", L(2L))]), false),
            new SetPropertiesItem(V("n"), new Parameter("m"), true),
            new SetLabelsItem("n", ["A", "B"]),
            new SetDynamicPropertyItem(V("n"), L("dyn"), L(3L)),
        ], s.Items);
    }

    [Fact]
    public void RemoveAndDelete_Should_ParseTheirItems_When_Written()
    {
        var r = Clause<RemoveClause>("MATCH (n) REMOVE n.a, n:A:B", 1);
        Assert.Equal<RemoveItem>([new RemovePropertyItem(V("n"), "a"), new RemoveLabelsItem("n", ["A", "B"])], r.Items);
        Assert.True(Clause<DeleteClause>("MATCH (n) DETACH DELETE n", 1).Detach);
        Assert.False(Clause<DeleteClause>("MATCH (n) DELETE n, m", 1).Detach);
    }

    [Fact]
    public void Foreach_Should_ParseItsUpdatingClauses_When_Written()
    {
        var f = Clause<ForeachClause>("FOREACH (x IN [1, 2] | CREATE ({v: x}) SET x.y = 1)");
        Assert.Equal("x", f.Variable);
        Assert.Equal(2, f.Clauses.Count);
    }

    [Fact]
    public void CallProcedure_Should_DistinguishStandaloneImplicitAndYield_When_Written()
    {
        var standalone = Clause<CallProcedureClause>("CALL db.labels");
        Assert.True(standalone.Standalone);
        Assert.Null(standalone.Arguments);
        Assert.Equal("db.labels", standalone.QualifiedName);
        var inQuery = Clause<CallProcedureClause>("CALL test.my.proc(1, 'a') YIELD out AS o, other WHERE o > 1 RETURN o");
        Assert.False(inQuery.Standalone);
        Assert.Equal(["test", "my"], inQuery.Namespace);
        Assert.Equal(2, inQuery.Arguments!.Count);
        Assert.Equal(["o", "other"], inQuery.Yield!.Select(y => y.Variable));
        Assert.NotNull(inQuery.Where);
        Assert.True(Clause<CallProcedureClause>("CALL db.labels() YIELD *").YieldAll);
    }

    [Fact]
    public void CallSubquery_Should_ParseClassicScopedAndTransactionalForms_When_Written()
    {
        var classic = Clause<CallSubqueryClause>("MATCH (n) CALL { WITH n RETURN n.x AS x } RETURN x", 1);
        Assert.Null(classic.ScopeVariables);
        var scoped = Clause<CallSubqueryClause>("MATCH (a), (b) CALL (a, b) { RETURN a.x AS x } RETURN x", 1);
        Assert.Equal(["a", "b"], scoped.ScopeVariables!);
        Assert.True(Clause<CallSubqueryClause>("MATCH (a) CALL (*) { RETURN 1 AS one } RETURN one", 1).ScopeAll);
        var tx = Clause<CallSubqueryClause>("UNWIND [1] AS i CALL (i) { CREATE ({i: i}) } IN 2 CONCURRENT TRANSACTIONS OF 100 ROWS ON ERROR CONTINUE REPORT STATUS AS s", 1).InTransactions!;
        Assert.Equal(L(2L), tx.Concurrency);
        Assert.Equal(L(100L), tx.BatchSize);
        Assert.Equal(OnErrorBehavior.Continue, tx.OnError);
        Assert.Equal("s", tx.ReportStatusAs);
    }

    [Fact]
    public void Union_Should_NestLeftAndRememberAll_When_Chained()
    {
        var q = Assert.IsType<UnionQuery>(Assert.IsType<QueryStatement>(CypherParser.Parse("RETURN 1 AS x UNION ALL RETURN 2 AS x UNION ALL RETURN 3 AS x")).Query);
        Assert.True(q.All);
        Assert.Equal(3, q.Parts().Count());
    }

    [Theory]
    [InlineData("EXPLAIN MATCH (n) RETURN n", ExecutionMode.Explain)]
    [InlineData("profile MATCH (n) RETURN n", ExecutionMode.Profile)]
    [InlineData("MATCH (n) RETURN n;", ExecutionMode.Normal)]
    public void Statement_Should_CarryExplainOrProfile_When_Prefixed(string query, ExecutionMode mode)
    {
        var s = CypherParser.Parse(query);
        Assert.Equal(mode, s.Mode);
        Assert.Equal(query, s.Text);
    }
}
