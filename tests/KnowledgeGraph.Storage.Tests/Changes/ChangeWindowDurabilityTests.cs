using KnowledgeGraph.Storage.Changes;

namespace KnowledgeGraph.Storage.Tests.Changes;

/// <summary>
/// The change window of a durable store survives closing, a crash (SIGKILL of a real process), a damaged change file
/// and checkpoints: after opening again it holds every committed transaction of the retained window exactly once.
/// </summary>
public sealed class ChangeWindowDurabilityTests
{
    private static async Task<long> CreateAsync(GraphStore store, string name)
    {
        await using var w = await store.BeginWriteAsync();
        w.CreateNode(["Person"], new Dictionary<string, object?> { ["name"] = name });
        return await w.CommitAsync();
    }

    private static List<string> Names(ChangeWindow window) =>
        window.Transactions.SelectMany(t => t.Changes).OfType<NodeChange>().Select(n => (string)n.After!.Properties["name"]).ToList();

    [Fact]
    public async Task Open_Should_RestoreTheWindow_When_TheStoreWasClosed()
    {
        using var dir = new TempDirectory();
        long floor, first;
        await using (var store = GraphStore.Open(dir.Path))
        {
            floor = store.ChangesFloor;
            first = await CreateAsync(store, "a");
            await CreateAsync(store, "b");
            await CreateAsync(store, "c");
        }

        await using var reopened = GraphStore.Open(dir.Path);
        Assert.Equal(floor, reopened.ChangesFloor);
        Assert.Equal(["a", "b", "c"], Names(reopened.ReadChanges(floor)!));
        Assert.Equal(["b", "c"], Names(reopened.ReadChanges(first)!));
        await CreateAsync(reopened, "d");
        Assert.Equal(["b", "c", "d"], Names(reopened.ReadChanges(first)!));
    }

    [Fact]
    public async Task Open_Should_KeepTheRetentionLimit_When_MoreTransactionsCommittedThanItHolds()
    {
        using var dir = new TempDirectory();
        var options = new GraphStoreOptions { ChangeRetentionTransactions = 5 };
        var ids = new List<long>();
        await using (var store = GraphStore.Open(dir.Path, options))
        {
            for (var i = 0; i < 40; i++) ids.Add(await CreateAsync(store, "n" + i));
            Assert.Equal(ids[^6], store.ChangesFloor);
        }

        await using var reopened = GraphStore.Open(dir.Path, options);
        Assert.Equal(ids[^6], reopened.ChangesFloor);
        Assert.Null(reopened.ReadChanges(ids[10]));
        Assert.Equal(Enumerable.Range(35, 5).Select(i => "n" + i), Names(reopened.ReadChanges(ids[^6])!));
        // The file does not grow with the history: evicted segments are deleted.
        Assert.True(Directory.GetFiles(dir.Path, "changes-*.log").Length <= 3, string.Join(", ", Directory.GetFiles(dir.Path, "changes-*.log")));
    }

    [Fact]
    public async Task Open_Should_RecomputeFromTheLog_When_TheChangeFileLostItsTail()
    {
        using var dir = new TempDirectory();
        long floor;
        await using (var store = GraphStore.Open(dir.Path))
        {
            floor = store.ChangesFloor;
            await CreateAsync(store, "a");
            await CreateAsync(store, "b");
        }
        var file = Directory.GetFiles(dir.Path, "changes-*.log").Single();
        var afterTwo = new FileInfo(file).Length;
        await using (var store = GraphStore.Open(dir.Path))
        {
            await CreateAsync(store, "c");
            await CreateAsync(store, "d");
        }

        // As if the process died between the commit of c and d and their change records: one record cut in half.
        using (var stream = new FileStream(file, FileMode.Open)) stream.SetLength(afterTwo + 5);
        await using (var reopened = GraphStore.Open(dir.Path))
        {
            Assert.Equal(["a", "b", "c", "d"], Names(reopened.ReadChanges(floor)!));
        }

        // Corrupt bytes inside a record end the file there too; the log fills in the rest, each transaction once.
        var bytes = File.ReadAllBytes(file);
        bytes[(int)afterTwo + 12] ^= 0xFF;
        File.WriteAllBytes(file, bytes);
        await using (var reopened = GraphStore.Open(dir.Path))
        {
            var window = reopened.ReadChanges(floor)!;
            Assert.Equal(["a", "b", "c", "d"], Names(window));
            Assert.Equal(window.Transactions.Select(t => t.TxId).Distinct().Order(), window.Transactions.Select(t => t.TxId));
        }
    }

    [Fact]
    public async Task Open_Should_KeepTheWindow_When_ACheckpointDroppedTheLog()
    {
        using var dir = new TempDirectory();
        long floor;
        await using (var store = GraphStore.Open(dir.Path))
        {
            floor = store.ChangesFloor;
            await CreateAsync(store, "a");
            await CreateAsync(store, "b");
            await store.CheckpointAsync();
            await CreateAsync(store, "c");
        }

        await using var reopened = GraphStore.Open(dir.Path);
        Assert.Equal(["a", "b", "c"], Names(reopened.ReadChanges(floor)!));
    }

    [Fact]
    public async Task Open_Should_StartTheWindowAtTheLastTransaction_When_CaptureWasOff()
    {
        using var dir = new TempDirectory();
        await using (var store = GraphStore.Open(dir.Path, new GraphStoreOptions { ChangeRetentionTransactions = 0 }))
        {
            await CreateAsync(store, "a");
        }
        Assert.Empty(Directory.GetFiles(dir.Path, "changes-*.log"));

        await using var reopened = GraphStore.Open(dir.Path);
        // Changes before capture was on were never captured: nothing before now can be resumed from.
        Assert.Equal(reopened.LastCommittedTransactionId, reopened.ChangesFloor);
    }

    [Fact]
    public async Task LoadDump_Should_StartAnEmptyWindow_When_ItReplacesAStoreWithChanges()
    {
        using var dir = new TempDirectory();
        using var other = new TempDirectory();
        var dump = Path.Combine(other.Path, "other.dump");
        await using (var source = GraphStore.Open(Path.Combine(other.Path, "db")))
        {
            for (var i = 0; i < 5; i++) await CreateAsync(source, "other" + i);
            await source.WriteDumpAsync(dump);
        }
        await using (var store = GraphStore.Open(dir.Path))
        {
            for (var i = 0; i < 8; i++) await CreateAsync(store, "mine" + i);
        }

        GraphStore.LoadDump(dir.Path, dump, overwrite: true);
        await using var loaded = GraphStore.Open(dir.Path);
        // The replaced store's changes are another history: none of them may be read as this one's.
        Assert.Equal(loaded.LastCommittedTransactionId, loaded.ChangesFloor);
        Assert.Empty(loaded.ReadChanges(loaded.ChangesFloor)!.Transactions);
    }

    [Fact]
    public async Task Kill_Should_LeaveEveryCommittedTransactionInTheWindowOnce_When_ProcessIsKilledWhileCommitting()
    {
        using var dir = new TempDirectory();
        var random = new Random(20261206);
        long next = 0;
        long previousLast = -1;
        for (var round = 0; round < 3; round++)
        {
            var acks = await CrashSafetyTests.RunAndKillAsync(dir.Path, next, TimeSpan.FromMilliseconds(random.Next(50, 300)), checkLock: false);
            await using var store = GraphStore.Open(dir.Path);
            var floor = store.ChangesFloor;
            var window = store.ReadChanges(floor)!;
            // Every transaction of the crash child changes data: the window is every id after the floor, once, in order.
            var expected = Enumerable.Range(0, (int)(store.LastCommittedTransactionId - floor)).Select(i => floor + 1 + i);
            Assert.Equal(expected, window.Transactions.Select(t => t.TxId));
            var numbers = window.Transactions
                .Select(t => (long)t.Changes.OfType<NodeChange>().Single(n => n.Labels.Contains("Tx")).After!.Properties["n"]).ToList();
            Assert.Equal(numbers.Order(), numbers);
            Assert.Equal(numbers.Count, numbers.Distinct().Count());
            foreach (var n in acks.Where(n => numbers.Count > 0 && n >= numbers[0])) Assert.Contains(n, numbers);
            // The window reaches back before this round's kill: it survived the restart.
            if (previousLast >= 0) Assert.True(floor < previousLast, $"floor {floor}, last transaction before the kill {previousLast}");
            previousLast = store.LastCommittedTransactionId;
            next = numbers.Count == 0 ? next : numbers[^1] + 1;
        }
    }
}
