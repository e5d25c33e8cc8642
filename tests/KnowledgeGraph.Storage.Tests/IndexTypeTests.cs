using System.Globalization;
using KnowledgeGraph.Errors;
using KnowledgeGraph.Spatial;
using KnowledgeGraph.Storage.Tests.CrashChild;

namespace KnowledgeGraph.Storage.Tests;

/// <summary>The type of a property index (RANGE, POINT, TEXT) is part of its durable definition: what it holds,
/// through commit, log replay, checkpoint and a killed process.</summary>
public sealed class IndexTypeTests
{
    private static Dictionary<string, object?> At(object? value) => new() { ["at"] = value };

    /// <summary>Places with a point, a string or a number under the same key, so each index type holds a subset.</summary>
    internal static void WritePlaces(IGraphWriter w, int first, int count)
    {
        for (var i = first; i < first + count; i++)
        {
            object value = (i % 3) switch
            {
                0 => new CypherPoint(CypherPoint.Wgs84, i % 90, i % 45),
                1 => $"place-{i:D3}",
                _ => (long)i,
            };
            w.CreateNode(["Place"], At(value));
        }
    }

    [Fact]
    public async Task CreateIndex_Should_HoldOnlyItsTypesValues_When_PointTextAndRangeShareAProperty()
    {
        using var store = GraphStore.CreateInMemory();
        await using (var w = await store.BeginWriteAsync())
        {
            WritePlaces(w, 0, 30);
            Assert.Equal(IndexType.Point, w.CreateIndex("place_at_point", "Place", "at", false, IndexType.Point)!.Type);
            Assert.Equal(IndexType.Text, w.CreateIndex(null, "Place", "at", false, IndexType.Text)!.Type);
            Assert.Equal(IndexType.Range, w.CreateIndex(null, "Place", "at", false)!.Type);
            Assert.Null(w.CreateIndex(null, "Place", "at", true, IndexType.Point));
            var twice = Assert.Throws<GraphException>(() => w.CreateIndex("other", "Place", "at", false, IndexType.Point));
            Assert.Equal(ErrorCodes.EquivalentSchemaRuleAlreadyExists, twice.Code);
            Assert.Contains("type='POINT'", twice.Message, StringComparison.Ordinal);
            WritePlaces(w, 30, 3);
            await w.CommitAsync();
        }

        using var r = store.BeginRead();
        Assert.Equal(3, r.Indexes.Select(i => i.Name).Distinct().Count());
        Assert.Equal("place_at_point", r.FindIndex("Place", "at", IndexType.Point)!.Name);
        Assert.NotNull(r.FindIndex("Place", "at", IndexType.Text));
        Assert.Equal(IndexType.Range, r.FindIndex("Place", "at")!.Type);
        Assert.True(store.CheckConsistency().IsConsistent, string.Join('\n', store.CheckConsistency().Problems));
        Assert.Equal(11, r.IndexSeekRange("Place", "at", new CypherPoint(CypherPoint.Wgs84, -180, -90), true, new CypherPoint(CypherPoint.Wgs84, 180, 90), true).Count());
        Assert.Equal(11, r.IndexSeekPrefix("Place", "at", "place-").Count());
        Assert.Single(r.IndexSeek("Place", "at", 5L));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Reopen_Should_KeepEachIndexType_When_RecoveredFromLogOrCheckpoint(bool checkpoint)
    {
        using var dir = new TempDirectory();
        await using (var store = GraphStore.Open(dir.Path, new GraphStoreOptions { CheckpointLogBytes = long.MaxValue }))
        {
            await using (var w = await store.BeginWriteAsync())
            {
                WritePlaces(w, 0, 12);
                w.CreateIndex("at_point", "Place", "at", false, IndexType.Point);
                w.CreateIndex("at_text", "Place", "at", false, IndexType.Text);
                w.CreateIndex("at_range", "Place", "at", false);
                await w.CommitAsync();
            }

            if (checkpoint) await store.CheckpointAsync();
            await using (var w = await store.BeginWriteAsync())
            {
                WritePlaces(w, 12, 6);
                await w.CommitAsync();
            }
        }

        await using (var store = GraphStore.Open(dir.Path))
        {
            using var r = store.BeginRead();
            Assert.Equal(
                [("at_point", IndexType.Point), ("at_range", IndexType.Range), ("at_text", IndexType.Text)],
                r.Indexes.Select(i => (i.Name, i.Type)).OrderBy(i => i.Name, StringComparer.Ordinal));
            var report = store.CheckConsistency();
            Assert.True(report.IsConsistent, string.Join('\n', report.Problems));
            Assert.Equal(3, report.Indexes);
            Assert.Equal(6, r.IndexSeekPrefix("Place", "at", "place-").Count());
        }
    }

    [Fact]
    public async Task Kill_Should_LeaveEachIndexTypeConsistent_When_ProcessIsKilledAfterCommits()
    {
        using var dir = new TempDirectory();
        const int batches = 20;
        var acknowledged = await CrashChildRunner.RunUntilDoneThenKillAsync("index-type-child", dir.Path, batches);
        Assert.Equal(batches, acknowledged);

        await using var store = GraphStore.Open(dir.Path);
        using var r = store.BeginRead();
        Assert.Equal(IndexType.Point, r.FindIndex("Place", "at", IndexType.Point)!.Type);
        Assert.Equal(IndexType.Text, r.FindIndex("Place", "at", IndexType.Text)!.Type);
        Assert.Null(r.FindIndex("Place", "at"));
        var report = store.CheckConsistency();
        Assert.True(report.IsConsistent, string.Join('\n', report.Problems));
        Assert.Equal(2, report.Indexes);
        Assert.Equal(batches * 3, r.CountNodes("Place"));
        // The POINT index answers point seeks, the TEXT index string seeks, with what the nodes hold.
        var points = r.NodesByLabel("Place").Count(id => r.GetNodeProperty(id, "at") is CypherPoint);
        Assert.Equal(points, r.IndexSeekRange("Place", "at", new CypherPoint(CypherPoint.Wgs84, -180, -90), true, new CypherPoint(CypherPoint.Wgs84, 180, 90), true).Count());
        Assert.Equal(batches, r.IndexSeekPrefix("Place", "at", "place-").Count());
    }

    /// <summary><c>index-type-child &lt;dir&gt; &lt;batches&gt;</c>: creates a POINT and a TEXT index (no RANGE one), commits
    /// three places per transaction, checkpoints halfway, prints <c>ACK n</c>, <c>DONE</c>, then waits for SIGKILL.</summary>
    internal static async Task<int> ChildAsync(string directory, int batches)
    {
        await using var store = GraphStore.Open(directory, new GraphStoreOptions { CheckpointLogBytes = long.MaxValue });
        await using (var w = await store.BeginWriteAsync())
        {
            w.CreateIndex("at_point", "Place", "at", true, IndexType.Point);
            w.CreateIndex("at_text", "Place", "at", true, IndexType.Text);
            await w.CommitAsync();
        }

        for (var n = 0; n < batches; n++)
        {
            await using (var w = await store.BeginWriteAsync())
            {
                WritePlaces(w, n * 3, 3);
                await w.CommitAsync();
            }

            if (n == batches / 2) await store.CheckpointAsync();
            Console.Out.WriteLine("ACK " + n.ToString(CultureInfo.InvariantCulture));
            Console.Out.Flush();
        }

        Console.Out.WriteLine("DONE");
        Console.Out.Flush();
        await Task.Delay(Timeout.Infinite);
        return 0;
    }
}
