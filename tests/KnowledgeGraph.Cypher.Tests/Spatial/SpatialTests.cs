using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;
using KnowledgeGraph.Spatial;

namespace KnowledgeGraph.Cypher.Tests.Spatial;

/// <summary>Spatial values on the embedded engine: point() in the four CRS, properties, distance, bounding boxes,
/// equality and ordering as in Neo4j, toString, storage across reopen, and POINT index seeks.</summary>
public sealed class SpatialTests
{
    private static IEnumerable<PlanNode> Flatten(PlanNode p) => new[] { p }.Concat(p.Children.SelectMany(Flatten));

    [Theory]
    [InlineData("point({x: 1, y: 2})", 7203, "cartesian", 1.0, 2.0, null)]
    [InlineData("point({x: 1, y: 2, z: 3})", 9157, "cartesian-3d", 1.0, 2.0, 3.0)]
    [InlineData("point({longitude: 30.52, latitude: 50.45})", 4326, "wgs-84", 30.52, 50.45, null)]
    [InlineData("point({longitude: 30.52, latitude: 50.45, height: 179})", 4979, "wgs-84-3d", 30.52, 50.45, 179.0)]
    [InlineData("point({x: 30.52, y: 50.45, crs: 'WGS-84'})", 4326, "wgs-84", 30.52, 50.45, null)]
    [InlineData("point({x: 1, y: 2, srid: 7203})", 7203, "cartesian", 1.0, 2.0, null)]
    [InlineData("point({x: 1, y: 2, z: 3, srid: 4979})", 4979, "wgs-84-3d", 1.0, 2.0, 3.0)]
    public async Task Point_Should_HaveCrsSridAndCoordinates_When_BuiltFromAMap(string expression, long srid, string crs, double x, double y, double? z)
    {
        await using var db = GraphDatabase.CreateInMemory();
        var r = (await db.Q($"WITH {expression} AS p RETURN p, p.srid AS srid, p.crs AS crs, p.x AS x, p.y AS y")).Records.Single();
        Assert.Equal((srid, crs, x, y), ((long)r["srid"]!, (string)r["crs"]!, (double)r["x"]!, (double)r["y"]!));
        var p = Assert.IsType<CypherPoint>(r["p"]);
        Assert.Equal(z, p.Z);
        if (z is not null) Assert.Equal(z, (await db.Q($"RETURN {expression}.z AS z")).Records.Single()["z"]);
    }

    [Fact]
    public async Task GeographicProperties_Should_NameLongitudeLatitudeHeight_When_PointIsWgs84()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var r = (await db.Q("WITH point({longitude: 30.52, latitude: 50.45, height: 179.5}) AS p RETURN p.longitude AS lon, p.latitude AS lat, p.height AS h, p.x AS x")).Records.Single();
        Assert.Equal((30.52, 50.45, 179.5, 30.52), ((double)r["lon"]!, (double)r["lat"]!, (double)r["h"]!, (double)r["x"]!));
        var e = await db.Fails("RETURN point({x: 1, y: 2}).latitude");
        Assert.Equal(ErrorCodes.ArgumentError, e.Code);
        Assert.Equal(ErrorCodes.ArgumentError, (await db.Fails("RETURN point({x: 1, y: 2}).z")).Code);
    }

    [Theory]
    [InlineData("RETURN point({y: 2})")]
    [InlineData("RETURN point({x: 1, y: 2, crs: 'mars'})")]
    [InlineData("RETURN point({x: 1, y: 2, srid: 1234})")]
    [InlineData("RETURN point({longitude: 1, latitude: 91})")]
    [InlineData("RETURN point({x: 1, y: 2, crs: 'cartesian-3d'})")]
    [InlineData("RETURN point({x: 1, latitude: 2})")]
    public async Task Point_Should_FailWithArgumentError_When_MapIsNotAPoint(string query)
    {
        await using var db = GraphDatabase.CreateInMemory();
        Assert.Equal(ErrorCodes.ArgumentError, (await db.Fails(query)).Code);
    }

    [Fact]
    public async Task Point_Should_BeNull_When_MapOrACoordinateIsNull()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var r = (await db.Q("RETURN point(null) AS a, point({x: null, y: 1}) AS b")).Records.Single();
        Assert.Null(r["a"]);
        Assert.Null(r["b"]);
    }

    [Fact]
    public async Task Distance_Should_BeEuclideanOrHaversine_When_CrsMatchesAndNullOtherwise()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var r = (await db.Q("""
            RETURN point.distance(point({x: 0, y: 0}), point({x: 3, y: 4})) AS flat,
                   point.distance(point({x: 0, y: 0, z: 0}), point({x: 2, y: 3, z: 6})) AS space,
                   point.distance(point({longitude: 30.5234, latitude: 50.4501}), point({longitude: 21.0122, latitude: 52.2297})) AS kyivWarsaw,
                   point.distance(point({longitude: 0, latitude: 0, height: 0}), point({longitude: 0, latitude: 0, height: 100})) AS up,
                   point.distance(point({x: 0, y: 0}), point({longitude: 0, latitude: 0})) AS mixed,
                   point.distance(null, point({x: 0, y: 0})) AS none
            """)).Records.Single();
        Assert.Equal(5.0, r["flat"]);
        Assert.Equal(7.0, r["space"]);
        // Haversine on Neo4j's sphere (R = 6378140 m): Kyiv to Warsaw is about 690 km.
        Assert.InRange((double)r["kyivWarsaw"]!, 689_000, 692_000);
        Assert.Equal(100.0, (double)r["up"]!, 6);
        Assert.Null(r["mixed"]);
        Assert.Null(r["none"]);
    }

    [Fact]
    public async Task WithinBBox_Should_IncludeEdgesAndCrossTheDateline_When_Geographic()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var r = (await db.Q("""
            RETURN point.withinBBox(point({x: 1, y: 1}), point({x: 0, y: 0}), point({x: 1, y: 2})) AS edge,
                   point.withinBBox(point({x: 3, y: 1}), point({x: 0, y: 0}), point({x: 1, y: 2})) AS outside,
                   point.withinBBox(point({longitude: 179.5, latitude: 0}), point({longitude: 179, latitude: -1}), point({longitude: -179, latitude: 1})) AS dateline,
                   point.withinBBox(point({longitude: 0, latitude: 0}), point({longitude: 179, latitude: -1}), point({longitude: -179, latitude: 1})) AS farSide,
                   point.withinBBox(point({x: 1, y: 1}), point({longitude: 0, latitude: 0}), point({longitude: 2, latitude: 2})) AS mixed
            """)).Records.Single();
        Assert.Equal((true, false, true, false), ((bool)r["edge"]!, (bool)r["outside"]!, (bool)r["dateline"]!, (bool)r["farSide"]!));
        Assert.Null(r["mixed"]);
    }

    [Fact]
    public async Task Comparison_Should_FollowNeo4j_When_PointsAreComparedAndOrdered()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var r = (await db.Q("""
            RETURN point({x: 1, y: 2}) = point({x: 1.0, y: 2.0}) AS same,
                   point({x: 1, y: 2}) = point({x: 1, y: 3}) AS different,
                   point({x: 1, y: 2}) = point({longitude: 1, latitude: 2}) AS otherCrs,
                   point({x: 1, y: 2}) < point({x: 2, y: 2}) AS less,
                   point({x: 1, y: 2}) <> point({longitude: 1, latitude: 2}) AS notEqual
            """)).Records.Single();
        Assert.Equal((true, false, false, true), ((bool)r["same"]!, (bool)r["different"]!, (bool)r["otherCrs"]!, (bool)r["notEqual"]!));
        Assert.Null(r["less"]);

        var ordered = (await db.Q("""
            UNWIND [point({x: 2, y: 0}), 'text', point({longitude: 1, latitude: 1}), point({x: 1, y: 5}), duration('P1D')] AS v
            RETURN v ORDER BY v
            """)).Column("v");
        Assert.IsType<CypherPoint>(ordered[2]);
        Assert.Equal([4326, 7203, 7203], ordered.Skip(1).Take(3).Cast<CypherPoint>().Select(p => p.Srid).ToArray());
        Assert.Equal(1.0, ((CypherPoint)ordered[2]!).X);
        Assert.Equal("text", ordered[4]);
        Assert.Equal(2, (await db.Q("UNWIND [point({x: 1, y: 2}), point({x: 1, y: 2}), point({x: 2, y: 1})] AS p RETURN DISTINCT p")).Records.Count);
    }

    [Fact]
    public async Task ToString_Should_PrintLikeNeo4j_When_GivenPoints()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var r = (await db.Q("RETURN toString(point({x: 1, y: 2.5})) AS a, toString(point({longitude: 30.5, latitude: 50, height: 1})) AS b, valueType(point({x: 1, y: 2})) AS t")).Records.Single();
        Assert.Equal("point({x: 1.0, y: 2.5, crs: 'cartesian'})", r["a"]);
        Assert.Equal("point({x: 30.5, y: 50.0, z: 1.0, crs: 'wgs-84-3d'})", r["b"]);
        Assert.Equal("POINT NOT NULL", r["t"]);
    }

    [Fact]
    public async Task PointProperties_Should_SurviveReopen_When_StoredOnNodesAndRelationships()
    {
        var dir = Path.Combine(Path.GetTempPath(), "kg-spatial-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var db = GraphDatabase.Open(dir))
            {
                await db.Q("""
                    CREATE (:Place {name: 'Kyiv', at: point({longitude: 30.5234, latitude: 50.4501}), up: point({longitude: 30.5, latitude: 50.4, height: 179.0})})
                           -[:ROUTE {via: [point({x: 1, y: 2}), point({x: 3, y: 4})], mid: point({x: 1, y: 2, z: 3})}]->
                           (:Place {name: 'Warsaw', at: $warsaw})
                    """, new { warsaw = new CypherPoint(CypherPoint.Wgs84, 21.0122, 52.2297) });
            }
            await using (var db = GraphDatabase.Open(dir))
            {
                var r = (await db.Q("MATCH (k:Place {name: 'Kyiv'})-[r:ROUTE]->(w:Place) RETURN k.at AS k, k.up AS up, w.at AS w, r.via AS via, r.mid AS mid")).Records.Single();
                Assert.Equal(new CypherPoint(CypherPoint.Wgs84, 30.5234, 50.4501), r["k"]);
                Assert.Equal(new CypherPoint(CypherPoint.Wgs843D, 30.5, 50.4, 179.0), r["up"]);
                Assert.Equal(new CypherPoint(CypherPoint.Wgs84, 21.0122, 52.2297), r["w"]);
                Assert.Equal(new object?[] { new CypherPoint(CypherPoint.Cartesian, 1, 2), new CypherPoint(CypherPoint.Cartesian, 3, 4) }, (IEnumerable<object?>)r["via"]!);
                Assert.Equal(new CypherPoint(CypherPoint.Cartesian3D, 1, 2, 3), r["mid"]);
                // Mixed lists are refused like any other mixed list.
                Assert.Equal(ErrorCodes.TypeError, (await db.Fails("CREATE (:Bad {p: [point({x: 1, y: 2}), 3]})")).Code);
            }
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<GraphDatabase> Places()
    {
        var db = GraphDatabase.CreateInMemory();
        // A 21 x 11 grid of cities over Europe (1 degree apart), a cartesian twin grid, a city without a point and one across the 180th meridian.
        await db.Q("""
            UNWIND range(10, 30) AS lon UNWIND range(40, 50) AS lat
            CREATE (:City {name: lon + '/' + lat, at: point({longitude: lon, latitude: lat})})
            """);
        await db.Q("UNWIND range(10, 30) AS x UNWIND range(40, 50) AS y CREATE (:City {name: 'c' + x + '/' + y, at: point({x: x, y: y})})");
        await db.Q("CREATE (:City {name: 'none'}), (:City {name: 'far', at: point({longitude: 179.5, latitude: 45})})");
        return db;
    }

    private static async Task<List<object?>> Names(GraphDatabase db, string query, object? p = null) =>
        (await db.Q(query + " RETURN c.name AS name ORDER BY name", p)).Column("name");

    [Theory]
    [InlineData("MATCH (c:City) WHERE point.withinBBox(c.at, point({longitude: 12, latitude: 44}), point({longitude: 14, latitude: 45}))", 6)]
    [InlineData("MATCH (c:City) WHERE point.withinBBox(c.at, point({x: 12, y: 44}), point({x: 14, y: 45}))", 6)]
    [InlineData("MATCH (c:City) WHERE point.withinBBox(c.at, point({longitude: 179, latitude: 44}), point({longitude: -179, latitude: 46}))", 1)]
    [InlineData("MATCH (c:City) WHERE point.distance(c.at, point({longitude: 20, latitude: 45})) < 120000", 5)]
    [InlineData("MATCH (c:City) WHERE 1.5 >= point.distance(point({x: 20, y: 45}), c.at)", 9)]
    [InlineData("MATCH (c:City) WHERE point.distance(c.at, $centre) <= $radius", 5)]
    public async Task PointIndex_Should_SeekAndMatchTheScan_When_QueryBoundsABoxOrCircle(string query, int expectedCount)
    {
        await using var db = await Places();
        var parameters = new { centre = new CypherPoint(CypherPoint.Wgs84, 20, 45), radius = 120000.0 };
        var scanned = await Names(db, query, parameters);
        Assert.Equal(expectedCount, scanned.Count);

        await db.Q("CREATE POINT INDEX city_at FOR (c:City) ON (c.at)");
        var ops = Flatten((await db.Q("EXPLAIN " + query + " RETURN c", parameters)).Summary.Plan!).Select(x => x.OperatorType).ToList();
        Assert.Contains("NodeIndexSeekByRange", ops);
        Assert.Equal(scanned, await Names(db, query, parameters));
        // The seek touched a slice of the index, not the whole label.
        var profiled = await db.Q("PROFILE " + query + " RETURN c", parameters);
        Assert.True(Flatten(profiled.Summary.Plan!).Sum(x => x.DbHits) < 470, $"{Flatten(profiled.Summary.Plan!).Sum(x => x.DbHits)} db hits");
    }
}
