using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace KnowledgeGraph.Api.Tests;

/// <summary>The real service as a child process (<c>dotnet KnowledgeGraph.Api.dll</c>), as a user would start it.</summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ApiProcess(Process process, int port, int boltPort)
    {
        _process = process;
        Port = port;
        BoltPort = boltPort;
        process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    public int BoltPort { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public string Output { get { lock (_output) return _output.ToString(); } }

    public bool HasExited => _process.HasExited;

    public int ProcessId => _process.Id;

    public int ExitCode => _process.ExitCode;

    public static ApiProcess Start(string dataDirectory, params string[] extraArguments) => StartIn(null, dataDirectory, extraArguments);

    /// <summary>Starts the service from <paramref name="workingDirectory"/> (its own directory when null).</summary>
    public static ApiProcess StartIn(string? workingDirectory, string dataDirectory, params string[] extraArguments)
    {
        var (port, boltPort) = TwoFreePorts();
        var info = StartInfo([$"--Urls=http://127.0.0.1:{port}", $"--Graph:DataDirectory={dataDirectory}", $"--Bolt:Port={boltPort}", .. extraArguments]);
        if (workingDirectory is not null) info.WorkingDirectory = workingDirectory;
        return new ApiProcess(Process.Start(info)!, port, boltPort);
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

    /// <summary>Two different free ports. Both listeners stay open until both ports are known: asked one after the
    /// other, the system may hand out the port it just freed again, and the service then fails to bind its HTTP
    /// port to the one its Bolt server already took.</summary>
    public static (int First, int Second) TwoFreePorts()
    {
        using var first = new TcpListener(IPAddress.Loopback, 0);
        using var second = new TcpListener(IPAddress.Loopback, 0);
        first.Start();
        second.Start();
        return (((IPEndPoint)first.LocalEndpoint).Port, ((IPEndPoint)second.LocalEndpoint).Port);
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
