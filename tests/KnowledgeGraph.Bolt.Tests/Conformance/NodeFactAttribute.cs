using System.Diagnostics;
using Xunit;

namespace KnowledgeGraph.Bolt.Tests.Conformance;

/// <summary>A fact that is skipped, with the reason, when Node.js is not on the PATH.</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Missing = new(FindProblem);

    public NodeFactAttribute()
    {
        if (Missing.Value is { } reason) Skip = reason;
    }

    private static string? FindProblem()
    {
        try
        {
            using var node = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true, UseShellExecute = false });
            if (node is null) return "Node.js is not installed (node not found on PATH); the neo4j-driver conformance suite needs it.";
            node.WaitForExit(10_000);
            return node.ExitCode == 0 ? null : "node --version failed; the neo4j-driver conformance suite needs a working Node.js.";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "Node.js is not installed (node not found on PATH); the neo4j-driver conformance suite needs it.";
        }
    }
}
