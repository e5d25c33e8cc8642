using System.Text.Json;
using KnowledgeGraph.Api.Configuration;
using KnowledgeGraph.Configuration;
using KnowledgeGraph.Cypher;
using KnowledgeGraph.Errors;
using KnowledgeGraph.Ingestion;
using KnowledgeGraph.Ingestion.Hosting;
using KnowledgeGraph.Seeding;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.Ingestion;

/// <summary>
/// <c>KnowledgeGraph.Api ingest FILE --source S --published DATE [--url U] [--title T] [--language L] [--write] [--json]</c>:
/// ingestDocument for a file. It compares the text with the graph the seed files describe (an in-memory engine
/// seeded from <c>Seed:Directory</c>), so it runs beside a running service and never opens its store. Prints the
/// mentions, candidates and classified facts (or the whole result with <c>--json</c>); <c>--write</c> writes the
/// draft into the seeds directory, which <c>reloadSeeds</c> (or a restart) then loads. Exit codes: 0 done, 1 failed,
/// 2 usage error.
/// </summary>
public static class IngestCommand
{
    private const string Usage = """
        usage: KnowledgeGraph.Api ingest FILE --source SOURCE --published DATE [options] [--Key=Value settings]
          --source SOURCE     the publisher: a Source key (source:reuters) or name (Reuters)
          --published DATE    YYYY-MM-DD, YYYY-MM or YYYY
          --url URL           where it was published
          --title TITLE       its title (the draft's file name derives from it)
          --language LANG     fr, en, it, ... (default: every language's word lists)
          --write             write the draft into the seeds directory (Seed:Directory)
          --json              print the whole result as JSON
        """;

    /// <summary>Runs the verb; <paramref name="args"/> are the words after <c>ingest</c>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = VerbArguments.Parse(args, ["--source", "--published", "--url", "--title", "--language"], ["--write", "--json"], out var usageError);
        if (usageError is not null) return UsageError(usageError);
        if (arguments.Help)
        {
            Console.Out.WriteLine(Usage);
            return 0;
        }
        var (file, source, published) = (arguments.Positional, arguments.Value("--source"), arguments.Value("--published"));
        var (url, title, language) = (arguments.Value("--url"), arguments.Value("--title"), arguments.Value("--language"));
        var (write, json) = (arguments.Flag("--write"), arguments.Flag("--json"));
        var settings = arguments.Settings;
        if (file is null) return UsageError("no FILE given");
        if (source is null) return UsageError("--source is required");
        if (published is null) return UsageError("--published is required");

        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [.. settings] });
            // The same contract and options as the service (nothing is started): the keys its registrations know,
            // Ingestion:* and Seed:* bound and validated by their own validators.
            var services = new ServiceCollection().AddKnowledgeGraphServices(builder.Configuration);
            ConfigurationContract.Validate(builder.Configuration, builder.Environment, services);
            services.AddSingleton<IHostEnvironment>(builder.Environment);
            await using var provider = services.BuildServiceProvider();
            var options = provider.GetRequiredService<IOptions<IngestionOptions>>().Value;
            var seeds = provider.GetRequiredService<SeedsLocation>();
            var directory = seeds.RequireDirectory();
            var text = await File.ReadAllTextAsync(Path.GetFullPath(file));

            await using var database = GraphDatabase.CreateInMemory();
            var report = await new SeedLoader().LoadAsync(database, directory);
            foreach (var error in report.Errors) Console.Error.WriteLine($"warning: seed file rejected: {error}");
            var ingestor = new DocumentIngestor(options, seeds);
            var result = await ingestor.IngestAsync(database, new IngestionRequest(text, title, url, source, published, language, DryRun: !write));
            if (json) Console.Out.WriteLine(JsonSerializer.Serialize(result, JsonOptions));
            else Print(result);
            return 0;
        }
        catch (IngestionException e)
        {
            return Fail($"{e.Code}: {e.Message}");
        }
        catch (Exception e) when (e is GraphException or IOException or UnauthorizedAccessException or InvalidConfigurationException or OptionsValidationException)
        {
            return Fail(e.Message);
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static void Print(IngestionResult result)
    {
        var o = Console.Out;
        o.WriteLine($"document {result.Document.Key} ({result.Document.TextHash})");
        foreach (var m in result.Mentions)
            o.WriteLine(m.Key is { } key
                ? $"mention  {m.Offset,6} {m.Text} -> {key} ({m.Rule})"
                : $"mention  {m.Offset,6} {m.Text} -> ambiguous: {string.Join(", ", m.Candidates.Select(c => c.Key))} ({m.Reason})");
        foreach (var c in result.Candidates)
            o.WriteLine($"candidate {c.Offset,5} {c.Kind} '{c.Text}'{(c.ProposedKey is null ? "" : " -> " + c.ProposedKey)}{(c.Person is null ? "" : " for " + c.Person)}: {c.Evidence}");
        foreach (var f in result.Facts)
            o.WriteLine($"fact     {f.Classification,-12} ({f.From})-[:{f.Type}]->({f.To ?? "?"}) per {f.Chain}: {f.Reason}");
        foreach (var e in result.DraftErrors) o.WriteLine("draft error: " + e);
        o.WriteLine(result.WrittenPath is { } path ? $"wrote {path}" : $"dry run: nothing written (the draft would be {result.Document.FileName}; --write writes it)");
    }

    private static int UsageError(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        Console.Error.WriteLine(Usage);
        return 2;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine("error: " + message.ReplaceLineEndings(" "));
        return 1;
    }
}
