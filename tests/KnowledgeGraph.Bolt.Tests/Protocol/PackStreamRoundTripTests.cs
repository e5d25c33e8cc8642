using Xunit;
using KnowledgeGraph.Bolt.Protocol.PackStream;
using KnowledgeGraph.Temporal;
using KnowledgeGraph.Values;

namespace KnowledgeGraph.Bolt.Tests.Protocol;

public sealed class PackStreamRoundTripTests
{
    private static (byte[] Bytes, object? Value) RoundTrip(object? value)
    {
        var writer = new PackStreamWriter();
        writer.WriteValue(value);
        var bytes = writer.Written.ToArray();
        var reader = new PackStreamReader(bytes);
        var back = reader.ReadValue();
        Assert.Equal(0, reader.Remaining);
        return (bytes, back);
    }

    [Theory]
    [InlineData(0L, 1, 0x00)]
    [InlineData(127L, 1, 0x7F)]
    [InlineData(-1L, 1, 0xFF)]
    [InlineData(-16L, 1, 0xF0)]
    [InlineData(-17L, 2, 0xC8)]
    [InlineData(-128L, 2, 0xC8)]
    [InlineData(128L, 3, 0xC9)]
    [InlineData(-129L, 3, 0xC9)]
    [InlineData(32767L, 3, 0xC9)]
    [InlineData(-32768L, 3, 0xC9)]
    [InlineData(32768L, 5, 0xCA)]
    [InlineData(-32769L, 5, 0xCA)]
    [InlineData(2147483647L, 5, 0xCA)]
    [InlineData(-2147483648L, 5, 0xCA)]
    [InlineData(2147483648L, 9, 0xCB)]
    [InlineData(-2147483649L, 9, 0xCB)]
    [InlineData(long.MaxValue, 9, 0xCB)]
    [InlineData(long.MinValue, 9, 0xCB)]
    public void Integer_Should_UseSmallestSizeClass_When_AtEveryBoundary(long value, int size, int marker)
    {
        var (bytes, back) = RoundTrip(value);
        Assert.Equal(size, bytes.Length);
        Assert.Equal(marker, bytes[0]);
        Assert.Equal(value, back);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.MaxValue)]
    [InlineData(double.Epsilon)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Float_Should_RoundTripBitForBit_When_Special(double value)
    {
        var (bytes, back) = RoundTrip(value);
        Assert.Equal(9, bytes.Length);
        Assert.Equal(0xC1, bytes[0]);
        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits((double)back!));
    }

    [Theory]
    [InlineData(0, 0x80, 1)]
    [InlineData(15, 0x8F, 1)]
    [InlineData(16, 0xD0, 2)]
    [InlineData(255, 0xD0, 2)]
    [InlineData(256, 0xD1, 3)]
    [InlineData(65535, 0xD1, 3)]
    [InlineData(65536, 0xD2, 5)]
    public void String_Should_UseSizeClass_When_AtEveryBoundary(int length, int marker, int headerSize)
    {
        var value = new string('a', length);
        var (bytes, back) = RoundTrip(value);
        Assert.Equal(marker, bytes[0]);
        Assert.Equal(length + headerSize, bytes.Length);
        Assert.Equal(value, back);
    }

    [Fact]
    public void String_Should_CountUtf8Bytes_When_Multibyte()
    {
        const string value = "Київ — 東京 — 🇺🇦";
        var (bytes, back) = RoundTrip(value);
        Assert.Equal(value, back);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(value), bytes.Length - 2);
    }

    [Theory]
    [InlineData(0, 0xCC, 2)]
    [InlineData(255, 0xCC, 2)]
    [InlineData(256, 0xCD, 3)]
    [InlineData(65535, 0xCD, 3)]
    [InlineData(65536, 0xCE, 5)]
    public void Bytes_Should_UseSizeClass_When_AtEveryBoundary(int length, int marker, int headerSize)
    {
        var value = Enumerable.Range(0, length).Select(i => (byte)i).ToArray();
        var (bytes, back) = RoundTrip(value);
        Assert.Equal(marker, bytes[0]);
        Assert.Equal(length + headerSize, bytes.Length);
        Assert.Equal(value, (byte[])back!);
    }

    [Theory]
    [InlineData(0, 0x90)]
    [InlineData(15, 0x9F)]
    [InlineData(16, 0xD4)]
    [InlineData(255, 0xD4)]
    [InlineData(256, 0xD5)]
    [InlineData(65535, 0xD5)]
    [InlineData(65536, 0xD6)]
    public void List_Should_UseSizeClass_When_AtEveryBoundary(int count, int marker)
    {
        var value = Enumerable.Range(0, count).Select(i => (object?)(long)(i % 100)).ToList();
        var (bytes, back) = RoundTrip(value);
        Assert.Equal(marker, bytes[0]);
        Assert.Equal(value, (IReadOnlyList<object?>)back!);
    }

    [Theory]
    [InlineData(0, 0xA0)]
    [InlineData(15, 0xAF)]
    [InlineData(16, 0xD8)]
    [InlineData(255, 0xD8)]
    [InlineData(256, 0xD9)]
    [InlineData(65535, 0xD9)]
    [InlineData(65536, 0xDA)]
    public void Map_Should_UseSizeClass_When_AtEveryBoundary(int count, int marker)
    {
        var value = Enumerable.Range(0, count).ToDictionary(i => $"k{i}", i => (object?)(long)i);
        var (bytes, back) = RoundTrip(value);
        Assert.Equal(marker, bytes[0]);
        var map = (IReadOnlyDictionary<string, object?>)back!;
        Assert.Equal(count, map.Count);
        foreach (var (k, v) in value) Assert.Equal(v, map[k]);
    }

    [Fact]
    public void Scalars_Should_RoundTrip_When_NullAndBooleans()
    {
        Assert.Equal([0xC0], RoundTrip(null).Bytes);
        Assert.Equal(true, RoundTrip(true).Value);
        Assert.Equal(false, RoundTrip(false).Value);
        Assert.Equal([0xC3], RoundTrip(true).Bytes);
    }

    [Fact]
    public void NestedValues_Should_RoundTrip_When_ListsInMapsInLists()
    {
        var value = new List<object?>
        {
            new Dictionary<string, object?> { ["a"] = new List<object?> { 1L, "x", null, new Dictionary<string, object?> { ["deep"] = 2.5 } } },
            new List<object?>(),
        };
        var back = (IReadOnlyList<object?>)RoundTrip(value).Value!;
        var inner = (IReadOnlyList<object?>)((IReadOnlyDictionary<string, object?>)back[0]!)["a"]!;
        Assert.Equal(1L, inner[0]);
        Assert.Equal("x", inner[1]);
        Assert.Null(inner[2]);
        Assert.Equal(2.5, ((IReadOnlyDictionary<string, object?>)inner[3]!)["deep"]);
        Assert.Empty((IReadOnlyList<object?>)back[1]!);
    }

    public static TheoryData<object> Temporals() => new()
    {
        new CypherDate(-719162), new CypherDate(0), new CypherDate(20000),
        new CypherTime(3_600_000_000_123, 3600), new CypherTime(0, -64800),
        new CypherLocalTime(86_399_999_999_999),
        new CypherDateTime(1_700_000_000, 123_456_789, 7200, null),
        new CypherDateTime(1_700_000_000, 5, 3600, "Europe/Berlin"),
        new CypherLocalDateTime(-62_135_596_800, 999_999_999),
        new CypherDuration(14, -3, 3661, 500), new CypherDuration(0, 0, -5, -7),
    };

    [Theory]
    [MemberData(nameof(Temporals))]
    public void Temporal_Should_RoundTrip_When_EveryType(object value)
    {
        Assert.Equal(value, RoundTrip(value).Value);
    }

    [Fact]
    public void DateTimeZoneId_Should_UseSignatureLowerI_And_ComputeOffset_When_ZoneGiven()
    {
        // 2023-07-01T00:00Z: Berlin is on summer time (+02:00).
        var (bytes, back) = RoundTrip(new CypherDateTime(1_688_169_600, 0, 0, "Europe/Berlin"));
        Assert.Equal((byte)'i', bytes[1]);
        Assert.Equal(7200, ((CypherDateTime)back!).OffsetSeconds);
        Assert.Equal((byte)'I', RoundTrip(new CypherDateTime(0, 0, 0, null)).Bytes[1]);
    }

    [Fact]
    public void DateTimeZoneId_Should_DecodeToTheEnginesOffset_When_TheZoneHasSecondsPreciseHistory()
    {
        // 1818 Stockholm: local mean time +00:53:28, which TimeZoneInfo alone rounds to minutes.
        var instant = new DateTimeOffset(1818, 7, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var engine = TemporalFunctions.DateTimeAtInstant(instant, 0, "Europe/Stockholm");

        var (_, back) = RoundTrip(engine);

        Assert.Equal(engine, back);
        Assert.Equal(TemporalFunctions.ZoneOffsetAt("Europe/Stockholm", instant), ((CypherDateTime)back!).OffsetSeconds);
    }

    private static GraphNode Node(long id, params string[] labels) =>
        new(id, $"4:db:{id}", labels, new Dictionary<string, object?> { ["name"] = $"n{id}" });

    [Fact]
    public void Node_Should_RoundTrip_When_ElementIdPresent()
    {
        var node = Node(7, "Country", "Actor");
        var back = (GraphNode)RoundTrip(node).Value!;
        Assert.Equal(node.Id, back.Id);
        Assert.Equal("4:db:7", back.ElementId);
        Assert.Equal(["Country", "Actor"], back.Labels);
        Assert.Equal("n7", back.Properties["name"]);
    }

    [Fact]
    public void Relationship_Should_RoundTrip_When_ElementIdsPresent()
    {
        var rel = new GraphRelationship(3, "5:db:3", 1, "4:db:1", 2, "4:db:2", "MEDIATES", new Dictionary<string, object?> { ["w"] = 1.5 });
        var (bytes, back) = RoundTrip(rel);
        Assert.Equal(0xB8, bytes[0]);
        var r = (GraphRelationship)back!;
        Assert.Equal(rel with { }, r);
        Assert.Equal(("5:db:3", "4:db:1", "4:db:2", "MEDIATES"), (r.ElementId, r.StartNodeElementId, r.EndNodeElementId, r.Type));
        Assert.Equal(1.5, r.Properties["w"]);
    }

    [Fact]
    public void Path_Should_RoundTripDirections_When_HopsGoBothWaysAndRevisitNodes()
    {
        var a = Node(1, "A");
        var b = Node(2, "B");
        var ab = new GraphRelationship(10, "5:db:10", 1, a.ElementId, 2, b.ElementId, "T", new Dictionary<string, object?>());
        // a -[ab]-> b <-[ab reversed use]- ... : a, b, a walking ab forwards then backwards.
        var path = new GraphPath([a, b, a], [ab, ab]);
        var back = (GraphPath)RoundTrip(path).Value!;
        Assert.Equal([1L, 2L, 1L], back.Nodes.Select(n => n.Id));
        Assert.All(back.Relationships, r => Assert.Equal((1L, 2L, "4:db:1", "4:db:2"), (r.StartNodeId, r.EndNodeId, r.StartNodeElementId, r.EndNodeElementId)));
        Assert.Equal(path, back);
    }

    [Fact]
    public void Path_Should_RoundTrip_When_SingleNode()
    {
        var path = new GraphPath([Node(5)], []);
        var back = (GraphPath)RoundTrip(path).Value!;
        Assert.Equal(0, back.Length);
        Assert.Equal(5L, back.Start.Id);
    }

    [Fact]
    public void UnknownStructure_Should_BeKept_When_SignatureIsNotKnown()
    {
        var unknown = new PackStreamStructure((byte)'z', [4326L, 1.0, 2.0]);
        var back = (PackStreamStructure)RoundTrip(unknown).Value!;
        Assert.Equal((byte)'z', back.Signature);
        Assert.Equal([4326L, 1.0, 2.0], back.Fields);
    }

    [Theory]
    [InlineData(7203, 1.5, -2.0, null)]
    [InlineData(9157, 1.0, 2.0, 3.0)]
    [InlineData(4326, 30.5234, 50.4501, null)]
    [InlineData(4979, 30.5234, 50.4501, 179.0)]
    public void Point_Should_RoundTripAsPoint2DOr3D_When_WrittenAndRead(int srid, double x, double y, double? z)
    {
        var point = new KnowledgeGraph.Spatial.CypherPoint(srid, x, y, z);
        var writer = new PackStreamWriter();
        writer.WriteValue(point);
        // Struct marker B3 / B4, then the signature X (Point2D) or Y (Point3D), as Neo4j sends them.
        Assert.Equal(z is null ? new byte[] { 0xB3, (byte)'X' } : [0xB4, (byte)'Y'], writer.Written.Span[..2].ToArray());
        Assert.Equal(point, RoundTrip(point).Value);
    }

    [Fact]
    public void PointFromNeo4j_Should_DecodeToAPoint_When_StructureIsPoint2D()
    {
        var back = RoundTrip(new PackStreamStructure((byte)'X', [4326L, 1.0, 2.0])).Value;
        Assert.Equal(new KnowledgeGraph.Spatial.CypherPoint(4326, 1.0, 2.0), back);
    }
}
