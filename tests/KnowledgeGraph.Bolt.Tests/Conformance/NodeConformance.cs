using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace KnowledgeGraph.Bolt.Tests.Conformance;

/// <summary>
/// Runs the scripts of <c>tests/bolt-conformance</c> (official npm neo4j-driver 6.3.0, pinned by the committed
/// package-lock.json) as child processes. The first use runs <c>npm ci</c> when node_modules is missing.
/// </summary>
internal static class NodeConformance
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private static bool _installed;

    public static string ProjectDirectory { get; } = FindProjectDirectory();

    // The build output may live outside the repository (--artifacts-path), so also look beside this source file.
    private static string FindProjectDirectory([CallerFilePath] string sourceFile = "")
    {
        var starts = new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory(), Path.GetDirectoryName(sourceFile) ?? "" };
        foreach (var start in starts.Where(s => s.Length > 0))
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "bolt-conformance");
                if (File.Exists(Path.Combine(candidate, "package-lock.json"))) return candidate;
            }
        }
        throw new InvalidOperationException("tests/bolt-conformance (with package-lock.json) not found above " + string.Join(" or ", starts));
    }

    public static async Task EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (_installed) return;
            var marker = Path.Combine(ProjectDirectory, "node_modules", "neo4j-driver", "package.json");
            if (!File.Exists(marker) || !File.ReadAllText(marker).Contains("\"version\": \"6.3.0\"", StringComparison.Ordinal))
            {
                var (code, output) = await RunProcessAsync("npm", "ci --no-audit --no-fund", null, TimeSpan.FromMinutes(5));
                if (code != 0) throw new InvalidOperationException($"npm ci failed in {ProjectDirectory} (exit {code}):\n{output}");
            }
            _installed = true;
        }
        finally
        {
            InstallLock.Release();
        }
    }

    /// <summary>Runs scripts/&lt;name&gt;.js and returns its last stdout line parsed as JSON.</summary>
    public static async Task<JsonElement> RunScriptAsync(string name, IDictionary<string, string> environment, TimeSpan? timeout = null)
    {
        await EnsureInstalledAsync();
        var (code, output) = await RunProcessAsync("node", Path.Combine("scripts", name + ".js"), environment, timeout ?? TimeSpan.FromSeconds(90));
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault(l => l.StartsWith('{'));
        if (last is null) throw new InvalidOperationException($"{name}.js printed no JSON (exit {code}):\n{output}");
        var json = JsonDocument.Parse(last).RootElement;
        if (json.TryGetProperty("fatal", out var fatal)) throw new InvalidOperationException($"{name}.js failed: {fatal.GetString()}");
        return json;
    }

    public static ProcessStartInfo StartInfo(string file, string arguments, IDictionary<string, string>? environment)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = ProjectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) info.Environment[k] = v;
        return info;
    }

    private static async Task<(int Code, string Output)> RunProcessAsync(string file, string arguments, IDictionary<string, string>? environment, TimeSpan timeout)
    {
        using var process = Process.Start(StartInfo(file, arguments, environment))!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {arguments} did not finish within {timeout.TotalSeconds:0}s:\n{await stdout}\n{await stderr}");
        }
        var output = new StringBuilder().AppendLine(await stdout).AppendLine(await stderr).ToString();
        return (process.ExitCode, output);
    }
}
