using System.Text.Json.Nodes;
using GraphQL.Validation;
using GraphQLParser.AST;
using KnowledgeGraph.GraphQL.Compilation;
using KnowledgeGraph.GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.GraphQL.Tests;

/// <summary>
/// Compiled Cypher of query root fields is kept per (field node of a cached document, variable values)
/// (Execution/CompiledCache): a repeated request skips the compiler and runs the same statement; other values compile
/// again and answer for those values; the cache is bounded. Each server test reads the hit and entry counters of the
/// one service the test server runs.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class CompiledCacheTests(GraphQLServerFixture server)
{
    private static JsonObject Statement(JsonObject body) => body["extensions"]!["cypher"]![0]!.AsObject();

    private async Task<KgGraphQLService> ServiceAsync()
    {
        await server.PostAsync("{ __typename }", explain: false);
        return (KgGraphQLService)server.Services.GetRequiredService(typeof(KgGraphQLService));
    }

    [Fact]
    public async Task Compiled_Should_BeReused_When_TheSameRequestRepeats()
    {
        var service = await ServiceAsync();
        const string query = "query CacheRepeat($key: String!) { entity(key: $key) { key name } }";
        var (_, first) = await server.PostAsync(query, new { key = "country:us" });
        var hits = service.Compiled.Hits;
        var (_, second) = await server.PostAsync(query, new { key = "country:us" });
        Assert.True(service.Compiled.Hits > hits, "the second identical request is answered from the cache");
        Assert.Equal("country:us", second["data"]!["entity"]!["key"]!.GetValue<string>());
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
    }

    [Fact]
    public async Task Compiled_Should_AnswerForTheNewValues_When_VariablesChange()
    {
        var service = await ServiceAsync();
        const string query = "query CacheValues($key: String!) { entity(key: $key) { key name } }";
        var (_, us) = await server.PostAsync(query, new { key = "country:us" });
        var hits = service.Compiled.Hits;
        var (_, ukraine) = await server.PostAsync(query, new { key = "country:ukraine" });
        Assert.Equal(hits, service.Compiled.Hits);
        Assert.Equal("country:us", us["data"]!["entity"]!["key"]!.GetValue<string>());
        Assert.Equal("country:ukraine", ukraine["data"]!["entity"]!["key"]!.GetValue<string>());
        // Same text (so the engine's statement cache hits), different parameters.
        Assert.Equal(Statement(us)["query"]!.GetValue<string>(), Statement(ukraine)["query"]!.GetValue<string>());
        Assert.NotEqual(Statement(us)["parameters"]!.ToJsonString(), Statement(ukraine)["parameters"]!.ToJsonString());
    }

    [Fact]
    public async Task Compiled_Should_KeepOneEntryPerPageSize_When_ThePageSizeChangesTheText()
    {
        var service = await ServiceAsync();
        const string query = "query CachePage($n: Int) { people(first: $n) { nodes { key } } }";
        var (_, two) = await server.PostAsync(query, new { n = 2 });
        var (_, three) = await server.PostAsync(query, new { n = 3 });
        var hits = service.Compiled.Hits;
        var (_, twoAgain) = await server.PostAsync(query, new { n = 2 });
        var (_, threeAgain) = await server.PostAsync(query, new { n = 3 });
        Assert.Equal(hits + 2, service.Compiled.Hits);
        Assert.Equal(2, two["data"]!["people"]!["nodes"]!.AsArray().Count);
        Assert.Equal(3, three["data"]!["people"]!["nodes"]!.AsArray().Count);
        Assert.Equal(two.ToJsonString(), twoAgain.ToJsonString());
        Assert.Equal(three.ToJsonString(), threeAgain.ToJsonString());
        Assert.NotEqual(Statement(two)["query"]!.GetValue<string>(), Statement(three)["query"]!.GetValue<string>());
    }

    [Fact]
    public void Cache_Should_StayWithinItsCapacity_When_ManyFieldsAreCompiled()
    {
        var cache = new CompiledCache(capacity: 4);
        var fields = GraphQLParser.Parser.Parse("{ a b c d e f g h i j }").Definitions.OfType<GraphQLOperationDefinition>().Single()
            .SelectionSet.Selections.Cast<GraphQLField>().ToList();
        var compiled = new CompiledRoot(new CompiledStatement("RETURN 1 AS result", new Dictionary<string, object?>()), ResultShape.Single);
        foreach (var field in fields)
        {
            cache.Add(field, "", compiled);
            Assert.InRange(cache.Count, 1, 4);
        }
        Assert.Same(compiled, cache.Find(fields[^1], ""));
        Assert.Null(cache.Find(fields[^1], "other variables"));
    }

    [Fact]
    public async Task Compiled_Should_NotBeKept_When_TheVariablesAreLargerThanAKey()
    {
        var service = await ServiceAsync();
        const string query = "query CacheLarge($key: String!) { entity(key: $key) { key name } }";
        var large = "country:us" + new string(' ', CompiledCache.MaxKeyLength);
        var (_, first) = await server.PostAsync(query, new { key = large });
        var hits = service.Compiled.Hits;
        var (_, second) = await server.PostAsync(query, new { key = large });
        Assert.Equal(hits, service.Compiled.Hits);
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        Assert.True(second["data"]!["entity"] is null, second.ToJsonString());
    }

    [Fact]
    public void Key_Should_BeNull_When_TheSpellingIsLongerThanTheBound()
    {
        var variables = new Variables { new Variable("a", null!) { Value = new string('x', CompiledCache.MaxKeyLength) } };
        Assert.Null(CompiledCache.KeyOf(variables));
        Assert.Null(CompiledCache.KeyOfSent(new Dictionary<string, object?> { ["a"] = new string('x', CompiledCache.MaxKeyLength) }));
        Assert.NotNull(CompiledCache.KeyOfSent(new Dictionary<string, object?> { ["a"] = new string('x', 100) }));
    }

    [Fact]
    public void Key_Should_Differ_When_AValueItsTypeOrTheOrderDiffers()
    {
        static string? Key(params (string Name, object? Value)[] vars)
        {
            var variables = new Variables();
            foreach (var (name, value) in vars) variables.Add(new Variable(name, null!) { Value = value });
            return CompiledCache.KeyOf(variables);
        }
        var keys = new[]
        {
            Key(("a", 1L)), Key(("a", "1")), Key(("a", 1.0)), Key(("a", null)), Key(("a", true)), Key(("a", "n")),
            Key(("a", 1L), ("b", 2L)), Key(("b", 2L), ("a", 1L)), Key(("a", new List<object?> { 1L, 2L })),
            Key(("a", new Dictionary<string, object?> { ["x"] = "1", ["y"] = "2" })),
            Key(("a", new Dictionary<string, object?> { ["x"] = "1\"y", ["y"] = null })),
        };
        Assert.All(keys, Assert.NotNull);
        Assert.Equal(keys.Length, keys.Distinct().Count());
        Assert.Equal(Key(("a", 1L)), Key(("a", 1L)));
        Assert.Null(Key(("a", new Uri("http://example.org/"))));
    }
}
