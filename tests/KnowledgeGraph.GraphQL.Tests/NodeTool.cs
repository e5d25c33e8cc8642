using System.Diagnostics;

namespace KnowledgeGraph.GraphQL.Tests;

/// <summary>Runs node/npm for the committed Node projects (graphql-http audit, Cypher dialect check).</summary>
internal static class NodeTool
{
    public static bool Available { get; } = Run("node", "--version", ".").ExitCode == 0;

    /// <summary>Runs <c>npm ci</c> once when node_modules is missing.</summary>
    public static void EnsureInstalled(string project)
    {
        if (Directory.Exists(Path.Combine(project, "node_modules"))) return;
        var (code, _, err) = Run("npm", "ci --ignore-scripts --no-audit --no-fund", project, TimeSpan.FromMinutes(5));
        if (code != 0) throw new InvalidOperationException("npm ci failed in " + project + ": " + err);
    }

    public static (int ExitCode, string Stdout, string Stderr) Run(string file, string arguments, string directory, TimeSpan? timeout = null)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments)
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                return (-1, stdout.Result, "timed out");
            }
            return (process.ExitCode, stdout.Result, stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, "", e.Message);
        }
    }
}
