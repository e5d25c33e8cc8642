using System.Text;

namespace KnowledgeGraph.Api.Tests.Readme;

/// <summary>A fenced code block of README.md: its language tag, its text and the line it starts on.</summary>
internal sealed record ReadmeBlock(string Language, string Code, int Line)
{
    public override string ToString() => $"README.md:{Line} ({Language})";
}

/// <summary>Reads the examples of the repository's README.md, and points them at a service on other ports.</summary>
internal static class ReadmeExamples
{
    public static string RepositoryRoot => KnowledgeGraph.Tests.Shared.RepositoryRoot.Path;

    public static string ReadmePath => Path.Combine(RepositoryRoot, "README.md");

    /// <summary>The npm project that installs what the JavaScript examples import (committed lockfile).</summary>
    public static string NpmProject => Path.Combine(RepositoryRoot, "tests", "readme-examples");

    public static IReadOnlyList<ReadmeBlock> Blocks(string language)
    {
        var blocks = new List<ReadmeBlock>();
        var lines = File.ReadAllLines(ReadmePath);
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal) || lines[i].Trim() != "```" + language) continue;
            var start = i + 1;
            var code = new StringBuilder();
            for (i = start; i < lines.Length && lines[i].Trim() != "```"; i++) code.AppendLine(lines[i]);
            blocks.Add(new ReadmeBlock(language, code.ToString(), start));
        }
        return blocks;
    }

    /// <summary>
    /// The <c>curl</c> commands of the README's bash blocks, continuation lines joined. Other commands there
    /// (<c>dotnet run</c>, <c>dotnet test</c>, <c>docker compose</c>) are what the test host and CI run themselves.
    /// </summary>
    public static IReadOnlyList<(ReadmeBlock Block, string Command)> CurlCommands()
    {
        var commands = new List<(ReadmeBlock, string)>();
        foreach (var block in Blocks("bash"))
        {
            var joined = block.Code.Replace("\\\n", " ", StringComparison.Ordinal);
            foreach (var line in joined.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.StartsWith("curl ", StringComparison.Ordinal)) commands.Add((block, line));
            }
        }
        return commands;
    }

    /// <summary>The README addresses the defaults (HTTP 5000, Bolt 7687); the test service listens on free ports.</summary>
    public static string Retarget(string code, int httpPort, int boltPort) => code
        .Replace("localhost:5000", $"127.0.0.1:{httpPort}", StringComparison.Ordinal)
        .Replace("localhost:7687", $"127.0.0.1:{boltPort}", StringComparison.Ordinal);

}
