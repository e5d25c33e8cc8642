using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Storage.Tests;

/// <summary>
/// Damage to the end of the write-ahead log beyond a torn last record: for each case, either every acknowledged
/// commit is there after open, or the store refuses to open naming what is missing. Never silently fewer.
/// </summary>
public sealed class LogTailDamageTests
{
    private const int Commits = 200;
    private static readonly GraphStoreOptions NoAutoCheckpoint = new() { CheckpointLogBytes = 0 };

    private static async Task CommitAsync(GraphStore store, long from, long count)
    {
        for (var n = from; n < from + count; n++)
        {
            await using var w = await store.BeginWriteAsync();
            w.CreateNode(["Item"], new Dictionary<string, object?> { ["n"] = n, ["pad"] = new string('p', 40) });
            await w.CommitAsync();
        }
    }

    private static async Task<string> StoreWithCommitsAsync(TempDirectory dir, bool checkpointHalfway = false)
    {
        await using var store = GraphStore.Open(dir.Path, NoAutoCheckpoint);
        await CommitAsync(store, 0, Commits / 2);
        if (checkpointHalfway) await store.CheckpointAsync();
        await CommitAsync(store, Commits / 2, Commits / 2);
        return Directory.GetFiles(dir.Path, "wal-*.log").Order(StringComparer.Ordinal).Last();
    }

    private static GraphException AssertRefused(string directory, string mentions)
    {
        var error = Assert.Throws<GraphException>(() => GraphStore.Open(directory, NoAutoCheckpoint));
        Assert.Equal(ErrorCodes.StorageError, error.Code);
        Assert.Equal(GraphStore.MissingLogDetail, error.Detail);
        Assert.Contains($"to {Commits}", error.Message, StringComparison.Ordinal);
        Assert.Contains(mentions, error.Message, StringComparison.Ordinal);
        Assert.Contains("AcceptDataLoss", error.Message, StringComparison.Ordinal);
        return error;
    }

    /// <summary>The documented way out: open once accepting the loss; later opens are normal and writes work.</summary>
    private static async Task AssertAcceptDataLossOpens(string directory, long expectedAtMost)
    {
        long kept;
        await using (var store = GraphStore.Open(directory, NoAutoCheckpoint with { AcceptDataLoss = true }))
        {
            Assert.Contains(store.Recovery!.Warnings, w => w.Contains("Data loss accepted", StringComparison.Ordinal));
            using var r = store.BeginRead();
            kept = r.NodeCount;
            Assert.True(kept <= expectedAtMost, $"{kept} nodes survived, expected at most {expectedAtMost}");
            await CommitAsync(store, 1000, 1);
        }

        await using var again = GraphStore.Open(directory, NoAutoCheckpoint);
        Assert.Empty(again.Recovery!.Warnings);
        using var after = again.BeginRead();
        Assert.Equal(kept + 1, after.NodeCount);
    }

    [Fact]
    public async Task Open_Should_Refuse_When_Last4KBOfLogAreZeroed()
    {
        using var dir = new TempDirectory();
        var segment = await StoreWithCommitsAsync(dir);
        using (var file = new FileStream(segment, FileMode.Open))
        {
            file.Seek(-4096, SeekOrigin.End);
            file.Write(new byte[4096]);
        }

        AssertRefused(dir.Path, "valid records end at byte");
        await AssertAcceptDataLossOpens(dir.Path, Commits - 1);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(500)]
    [InlineData(3000)]
    public async Task Open_Should_Refuse_When_LogIsTruncatedAcrossAcknowledgedRecords(int bytes)
    {
        using var dir = new TempDirectory();
        var segment = await StoreWithCommitsAsync(dir);
        using (var file = new FileStream(segment, FileMode.Open))
        {
            file.SetLength(file.Length - bytes);
        }

        AssertRefused(dir.Path, "the log ends at transaction");
    }

    [Fact]
    public async Task Open_Should_Refuse_When_LogIsEmptiedAfterCommits()
    {
        using var dir = new TempDirectory();
        var segment = await StoreWithCommitsAsync(dir);
        File.WriteAllBytes(segment, []);

        AssertRefused(dir.Path, "is empty (0 bytes)");
        await AssertAcceptDataLossOpens(dir.Path, 0);
    }

    [Fact]
    public async Task Open_Should_Refuse_When_LogFileIsDeleted()
    {
        using var dir = new TempDirectory();
        var segment = await StoreWithCommitsAsync(dir);
        File.Delete(segment);

        AssertRefused(dir.Path, "no log segment exists at all");
    }

    [Fact]
    public async Task Open_Should_Refuse_When_CheckpointIsPresentButLaterLogIsMissing()
    {
        using var dir = new TempDirectory();
        await StoreWithCommitsAsync(dir, checkpointHalfway: true);
        Assert.True(File.Exists(Path.Combine(dir.Path, "checkpoint.kgs")));
        foreach (var segment in Directory.GetFiles(dir.Path, "wal-*.log")) File.Delete(segment);

        AssertRefused(dir.Path, $"after the checkpoint at transaction {Commits / 2}");
        await AssertAcceptDataLossOpens(dir.Path, Commits / 2);
    }

    [Fact]
    public async Task Open_Should_KeepEveryCommit_When_CheckpointCoversTheDeletedLog()
    {
        using var dir = new TempDirectory();
        await using (var store = GraphStore.Open(dir.Path, NoAutoCheckpoint))
        {
            await CommitAsync(store, 0, 20);
            await store.CheckpointAsync();
        }

        foreach (var segment in Directory.GetFiles(dir.Path, "wal-*.log")) File.Delete(segment);
        await using var reopened = GraphStore.Open(dir.Path, NoAutoCheckpoint);
        using var r = reopened.BeginRead();
        Assert.Equal(20, r.NodeCount);
    }

    [Fact]
    public async Task Open_Should_Refuse_When_HighWaterMarkIsDamaged()
    {
        using var dir = new TempDirectory();
        await StoreWithCommitsAsync(dir);
        var mark = Path.Combine(dir.Path, "wal.hwm");
        File.WriteAllBytes(mark, new byte[8192]);

        var error = Assert.Throws<GraphException>(() => GraphStore.Open(dir.Path, NoAutoCheckpoint));
        Assert.Equal(GraphStore.MissingLogDetail, error.Detail);
        Assert.Contains("wal.hwm", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_Should_WarnAndRecreateMark_When_MarkIsMissing()
    {
        using var dir = new TempDirectory();
        await StoreWithCommitsAsync(dir);
        File.Delete(Path.Combine(dir.Path, "wal.hwm"));

        await using (var store = GraphStore.Open(dir.Path, NoAutoCheckpoint))
        {
            Assert.Contains(store.Recovery!.Warnings, w => w.Contains("wal.hwm", StringComparison.Ordinal));
            using var r = store.BeginRead();
            Assert.Equal(Commits, r.NodeCount);
        }

        // Recreated: damage is detected again from now on.
        var segment = Directory.GetFiles(dir.Path, "wal-*.log").Single();
        using (var file = new FileStream(segment, FileMode.Open)) file.SetLength(file.Length - 300);
        AssertRefused(dir.Path, "the log ends at transaction");
    }
}
