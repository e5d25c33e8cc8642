using System.Globalization;

namespace KnowledgeGraph.Storage.Tests.LargeTransactions;

/// <summary>
/// <c>large-tx-child &lt;dir&gt; &lt;count&gt;</c>: opens the store, creates a uniqueness constraint on <c>:Item(key)</c>,
/// then commits ONE transaction creating <c>count</c> items and a chain of <c>count - 1</c> relationships between them
/// (found back through the index, as a bulk load does), prints <c>ACK 1</c> and <c>DONE</c>, and waits to be killed
/// with SIGKILL: no dispose, no checkpoint, the change file's buffered tail lost.
/// </summary>
internal static class LargeTransactionChild
{
    public static string KeyOf(long n) => "item:" + n.ToString(CultureInfo.InvariantCulture);

    public static async Task<int> RunAsync(string directory, int count)
    {
        await using var store = GraphStore.Open(directory, new GraphStoreOptions { CheckpointLogBytes = long.MaxValue });
        await using (var w = await store.BeginWriteAsync())
        {
            w.CreateUniqueConstraint("item_key", "Item", "key", ifNotExists: false);
            await w.CommitAsync();
        }

        Console.Out.WriteLine("READY");
        Console.Out.Flush();
        await using (var w = await store.BeginWriteAsync())
        {
            for (long n = 0; n < count; n++) w.CreateNode(["Item"], new Dictionary<string, object?> { ["key"] = KeyOf(n), ["n"] = n });
            for (long n = 0; n + 1 < count; n++)
            {
                var a = w.IndexSeek("Item", "key", KeyOf(n)).Single();
                var b = w.IndexSeek("Item", "key", KeyOf(n + 1)).Single();
                w.CreateRelationship(a, b, "NEXT", new Dictionary<string, object?> { ["n"] = n });
            }

            await w.CommitAsync();
        }

        Console.Out.WriteLine("ACK 1");
        Console.Out.WriteLine("DONE");
        Console.Out.Flush();
        await Task.Delay(Timeout.Infinite);
        return 0;
    }
}
