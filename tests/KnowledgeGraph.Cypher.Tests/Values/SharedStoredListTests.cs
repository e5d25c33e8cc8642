using KnowledgeGraph.Cypher.Planning;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests.Values;

/// <summary>
/// The engine reads stored list properties without copying them (the store's own arrays). Nothing that reaches a
/// client or a write may be that array: a client modifying a result list, a SET of one property from another, or a
/// SET replacing the list must never change what the store holds or what an earlier read returned.
/// </summary>
public sealed class SharedStoredListTests
{
    private static async Task<GraphDatabase> Graph()
    {
        var db = GraphDatabase.CreateInMemory();
        await db.Q("CREATE (a:N {k: 1, tags: ['x', 'y']})-[:R {origins: ['s1', 's2']}]->(b:N {k: 2, tags: ['z']})");
        return db;
    }

    private static List<object?> Strings(params string[] items) => [.. items];

    [Fact]
    public async Task StoredList_Should_StayUnchanged_When_AClientModifiesTheResultList()
    {
        await using var db = await Graph();
        var first = await db.Q("MATCH (a:N {k: 1})-[r:R]->() RETURN r.origins AS o, a.tags AS t, [r.origins, a.tags] AS both, {o: r.origins} AS m");
        var record = first.Records.Single();
        var o = Assert.IsType<List<object?>>(record["o"]);
        o[0] = "changed";
        o.Add("more");
        var t = Assert.IsType<List<object?>>(record["t"]);
        t.Clear();
        var both = Assert.IsType<List<object?>>(record["both"]);
        Assert.IsType<List<object?>>(both[0]).Add("nested");
        var m = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(record["m"]);
        Assert.IsType<List<object?>>(m["o"]).RemoveAt(0);

        var again = (await db.Q("MATCH (a:N {k: 1})-[r:R]->() RETURN r.origins AS o, a.tags AS t")).Records.Single();
        Assert.Equal(Strings("s1", "s2"), again["o"]);
        Assert.Equal(Strings("x", "y"), again["t"]);
        Assert.NotSame(again["o"], o);
    }

    [Fact]
    public async Task StoredList_Should_StayUnchanged_When_ASetCopiesItAndAnotherSetReplacesIt()
    {
        await using var db = await Graph();
        await using (var session = db.OpenSession())
        await using (var tx = await session.BeginTransactionAsync())
        {
            // Read, copy into another property, replace the original, and return what was read before the writes.
            var inside = await (await tx.RunAsync(
                "MATCH (a:N {k: 1})-[r:R]->() WITH a, r, a.tags AS before, r.origins AS rbefore " +
                "SET a.copy = a.tags, r.copy = r.origins SET a.tags = a.tags + ['w'], r.origins = ['s3'] " +
                "RETURN before, rbefore, a.copy AS copy, a.tags AS tags, r.copy AS rcopy, r.origins AS origins")).ToEagerAsync();
            var row = inside.Records.Single();
            Assert.Equal(Strings("x", "y"), row["before"]);
            Assert.Equal(Strings("s1", "s2"), row["rbefore"]);
            Assert.Equal(Strings("x", "y"), row["copy"]);
            Assert.Equal(Strings("x", "y", "w"), row["tags"]);
            Assert.Equal(Strings("s1", "s2"), row["rcopy"]);
            Assert.Equal(Strings("s3"), row["origins"]);
            await tx.CommitAsync();
        }

        var after = (await db.Q("MATCH (a:N {k: 1})-[r:R]->() RETURN a.copy AS copy, a.tags AS tags, r.copy AS rcopy, r.origins AS origins")).Records.Single();
        Assert.Equal(Strings("x", "y"), after["copy"]);
        Assert.Equal(Strings("x", "y", "w"), after["tags"]);
        Assert.Equal(Strings("s1", "s2"), after["rcopy"]);
        Assert.Equal(Strings("s3"), after["origins"]);
    }

    [Fact]
    public async Task StoredList_Should_GiveTheInterpretersAnswers_When_ListOperatorsBuildOnIt()
    {
        await using var db = await Graph();
        const string query =
            "MATCH (a:N)-[r:R]->(b:N) WITH a, r, b, reduce(o = [], x IN r.origins + a.tags | o + [x]) AS all " +
            "RETURN all, reverse(r.origins) AS rev, [x IN a.tags WHERE x <> 'x'] AS kept, r.origins[0] AS first, " +
            "size(r.origins) AS n, a.tags + b.tags AS joined, r.origins AS o";
        var planned = (await db.Q(query)).Records.Single();
        List<object?> interpreted;
        using (PlannerSwitch.UseInterpreter())
            interpreted = [.. (await db.Q(query)).Records.Single().Values];
        Assert.Equal(interpreted, planned.Values.ToList());
        Assert.Equal(Strings("s1", "s2", "x", "y"), planned["all"]);
        Assert.Equal(Strings("s2", "s1"), planned["rev"]);
        Assert.Equal(Strings("s1", "s2"), planned["o"]);
        var stored = (await db.Q("MATCH (a:N {k: 1})-[r:R]->() RETURN r.origins AS o, a.tags AS t")).Records.Single();
        Assert.Equal(Strings("s1", "s2"), stored["o"]);
        Assert.Equal(Strings("x", "y"), stored["t"]);
    }

    [Fact]
    public async Task StoredList_Should_StayUnchanged_When_AHostProcedureWritesIntoItsListArgument()
    {
        await using var db = await Graph();
        db.RegisterProcedure(new ProcedureSignature("test.scribble", [new("l", "ANY?")], [new("done", "BOOLEAN?")]), (args, _) =>
        {
            // Whatever list type the engine hands over, write into it (and into nested ones) where it is writable.
            static void Scribble(object? v)
            {
                switch (v)
                {
                    case object?[] a: for (var i = 0; i < a.Length; i++) { Scribble(a[i]); a[i] = "scribbled"; } break;
                    case List<object?> l: for (var i = 0; i < l.Count; i++) { Scribble(l[i]); l[i] = "scribbled"; } break;
                    case Dictionary<string, object?> m: foreach (var k in m.Keys.ToList()) { Scribble(m[k]); m[k] = "scribbled"; } break;
                }
            }
            Scribble(args[0]);
            return [[true]];
        });
        foreach (var argument in new[] { "r.origins", "[r.origins, a.tags]", "{o: r.origins, t: [a.tags]}" })
            await db.Q("MATCH (a:N {k: 1})-[r:R]->() CALL test.scribble(" + argument + ") YIELD done RETURN done");
        var again = (await db.Q("MATCH (a:N {k: 1})-[r:R]->() RETURN r.origins AS o, a.tags AS t")).Records.Single();
        Assert.Equal(Strings("s1", "s2"), again["o"]);
        Assert.Equal(Strings("x", "y"), again["t"]);
    }
}
