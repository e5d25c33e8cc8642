using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests.Neo4jTools;

/// <summary>CREATE RANGE / POINT / TEXT / LOOKUP INDEX, SHOW INDEXES per type, and the planner honouring the type,
/// also after the store is reopened.</summary>
public sealed class IndexTypeTests
{
    private static IEnumerable<PlanNode> Flatten(PlanNode p) => new[] { p }.Concat(p.Children.SelectMany(Flatten));

    private static async Task<List<string>> Operators(GraphDatabase db, string query, object? parameters = null) =>
        Flatten((await db.Q("EXPLAIN " + query, parameters)).Summary.Plan!).Select(p => p.OperatorType).ToList();

    private static async Task Seed(GraphDatabase db) =>
        await db.Q("""
            UNWIND range(1, 30) AS i
            CREATE (:City {name: 'city-' + toString(i), at: point({longitude: i, latitude: 40 + i % 10}), code: CASE WHEN i % 2 = 0 THEN 'c' + toString(i) ELSE i END})
            """);

    [Fact]
    public async Task ShowIndexes_Should_GiveEachTypeItsProviderOptionsAndCreateStatement_When_PointTextRangeAndLookupExist()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await Seed(db);
        Assert.Equal(1, (await db.Q("CREATE POINT INDEX city_at FOR (c:City) ON (c.at)")).Summary.Counters.IndexesAdded);
        Assert.Equal(1, (await db.Q("CREATE TEXT INDEX city_name FOR (c:City) ON (c.name)")).Summary.Counters.IndexesAdded);
        Assert.Equal(1, (await db.Q("CREATE RANGE INDEX city_code FOR (c:City) ON (c.code)")).Summary.Counters.IndexesAdded);
        Assert.Equal(1, (await db.Q("CREATE TEXT INDEX city_code_text FOR (c:City) ON (c.code)")).Summary.Counters.IndexesAdded);

        var rows = (await db.Q("SHOW INDEXES YIELD *")).Records.ToDictionary(r => (string)r["name"]!);
        Assert.Equal(["city_at", "city_code", "city_code_text", "city_name", "index_343aff4e", "index_f7700477"], rows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("POINT", "point-1.0"), ((string)rows["city_at"]["type"]!, (string)rows["city_at"]["indexProvider"]!));
        Assert.Equal(("TEXT", "text-2.0"), ((string)rows["city_name"]["type"]!, (string)rows["city_name"]["indexProvider"]!));
        Assert.Equal(("RANGE", "range-1.0"), ((string)rows["city_code"]["type"]!, (string)rows["city_code"]["indexProvider"]!));
        var pointConfig = (IReadOnlyDictionary<string, object?>)((IReadOnlyDictionary<string, object?>)rows["city_at"]["options"]!)["indexConfig"]!;
        Assert.Equal(new List<object?> { -180.0, -90.0 }, pointConfig["spatial.wgs-84.min"]);
        Assert.Equal(8, pointConfig.Count);
        Assert.Equal(
            "CREATE POINT INDEX `city_at` FOR (n:`City`) ON (n.`at`) OPTIONS {indexConfig: {`spatial.cartesian-3d.max`: [1000000.0, 1000000.0, 1000000.0], "
            + "`spatial.cartesian-3d.min`: [-1000000.0, -1000000.0, -1000000.0], `spatial.cartesian.max`: [1000000.0, 1000000.0], `spatial.cartesian.min`: [-1000000.0, -1000000.0], "
            + "`spatial.wgs-84-3d.max`: [180.0, 90.0, 1000000.0], `spatial.wgs-84-3d.min`: [-180.0, -90.0, -1000000.0], `spatial.wgs-84.max`: [180.0, 90.0], "
            + "`spatial.wgs-84.min`: [-180.0, -90.0]}, indexProvider: 'point-1.0'}",
            rows["city_at"]["createStatement"]);
        Assert.Equal("CREATE TEXT INDEX `city_name` FOR (n:`City`) ON (n.`name`) OPTIONS {indexConfig: {}, indexProvider: 'text-2.0'}", rows["city_name"]["createStatement"]);
        Assert.Equal("CREATE RANGE INDEX `city_code` FOR (n:`City`) ON (n.`code`)", rows["city_code"]["createStatement"]);
        var lookup = rows["index_343aff4e"];
        Assert.Equal(("LOOKUP", "NODE", "token-lookup-1.0"), ((string)lookup["type"]!, (string)lookup["entityType"]!, (string)lookup["indexProvider"]!));
        Assert.Null(lookup["labelsOrTypes"]);
        Assert.Equal("CREATE LOOKUP INDEX `index_f7700477` FOR ()-[r]-() ON EACH type(r)", rows["index_f7700477"]["createStatement"]);

        Assert.Equal(["city_at"], (await db.Q("SHOW POINT INDEXES")).Column("name"));
        Assert.Equal(["city_code_text", "city_name"], (await db.Q("SHOW TEXT INDEXES")).Column("name"));
        Assert.Equal(["city_code"], (await db.Q("SHOW RANGE INDEXES")).Column("name"));
        Assert.Equal(2, (await db.Q("SHOW LOOKUP INDEXES")).Records.Count);

        // Recreating an index: same type is an equivalent, a lookup index always exists.
        Assert.Equal("Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists", (await db.Fails("CREATE POINT INDEX again FOR (c:City) ON (c.at)")).Code);
        Assert.Equal(0, (await db.Q("CREATE POINT INDEX city_at IF NOT EXISTS FOR (c:City) ON (c.at)")).Summary.Counters.IndexesAdded);
        Assert.Equal("Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists", (await db.Fails("CREATE LOOKUP INDEX node_labels FOR (n) ON EACH labels(n)")).Code);
        Assert.Equal(0, (await db.Q("CREATE LOOKUP INDEX node_labels IF NOT EXISTS FOR (n) ON EACH labels(n)")).Summary.Counters.IndexesAdded);
        Assert.Equal("Neo.ClientError.Schema.IndexDropFailed", (await db.Fails("DROP INDEX index_343aff4e")).Code);
        Assert.Equal("Neo.ClientError.Statement.SyntaxError", (await db.Fails("CREATE VECTOR INDEX v FOR (c:City) ON (c.embedding)")).Code);
        Assert.Equal("Neo.ClientError.Statement.SyntaxError", (await db.Fails("CREATE POINT INDEX two FOR (c:City) ON (c.at, c.name)")).Code);
        Assert.Equal(1, (await db.Q("DROP INDEX city_code_text")).Summary.Counters.IndexesRemoved);
    }

    [Theory]
    [InlineData("MATCH (c:City) WHERE point.withinBBox(c.at, point({longitude: 2, latitude: 40}), point({longitude: 9, latitude: 50})) RETURN c.name AS name", "city_at", "NodeIndexSeekByRange")]
    [InlineData("MATCH (c:City) WHERE point.distance(c.at, point({longitude: 5, latitude: 45})) < 300000 RETURN c.name AS name", "city_at", "NodeIndexSeekByRange")]
    [InlineData("MATCH (c:City) WHERE c.at = point({longitude: 5, latitude: 45}) RETURN c.name AS name", "city_at", "NodeIndexSeek")]
    [InlineData("MATCH (c:City) WHERE c.name = 'city-7' RETURN c.name AS name", "city_name", "NodeIndexSeek")]
    [InlineData("MATCH (c:City {name: $name}) RETURN c.name AS name", "city_name", "NodeIndexSeek")]
    [InlineData("MATCH (c:City) WHERE c.name STARTS WITH 'city-1' RETURN c.name AS name", "city_name", "NodeIndexSeekByRange")]
    public async Task Planner_Should_SeekAnIndexOfTheRightType_And_MatchTheScan(string query, string index, string seek)
    {
        await using var db = GraphDatabase.CreateInMemory();
        await Seed(db);
        var parameters = new { name = "city-12" };
        var scanned = (await db.Q(query, parameters)).Column("name").Cast<string>().Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(scanned);
        Assert.DoesNotContain(seek, await Operators(db, query, parameters));
        await db.Q(index == "city_at" ? "CREATE POINT INDEX city_at FOR (c:City) ON (c.at)" : "CREATE TEXT INDEX city_name FOR (c:City) ON (c.name)");
        Assert.Contains(seek, await Operators(db, query, parameters));
        Assert.Equal(scanned, (await db.Q(query, parameters)).Column("name").Cast<string>().Order(StringComparer.Ordinal).ToList());
    }

    [Theory]
    // A POINT index does not serve strings, numbers or ranges; a TEXT index does not serve numbers, ranges or points.
    [InlineData("CREATE POINT INDEX i FOR (c:City) ON (c.name)", "MATCH (c:City) WHERE c.name = 'city-7' RETURN c.name AS name")]
    [InlineData("CREATE POINT INDEX i FOR (c:City) ON (c.code)", "MATCH (c:City) WHERE c.code > 10 RETURN c.name AS name")]
    [InlineData("CREATE TEXT INDEX i FOR (c:City) ON (c.code)", "MATCH (c:City) WHERE c.code = 7 RETURN c.name AS name")]
    [InlineData("CREATE TEXT INDEX i FOR (c:City) ON (c.code)", "MATCH (c:City) WHERE c.code < 'c3' RETURN c.name AS name")]
    [InlineData("CREATE TEXT INDEX i FOR (c:City) ON (c.at)", "MATCH (c:City) WHERE point.distance(c.at, point({longitude: 5, latitude: 45})) < 300000 RETURN c.name AS name")]
    [InlineData("CREATE RANGE INDEX i FOR (c:City) ON (c.at)", "MATCH (c:City) WHERE point.withinBBox(c.at, point({longitude: 2, latitude: 40}), point({longitude: 9, latitude: 50})) RETURN c.name AS name")]
    public async Task Planner_Should_ScanTheLabel_When_TheIndexTypeDoesNotServeThePredicate(string create, string query)
    {
        await using var db = GraphDatabase.CreateInMemory();
        await Seed(db);
        var scanned = (await db.Q(query)).Column("name").Cast<string>().Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(scanned);
        await db.Q(create);
        var ops = await Operators(db, query);
        Assert.Contains("NodeByLabelScan", ops);
        Assert.DoesNotContain("NodeIndexSeek", ops);
        Assert.DoesNotContain("NodeIndexSeekByRange", ops);
        Assert.Equal(scanned, (await db.Q(query)).Column("name").Cast<string>().Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task DurableDatabase_Should_ListAndUseEachIndexType_AfterReopen()
    {
        var dir = Path.Combine(Path.GetTempPath(), "kg-cypher-index-types-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var db = GraphDatabase.Open(dir))
            {
                await Seed(db);
                await db.Q("CREATE POINT INDEX city_at FOR (c:City) ON (c.at)");
                await db.Q("CREATE TEXT INDEX city_name FOR (c:City) ON (c.name)");
                await db.Q("CREATE INDEX city_code FOR (c:City) ON (c.code)");
                await db.Q("CREATE (:City {name: 'late', at: point({longitude: 3, latitude: 44}), code: 'late'})");
            }

            await using (var db = GraphDatabase.Open(dir))
            {
                var types = (await db.Q("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name, type ORDER BY name")).Records.Select(r => ((string)r["name"]!, (string)r["type"]!));
                Assert.Equal([("city_at", "POINT"), ("city_code", "RANGE"), ("city_name", "TEXT")], types);
                const string bbox = "MATCH (c:City) WHERE point.withinBBox(c.at, point({longitude: 2.5, latitude: 42.5}), point({longitude: 3.5, latitude: 44.5})) RETURN c.name AS name";
                Assert.Contains("NodeIndexSeekByRange", await Operators(db, bbox));
                Assert.Equal(["city-3", "late"], (await db.Q(bbox)).Column("name").Cast<string>().Order(StringComparer.Ordinal));
                Assert.Contains("NodeIndexSeek", await Operators(db, "MATCH (c:City) WHERE c.name = 'late' RETURN c"));
            }
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
