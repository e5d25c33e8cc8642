using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests.Planning;

/// <summary>Compiled property reads, label tests, <c>labels()</c> and map projections remember store tokens and
/// share label arrays; what they answer must not change: writes of the same transaction, keys and labels that
/// appear after a plan was cached, and lists handed to the client.</summary>
public sealed class CompiledReadTests
{
    [Fact]
    public async Task CompiledRead_Should_SeeAKeyAndALabel_When_TheSameTransactionAddsThemAfterAReadFoundNone()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("CREATE (:T {v: 1})");
        await using var session = db.OpenSession();
        await using var tx = await session.BeginTransactionAsync();
        const string Read = "MATCH (t:T) RETURN t.fresh AS f, t:Fresh AS l, t{.fresh, .v} AS m";
        var before = (await (await tx.RunAsync(Read)).ToEagerAsync()).Records.Single();
        Assert.Null(before["f"]);
        Assert.Equal(false, before["l"]);
        await (await tx.RunAsync("MATCH (t:T) SET t.fresh = 7, t:Fresh")).ConsumeAsync();
        var after = (await (await tx.RunAsync(Read)).ToEagerAsync()).Records.Single();
        Assert.Equal(7L, after["f"]);
        Assert.Equal(true, after["l"]);
        Assert.Equal(new Dictionary<string, object?> { ["fresh"] = 7L, ["v"] = 1L }, (IReadOnlyDictionary<string, object?>)after["m"]!);
        await tx.RollbackAsync();
    }

    [Fact]
    public async Task CachedPlan_Should_ReadKeysCreatedAfterItWasCached_When_RunAgain()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("CREATE (:T)-[:R]->(:T)");
        const string Read = "MATCH (a:T)-[r:R]->(b:T) RETURN r.w AS w, a.k AS k, b:Late AS late";
        var first = (await db.Q(Read, mode: AccessMode.Read)).Records.Single();
        Assert.Null(first["w"]);
        Assert.Null(first["k"]);
        Assert.Equal(false, first["late"]);
        await db.Q("MATCH (a:T)-[r:R]->(b:T) SET r.w = 0.5, a.k = 'x', b:Late");
        var second = (await db.Q(Read, mode: AccessMode.Read)).Records.Single();
        Assert.Equal(0.5, second["w"]);
        Assert.Equal("x", second["k"]);
        Assert.Equal(true, second["late"]);
    }

    [Fact]
    public async Task Labels_Should_GiveEachResultItsOwnList_When_NodesShareTheirLabels()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("CREATE (:A:B), (:A:B)");
        var rows = (await db.Q("MATCH (n:A) RETURN labels(n) AS l, n{__t: labels(n)} AS m", mode: AccessMode.Read)).Records;
        var first = Assert.IsAssignableFrom<IList<object?>>(rows[0]["l"]);
        Assert.Equal(new object?[] { "A", "B" }, first);
        first[0] = "changed"; // the store's shared array would change every other answer
        Assert.Equal(new object?[] { "A", "B" }, (IEnumerable<object?>)rows[1]["l"]!);
        Assert.Equal(new object?[] { "A", "B" }, (IEnumerable<object?>)((IReadOnlyDictionary<string, object?>)rows[1]["m"]!)["__t"]!);
        var again = (await db.Q("MATCH (n:A) RETURN labels(n) AS l", mode: AccessMode.Read)).Records;
        Assert.All(again, r => Assert.Equal(new object?[] { "A", "B" }, (IEnumerable<object?>)r["l"]!));
    }

    [Fact]
    public async Task MapProjection_Should_KeepWrittenOrderAndOverwrites_When_EntriesRepeatOrUseAllProperties()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("CREATE (:T {a: 1, b: 2})");
        var m = (IReadOnlyDictionary<string, object?>)(await db.Q(
            "MATCH (n:T) WITH n, 5 AS v RETURN n{.a, a: 10, .missing, .*, v, b: 20} AS m", mode: AccessMode.Read)).Records.Single()["m"]!;
        Assert.Equal(new Dictionary<string, object?> { ["a"] = 1L, ["missing"] = null, ["b"] = 20L, ["v"] = 5L }, m);
        var none = (await db.Q("OPTIONAL MATCH (n:Nope) RETURN n{.a, __t: labels(n)} AS m", mode: AccessMode.Read)).Records.Single()["m"];
        Assert.Null(none);
    }

    [Fact]
    public async Task Labels_Should_FailForANodeDeletedInTheSameStatement()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("CREATE (:A)");
        await db.Fails("MATCH (n:A) DELETE n RETURN labels(n) AS l");
    }
}
