using KnowledgeGraph.Testing;
using Xunit;
using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;

namespace KnowledgeGraph.Api.Tests.Subscriptions;

/// <summary>
/// One run of <c>tests/subscriptions/judge.mjs</c>: the graphql-ws or graphql-sse npm client subscribed to one
/// operation, reporting what it receives as JSON lines (see the script).
/// </summary>
internal sealed class Judge : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<JsonElement> _lines = Channel.CreateUnbounded<JsonElement>();
    private readonly System.Text.StringBuilder _stderr = new();

    private Judge(Process process)
    {
        _process = process;
        _ = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.Length == 0) continue;
                using var doc = JsonDocument.Parse(line);
                _lines.Writer.TryWrite(doc.RootElement.Clone());
            }
            _lines.Writer.TryComplete();
        });
        _ = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync() is { } line) lock (_stderr) _stderr.AppendLine(line);
        });
    }

    public static string Project => Path.Combine(Readme.ReadmeExamples.RepositoryRoot, "tests", "subscriptions");

    public static async Task<Judge> StartAsync(string transport, Uri graphql, string query, object? variables = null, object? options = null)
    {
        await CypherDialectTool.EnsureInstalledAsync(Project, "graphql-ws");
        var info = new ProcessStartInfo(CypherDialectTool.FindTool("node") ?? "node")
        {
            WorkingDirectory = Project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("judge.mjs");
        info.ArgumentList.Add(transport);
        info.ArgumentList.Add(graphql.ToString());
        info.ArgumentList.Add(query);
        info.ArgumentList.Add(JsonSerializer.Serialize(variables ?? new { }));
        info.ArgumentList.Add(JsonSerializer.Serialize(options ?? new { timeoutMs = 25000 }));
        return new Judge(Process.Start(info)!);
    }

    public string Stderr
    {
        get { lock (_stderr) return _stderr.ToString(); }
    }

    /// <summary>The next line, within <paramref name="timeout"/> (a line <c>{"type":"timeout"}</c> or end of output when none came).</summary>
    public async Task<JsonElement> NextAsync(TimeSpan? timeout = null, bool skipReady = true)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        try
        {
            while (true)
            {
                var line = await _lines.Reader.ReadAsync(cts.Token);
                if (!skipReady || line.GetProperty("type").GetString() != "ready") return line;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            return JsonDocument.Parse("{\"type\":\"timeout\"}").RootElement.Clone();
        }
    }

    /// <summary>Waits for <c>ready</c>: the server has registered the subscription.</summary>
    public async Task ReadyAsync()
    {
        var line = await NextAsync(TimeSpan.FromSeconds(30), skipReady: false);
        Assert.True(line.GetProperty("type").GetString() == "ready", $"expected ready, got {line}\n{Stderr}");
    }

    /// <summary>The next <c>next</c> payload's data field (fails on anything else).</summary>
    public async Task<JsonElement> NextDataAsync(string field, TimeSpan? timeout = null)
    {
        var line = await NextAsync(timeout);
        Assert.True(line.GetProperty("type").GetString() == "next", $"expected next, got {line}\n{Stderr}");
        var payload = line.GetProperty("payload");
        Assert.True(payload.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object, $"expected data, got {payload}");
        return data.GetProperty(field);
    }

    public async Task SendAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
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
