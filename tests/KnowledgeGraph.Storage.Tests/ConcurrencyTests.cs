namespace KnowledgeGraph.Storage.Tests;

public sealed class ConcurrencyTests
{
    private const long AccountCount = 20;
    private const long InitialBalance = 1_000;

    /// <summary>
    /// A writer moves money between accounts and appends transfer records (3 nodes + 2 relationships each);
    /// readers check that every snapshot balances and holds only whole transfers.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Readers_Should_NeverSeePartialTransactions_When_WriterIsBusy(bool durable)
    {
        using var dir = new TempDirectory();
        await using var store = durable ? GraphStore.Open(dir.Path, new GraphStoreOptions { CheckpointLogBytes = 32 * 1024 }) : GraphStore.CreateInMemory();
        await using (var w = await store.BeginWriteAsync())
        {
            w.CreateIndex("acc", "Account", "no", false);
            for (var i = 0; i < AccountCount; i++) w.CreateNode(["Account"], new Dictionary<string, object?> { ["no"] = (long)i, ["balance"] = InitialBalance });
            await w.CommitAsync();
        }

        // A fixed amount of work (not a time budget) keeps the test deterministic on a loaded machine.
        var planned = durable ? 60 : 400;
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            var random = new Random(1);
            var transfers = 0;
            while (transfers < planned)
            {
                await using var w = await store.BeginWriteAsync();
                var from = w.IndexSeek("Account", "no", (long)random.Next((int)AccountCount)).Single();
                var to = w.IndexSeek("Account", "no", (long)random.Next((int)AccountCount)).Single();
                var amount = (long)random.Next(1, 50);
                w.SetNodeProperty(from, "balance", (long)w.GetNodeProperty(from, "balance")! - amount);
                w.SetNodeProperty(to, "balance", (long)w.GetNodeProperty(to, "balance")! + amount);
                var t = w.CreateNode(["Transfer"], new Dictionary<string, object?> { ["amount"] = amount });
                w.CreateRelationship(from, t, "SENT");
                w.CreateRelationship(t, to, "RECEIVED");
                if (random.Next(10) == 0) w.Rollback();
                else await w.CommitAsync();
                transfers++;
            }

            await stop.CancelAsync();
            return transfers;
        });

        // Dedicated threads: spinning readers must not starve the thread pool the writer's continuations run on.
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Factory.StartNew(() =>
        {
            var checks = 0;
            do
            {
                using var r = store.BeginRead();
                var transfers = r.CountNodes("Transfer");
                Assert.Equal(transfers, r.CountRelationships("SENT"));
                Assert.Equal(transfers, r.CountRelationships("RECEIVED"));
                Assert.Equal(AccountCount + transfers, r.NodeCount);
                Assert.Equal(AccountCount + transfers, r.AllNodes().LongCount());
                Assert.Equal(AccountCount * InitialBalance, r.NodesByLabel("Account").Sum(a => (long)r.GetNodeProperty(a, "balance")!));
                foreach (var t in r.NodesByLabel("Transfer"))
                {
                    Assert.Equal(1, r.GetDegree(t, Direction.Incoming, ["SENT"]));
                    Assert.Equal(1, r.GetDegree(t, Direction.Outgoing, ["RECEIVED"]));
                }

                checks++;
            }
            while (!stop.IsCancellationRequested);

            return checks;
        }, TaskCreationOptions.LongRunning)).ToArray();

        int written;
        try
        {
            written = await writer;
        }
        finally
        {
            await stop.CancelAsync();
        }

        var checks = await Task.WhenAll(readers);
        Assert.Equal(planned, written);
        Assert.All(checks, c => Assert.True(c > 0));
    }

    [Fact]
    public async Task ConcurrentWriters_Should_AllBeDurable_When_CommittingTogether()
    {
        using var dir = new TempDirectory();
        const int writers = 8;
        const int perWriter = 40;
        await using (var store = GraphStore.Open(dir.Path))
        {
            var tasks = Enumerable.Range(0, writers).Select(wi => Task.Run(async () =>
            {
                var ids = new List<long>();
                for (var i = 0; i < perWriter; i++)
                {
                    await using var w = await store.BeginWriteAsync();
                    w.CreateNode(["W"], new Dictionary<string, object?> { ["writer"] = (long)wi, ["i"] = (long)i });
                    ids.Add(await w.CommitAsync());
                }

                return ids;
            })).ToArray();
            var txIds = (await Task.WhenAll(tasks)).SelectMany(x => x).ToList();
            Assert.Equal(writers * perWriter, txIds.Distinct().Count());
            using var r = store.BeginRead();
            Assert.Equal(txIds.Max(), r.SnapshotTransactionId);
        }

        await using var reopened = GraphStore.Open(dir.Path);
        using var after = reopened.BeginRead();
        Assert.Equal(writers * perWriter, after.CountNodes("W"));
    }
}
