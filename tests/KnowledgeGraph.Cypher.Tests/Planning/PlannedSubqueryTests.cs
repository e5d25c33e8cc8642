using KnowledgeGraph.Cypher.Planning;
using KnowledgeGraph.Cypher.Session;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests.Planning;

/// <summary>
/// Subqueries planned with their statement — COLLECT / COUNT / EXISTS expressions over an Argument of the outer
/// variables, <c>CALL { … }</c> as Apply over a Union of its branches — must give the interpreter's rows (in order
/// where ORDER BY decides it) and errors. Each statement runs planned, then with the interpreter forced, and the
/// planned run must really be planned (EXPLAIN shows the PIPELINED runtime). The GraphQL layer's entity and page
/// statements run on a graph of the seed's shape.
/// </summary>
public sealed class PlannedSubqueryTests
{
    /// <summary>The GraphQL layer's entity statement (tests/KnowledgeGraph.Benchmarks/Cypher/StatementBenchCommand.cs).</summary>
    private const string Entity = "MATCH (n0:Person {key: $p0}) RETURN n0{.name, represents: {items: COLLECT { MATCH (n0)-[r1:REPRESENTS]->(n2) WITH r1, n2 ORDER BY n2.name ASC, n2.key ASC LIMIT $p1 RETURN {__c: [n2.name, n2.key], nodes: n2{.name, __t: labels(n2)}} }, size: 50, back: false}, attended: {items: COLLECT { MATCH (n0)-[r3:ATTENDED]->(n4:Meeting) WITH r3, n4 ORDER BY n4.name ASC, n4.key ASC LIMIT $p3 RETURN {__c: [n4.name, n4.key], nodes: n4{.name, participants: {items: COLLECT { MATCH (n4)<-[r5:ATTENDED]-(n6) WITH r5, n6 ORDER BY n6.name ASC, n6.key ASC LIMIT $p2 RETURN {__c: [n6.name, n6.key], nodes: n6{.name, __t: labels(n6)}} }, size: 50, back: false}, __t: labels(n4)}} }, size: 50, back: false}, __t: labels(n0)} AS result";

    /// <summary>The GraphQL layer's filtered, sorted page statement.</summary>
    private const string Page = "RETURN {items: COLLECT { MATCH (n0:Person) WHERE n0.name CONTAINS $p0 WITH n0 ORDER BY n0.name DESC, n0.key ASC LIMIT $p1 RETURN {__c: [n0.name, n0.key], nodes: n0{.key, .name, .title, __t: labels(n0)}} }, total: COUNT { MATCH (n0:Person) WHERE n0.name CONTAINS $p0 }, size: 20, back: false} AS result";

    /// <summary>12 people (names with ties), 6 meetings, 4 countries; people represent countries and attend meetings.</summary>
    private static async Task<GraphDatabase> Diplomacy()
    {
        var db = GraphDatabase.CreateInMemory();
        await db.Q("UNWIND range(0, 11) AS i CREATE (:Person {key: 'person:' + i, name: ['Ivan', 'Iryna', 'Steve', 'Anna', 'Marco', 'Ivan'][i % 6], title: CASE WHEN i % 3 = 0 THEN null ELSE 'T' + i END})");
        await db.Q("UNWIND range(0, 5) AS i CREATE (:Meeting {key: 'meeting:' + i, name: ['Riyadh talks', 'Istanbul round', 'Geneva', 'Riyadh talks'][i % 4]})");
        await db.Q("UNWIND range(0, 3) AS i CREATE (:Country:Actor {key: 'country:' + i, name: ['Ukraine', 'Russia', 'USA', 'Turkey'][i]})");
        await db.Q("MATCH (p:Person), (c:Country) WHERE toInteger(substring(p.key, 7)) % 4 = toInteger(substring(c.key, 8)) CREATE (p)-[:REPRESENTS]->(c)");
        await db.Q("MATCH (p:Person), (m:Meeting) WHERE (toInteger(substring(p.key, 7)) + toInteger(substring(m.key, 8))) % 3 = 0 CREATE (p)-[:ATTENDED]->(m)");
        await db.Q("MATCH (p:Person {key: 'person:0'}), (c:Country {key: 'country:1'}) CREATE (p)-[:REPRESENTS]->(c)");
        await db.Q("CREATE (:Person {key: 'person:alone', name: 'Lone'})");
        return db;
    }

    private static Task<List<string>> Run(GraphDatabase db, string query, object? parameters, bool ordered) => PlanComparison.Rows(db, query, parameters, ordered);

    /// <summary>Runs <paramref name="query"/> planned (asserting it is) and interpreted; returns the planned rows.</summary>
    private static async Task<List<string>> Same(GraphDatabase db, string query, object? parameters = null, bool ordered = true, bool planned = true)
    {
        var plan = (await db.Q("EXPLAIN " + query, parameters, AccessMode.Read)).Summary.Plan!;
        Assert.True(planned == "PIPELINED".Equals(plan.Arguments["runtime"]), $"planned should be {planned}: {query}");
        var rows = await Run(db, query, parameters, ordered);
        List<string> interpreted;
        using (PlannerSwitch.UseInterpreter())
            interpreted = await Run(db, query, parameters, ordered);
        Assert.True(interpreted.SequenceEqual(rows),
            $"{query}\ninterpreted ({interpreted.Count}):\n  {string.Join("\n  ", interpreted.Take(12))}\nplanned ({rows.Count}):\n  {string.Join("\n  ", rows.Take(12))}");
        return rows;
    }

    private static IEnumerable<PlanNode> Flatten(PlanNode p) => new[] { p }.Concat(p.Children.SelectMany(Flatten));

    [Fact]
    public async Task EntityStatement_Should_GiveTheInterpretersAnswer_When_ItsThreeCollectSubqueriesArePlanned()
    {
        await using var db = await Diplomacy();
        // Limits change between runs: the cached plan's subquery LIMITs must follow the parameters.
        foreach (var (key, limit) in new[] { ("person:0", 51L), ("person:0", 2L), ("person:3", 1L), ("person:alone", 51L), ("nobody", 51L), ("person:6", 0L) })
        {
            var rows = await Same(db, Entity, new Dictionary<string, object?> { ["p0"] = key, ["p1"] = limit, ["p2"] = limit, ["p3"] = limit });
            Assert.Equal(key == "nobody" ? 0 : 1, rows.Count);
        }
        var answer = await Run(db, Entity, new Dictionary<string, object?> { ["p0"] = "person:0", ["p1"] = 51L, ["p2"] = 51L, ["p3"] = 51L }, true);
        Assert.Contains("'Russia'", answer[0], StringComparison.Ordinal);
        Assert.Contains("participants", answer[0], StringComparison.Ordinal);
        // Each page walks ordered neighbours (degree-independent), as the interpreter does, over the outer row's Argument.
        var plan = (await db.Q("EXPLAIN " + Entity, new Dictionary<string, object?> { ["p0"] = "person:0", ["p1"] = 51L, ["p2"] = 51L, ["p3"] = 51L }, AccessMode.Read)).Summary.Plan!;
        Assert.Equal("PIPELINED", plan.Arguments["runtime"]);
        Assert.Equal(3, Flatten(plan).Count(p => p.OperatorType == "OrderedExpand"));
        Assert.Equal(3, Flatten(plan).Count(p => p.OperatorType == "RollUpApply"));
        Assert.Equal(3, Flatten(plan).Count(p => p.OperatorType == "Argument" && p.Arguments.TryGetValue("Details", out var d) && d is "n0" or "n4"));
    }

    [Fact]
    public async Task EntityAndPageStatements_Should_GiveTheInterpretersAnswers_When_RunPlannedOnTheSeedGraph()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await new KnowledgeGraph.Seeding.SeedLoader().LoadAsync(db, KnowledgeGraph.Tests.Shared.RepositoryRoot.Combine("seeds"));
        var keys = (await db.Q("MATCH (p:Person) RETURN p.key AS k ORDER BY k LIMIT 40", null, AccessMode.Read)).Column("k");
        Assert.NotEmpty(keys);
        var nonEmpty = 0;
        foreach (var key in keys.Append("person:steve-witkoff"))
        {
            var rows = await Same(db, Entity, new Dictionary<string, object?> { ["p0"] = key, ["p1"] = 51L, ["p2"] = 51L, ["p3"] = 51L });
            if (rows.Count == 1 && rows[0].Contains("nodes:{", StringComparison.Ordinal)) nonEmpty++;
        }
        Assert.True(nonEmpty > 0, "no person of the seed has relationship pages");
        foreach (var (filter, limit) in new[] { ("i", 21L), ("a", 5L), ("", 51L), ("Witkoff", 2L) })
            await Same(db, Page, new Dictionary<string, object?> { ["p0"] = filter, ["p1"] = limit });
    }

    [Fact]
    public async Task PageStatement_Should_GiveTheInterpretersAnswer_When_ALoneReturnOfCollectAndCountIsPlanned()
    {
        await using var db = await Diplomacy();
        foreach (var (filter, limit) in new[] { ("i", 21L), ("I", 3L), ("", 5L), ("zzz", 21L) })
            await Same(db, Page, new Dictionary<string, object?> { ["p0"] = filter, ["p1"] = limit });
        var plan = (await db.Q("EXPLAIN " + Page, new { p0 = "i", p1 = 21L }, AccessMode.Read)).Summary.Plan!;
        var names = Flatten(plan).Select(p => p.OperatorType).ToList();
        Assert.Contains("RollUpApply", names);
        Assert.Contains("Apply", names);
        Assert.Contains("Argument", names);
        Assert.Contains("NodeByLabelScan", names);
    }

    [Fact]
    public async Task Plan_Should_BeCachedWithItsSubqueryPlans_When_TheStatementRepeats()
    {
        await using var db = await Diplomacy();
        var parameters = new Dictionary<string, object?> { ["p0"] = "person:0", ["p1"] = 51L, ["p2"] = 51L, ["p3"] = 51L };
        await db.Q(Entity, parameters, AccessMode.Read);
        var tree = (SingleQuery)((QueryStatement)StatementRunner.Parse(Entity, db)).Query;
        var cached = PlanCache.Peek(tree);
        Assert.NotNull(cached);
        await db.Q(Entity, parameters, AccessMode.Read);
        Assert.Same(cached, PlanCache.Peek(tree));
        // Another page size inside the subqueries plans again (their LIMITs were evaluated into the plan).
        await Same(db, Entity, new Dictionary<string, object?> { ["p0"] = "person:0", ["p1"] = 1L, ["p2"] = 51L, ["p3"] = 51L });
        Assert.NotSame(cached, PlanCache.Peek(tree));
    }

    [Fact]
    public async Task Decline_Should_BeRemembered_When_ASubqueryIsNotCovered()
    {
        await using var db = await Diplomacy();
        // UNION inside a COLLECT expression is not planned: the statement runs interpreted, planned once only.
        const string query = "MATCH (p:Person) RETURN p.key AS k, COLLECT { MATCH (p)-[:ATTENDED]->(m) RETURN m.key AS x UNION MATCH (p)-[:REPRESENTS]->(c) RETURN c.key AS x } AS xs ORDER BY k";
        var tree = (SingleQuery)((QueryStatement)StatementRunner.Parse(query, db)).Query;
        Assert.False(PlanCache.PeekDeclined(tree));
        var first = await Same(db, query, planned: false);
        Assert.True(PlanCache.PeekDeclined(tree));
        Assert.Equal(first, await Same(db, query, planned: false));
    }

    [Fact]
    public async Task Collect_Should_OrderAndLimitPerOuterRow_When_TheOrderReadsOuterVariables()
    {
        await using var db = await Diplomacy();
        await Same(db, "MATCH (p:Person) RETURN p.key AS k, COLLECT { MATCH (p)-[:ATTENDED]->(m) RETURN m.key + p.key AS x ORDER BY m.name + p.name DESC, x LIMIT 2 } AS ms ORDER BY k");
        await Same(db, "MATCH (p:Person) WITH p, COLLECT { MATCH (p)-[:ATTENDED]->(m) RETURN m.name ORDER BY m.name SKIP 1 } AS ms WHERE size(ms) > 0 RETURN p.key AS k, ms ORDER BY k");
        // Nested: per meeting, its other attendees' countries.
        await Same(db, "MATCH (p:Person) RETURN p.key AS k, COLLECT { MATCH (p)-[:ATTENDED]->(m) RETURN COLLECT { MATCH (m)<-[:ATTENDED]-(o) WHERE o <> p RETURN COLLECT { MATCH (o)-[:REPRESENTS]->(c) RETURN c.name ORDER BY c.name } ORDER BY o.key } ORDER BY m.key } AS nested ORDER BY k");
    }

    [Fact]
    public async Task Subqueries_Should_GiveTheInterpretersValues_When_ImportedVariablesAreNullOrResultsEmpty()
    {
        await using var db = await Diplomacy();
        await Same(db, "MATCH (p:Person) OPTIONAL MATCH (p)-[:REPRESENTS]->(c:Country {name: 'USA'}) RETURN p.key AS k, COLLECT { MATCH (c)<-[:REPRESENTS]-(o) RETURN o.key ORDER BY o.key } AS others, COUNT { MATCH (c)<-[:REPRESENTS]-(o) WHERE o.name STARTS WITH 'I' } AS n, EXISTS { MATCH (c)<-[:REPRESENTS]-(o) WHERE o <> p } AS e ORDER BY k");
        await Same(db, "MATCH (p:Person {key: 'person:alone'}) RETURN COLLECT { MATCH (p)-[:ATTENDED]->(m) RETURN m.key } AS none, COUNT { MATCH (p)-->(x) RETURN x } AS zero, EXISTS { MATCH (p)-->() } AS e");
        await Same(db, "UNWIND [null, 1, 'x'] AS v RETURN v, COLLECT { UNWIND [v, v] AS w RETURN w } AS ws");
    }

    /// <summary>Subqueries in every place an expression sits, unordered rows compared as multisets.</summary>
    private static readonly string[] Places =
    [
        "MATCH (p:Person) WHERE COUNT { MATCH (p)-[:ATTENDED]->(m) WHERE m.name STARTS WITH 'R' } > 1 RETURN p.key AS k",
        "MATCH (p:Person)-[:REPRESENTS]->(c) WHERE EXISTS { MATCH (c)<-[:REPRESENTS]-(o) WHERE o.name = p.name AND o <> p } RETURN p.key AS k, c.name AS c",
        "MATCH (p:Person) WITH p, COUNT { MATCH (p)-->() } AS d WHERE d > 2 RETURN p.key AS k, d ORDER BY d DESC, k",
        "MATCH (p:Person) RETURN p.name AS name, count(COLLECT { MATCH (p)-[:ATTENDED]->(m) RETURN m.key }) AS n, collect(COUNT { MATCH (p)-[:ATTENDED]->(m) RETURN m }) AS cs",
        "MATCH (p:Person) RETURN p.key AS k ORDER BY COUNT { MATCH (p)-[:ATTENDED]->(m) RETURN m } DESC, k LIMIT 5",
        "MATCH (p:Person) RETURN p.key AS k, CASE WHEN p.title IS NULL THEN COLLECT { MATCH (p)-[:REPRESENTS]->(c) RETURN c.name ORDER BY c.name } ELSE [] END AS cs",
        "MATCH (p:Person) RETURN p.key AS k, COLLECT { MATCH (p)-[:ATTENDED]->(x) WITH x AS p RETURN p.key ORDER BY p.key } AS shadowed",
        "MATCH (p:Person) RETURN p.key AS k, COUNT { MATCH (p)-[:ATTENDED]->(m:Meeting) } AS byDegree, COUNT { MATCH (p)-[:ATTENDED]->(m:Meeting) WHERE m.key <> '' } AS walked",
        "MATCH (p:Person) RETURN DISTINCT COLLECT { MATCH (p)-[:REPRESENTS]->(c) RETURN c.name ORDER BY c.name } AS cs",
        "MATCH (m:Meeting) RETURN m.key AS k, [x IN COLLECT { MATCH (m)<-[:ATTENDED]-(p) RETURN p.name ORDER BY p.name } WHERE x STARTS WITH 'I'] AS is",
        "MATCH (m:Meeting) RETURN m.key AS k, [x IN range(1, 2) | COUNT { MATCH (m)<-[:ATTENDED]-(p) WHERE size(p.name) > x }] AS counts",
        "MATCH (p:Person) CALL (p) { MATCH (p)-[:ATTENDED]->(m) RETURN m.name AS n UNION MATCH (p)-[:REPRESENTS]->(c) RETURN c.name AS n } WITH p, collect(n) AS ns RETURN p.key AS k, size(ns) AS s",
        "MATCH (p:Person) CALL (p) { MATCH (p)-[:ATTENDED]->(m) RETURN COLLECT { MATCH (m)<-[:ATTENDED]-(o) RETURN o.key ORDER BY o.key } AS os } RETURN p.key AS k, os",
        "UNWIND [1, 2] AS i CALL (i) { CALL (i) { RETURN i * 10 AS j } RETURN j + 1 AS l } RETURN i, l",
    ];

    [Fact]
    public async Task Subqueries_Should_GiveTheInterpretersRows_When_TheySitInAnyExpressionPlace()
    {
        await using var db = await Diplomacy();
        foreach (var query in Places)
            await Same(db, query, ordered: query.Contains("ORDER BY d DESC", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Subqueries_Should_ReadParameters_When_TheyFilterOrLimit()
    {
        await using var db = await Diplomacy();
        foreach (var prefix in new[] { "Riyadh", "G", "none" })
            await Same(db, "MATCH (p:Person) WHERE EXISTS { MATCH (p)-[:ATTENDED]->(m) WHERE m.name STARTS WITH $prefix } RETURN p.key AS k, COLLECT { MATCH (p)-[:ATTENDED]->(m) WHERE m.name STARTS WITH $prefix RETURN m.key ORDER BY m.key LIMIT $cap } AS ms ORDER BY k",
                new { prefix, cap = 2L });
    }

    [Fact]
    public async Task CallUnion_Should_KeepEachBranchsLimitPerOuterRow_When_ItImportsTwoVariables()
    {
        await using var db = await Diplomacy();
        // The GraphQL paths statement's shape: CALL (a, b) { var-length branches UNION … }.
        const string paths = "MATCH (a:Person), (b:Meeting) WHERE a.key IN ['person:0', 'person:1', 'person:3'] CALL (a, b) { MATCH p = (a)-[:ATTENDED*1..1]-(b) RETURN [x IN nodes(p) | x.key] AS ns LIMIT $cap UNION MATCH p = (a)-[:REPRESENTS]->()<-[:REPRESENTS]-()-[:ATTENDED]->(b) RETURN [x IN nodes(p) | x.key] AS ns LIMIT $cap } RETURN a.key AS a, b.key AS b, ns ORDER BY a, b, ns";
        foreach (var cap in new[] { 0L, 1L, 3L })
            await Same(db, paths, new { cap });
        var rows = await Same(db, paths, new { cap = 1L });
        Assert.NotEmpty(rows);
        var plan = (await db.Q("EXPLAIN " + paths, new { cap = 1L }, AccessMode.Read)).Summary.Plan!;
        var apply = Flatten(plan).First(p => p.OperatorType == "Apply");
        Assert.Equal("Distinct", apply.Children[1].OperatorType);
        Assert.Equal("Union", apply.Children[1].Children[0].OperatorType);
        Assert.Equal(2, apply.Children[1].Children[0].Children.Count);
        Assert.Equal(2, Flatten(apply.Children[1]).Count(p => p.OperatorType == "Argument"));
        Assert.Contains(Flatten(apply.Children[1]), p => p.OperatorType == "Limit");
    }

    [Fact]
    public async Task CallUnion_Should_RemoveDuplicatesPerOuterRow_When_UnionIsNotAll()
    {
        await using var db = await Diplomacy();
        var distinct = await Same(db, "UNWIND [1, 2, 2] AS x CALL (x) { RETURN x AS y UNION RETURN x AS y UNION RETURN 0 AS y } RETURN x, y ORDER BY x, y");
        var all = await Same(db, "UNWIND [1, 2, 2] AS x CALL (x) { RETURN x AS y UNION ALL RETURN x AS y UNION ALL RETURN 0 AS y } RETURN x, y ORDER BY x, y");
        Assert.Equal(6, distinct.Count);
        Assert.Equal(9, all.Count);
        // UNION ALL shows Union without Distinct.
        var plan = (await db.Q("EXPLAIN UNWIND [1] AS x CALL (x) { RETURN x AS y UNION ALL RETURN 0 AS y } RETURN y", null, AccessMode.Read)).Summary.Plan!;
        Assert.Contains(Flatten(plan), p => p.OperatorType == "Union");
        Assert.DoesNotContain(Flatten(plan), p => p.OperatorType == "Distinct");
    }

    [Fact]
    public async Task Call_Should_GiveTheInterpretersRows_When_ImportingWithWithOrFindingNothing()
    {
        await using var db = await Diplomacy();
        await Same(db, "MATCH (p:Person) CALL { WITH p MATCH (p)-[:ATTENDED]->(m) RETURN m.key AS m ORDER BY m DESC LIMIT 1 } RETURN p.key AS k, m ORDER BY k");
        await Same(db, "MATCH (p:Person) CALL (p) { MATCH (p)-[:REPRESENTS]->(c) RETURN count(c) AS n } RETURN p.key AS k, n ORDER BY k");
        await Same(db, "MATCH (p:Person) OPTIONAL CALL (p) { MATCH (p)-[:ATTENDED]->(m:Meeting {name: 'Geneva'}) RETURN m.key AS m } RETURN p.key AS k, m ORDER BY k, m");
        await Same(db, "MATCH (p:Person) OPTIONAL MATCH (p)-[:REPRESENTS]->(c:Country {name: 'USA'}) CALL (c) { MATCH (c)<-[:REPRESENTS]-(o) RETURN o.key AS o } RETURN p.key AS k, o ORDER BY k, o");
        await Same(db, "CALL { MATCH (m:Meeting) RETURN m.name AS n ORDER BY n LIMIT 2 } RETURN n, COUNT { MATCH (x:Meeting {name: n}) } AS c");
    }

    [Fact]
    public async Task Subqueries_Should_RaiseTheInterpretersErrors_When_TheirExpressionsFail()
    {
        await using var db = await Diplomacy();
        var errors = new[]
        {
            await Same(db, "MATCH (p:Person) RETURN COLLECT { MATCH (p)-[:ATTENDED]->(m) RETURN m.name / 2 } AS x"),
            await Same(db, "MATCH (p:Person) CALL (p) { MATCH (p)-[:ATTENDED]->(m) RETURN m.name - 1 AS x UNION RETURN 1 AS x } RETURN x"),
            // A subquery whose LIMIT fails while planning leaves its statement to the interpreter.
            await Same(db, "MATCH (p:Person) RETURN COLLECT { MATCH (p)-[:ATTENDED]->(m) RETURN m.key LIMIT $n } AS x", new { n = -1L }, planned: false),
        };
        Assert.All(errors, e => Assert.StartsWith("error Neo.ClientError", e.Single(), StringComparison.Ordinal));
        // An invalid LIMIT in a subquery that never runs is no error, planned or not.
        await Same(db, "MATCH (p:Person {key: 'nobody'}) RETURN COLLECT { MATCH (p)-->(m) RETURN m.key LIMIT $n } AS x", new { n = -1L }, planned: false);
    }

    [Fact]
    public async Task Profile_Should_ShowTheSubqueryPlans_When_CollectAndCallRun()
    {
        await using var db = await Diplomacy();
        var r = await db.Q("PROFILE MATCH (p:Person) WHERE p.key IN ['person:0', 'person:1'] RETURN p.key AS k, COLLECT { MATCH (p)-[:ATTENDED]->(m) RETURN m.key ORDER BY m.key } AS ms ORDER BY k",
            null, AccessMode.Read);
        Assert.Equal(2, r.Records.Count);
        var plan = r.Summary.Plan!;
        Assert.Equal("PIPELINED", plan.Arguments["runtime"]);
        var rollUp = Flatten(plan).Single(p => p.OperatorType == "RollUpApply");
        Assert.Equal(2, rollUp.Rows);
        var inner = Flatten(rollUp.Children[1]).ToList();
        Assert.Equal("Argument", inner[^1].OperatorType);
        Assert.Equal(2, inner[^1].Rows); // one argument row per outer row
        var expand = inner.Single(p => p.OperatorType == "Expand(All)");
        var expected = r.Records.Sum(x => ((System.Collections.IList)x["ms"]!).Count);
        Assert.Equal(expected, expand.Rows);
    }
}
