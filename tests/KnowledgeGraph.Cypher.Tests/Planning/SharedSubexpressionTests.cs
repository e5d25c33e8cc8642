using KnowledgeGraph.Cypher.Values;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests.Planning;

/// <summary>
/// Compiled expressions that evaluate a repeated subexpression once (ExpressionCompiler.Memo.cs), chains of AND as
/// one delegate, string-literal equality, single-WHEN CASE and ranges counted in integers: the values and errors must
/// be the interpreter's, and a shared property read must be read once.
/// </summary>
public sealed class SharedSubexpressionTests
{
    private static async Task<GraphDatabase> Graph()
    {
        var db = GraphDatabase.CreateInMemory();
        await db.Q("CREATE (a:P {k: 'a', n: 1, l: [1, 2], s: 'x'}), (b:P {k: 'b', n: 2.5, l: [], s: 5}), (c:P:Q {k: 'c'}), "
            + "(a)-[:R {c: 'high', o: ['s1', 's2']}]->(b), (b)-[:ATTENDED {c: 'low', src: ['s3']}]->(c), (c)-[:R {c: 'none'}]->(a)");
        return db;
    }

    private static IEnumerable<PlanNode> Flatten(PlanNode p) => new[] { p }.Concat(p.Children.SelectMany(Flatten));

    private static long Hits(PlanNode p) => Flatten(p).Sum(o => o.DbHits);

    [Fact]
    public async Task RepeatedPropertyRead_Should_ReadTheStoreOnce_When_ItsFirstCopyWasEvaluatedBefore()
    {
        await using var db = await Graph();
        // Per row: the weight over the origin count, written twice as the GraphQL `paths` ranking writes it.
        var twice = await db.Q("PROFILE MATCH (n:P) RETURN n.n * coalesce(size(n.l), 0) / (coalesce(size(n.l), 0) + 1.0) AS v", null, AccessMode.Read);
        var once = await db.Q("PROFILE MATCH (n:P) RETURN n.n * coalesce(size(n.l), 0) / (0 + 1.0) AS v", null, AccessMode.Read);
        Assert.Equal(Hits(once.Summary.Plan!), Hits(twice.Summary.Plan!));
        Assert.Equal(3, twice.Records.Count);
        // Property reads are counted (two per row here), so an extra read per row would show.
        var third = await db.Q("PROFILE MATCH (n:P) RETURN n.n * coalesce(size(n.l), 0) / (coalesce(size(n.k), 0) + 1.0) AS v", null, AccessMode.Read);
        Assert.Equal(Hits(once.Summary.Plan!) + 3, Hits(third.Summary.Plan!));
    }

    [Fact]
    public async Task RepeatedPropertyRead_Should_ReadAgain_When_ItsFirstCopyIsInABranchNotTaken()
    {
        await using var db = await Graph();
        // n.n in a THEN is not evaluated for rows whose WHEN fails, so the ELSE reads it itself.
        var branches = await db.Q("PROFILE MATCH (n:P) RETURN CASE WHEN n.k = 'a' THEN n.n ELSE n.n END AS v", null, AccessMode.Read);
        var plain = await db.Q("PROFILE MATCH (n:P) RETURN CASE WHEN n.k = 'a' THEN n.n ELSE n.s END AS v", null, AccessMode.Read);
        Assert.Equal(Hits(plain.Summary.Plan!), Hits(branches.Summary.Plan!));
    }

    private static readonly (string Query, bool Ordered)[] Corpus =
    [
        // Shared across the operands of arithmetic, in a WHEN and its THEN, in a later WHEN, in the ELSE.
        ("MATCH (n:P) RETURN n.k AS k, n.n * coalesce(size(n.l), 0) / (coalesce(size(n.l), 0) + 1.0) AS v", false),
        ("MATCH (n:P) RETURN n.k AS k, CASE WHEN n.n > 1 THEN n.n * 2 WHEN n.n * 2 = 2 THEN n.n * 2 + 1 ELSE n.n * 2 END AS v", false),
        ("MATCH (n:P) RETURN n.k AS k, CASE WHEN n.k = 'a' THEN size(n.l) ELSE size(n.l) + 1 END AS a, CASE n.n WHEN 1 THEN n.n + 1 ELSE n.n + 1 END AS b", false),
        // A local shadowing an outer variable: the outer copy must not stand for the inner one, nor the inner for
        // a later outer one.
        ("MATCH (n:P) WITH n.k AS k, n.n AS x RETURN k, x + 1 AS a, [x IN [10, 20] | x + 1] AS b, x + 1 AS c, [y IN [1] | x + 1 + y] AS d", false),
        ("UNWIND [[1, 2], [3], []] AS l RETURN [x IN l | [y IN l | x + y] + [x + 1, x + 1]] AS a, reduce(s = 0, x IN l | s + x * 2 + x * 2) AS b", true),
        // Loop steps: j + 1 three times, the bound size(l) - 1 again inside the step, subscripts in a THEN.
        ("UNWIND [[1.0, 2.0, 0.5], [3.0], [], [1, null, 2]] AS ss RETURN reduce(s = 1.0, j IN range(0, size(ss) - 1) | s * CASE WHEN j < size(ss) - 1 AND ss[j + 1] > 0 AND ss[j] IS NOT NULL THEN CASE WHEN ss[j] < ss[j + 1] THEN ss[j] / ss[j + 1] ELSE 1.0 END ELSE ss[j] END) AS score", true),
        ("MATCH (a:P {k: 'a'}) MATCH p = (a)-[*1..3]->(b) WITH nodes(p) AS ns, relationships(p) AS rs RETURN [j IN range(0, size(ns) - 2) | ns[j + 1].k + coalesce(rs[j].c, '') + ns[j + 1].k] AS hops, [r IN rs | $w[r.c] * coalesce(size(r.o), size(r.src), 0) / (coalesce(size(r.o), size(r.src), 0) + 1.0)] AS ws, [r IN rs | type(r) = 'ATTENDED'] AS ms", false),
        // Slots shared by copies whose spans do not overlap: a copy made before a loop and read in every step stays
        // live through the whole loop, past copies made and read later in the step.
        ("UNWIND [[1, 2, 3], [4]] AS l RETURN size(l) * 100 + reduce(s = 0, x IN l | s + size(l) + x * 3 + x * 3) AS a, size(l) * 100 + size([x IN l WHERE size(l) + x * 3 + x * 3 > 10]) AS b, [x IN l | [x + 1, x + 1, size(l) - 1, size(l) - 1]] AS c", true),
        // Quantifiers and map projections: shared inside the body, and after a null subject.
        ("MATCH (n:P) RETURN n.k AS k, any(x IN coalesce(n.l, []) WHERE x + n.n > 2 AND x + n.n < 4) AS a, n{.k, v: size(coalesce(n.l, [])), w: size(coalesce(n.l, [])) + 1} AS m", false),
        ("OPTIONAL MATCH (n:Nope) RETURN n{.k, a: n.k + 'x', b: n.k + 'x'} AS m, size(coalesce(n.l, [])) + size(coalesce(n.l, [])) AS z", true),
        // AND chains: false, null and true operands in every position; each operand still type-checked.
        ("UNWIND [[true, true, true], [true, null, false], [null, true, true], [false, null, null], [true, true, null]] AS t RETURN t[0] AND t[1] AND t[2] AS a, t[0] AND t[1] AND t[2] AND t[0] AS b, (t[0] AND t[1]) AND (t[2] AND t[0]) AS c", true),
        ("UNWIND [[false, 1, true]] AS t RETURN t[0] AND t[2] AND t[1] AS e", true),
        // String literal equality: strings, nulls, other types.
        ("UNWIND ['ATTENDED', 'R', null, 1, 1.0, ['ATTENDED'], true] AS x RETURN x = 'ATTENDED' AS a, x = '' AS b", true),
        // Single-WHEN CASE: true, false, null and non-boolean conditions, with and without ELSE.
        ("UNWIND [true, false, null, 1, 'x'] AS c RETURN CASE WHEN c THEN 'y' END AS a, CASE WHEN c THEN 'y' ELSE 'n' END AS b", true),
        // Errors from a shared expression's first copy, and from between the copies.
        ("UNWIND [5, 'ab'] AS x RETURN size(x) + size(x) AS e", true),
        ("UNWIND [[1]] AS l RETURN size(l) + l[0] / 0 + size(l) AS e", true),
        ("UNWIND [[1, 'a']] AS l RETURN CASE WHEN size(l) = 2 THEN size(l) - l[1] ELSE 0 END AS e", true),
        // Ranges at the edges of the integers, iterated in place (their counts in unsigned integers).
        ("UNWIND [[-9223372036854775807, 9223372036854775807, 4611686018427387904], [9223372036854775800, 9223372036854775807, 3], [9223372036854775807, -9223372036854775808, -9223372036854775808], [0, -9223372036854775808, -4611686018427387904], [5, 1, 1], [1, 5, -1], [3, 3, -7]] AS b RETURN [i IN range(b[0], b[1], b[2]) | i] AS r, size([i IN range(b[0], b[1], b[2]) | 0]) AS n", true),
    ];

    private static readonly Dictionary<string, object?> Parameters = new() { ["w"] = new Dictionary<string, object?> { ["high"] = 0.9, ["low"] = 0.3 } };

    [Fact]
    public async Task SharedSubexpressions_Should_AnswerAsTheInterpreter_When_Planned()
    {
        await using var db = await Graph();
        var errors = await PlanComparison.AssertCorpusPlannedAsInterpreted(db, Corpus, Parameters);
        // The AND chain with a non-boolean operand and the three error statements fail, and only they.
        Assert.Equal(4, errors);
    }

    [Fact]
    public void RangeCount_Should_MatchTheExactCount_When_BoundsAreExtreme()
    {
        long[] values = [long.MinValue, long.MinValue + 1, -4611686018427387904, -7, -1, 0, 1, 2, 7, 4611686018427387904, long.MaxValue - 1, long.MaxValue];
        foreach (var start in values)
            foreach (var end in values)
                foreach (var step in values.Where(s => s != 0))
                {
                    var span = step > 0 ? (decimal)end - start : (decimal)start - end;
                    var expected = span < 0 ? 0 : (long)Math.Min(decimal.Floor(span / Math.Abs((decimal)step)) + 1, long.MaxValue);
                    Assert.True(expected == LongRange.CountOf(start, end, step), $"range({start}, {end}, {step})");
                }
    }
}
