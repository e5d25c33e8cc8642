using KnowledgeGraph.Cypher.Planning;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Syntax;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests.Planning;

/// <summary>
/// List expressions compiled into slot delegates (ExpressionCompiler.Lists.cs: comprehensions, quantifiers, reduce,
/// subscripts, slices, map projections) must give the interpreter's values and errors. Each statement runs planned
/// and with the interpreter forced, on a small random graph; rows (or the error code) must be equal.
/// </summary>
public sealed class CompiledListExpressionTests
{
    private static async Task<GraphDatabase> RandomGraph(int seed)
    {
        var random = new Random(seed);
        var db = GraphDatabase.CreateInMemory();
        var people = Enumerable.Range(0, 40).Select(i => (object?)new Dictionary<string, object?>
        {
            ["key"] = "p" + i,
            ["age"] = random.Next(5) == 0 ? null : (long)(20 + random.Next(60)),
            ["city"] = random.Next(4) == 0 ? null : new[] { "Kyiv", "Rome", "Paris" }[random.Next(3)],
            ["tags"] = random.Next(3) == 0 ? null : Enumerable.Range(0, random.Next(4)).Select(t => (object?)("t" + random.Next(5))).ToList(),
        }).ToList();
        await db.Q("UNWIND $people AS p CREATE (n:Person) SET n = p", new { people });
        await db.Q("MATCH (n:Person) WHERE n.age > 60 SET n:Org");
        var knows = Enumerable.Range(0, 90).Select(_ => (object?)new List<object?> { (long)random.Next(40), (long)random.Next(40), (long)random.Next(3) }).ToList();
        await db.Q("UNWIND $knows AS k MATCH (a:Person {key: 'p' + k[0]}), (b:Person {key: 'p' + k[1]}) CREATE (a)-[:KNOWS {w: k[2]}]->(b)", new { knows });
        return db;
    }

    /// <summary>Statements and whether their row order is defined.</summary>
    private static readonly (string Query, bool Ordered)[] Corpus =
    [
        // Comprehensions: null and empty sources, WHERE with nulls, no projection, no WHERE.
        ("UNWIND [[1, 2, 3], [], null, [null, 1, 5]] AS l RETURN [x IN l | x * 2] AS d, [x IN l WHERE x > 1] AS w, [x IN l WHERE x > 1 | x + 1] AS wp, [x IN l] AS same", true),
        // Nested comprehensions shadowing an outer name, which stays readable afterwards.
        ("UNWIND [1, 2] AS x RETURN [x IN [x, x + 10] | [x IN range(0, x % 3) | x * 100]] AS n, x, [y IN [x] | [x IN [y + 1] | x + y]] AS m", true),
        ("MATCH (p:Person) RETURN p.key AS k, [p IN [p.age, 1] | p] AS shadow, p.age AS a", false),
        // Quantifiers, three-valued.
        ("UNWIND [[true, null], [false, null], [null], [], [true, true], [true, false], null] AS l RETURN all(x IN l WHERE x) AS a, any(x IN l WHERE x) AS b, none(x IN l WHERE x) AS c, single(x IN l WHERE x) AS d", true),
        ("UNWIND [[1, 2, null], [3], [], null] AS l RETURN all(x IN l WHERE x > 1) AS a, any(x IN l WHERE x > 2) AS b, none(x IN l WHERE x = 1) AS c, single(x IN l WHERE x IS NULL) AS d", true),
        // reduce: maps as accumulators, the item shadowing an accumulator of the same name, null and empty sources.
        ("UNWIND range(0, 4) AS n RETURN reduce(m = {}, i IN range(1, n) | {sum: coalesce(m.sum, 0) + i, keys: coalesce(m.keys, []) + [toString(i)]}) AS m", true),
        ("UNWIND [[1, 2, 3], [], null] AS l RETURN reduce(x = 0, x IN l | x + 1) AS a, reduce(s = 10, x IN l | s - x) AS b, reduce(o = [], x IN l | o + [y IN [x, x * 2] WHERE NOT y IN o]) AS c", true),
        // Subscripts and slices: negative, out of range, null bounds, open ends.
        ("UNWIND [[1, 2, 3, 4], [], null, [null]] AS l RETURN l[0] AS a, l[-1] AS b, l[10] AS c, l[1..-1] AS d, l[..2] AS e, l[-2..] AS f, l[2..1] AS g, l[null..2] AS h, l[-10..10] AS i, l[1..null] AS j", true),
        ("UNWIND [{a: 1, b: 'x'}, {}, null] AS m WITH m, 'b' AS k RETURN m['a'] AS a, m[k] AS b, m[null] AS c", true),
        ("UNWIND ['confirmed', 'claimed', 'nope', null] AS c RETURN $w[c] AS weight, $w[c] * 2 AS twice", true),
        ("MATCH (a:Person)-[r:KNOWS]->(b) RETURN a.key AS a, b['key'] AS b, r['w'] AS w, $w[CASE r.w WHEN 0 THEN 'claimed' ELSE 'confirmed' END] AS x", false),
        // Map projections: properties (missing ones), all properties, literal entries, variable selectors, null subjects.
        ("MATCH (p:Person) RETURN p{.key, .age, k: p.key + '!', .nope} AS m", false),
        ("MATCH (p:Person) RETURN p{.*} AS all, p{.*, key: 'x'} AS over", false),
        ("MATCH (p:Person) WITH p, p.city AS city RETURN p{city, .key, n: [t IN coalesce(p.tags, []) | t + city]} AS m", false),
        ("MATCH (p:Person {key: $k}) OPTIONAL MATCH (p)-[:NOPE]->(q) RETURN q{.key} AS m, [x IN [q] | x{.key}] AS l", false),
        ("UNWIND [{a: 1, b: 2}, null] AS m RETURN m{.a, c: 3} AS p", true),
        // Label tests on list items.
        ("MATCH (p:Person {key: $k})-[:KNOWS]-(q) WITH p, collect(q) AS qs RETURN [n IN qs + [p] WHERE n:Org | n.key] AS orgs, all(n IN qs WHERE n:Person) AS allPeople, [n IN qs | n:Org] AS flags", false),
        // Walk-shaped: the `paths` tail's expressions over var-length matches.
        ("MATCH (a:Person {key: $k}) MATCH p = (a)-[:KNOWS*1..3]-(b) WHERE all(x IN nodes(p) WHERE single(y IN nodes(p) WHERE y = x)) RETURN [n IN nodes(p) | n.key] AS ks, reduce(t = '', n IN nodes(p) | t + n.key + ' ') AS seq, [r IN relationships(p) WHERE r.w > 0 | r.w] AS ws, head([h IN nodes(p)[1..] WHERE h.age > 30]).key AS first", false),
        ("MATCH p = (a:Person {key: $k})-[:KNOWS*1..2]-(b) WITH nodes(p) AS ns UNWIND range(0, size(ns) - 2) AS i WITH ns, i, ns[i] AS x, ns[i + 1] AS y MATCH (x)-[r:KNOWS]-(y) WITH ns, i, r ORDER BY r.w DESC, id(r) WITH ns, i, collect(r) AS rs WITH ns, collect({i: i, rs: rs, c: rs[0].w}) AS hs RETURN [j IN range(0, size(ns) - 2) | head([h IN hs WHERE h.i = j]).c] AS cs, reduce(s = 1.0, j IN range(0, size(hs) - 1) | s * CASE WHEN hs[j].c > 0 THEN hs[j].c ELSE 0.5 END) AS score", false),
        // Walks that check path predicates as they go (VarLengthExpand(Pruning)), with the far end bound or not.
        ("MATCH (a:Person {key: $k}) MATCH (b:Person) WHERE a <> b MATCH p = (a)-[:KNOWS*1..3]-(b) WHERE all(x IN nodes(p) WHERE single(y IN nodes(p) WHERE y = x)) AND all(v IN nodes(p)[1..-1] WHERE v:Person AND NOT v:Org) AND all(r IN relationships(p) WHERE r.w IN [1, 2]) RETURN b.key AS b, [n IN nodes(p) | n.key] AS ks", false),
        ("MATCH (a:Person {key: $k}) MATCH (b:Person {key: 'p5'}) CALL db.labels() YIELD label WITH a, b, label WHERE label = 'Org' MATCH p = (a)-[:KNOWS*2..2]-(b) WHERE all(r IN relationships(p) WHERE r.w > 0) RETURN nodes(p) AS ns", false),
        ("MATCH (a:Person) WHERE a.age > 50 MATCH p = (a)-[rs:KNOWS*1..2]->(b) WHERE all(r IN rs WHERE r.w <> 1) AND b.age < 40 RETURN a.key AS a, b.key AS b, size(rs) AS n", false),
        ("MATCH (a:Person {key: $k}) MATCH p = (a)-[:KNOWS*1..2]-(b) WHERE all(x IN nodes(p) WHERE x.age > 0) RETURN count(*) AS n, collect(DISTINCT b.key) AS bs", false),
        ("MATCH (a:Person {key: $k}) MATCH p = (a)-[:KNOWS*1..3]-(b) WHERE all(x IN nodes(p) WHERE single(y IN nodes(p) WHERE y = x)) AND all(r IN relationships(p) WHERE r.w < coalesce(b.age, 0)) RETURN [n IN nodes(p) | n.key] AS ks", false),
        ("MATCH (a:Person {key: $k}) MATCH (b:Person) WHERE a <> b MATCH p = (a)-[:KNOWS*1..2]-(b) WHERE all(v IN nodes(p)[1..-1] WHERE v.age IS NULL) AND all(r IN relationships(p) WHERE r.w > 0) AND length(p) > 1 RETURN b.key AS b, [n IN nodes(p) | n.key] AS ks", false),
        // After aggregation and DISTINCT: grouped lists, ORDER BY through comprehensions, a local named like a
        // projected variable's source.
        ("MATCH (p:Person) WITH p.city AS c, collect(p.age) AS ages RETURN c, [a IN ages WHERE a > 50] AS old, size([a IN ages WHERE a IS NULL]) AS missing, reduce(s = 0, a IN ages | s + 1) AS n ORDER BY c", true),
        ("MATCH (p:Person) RETURN DISTINCT p.city AS c ORDER BY [q IN [{city: 'zz'}] | q.city][0] + coalesce(c, ''), c", true),
        ("MATCH (p:Person) RETURN p.city AS c, count(*) AS n ORDER BY size([x IN range(1, n) WHERE x % 2 = 0]) DESC, c", true),
        // Errors: the same codes both ways.
        ("UNWIND $ints[0] AS x RETURN [y IN x | y] AS e", true),
        ("UNWIND $ints AS l RETURN all(x IN l WHERE x) AS e", true),
        ("UNWIND $ints AS l RETURN l[$s] AS e", true),
        ("UNWIND [{a: 1}] AS m RETURN m[$ints[0][0]] AS e", true),
        ("UNWIND $ints AS l RETURN l[$f..2] AS e", true),
        ("UNWIND $ints[0] AS x RETURN x{.a} AS e", true),
        ("UNWIND [$s] AS l RETURN reduce(s = 0, x IN l | s + 1) AS e", true),
        ("UNWIND $ints[0] AS x RETURN x[0] AS e", true),
        ("MATCH (a:Person {key: $k}) MATCH p = (a)-[:KNOWS*1..3]-(b) WHERE all(v IN nodes(p)[1..-1] WHERE v.age IS NULL OR v.age / 0 > 1) RETURN count(*) AS n", true),
    ];

    private static readonly object Parameters = new
    {
        k = "p3",
        ints = new List<object?> { new List<object?> { 1L, 2L } },
        s = "abc",
        f = 1.5,
        w = new Dictionary<string, object?> { ["confirmed"] = 1.0, ["claimed"] = 0.6 },
    };

    private static Task<List<string>> Run(GraphDatabase db, string query, bool ordered) => PlanComparison.Rows(db, query, Parameters, ordered);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task ListExpressions_Should_GiveTheInterpretersRows_When_Compiled(int seed)
    {
        await using var db = await RandomGraph(seed);
        var errors = 0;
        var nonEmpty = 0;
        foreach (var (query, ordered) in Corpus)
        {
            var plan = (await db.Q("EXPLAIN " + query, Parameters, AccessMode.Read)).Summary.Plan!;
            Assert.True("PIPELINED".Equals(plan.Arguments["runtime"]), $"not planned: {query}");
            var planned = await Run(db, query, ordered);
            List<string> interpreted;
            using (PlannerSwitch.UseInterpreter()) interpreted = await Run(db, query, ordered);
            Assert.True(interpreted.SequenceEqual(planned),
                $"seed {seed}: {query}\ninterpreted ({interpreted.Count}):\n  {string.Join("\n  ", interpreted.Take(12))}\nplanned ({planned.Count}):\n  {string.Join("\n  ", planned.Take(12))}");
            if (planned.Count > 0 && planned[0].StartsWith("error", StringComparison.Ordinal)) errors++;
            else if (planned.Count > 0) nonEmpty++;
        }
        Assert.True(nonEmpty >= Corpus.Length - 9 - 3, $"only {nonEmpty} of {Corpus.Length} statements returned rows");
        // The nine error statements fail, and only they.
        Assert.Equal(9, errors);
    }

    /// <summary>A pushed predicate that fails with an error does not cut the walk; the filter after a planned walk
    /// then tests the whole WHERE, so a path through the failing relationship raises the error as interpreted, and
    /// a walk whose failing relationship leads nowhere answers as interpreted.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Walk_Should_AnswerAsInterpreted_When_APushedPredicateFails(bool failingPathReachesTheEnd)
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("CREATE (a:N {k: 'a'}), (b:N {k: 'b'}), (x:N {k: 'x'}), (y:N {k: 'y'}), (z:N {k: 'z'}) "
            + "CREATE (a)-[:R {w: 1}]->(b), (a)-[:R {w: 'bad'}]->(y), (y)-[:R {w: 1}]->(" + (failingPathReachesTheEnd ? "b" : "z") + "), "
            + "(a)-[:R {w: 2}]->(x), (x)-[:R {w: 1}]->(b)");
        const string query = "MATCH (a:N {k: 'a'}) MATCH (b:N {k: 'b'}) MATCH p = (a)-[:R*1..2]-(b) "
            + "WHERE all(r IN relationships(p) WHERE r.w / 1 > 0) AND all(v IN nodes(p) WHERE single(u IN nodes(p) WHERE u = v)) RETURN [n IN nodes(p) | n.k] AS ks";
        var plan = (await db.Q("EXPLAIN " + query, Parameters, AccessMode.Read)).Summary.Plan!;
        Assert.Equal("PIPELINED", plan.Arguments["runtime"]);
        var planned = await Run(db, query, false);
        List<string> interpreted;
        using (PlannerSwitch.UseInterpreter()) interpreted = await Run(db, query, false);
        Assert.Equal(interpreted, planned);
        if (failingPathReachesTheEnd) Assert.StartsWith("error", Assert.Single(planned), StringComparison.Ordinal);
        else Assert.Equal(["ks=['a','b']", "ks=['a','x','b']"], planned);
    }

    /// <summary>After DISTINCT the interpreter reads <c>p.city</c> as the projected item even inside a comprehension
    /// whose local is named p; the planner leaves such a statement to it rather than answer differently.</summary>
    [Fact]
    public async Task Planner_Should_LeaveTheStatementToTheInterpreter_When_ALocalShadowsAProjectedExpression()
    {
        await using var db = await RandomGraph(3);
        const string query = "MATCH (p:Person) RETURN DISTINCT p.city AS c ORDER BY [p IN [{city: 'zz'}] | p.city][0] + coalesce(c, ''), c";
        var plan = (await db.Q("EXPLAIN " + query, Parameters, AccessMode.Read)).Summary.Plan!;
        Assert.Equal("SLOTTED", plan.Arguments["runtime"]);
        var planned = await Run(db, query, true);
        using (PlannerSwitch.UseInterpreter()) Assert.Equal(await Run(db, query, true), planned);
    }

    [Theory]
    [InlineData("[x IN $l WHERE x > 1 | x * 2]")]
    [InlineData("[x IN $l | [x IN range(0, x) | x]]")]
    [InlineData("all(x IN $l WHERE single(y IN $l WHERE y = x))")]
    [InlineData("any(x IN $l WHERE x IS NULL)")]
    [InlineData("none(x IN $l)")]
    [InlineData("reduce(s = {}, x IN $l | {n: coalesce(s.n, 0) + x})")]
    [InlineData("$l[-1]")]
    [InlineData("$l[1..-1]")]
    [InlineData("$l[..2]")]
    [InlineData("$m[$k]")]
    [InlineData("[x IN $l WHERE x:Person]")]
    [InlineData("head([h IN $l WHERE h.i = 1])")]
    public void Compile_Should_CoverTheListExpression_When_ALayoutLendsSlots(string expression)
    {
        var statement = (QueryStatement)CypherParser.Parse("RETURN " + expression + " AS v");
        var e = ((ReturnClause)((SingleQuery)statement.Query).Clauses[0]).Body.Items[0].Expression;
        var layout = new SlotLayout();
        Assert.NotNull(ExpressionCompiler.Compile(e, _ => null, null, layout));
        Assert.True(layout.Width > 0 || expression.StartsWith('$'), "locals get slots of their own");
        // Without a layout there is nowhere to put a local: comprehensions, quantifiers and reduce are not covered.
        if (layout.Width > 0) Assert.Null(ExpressionCompiler.Compile(e, _ => null));
    }
}
