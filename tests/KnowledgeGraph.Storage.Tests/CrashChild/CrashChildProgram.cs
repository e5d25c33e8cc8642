using System.Globalization;

namespace KnowledgeGraph.Storage.Tests.CrashChild;

/// <summary>
/// Entry point of the test assembly when started as a process. <c>crash-child &lt;dir&gt; &lt;first&gt;</c> opens the store
/// and commits numbered transactions forever (each creates a :Tx node and two :Part nodes linked to it), printing
/// <c>ACK n</c> after each commit returns. The crash test kills it with SIGKILL and checks the directory.
/// </summary>
public static class CrashChildProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 3 && args[0] == "fulltext-child")
        {
            return await Fulltext.FulltextCrashChild.RunAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
        }

        if (args.Length == 3 && args[0] == "index-type-child")
        {
            return await IndexTypeTests.ChildAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
        }

        if (args.Length == 3 && args[0] == "large-tx-child")
        {
            return await LargeTransactions.LargeTransactionChild.RunAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
        }

        if (args.Length < 3 || args[0] != "crash-child")
        {
            await Console.Error.WriteLineAsync("usage: KnowledgeGraph.Storage.Tests crash-child <directory> <first-number>");
            return 2;
        }

        var first = long.Parse(args[2], CultureInfo.InvariantCulture);
        await using var store = GraphStore.Open(args[1], new GraphStoreOptions { CheckpointLogBytes = 64 * 1024 });
        Console.Out.WriteLine("READY");
        Console.Out.Flush();
        for (var n = first; ; n++)
        {
            await using var w = await store.BeginWriteAsync();
            var tx = w.CreateNode(["Tx"], new Dictionary<string, object?> { ["n"] = n, ["payload"] = new string('x', (int)(n % 200)) });
            for (var p = 0; p < 2; p++)
            {
                var part = w.CreateNode(["Part"], new Dictionary<string, object?> { ["n"] = n, ["p"] = (long)p });
                w.CreateRelationship(tx, part, "HAS", new Dictionary<string, object?> { ["n"] = n });
            }

            await w.CommitAsync();
            Console.Out.WriteLine("ACK " + n.ToString(CultureInfo.InvariantCulture));
            Console.Out.Flush();
        }
    }
}
