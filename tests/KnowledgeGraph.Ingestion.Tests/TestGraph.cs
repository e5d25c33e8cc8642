using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeGraph.Cypher;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Ingestion.Hosting;
using KnowledgeGraph.Seeding;
using KnowledgeGraph.Seeding.Hosting;

namespace KnowledgeGraph.Ingestion.Tests;

/// <summary>Paths of the repository the tests read.</summary>
internal static class Repo
{
    public static string Root { get; } = typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .First(a => a.Key == "RepositoryRoot").Value!;

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string Lexicon => Path.Combine(Seeds, "lexicon");

    public static string SeedFile => Path.Combine(Seeds, "2025-11-19-mena-news-28-point-plan.json");

    /// <summary>The first article (../shared/seeds/000_8070831bbb14d085.txt), or null when the shared folder is absent.</summary>
    public static string? ArticlePath
    {
        get
        {
            foreach (var dir in new[] { Path.Combine(Root, "..", "shared", "seeds"), "/work/shared/seeds" })
            {
                var path = Path.GetFullPath(Path.Combine(dir, "000_8070831bbb14d085.txt"));
                if (File.Exists(path)) return path;
            }
            return null;
        }
    }

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
}

/// <summary>A temporary seeds directory: a copy of some seed files and the lexicon.</summary>
internal sealed class TempSeeds : IDisposable
{
    public TempSeeds(bool withArticleSeed = true)
    {
        Path = Directory.CreateTempSubdirectory("kg-ingest-seeds-").FullName;
        if (withArticleSeed) File.Copy(Repo.SeedFile, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(Repo.SeedFile)));
        var lexicon = Directory.CreateDirectory(System.IO.Path.Combine(Path, "lexicon")).FullName;
        foreach (var f in Directory.GetFiles(Repo.Lexicon)) File.Copy(f, System.IO.Path.Combine(lexicon, System.IO.Path.GetFileName(f)));
    }

    public string Path { get; }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}

/// <summary>An in-memory engine seeded from a seeds directory, and an ingestor over it.</summary>
internal sealed class TestGraph : IAsyncDisposable
{
    private TestGraph(GraphDatabase database, TempSeeds seeds)
    {
        Database = database;
        Seeds = seeds;
        Ingestor = new DocumentIngestor(new IngestionOptions { MaxTextLength = 20_000 }, new SeedsLocation(new SeedingOptions { Directory = seeds.Path }, null));
    }

    public GraphDatabase Database { get; }

    public TempSeeds Seeds { get; }

    public DocumentIngestor Ingestor { get; }

    /// <summary>The article's seed, plus <paramref name="extraSeeds"/> (file name to JSON) written beside it.</summary>
    public static async Task<TestGraph> CreateAsync(IReadOnlyDictionary<string, string>? extraSeeds = null, bool withArticleSeed = true)
    {
        var seeds = new TempSeeds(withArticleSeed);
        foreach (var (name, json) in extraSeeds ?? new Dictionary<string, string>())
            await File.WriteAllTextAsync(Path.Combine(seeds.Path, name), json);
        var database = GraphDatabase.CreateInMemory();
        var report = await new SeedLoader().LoadAsync(database, seeds.Path);
        report.ThrowIfFailed();
        return new TestGraph(database, seeds);
    }

    /// <summary>A seed file with only the Country and Person entities of the article's seed (no facts).</summary>
    public static string CountriesAndPeopleSeed()
    {
        var seed = JsonNode.Parse(File.ReadAllText(Repo.SeedFile))!.AsObject();
        var entities = new JsonArray();
        foreach (var e in seed["entities"]!.AsArray())
            if (e!["label"]!.GetValue<string>() is "Country" or "Person")
                entities.Add(e.DeepClone());
        return new JsonObject { ["format"] = 2, ["entities"] = entities }.ToJsonString();
    }

    public Task<IngestionResult> IngestAsync(string text, string source, string publishedAt, string language, string? title = null, bool dryRun = true) =>
        Ingestor.IngestAsync(Database, new IngestionRequest(text, title, "https://example.org/news", source, publishedAt, language, dryRun));

    public async Task<(long Nodes, long Relationships)> CountsAsync()
    {
        var n = await Database.ExecuteQueryAsync("MATCH (n) RETURN count(n) AS c");
        var r = await Database.ExecuteQueryAsync("MATCH ()-[r]->() RETURN count(r) AS c");
        return ((long)n.Records[0]["c"]!, (long)r.Records[0]["c"]!);
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        Seeds.Dispose();
    }
}

internal static class Json
{
    public static string Dump(object value) => JsonSerializer.Serialize(value, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
