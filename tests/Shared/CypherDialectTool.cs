// Linked into test projects with and without global usings (Xunit): a using needed in one is redundant in another.
#pragma warning disable IDE0005
using System.Diagnostics;
using Xunit;

namespace KnowledgeGraph.Testing;

/// <summary>A fact skipped, with the reason, when Node.js is not installed (the npm-based judges need it).</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (!CypherDialectTool.IsNodeAvailable)
            Skip = "Node.js (node, npm) is not installed: the Cypher dialect check needs it (README: requirements).";
    }
}

/// <summary>
/// Runs the repository's one Cypher dialect checker, <c>tests/cypher-dialect</c> (Neo4j's own parser from npm, installed
/// from its committed lockfile). Linked into every test project that checks Cypher against Neo4j's grammar.
/// </summary>
internal static class CypherDialectTool
{
    public static bool IsNodeAvailable { get; } = FindTool("node") is not null && FindTool("npm") is not null;

    public static string? FindTool(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);

    /// <summary>Runs a tool to completion (4 minutes at most) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string tool, string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo(FindTool(tool) ?? tool)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', args)} did not finish in 4 minutes.");
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>
    /// Runs <c>npm ci</c> in an npm project of <c>tests/</c> (the dialect checker by default) unless its install is complete. Test processes of different projects
    /// may run at once: a lock file held with <see cref="FileShare.None"/> (exclusive across processes) serialises them,
    /// and the install is re-checked once the lock is held, so npm never runs twice into the same folder at once.
    /// </summary>
    public static async Task EnsureInstalledAsync(string project, string markerPackage = "@neo4j-cypher/language-support")
    {
        if (Installed(project, markerPackage)) return;
        await using (await LockAsync(Path.Combine(project, ".npm-ci.lock")))
        {
            if (Installed(project, markerPackage)) return;
            var (code, stdout, stderr) = await RunAsync("npm", project, "ci", "--no-audit", "--no-fund", "--loglevel=error");
            if (code != 0) throw new InvalidOperationException($"npm ci failed in {project} ({code}):\n{stdout}\n{stderr}");
        }
    }

    /// <summary>npm writes node_modules/.package-lock.json at the end of an install, so its presence marks a complete one.</summary>
    private static bool Installed(string project, string markerPackage) =>
        Directory.Exists(Path.Combine(project, "node_modules", markerPackage))
        && File.Exists(Path.Combine(project, "node_modules", ".package-lock.json"));

    private static async Task<FileStream> LockAsync(string path)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(5);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }
}
