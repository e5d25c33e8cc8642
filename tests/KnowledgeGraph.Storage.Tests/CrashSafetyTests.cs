using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using KnowledgeGraph.Storage.Tests.CrashChild;
using Xunit.Abstractions;

namespace KnowledgeGraph.Storage.Tests;

/// <summary>
/// Kills a real child process (SIGKILL) while it commits, several times, and checks that every commit it
/// acknowledged survived and that no transaction is half there.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Kill_Should_LoseNoAcknowledgedCommit_When_ProcessIsKilledAtRandomMoments()
    {
        using var dir = new TempDirectory();
        var random = new Random(20240224);
        var acknowledged = new List<long>();
        long next = 0;
        var budget = Stopwatch.StartNew();
        for (var round = 0; round < 6 && budget.Elapsed < TimeSpan.FromSeconds(40); round++)
        {
            var acks = await RunAndKillAsync(dir.Path, next, TimeSpan.FromMilliseconds(random.Next(0, 400)), checkLock: round == 0);
            acknowledged.AddRange(acks);

            await using var store = GraphStore.Open(dir.Path);
            using var r = store.BeginRead();
            var committed = VerifyWholeTransactions(r);
            foreach (var n in acknowledged)
            {
                Assert.True(committed.Contains(n), $"acknowledged commit {n} is missing after kill #{round + 1}");
            }

            next = committed.Count == 0 ? 0 : committed.Max() + 1;
            output.WriteLine($"round {round + 1}: {acks.Count} acknowledged, {committed.Count} committed in total");
        }

        Assert.NotEmpty(acknowledged);
    }

    /// <summary>
    /// After each kill the end of the last log segment is damaged (last 4 KB zeroed, or cut by a random number of
    /// bytes): the store either holds every acknowledged commit or refuses to open; it never opens with fewer.
    /// After a refusal the test accepts the loss explicitly and goes on from what is left.
    /// </summary>
    [Fact]
    public async Task Kill_Should_KeepAcknowledgedCommitsOrRefuse_When_LogTailIsDamagedAfterKill()
    {
        using var dir = new TempDirectory();
        var random = new Random(20261206);
        var acknowledged = new List<long>();
        long next = 0;
        var refusals = 0;
        var budget = Stopwatch.StartNew();
        for (var round = 0; round < 4 && budget.Elapsed < TimeSpan.FromSeconds(40); round++)
        {
            acknowledged.AddRange(await RunAndKillAsync(dir.Path, next, TimeSpan.FromMilliseconds(random.Next(50, 300)), checkLock: false));
            var segment = Directory.GetFiles(dir.Path, "wal-*.log").Order(StringComparer.Ordinal).Last();
            using (var file = new FileStream(segment, FileMode.Open))
            {
                var cut = (int)Math.Min(file.Length, round % 2 == 0 ? 4096 : random.Next(1, 3000));
                if (round % 2 == 0)
                {
                    file.Seek(-cut, SeekOrigin.End);
                    file.Write(new byte[cut]);
                }
                else
                {
                    file.SetLength(file.Length - cut);
                }

                output.WriteLine($"round {round + 1}: damaged the last {cut} bytes of {Path.GetFileName(segment)} ({(round % 2 == 0 ? "zeroed" : "truncated")})");
            }

            HashSet<long> committed;
            try
            {
                await using var store = GraphStore.Open(dir.Path);
                using var r = store.BeginRead();
                committed = VerifyWholeTransactions(r);
                foreach (var n in acknowledged)
                {
                    Assert.True(committed.Contains(n), $"acknowledged commit {n} is missing after kill #{round + 1}, and the store opened");
                }
            }
            catch (Errors.GraphException e) when (e.Detail == GraphStore.MissingLogDetail)
            {
                refusals++;
                output.WriteLine($"round {round + 1}: refused: {e.Message}");
                await using var store = GraphStore.Open(dir.Path, new GraphStoreOptions { AcceptDataLoss = true });
                using var r = store.BeginRead();
                committed = VerifyWholeTransactions(r);
                acknowledged = [.. committed];
            }

            next = committed.Count == 0 ? 0 : committed.Max() + 1;
        }

        Assert.True(refusals > 0, "no damage reached acknowledged records; the test checked nothing");
    }

    /// <summary>Every :Tx node has exactly its two :Part nodes and HAS relationships; returns the committed numbers.</summary>
    private static HashSet<long> VerifyWholeTransactions(IGraphReader r)
    {
        var numbers = new HashSet<long>();
        foreach (var tx in r.NodesByLabel("Tx"))
        {
            var n = (long)r.GetNodeProperty(tx, "n")!;
            Assert.True(numbers.Add(n), $"transaction {n} is present twice");
            var parts = r.GetRelationships(tx, Direction.Outgoing, ["HAS"]).ToList();
            Assert.Equal(2, parts.Count);
            foreach (var rel in parts)
            {
                Assert.Equal(n, r.GetNodeProperty(rel.EndNodeId, "n"));
                Assert.Equal(n, r.GetRelationshipProperty(rel.Id, "n"));
            }
        }

        Assert.Equal(numbers.Count * 2, r.CountNodes("Part"));
        Assert.Equal(numbers.Count * 2, r.CountRelationships("HAS"));
        Assert.Equal(numbers.Count * 3, r.NodeCount);
        return numbers;
    }

    internal static async Task<List<long>> RunAndKillAsync(string directory, long first, TimeSpan runFor, bool checkLock)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(CrashChildProgram).Assembly.Location);
        start.ArgumentList.Add("crash-child");
        start.ArgumentList.Add(directory);
        start.ArgumentList.Add(first.ToString(CultureInfo.InvariantCulture));

        var lines = new ConcurrentQueue<string>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            if (e.Data == "READY") ready.TrySetResult();
            lines.Enqueue(e.Data);
        };
        var errors = new ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) errors.Enqueue(e.Data);
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var started = await Task.WhenAny(ready.Task, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(started == ready.Task, "the crash child did not start: " + string.Join('\n', errors));
        if (checkLock)
        {
            // The child holds the directory: this process must be refused, clearly.
            var locked = Assert.Throws<Errors.GraphException>(() => GraphStore.Open(directory));
            Assert.Equal(Errors.ErrorCodes.DatabaseUnavailable, locked.Code);
        }

        // Kill at a random moment after the first acknowledged commit (a loaded machine may take a while to get there).
        var firstAck = Stopwatch.StartNew();
        while (!lines.Any(l => l.StartsWith("ACK ", StringComparison.Ordinal)) && firstAck.Elapsed < TimeSpan.FromSeconds(30) && !process.HasExited)
        {
            await Task.Delay(10);
        }

        await Task.Delay(runFor);
        process.Kill(entireProcessTree: false); // SIGKILL on Unix
        await process.WaitForExitAsync();
        Assert.True(errors.IsEmpty, "the crash child reported errors: " + string.Join('\n', errors));

        return lines.Where(l => l.StartsWith("ACK ", StringComparison.Ordinal))
            .Select(l => long.Parse(l.AsSpan(4), CultureInfo.InvariantCulture))
            .ToList();
    }
}
