using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeGraph.GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KnowledgeGraph.Ingestion.Tests;

/// <summary>
/// ingestDocument and reloadSeeds over real HTTP: Kestrel on a free port with the GraphQL API over the embedded
/// engine (as tests/KnowledgeGraph.GraphQL.Tests host it), seeded from a temporary seeds directory.
/// </summary>
public sealed class GraphQLIngestionTests : IAsyncLifetime
{
    private const string ApiKey = "ingest-curator-key-0123456789";

    private const string Ingest = """
        mutation($input: IngestDocumentInput!) {
          ingestDocument(input: $input) {
            documentKey fileName textHash written writtenFile draft draftErrors
            mentions { text offset length key rule reason candidates { key } }
            candidates { kind text person }
            facts { type from to classification independentSourcesBefore independentSourcesAfter chain related { type chains } }
            reports { chain classification }
          }
        }
        """;

    private const string Reload = "mutation { reloadSeeds { succeeded nodesCreated relationshipsCreated files { file loaded nodesCreated errors } } }";

    private TestGraph _graph = null!;
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _graph = await TestGraph.CreateAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GraphQL:ApiKey"] = ApiKey,
            ["Seed:Directory"] = _graph.Seeds.Path,
            ["Ingestion:MaxTextLength"] = "2000",
        });
        builder.Services.AddSingleton<KnowledgeGraph.Driver.IGraphDriver>(_graph.Database);
        builder.Services.AddKnowledgeGraphGraphQL(builder.Configuration);
        _app = builder.Build();
        _app.MapKnowledgeGraphGraphQL();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _graph.DisposeAsync();
    }

    private async Task<JsonObject> PostAsync(string query, object? variables = null, string? apiKey = ApiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        if (apiKey is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        using var response = await _client.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static object Input(string text, bool? dryRun = null) => new
    {
        input = new Dictionary<string, object?>
        {
            ["text"] = text,
            ["title"] = "Witkoff and Dmitriev met in Miami",
            ["url"] = "https://example.org/miami",
            ["source"] = "The Guardian",
            ["publishedAt"] = "2025-11-21",
            ["language"] = "en",
            ["dryRun"] = dryRun,
        }.Where(p => p.Value is not null).ToDictionary(),
    };

    private static string? Code(JsonObject body) => body["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();

    [Fact]
    public async Task IngestDocument_Should_ClassifyAndWriteNothing_When_DryRunByDefault()
    {
        var before = await _graph.CountsAsync();
        var files = Directory.GetFiles(_graph.Seeds.Path);
        var body = await PostAsync(Ingest, Input(Repo.Fixture("en-corroborates-miami.txt")));
        Assert.Null(body["errors"]);
        var result = body["data"]!["ingestDocument"]!;
        Assert.False(result["written"]!.GetValue<bool>());
        Assert.Null(result["writtenFile"]);
        Assert.Equal("document:the-guardian-2025-11-21-witkoff-and-dmitriev-met-in-miami", result["documentKey"]!.GetValue<string>());
        Assert.Empty(result["draftErrors"]!.AsArray());
        var facts = result["facts"]!.AsArray();
        Assert.Equal(3, facts.Count);
        Assert.All(facts, f => Assert.Equal("CORROBORATES", f!["classification"]!.GetValue<string>()));
        Assert.Contains(facts, f => f!["from"]!.GetValue<string>() == "person:steve-witkoff" && f["independentSourcesAfter"]!.GetValue<int>() == 2
            && f["related"]!["chains"]![0]!.GetValue<string>() == "person:kirill-dmitriev > source:il-giornale > source:mena-news");
        var witkoff = result["mentions"]!.AsArray().First(m => m!["text"]!.GetValue<string>() == "Steve Witkoff")!;
        Assert.Equal(("person:steve-witkoff", 38, 13), (witkoff["key"]!.GetValue<string>(), witkoff["offset"]!.GetValue<int>(), witkoff["length"]!.GetValue<int>()));
        Assert.Equal("CORROBORATES", result["reports"]![0]!["classification"]!.GetValue<string>());
        JsonNode.Parse(result["draft"]!.GetValue<string>()); // the draft is JSON

        Assert.Equal(before, await _graph.CountsAsync());
        Assert.Equal(files, Directory.GetFiles(_graph.Seeds.Path));
    }

    [Fact]
    public async Task Mutations_Should_AnswerNotAuthenticated_When_TheKeyIsMissing()
    {
        var ingest = await PostAsync(Ingest, Input("Witkoff met Dmitriev in Miami."), apiKey: null);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", Code(ingest));
        var reload = await PostAsync(Reload, apiKey: "wrong-key-0123456789");
        Assert.Equal("AUTH_NOT_AUTHENTICATED", Code(reload));
    }

    [Fact]
    public async Task IngestDocument_Should_AnswerWithACode_When_TextIsOversizedOrEmpty()
    {
        var tooLong = await PostAsync(Ingest, Input(new string('x', 2001)));
        Assert.Equal("KG_TEXT_TOO_LONG", Code(tooLong));
        Assert.Contains("at most 2000", tooLong["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal("KG_INVALID_TEXT", Code(await PostAsync(Ingest, Input(" "))));
        // The service keeps answering.
        Assert.Null((await PostAsync(Ingest, Input("Steve Witkoff and Kirill Dmitriev met in Miami.")))["errors"]);
    }

    [Fact]
    public async Task ReloadSeeds_Should_LoadTheWrittenDraftOnce_When_AppliedTwice()
    {
        var written = await PostAsync(Ingest, Input(Repo.Fixture("en-corroborates-miami.txt"), dryRun: false));
        Assert.Null(written["errors"]);
        var file = written["data"]!["ingestDocument"]!["writtenFile"]!.GetValue<string>();
        Assert.EndsWith("/2025-11-21-the-guardian-witkoff-and-dmitriev-met-in-miami.json", file);
        Assert.True(File.Exists(Path.Combine(_graph.Seeds.Path, Path.GetFileName(file))));
        var before = await _graph.CountsAsync();

        var first = (await PostAsync(Reload))["data"]!["reloadSeeds"]!;
        Assert.True(first["succeeded"]!.GetValue<bool>());
        Assert.True(first["nodesCreated"]!.GetValue<int>() >= 2);
        var afterFirst = await _graph.CountsAsync();
        Assert.True(afterFirst.Nodes > before.Nodes && afterFirst.Relationships > before.Relationships);

        var second = (await PostAsync(Reload))["data"]!["reloadSeeds"]!;
        Assert.Equal((0, 0), (second["nodesCreated"]!.GetValue<int>(), second["relationshipsCreated"]!.GetValue<int>()));
        Assert.Equal(afterFirst, await _graph.CountsAsync());

        var again = (await PostAsync(Ingest, Input(Repo.Fixture("en-corroborates-miami.txt"))))["data"]!["ingestDocument"]!;
        Assert.All(again["facts"]!.AsArray(), f => Assert.Equal("REPEATS", f!["classification"]!.GetValue<string>()));
    }
}
