using KnowledgeGraph.Cypher.Planning;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests.Planning;

/// <summary>
/// The path predicates a walk checks as it goes (Matching/PathPredicates, compiled with the short forms of
/// PathPredicates.Shortcuts: an OR of label tests as one label-set check, <c>x IN $list</c> as a string scan,
/// <c>coalesce</c> without an argument array, names as store tokens) must keep exactly the paths the same WHERE keeps
/// when it is not pushed into the walk. The planned and the interpreted walk both use the pushed predicates, so each
/// statement is also run with its WHERE on a copy of the path (<c>UNWIND [p] AS q … WHERE all(… nodes(q) …)</c>), which
/// the walk cannot see and the expression evaluator decides: the three answers (sorted rows, or the error code) must
/// be equal. The graphs and parameters hold what a wrong short cut gets wrong: nulls in properties and in the
/// parameter lists, non-string values on either side of IN, a parameter that is not a list, labels the store has
/// never seen, and nodes with none of the tested labels.
/// </summary>
public sealed class WalkPredicateShortcutDifferentialTests
{
    private static async Task<GraphDatabase> Graph(int seed)
    {
        var db = await BoundWalkDifferentialTests.RandomGraph(seed);
        // Non-string statuses and tiers, a list-valued status, nodes left with only the :Node label.
        await db.Q("MATCH (n:Node) WHERE n.kind = 1 AND n.age > 60 SET n.status = 7");
        await db.Q("MATCH (n:Node) WHERE n.kind = 1 AND n.age < 30 SET n.status = ['denied']");
        await db.Q("MATCH (n:Person) WHERE n.age < 30 REMOVE n:Person");
        await db.Q("MATCH ()-[r]->() WHERE r.w = 2 AND r.tier IS NULL SET r.tier = 3");
        await db.Q("MATCH ()-[r]->() WHERE r.w = 0 AND r.tier = 'background' SET r.tier = 'Reported'");
        return db;
    }

    /// <summary>Inner-node and relationship predicates written as `paths` writes them, and variants.</summary>
    private static readonly (string Inner, string Rels)[] Predicates =
    [
        ("(v:Person OR v:Meeting OR v:Country) AND NOT (v:Meeting AND v.status IN $bad)", "r.tier IN $tiers AND coalesce(r.tier, 'reported') IN $tiers"),
        ("(v:Person OR v:Unknown) AND NOT (v:Meeting AND v.status IN $bad)", "coalesce(r.tier, 'reported') IN $tiers"),
        ("v:Unknown OR v:Missing", "r.w IN $ws"),
        ("(v:Meeting OR (v:Person OR v:Unknown)) OR v.age > 50", "coalesce(r.tier, r.w, 'none') IN $tiers"),
        ("NOT (v:Person OR v:Country)", "coalesce(r.missing, r.tier) IN $tiers"),
        ("v.status IN $bad", "(r:KNOWS OR r:MET) AND r.tier IN $tiers"),
        // A parameter that is not a list: an error on every element tested, with the other predicate always true
        // (which of two failing conjuncts is evaluated first is not for this test to decide).
        ("v.status IN $notList", "r.w >= 0"),
        ("v:Node OR v:Unknown", "r.tier IN $notList"),
    ];

    private static IEnumerable<string> Statements(string inner, string rels)
    {
        const string Distinct = "all(x IN nodes(p) WHERE single(y IN nodes(p) WHERE y = x))";
        var pushed = $"all(v IN nodes(p)[1..-1] WHERE {inner}) AND all(r IN relationships(p) WHERE {rels})";
        var copy = pushed.Replace("(p)", "(q)");
        const string Start = "MATCH (a:Node {key: $k}) MATCH (b:Node) WHERE a <> b ";
        // Into (both ends bound) over UNION branches, and the matcher's walk (far end bound by the pattern).
        yield return Start + $"CALL (a, b) {{ MATCH p = (a)-[:KNOWS|MET*1..2]-(b) WHERE {Distinct} AND {pushed} RETURN p UNION MATCH p = (a)-[:KNOWS|MET*3..3]-(b) WHERE {Distinct} AND {pushed} RETURN p }} RETURN p";
        yield return Start + $"CALL (a, b) {{ MATCH p = (a)-[:KNOWS|MET*1..2]-(b) WHERE {Distinct} RETURN p UNION MATCH p = (a)-[:KNOWS|MET*3..3]-(b) WHERE {Distinct} RETURN p }} UNWIND [p] AS q WITH p, q WHERE {copy} RETURN p";
        yield return $"MATCH (a:Node {{key: $k}}) MATCH p = (a)-[:KNOWS*1..3]->(b) WHERE {pushed} RETURN p";
        yield return $"MATCH (a:Node {{key: $k}}) MATCH p = (a)-[:KNOWS*1..3]->(b) UNWIND [p] AS q WITH p, q WHERE {copy} RETURN p";
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public async Task PushedPathPredicates_Should_KeepThePathsTheWhereKeeps_When_ValuesAreNullOrOfOtherTypes(int seed)
    {
        await using var db = await Graph(seed);
        var found = 0;
        foreach (var (bad, tiers, ws) in new (List<object?>, List<object?>, List<object?>)[]
        {
            (["denied", "rumoured"], ["reported"], [1L, 2L]),
            (["denied", null], ["reported", null], [1L, null, "2"]),
            ([7L, "held"], [3L, "background"], [2.0, "1"]),
            ([], [], []),
        })
        {
            var parameters = new Dictionary<string, object?> { ["k"] = "n0", ["bad"] = bad, ["tiers"] = tiers, ["ws"] = ws, ["notList"] = "reported" };
            foreach (var (inner, rels) in Predicates)
            {
                var s = Statements(inner, rels).ToArray();
                for (var i = 0; i < s.Length; i += 2)
                {
                    var planned = await PlanComparison.Rows(db, s[i], parameters, ordered: false);
                    List<string> interpreted;
                    using (PlannerSwitch.UseInterpreter()) interpreted = await PlanComparison.Rows(db, s[i], parameters, ordered: false);
                    var unpushed = await PlanComparison.Rows(db, s[i + 1], parameters, ordered: false);
                    var context = $"seed {seed}, bad {string.Join(",", bad)}, tiers {string.Join(",", tiers)}, ws {string.Join(",", ws)}: {s[i]}";
                    Assert.True(unpushed.SequenceEqual(planned), $"{context}\nunpushed ({unpushed.Count}) {string.Join("\n  ", unpushed.Take(6))}\nplanned ({planned.Count}) {string.Join("\n  ", planned.Take(6))}");
                    Assert.True(unpushed.SequenceEqual(interpreted), $"{context}\nunpushed ({unpushed.Count})\ninterpreted ({interpreted.Count})");
                    if (planned.Count > 0 && !planned[0].StartsWith("error", StringComparison.Ordinal)) found++;
                }
            }
        }
        // Most combinations find paths (equal empty answers would prove little).
        Assert.True(found >= 10, $"only {found} statements returned paths");
    }

    [Fact]
    public async Task PushedLabelSet_Should_CountADbHitPerLabelTest_When_Profiled()
    {
        // The OR of label tests on one node is one look at its label set, but PROFILE counts what the general form
        // counts: one db hit per label test per node judged. Planned and interpreted walks judge the same nodes.
        await using var db = await Graph(1);
        const string Query = "MATCH (a:Node {key: 'n0'}) MATCH (b:Node {key: 'n1'}) MATCH p = (a)-[:KNOWS|MET*1..3]-(b) " +
            "WHERE all(v IN nodes(p)[1..-1] WHERE v:Person OR v:Meeting OR v:Unknown) RETURN count(*) AS n";
        const string Split = "MATCH (a:Node {key: 'n0'}) MATCH (b:Node {key: 'n1'}) MATCH p = (a)-[:KNOWS|MET*1..3]-(b) " +
            "WHERE all(v IN nodes(p)[1..-1] WHERE v:Person OR (v:Meeting OR false) OR v:Unknown) RETURN count(*) AS n";
        var hits = await TotalDbHits(db, Query);
        var general = await TotalDbHits(db, Split);
        Assert.Equal(general, hits);
    }

    private static async Task<long> TotalDbHits(GraphDatabase db, string query)
    {
        var result = await db.Q("PROFILE " + query, null, AccessMode.Read);
        static long Sum(PlanNode p) => p.DbHits + p.Children.Sum(Sum);
        return Sum(result.Summary.Plan!);
    }
}
