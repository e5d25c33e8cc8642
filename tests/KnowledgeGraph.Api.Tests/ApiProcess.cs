using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace KnowledgeGraph.Api.Tests;

/// <summary>
/// The real service as a child process (<c>dotnet KnowledgeGraph.Api.dll</c>), as a user would start it. It binds
/// HTTP and Bolt to port 0 and the ports are read back from its log, so no other process can take a port between
/// choosing it and binding it (tests run in parallel, and a port chosen here and freed could be handed to an outgoing
/// connection before the service binds it).
/// </summary>
internal sealed partial class ApiProcess : IAsyncDisposable
{
    private static readonly TimeSpan ListeningWithin = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<int> _port = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<int> _boltPort = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ApiProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                OnLine(e.Data);
                return;
            }
            // The log (stdout) has ended, every line of it read: a port not logged by now never will be.
            var failure = new InvalidOperationException("the service's output ended before it was listening");
            _port.TrySetException(failure);
            _boltPort.TrySetException(failure);
        };
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The HTTP port the service bound (waits until it has logged it).</summary>
    public int Port => Await(_port, "HTTP");

    /// <summary>The Bolt port the service bound (waits until it has logged it; 0 when Bolt is disabled).</summary>
    public int BoltPort => Await(_boltPort, "Bolt");

    private void OnLine(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (HttpListening().Match(line) is { Success: true } http) _port.TrySetResult(int.Parse(http.Groups[1].ValueSpan, provider: null));
        else if (BoltListening().Match(line) is { Success: true } bolt) _boltPort.TrySetResult(int.Parse(bolt.Groups[1].ValueSpan, provider: null));
        else if (line.Contains("Bolt server disabled", StringComparison.Ordinal)) _boltPort.TrySetResult(0);
    }

    private int Await(TaskCompletionSource<int> port, string what)
    {
        if (!port.Task.Wait(ListeningWithin) || port.Task.IsFaulted)
            throw new InvalidOperationException($"the service did not log its {what} port within {ListeningWithin.TotalSeconds} s:\n{Output}");
        return port.Task.Result;
    }

    // Kestrel's "Now listening on: http://127.0.0.1:PORT" and the Bolt server's "Bolt server listening on bolt://HOST:PORT".
    [GeneratedRegex(@"Now listening on: http://127\.0\.0\.1:(\d+)")]
    private static partial Regex HttpListening();

    [GeneratedRegex(@"Bolt server listening on bolt://\S*:(\d+)")]
    private static partial Regex BoltListening();

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public string Output { get { lock (_output) return _output.ToString(); } }

    public bool HasExited => _process.HasExited;

    public int ProcessId => _process.Id;

    public int ExitCode => _process.ExitCode;

    public static ApiProcess Start(string dataDirectory, params string[] extraArguments) => StartIn(null, dataDirectory, extraArguments);

    /// <summary>Starts the service from <paramref name="workingDirectory"/> (its own directory when null).</summary>
    public static ApiProcess StartIn(string? workingDirectory, string dataDirectory, params string[] extraArguments)
    {
        var info = StartInfo(["--Urls=http://127.0.0.1:0", $"--Graph:DataDirectory={dataDirectory}", "--Bolt:Port=0", .. extraArguments]);
        if (workingDirectory is not null) info.WorkingDirectory = workingDirectory;
        return new ApiProcess(Process.Start(info)!);
    }

    /// <summary>The one way tests start the service's executable: <c>dotnet KnowledgeGraph.Api.dll</c> with
    /// <paramref name="arguments"/>, from its own directory, in Development, output redirected.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var dll = typeof(Program).Assembly.Location;
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        foreach (var a in arguments) info.ArgumentList.Add(a);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        return info;
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
