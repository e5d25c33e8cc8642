using System.Diagnostics;
using Xunit;

namespace KnowledgeGraph.Api.Tests;

/// <summary>The <c>ingest</c> verb of the service executable, run for real on the README's fixture file.</summary>
public sealed class IngestCommandTests
{
    private sealed record Run(int ExitCode, string Out, string Error);

    private static async Task<Run> IngestAsync(params string[] args)
    {
        using var process = Process.Start(ApiProcess.StartInfo(["ingest", .. args]))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cts.Token);
        return new Run(process.ExitCode, await stdout, await stderr);
    }

    private static string Fixture => Path.Combine(Readme.ReadmeExamples.RepositoryRoot, "tests", "KnowledgeGraph.Ingestion.Tests", "Fixtures", "en-corroborates-miami.txt");

    [Fact]
    public async Task Ingest_Should_ClassifyAndWriteTheDraft_When_RunOnAFile()
    {
        using var dir = new TempDirectory();
        var seeds = Directory.CreateDirectory(Path.Combine(dir.Path, "seeds")).FullName;
        var repoSeeds = Path.Combine(Readme.ReadmeExamples.RepositoryRoot, "seeds");
        foreach (var file in Directory.GetFiles(repoSeeds, "*.json")) File.Copy(file, Path.Combine(seeds, Path.GetFileName(file)));

        // The README's command (the dll instead of dotnet run), first a dry run, then --write into a copy of seeds/.
        string[] args = [Fixture, "--source", "The Guardian", "--published", "2025-11-21", "--language", "en", "--url", "https://example.org/miami", $"--Seed:Directory={seeds}"];
        var dry = await IngestAsync(args);
        Assert.True(dry.ExitCode == 0, dry.Out + dry.Error);
        Assert.Contains("mention      38 Steve Witkoff -> person:steve-witkoff (name)", dry.Out, StringComparison.Ordinal);
        Assert.Contains("fact     corroborates (person:steve-witkoff)-[:ATTENDED]->(meeting:miami-talks-2025-10) per unnamed:source:the-guardian > source:the-guardian: ", dry.Out, StringComparison.Ordinal);
        Assert.Contains("dry run: nothing written (the draft would be 2025-11-21-the-guardian-according-to-two-ukrainian-officials.json; --write writes it)", dry.Out, StringComparison.Ordinal);
        Assert.Equal(Directory.GetFiles(repoSeeds, "*.json").Length, Directory.GetFiles(seeds, "*.json").Length);

        var written = await IngestAsync([.. args, "--write"]);
        Assert.True(written.ExitCode == 0, written.Out + written.Error);
        var draft = Path.Combine(seeds, "2025-11-21-the-guardian-according-to-two-ukrainian-officials.json");
        Assert.Contains("wrote " + draft, written.Out, StringComparison.Ordinal);
        Assert.Contains("\"publishedBy\": \"source:the-guardian\"", await File.ReadAllTextAsync(draft), StringComparison.Ordinal);

        // Ingested again, with the draft now among the seeds, the same text only repeats what they hold.
        var again = await IngestAsync(args);
        Assert.Contains("fact     repeats      (person:steve-witkoff)-[:ATTENDED]->(meeting:miami-talks-2025-10)", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_Should_ExitWithTheCode_When_InputIsBad()
    {
        var usage = await IngestAsync(Fixture, "--published", "2025-11-21");
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("--source is required", usage.Error, StringComparison.Ordinal);
        var date = await IngestAsync(Fixture, "--source", "Reuters", "--published", "yesterday");
        Assert.Equal(1, date.ExitCode);
        Assert.Contains("error: KG_INVALID_DATE: publishedAt: expected YYYY-MM-DD", date.Error, StringComparison.Ordinal);
    }
}
