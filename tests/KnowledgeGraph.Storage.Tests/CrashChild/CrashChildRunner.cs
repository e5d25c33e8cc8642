using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace KnowledgeGraph.Storage.Tests.CrashChild;

/// <summary>Runs a verb of <see cref="CrashChildProgram"/> that prints <c>ACK n</c> per commit and <c>DONE</c> at the
/// end, then kills it with SIGKILL (no dispose, no final checkpoint), as a power cut would.</summary>
internal static class CrashChildRunner
{
    /// <summary>Runs <c>verb directory count</c> until it prints DONE (60 s at most), kills it, and returns how many
    /// commits it acknowledged. Fails the test when the child did not finish or wrote to stderr.</summary>
    public static async Task<int> RunUntilDoneThenKillAsync(string verb, string directory, int count)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(CrashChildProgram).Assembly.Location);
        start.ArgumentList.Add(verb);
        start.ArgumentList.Add(directory);
        start.ArgumentList.Add(count.ToString(CultureInfo.InvariantCulture));
        var lines = new ConcurrentQueue<string>();
        var errors = new ConcurrentQueue<string>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lines.Enqueue(e.Data);
            if (e.Data == "DONE") done.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) errors.Enqueue(e.Data);
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var finished = await Task.WhenAny(done.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        process.Kill(entireProcessTree: false); // SIGKILL on Unix: no dispose, no final checkpoint
        await process.WaitForExitAsync();
        Assert.True(finished == done.Task, $"the {verb} did not finish: " + string.Join('\n', errors));
        Assert.True(errors.IsEmpty, $"the {verb} reported errors: " + string.Join('\n', errors));
        return lines.Count(l => l.StartsWith("ACK ", StringComparison.Ordinal));
    }
}
