using System.Globalization;

namespace KnowledgeGraph.Storage.Tests.Fulltext;

/// <summary>
/// <c>fulltext-child &lt;dir&gt; &lt;count&gt;</c>: opens the store, creates the fulltext index <c>docs</c>, commits
/// <paramref name="count"/> documents (checkpointing halfway, so recovery needs both the checkpoint and the log),
/// prints <c>ACK n</c> after each commit and <c>DONE</c> at the end, then waits to be killed with SIGKILL.
/// </summary>
internal static class FulltextCrashChild
{
    public static string TextOf(long n) => $"Document {n} about peace talks in Genève, word{n % 7} and Erdoğan{(n % 2 == 0 ? " even" : "")}";

    public static async Task<int> RunAsync(string directory, int count)
    {
        await using var store = GraphStore.Open(directory, new GraphStoreOptions { CheckpointLogBytes = long.MaxValue });
        await using (var w = await store.BeginWriteAsync())
        {
            w.CreateFulltextIndex("docs", false, ["Doc"], ["text"], "standard-folding", false, ifNotExists: true);
            await w.CommitAsync();
        }

        Console.Out.WriteLine("READY");
        Console.Out.Flush();
        for (long n = 0; n < count; n++)
        {
            await using var w = await store.BeginWriteAsync();
            w.CreateNode(["Doc"], new Dictionary<string, object?> { ["n"] = n, ["text"] = TextOf(n) });
            if (n > 0 && n % 5 == 0)
            {
                // An update and a delete, so replay must remove terms as well as add them.
                var previous = w.NodesByLabel("Doc").First(id => (long)w.GetNodeProperty(id, "n")! == n - 1);
                w.SetNodeProperty(previous, "text", TextOf(n - 1) + " revised");
            }

            await w.CommitAsync();
            if (n == count / 2) await store.CheckpointAsync();
            Console.Out.WriteLine("ACK " + n.ToString(CultureInfo.InvariantCulture));
            Console.Out.Flush();
        }

        Console.Out.WriteLine("DONE");
        Console.Out.Flush();
        await Task.Delay(Timeout.Infinite);
        return 0;
    }
}
