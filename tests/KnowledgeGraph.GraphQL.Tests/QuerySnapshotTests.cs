using System.Text.Json.Nodes;
using KnowledgeGraph.GraphQL.Schema;

namespace KnowledgeGraph.GraphQL.Tests;

/// <summary>Representative queries over the seed graph, snapshotted with the Cypher they compiled to.</summary>
public abstract class QuerySnapshotTestsBase(GraphQLServerFixture server)
{
    private async Task<JsonObject> RunAsync(string name, string query, object? variables = null, int expectedStatus = 200)
    {
        var (status, body) = await server.PostAsync(query, variables);
        Assert.Equal(expectedStatus, status);
        return SnapshotHelper.Match(name, query, variables, status, body);
    }

    private static JsonArray Nodes(JsonObject body, string field) => body["data"]![field]!["nodes"]!.AsArray();

    [SuiteFact]
    public async Task Entity_Should_ReturnTwoLevelsOfRelations_When_SelectedByKey()
    {
        var body = await RunAsync("entity-two-levels", """
            query { entity(key: "person:steve-witkoff") { id kind name aliases
              ... on Person { title
                represents { edges { type confidence sources node { name kind } } }
                attended(order: [{ name: ASC }]) { totalCount nodes { name startDate heldIn { nodes { name } } participants(first: 3) { totalCount nodes { name } } } } } } }
            """);
        Assert.Equal("Steve Witkoff", body["data"]!["entity"]!["name"]!.GetValue<string>());
        Assert.Single(body["extensions"]!["cypher"]!.AsArray()); // one statement however deep
    }

    [SuiteFact]
    public async Task Node_Should_ResolveGlobalIds_When_QueriedByNodeAndNodes()
    {
        var us = GlobalIds.Encode("Country", "country:us");
        var kremlin = GlobalIds.Encode("Organization", "org:kremlin");
        var missing = GlobalIds.Encode("Person", "person:nobody");
        var body = await RunAsync("node-by-id", "query($id: ID!, $ids: [ID!]!) { node(id: $id) { id ... on Country { name isoCode } } nodes(ids: $ids) { id ... on Entity { name kind } } }",
            new { id = us, ids = new[] { kremlin, missing, us } });
        Assert.Equal(us, body["data"]!["node"]!["id"]!.GetValue<string>());
        var nodes = body["data"]!["nodes"]!.AsArray();
        Assert.Equal(3, nodes.Count);
        Assert.Null(nodes[1]);
        Assert.Equal("Kremlin", nodes[0]!["name"]!.GetValue<string>());
    }

    [SuiteFact]
    public async Task People_Should_Filter_When_WhereUsesOrAndListOperations()
    {
        var body = await RunAsync("filter-or-aliases", """
            { people(where: { or: [{ name: { startsWith: "D" } }, { aliases: { some: { eq: "Witkoff" } } }], not: { name: { contains: "Driscoll" } } }) {
                totalCount nodes { key name } } }
            """);
        var names = Nodes(body, "people").Select(n => n!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("Steve Witkoff", names);
        Assert.DoesNotContain("Daniel Driscoll", names);
    }

    [SuiteFact]
    public async Task People_Should_Filter_When_RelationshipFilterSomeIsUsed()
    {
        var body = await RunAsync("filter-relationship-some", """
            { people(where: { attended: { some: { key: { eq: "meeting:miami-talks-2025-10" } } } }) { totalCount nodes { name } } }
            """);
        Assert.Contains(Nodes(body, "people"), n => n!["name"]!.GetValue<string>() == "Kirill Dmitriev");
    }

    [SuiteFact]
    public async Task Organizations_Should_Filter_When_RelationshipFilterNoneAndAllAreUsed()
    {
        var body = await RunAsync("filter-relationship-none-all", """
            { none: organizations(where: { leaders: { none: { name: { contains: "Putin" } } }, category: { in: [EXECUTIVE_OFFICE, ALLIANCE] } }) { nodes { key category } }
              all: countries(where: { leaders: { all: { key: { startsWith: "person:" } } } }) { totalCount } }
            """);
        Assert.DoesNotContain(body["data"]!["none"]!["nodes"]!.AsArray(), n => n!["key"]!.GetValue<string>() == "org:kremlin");
        Assert.Equal(2, body["extensions"]!["cypher"]!.AsArray().Count);
    }

    [SuiteFact]
    public async Task Meetings_Should_SortDescending_When_OrderGiven()
    {
        var body = await RunAsync("sort-meetings-desc", "{ meetings(order: [{ startDate: DESC }, { name: ASC }]) { nodes { name startDate status } } }");
        var dates = Nodes(body, "meetings").Select(n => n!["startDate"]?.GetValue<string>()).Where(d => d is not null).ToList();
        Assert.Equal(dates.OrderByDescending(d => d, StringComparer.Ordinal).ToList(), dates);
    }

    [SuiteFact]
    public async Task People_Should_PageForwardAndBackward_When_CursorsAreFollowed()
    {
        const string forward = "query($after: String) { people(first: 3, after: $after) { edges { cursor node { name } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }";
        var page1 = await RunAsync("paging-forward-1", forward);
        var end = page1["data"]!["people"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        var page2 = await RunAsync("paging-forward-2", forward, new { after = end });
        var p1 = page1["data"]!["people"]!["edges"]!.AsArray().Select(e => e!["node"]!["name"]!.GetValue<string>()).ToList();
        var p2 = page2["data"]!["people"]!["edges"]!.AsArray().Select(e => e!["node"]!["name"]!.GetValue<string>()).ToList();
        Assert.Empty(p1.Intersect(p2));
        Assert.True(string.CompareOrdinal(p1[^1], p2[0]) < 0);

        var start = page2["data"]!["people"]!["pageInfo"]!["startCursor"]!.GetValue<string>();
        var back = await RunAsync("paging-backward", "query($before: String) { people(last: 2, before: $before) { nodes { name } pageInfo { hasNextPage hasPreviousPage } } }", new { before = start });
        var b = Nodes(back, "people").Select(n => n!.AsObject()["name"]!.GetValue<string>()).ToList();
        Assert.Equal(p1[^2..], b);
    }

    [SuiteFact]
    public async Task Search_Should_FindKyiv_When_SearchingTheAliasKiev()
    {
        var body = await RunAsync("search-kiev", "{ search(text: \"kiev\") { key name kind aliases } }");
        Assert.Contains(body["data"]!["search"]!.AsArray(), n => n!["key"]!.GetValue<string>() == "place:kyiv");
    }

    [SuiteFact]
    public async Task Search_Should_IgnoreCaseAndAccents_When_SearchingOtanAndMoscou()
    {
        var body = await RunAsync("search-otan-accents", "{ otan: search(text: \"OTAN\", kinds: [ORGANIZATION]) { key name } moscou: search(text: \"Moscóu\", first: 3) { key name } }");
        Assert.Equal("org:nato", body["data"]!["otan"]![0]!["key"]!.GetValue<string>());
        Assert.NotEmpty(body["data"]!["moscou"]!.AsArray());
    }

    [SuiteFact]
    public async Task SearchPage_Should_GiveFulltextRelevance_When_TextHasQuerySyntaxCharacters()
    {
        var body = await RunAsync("search-fulltext-relevance", """
            { city: searchPage(text: "Kiev (city", first: 5) { edges { score relevance matched node { key } } }
              prefix: search(text: "witk") { key }
              operators: search(text: "AND") { key }
              punctuation: search(text: "(\"*)") { key } }
            """);
        var edges = body["data"]!["city"]!["edges"]!.AsArray();
        Assert.Contains(edges, e => e!["node"]!["key"]!.GetValue<string>() == "place:kyiv");
        var ranks = edges.Select(e => (Score: e!["score"]!.GetValue<double>(), Relevance: e["relevance"]!.GetValue<double>())).ToList();
        Assert.All(ranks, r => Assert.True(r.Relevance > 0));
        Assert.Equal(ranks.OrderByDescending(r => r.Score).ThenByDescending(r => r.Relevance).ToList(), ranks);
        Assert.Equal("person:steve-witkoff", body["data"]!["prefix"]![0]!["key"]!.GetValue<string>());
        Assert.NotEmpty(body["data"]!["operators"]!.AsArray()); // the word "and", not an operator
        Assert.Empty(body["data"]!["punctuation"]!.AsArray());
        Assert.Null(body["errors"]);
        Assert.Contains("db.index.fulltext.queryNodes('entity_search', $p", body["extensions"]!["cypher"]![0]!["query"]!.GetValue<string>());
    }

    [SuiteFact]
    public async Task Paths_Should_RankByEvidence_When_UsToUkraine()
    {
        var body = await RunAsync("paths-us-ukraine", """
            { paths(from: "country:us", to: "country:ukraine", maxHops: 3, first: 10) { totalCount pageInfo { hasNextPage }
                nodes { length score confidence nodes { key } steps { index forward from { name } relationships { type confidence sources } to { name } } } } }
            """);
        var paths = Nodes(body, "paths");
        Assert.NotEmpty(paths);
        var scores = paths.Select(p => p!["score"]!.GetValue<double>()).ToList();
        Assert.Equal(scores.OrderDescending().ToList(), scores);
        Assert.All(paths, p => Assert.DoesNotContain(p!["nodes"]!.AsArray().Skip(1).SkipLast(1), n => n!["key"]!.GetValue<string>().Split(':')[0] is "claim" or "document" or "source" or "fact"));
    }

    [SuiteFact]
    public async Task Paths_Should_PageWithoutOverlap_When_FollowingTheEndCursor()
    {
        const string query = "query($after: String) { paths(from: \"country:us\", to: \"country:ukraine\", maxHops: 3, first: 3, after: $after) { pageInfo { hasNextPage endCursor } nodes { nodes { key } } } }";
        var (_, all) = await server.PostAsync("""{ paths(from: "country:us", to: "country:ukraine", maxHops: 3, first: 100) { nodes { nodes { key } } } }""");
        static List<string> Keys(JsonObject body) => body["data"]!["paths"]!["nodes"]!.AsArray()
            .Select(p => string.Join(",", p!["nodes"]!.AsArray().Select(n => n!["key"]!.GetValue<string>()))).ToList();
        var (_, page1) = await server.PostAsync(query);
        Assert.True(page1["data"]!["paths"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        var end = page1["data"]!["paths"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        var (_, page2) = await server.PostAsync(query, new { after = end });
        Assert.Equal(Keys(all).Take(6), Keys(page1).Concat(Keys(page2)));
    }

    [SuiteFact]
    public async Task ShortestPath_Should_ConnectWhiteHouseAndKremlin()
    {
        var body = await RunAsync("shortest-white-house-kremlin", """
            { shortestPath(from: "org:white-house", to: "org:kremlin", maxHops: 6) { length nodes { name kind } relationships { type from { key } to { key } confidence } } }
            """);
        Assert.True(body["data"]!["shortestPath"]!["length"]!.GetValue<int>() >= 1);
    }

    [SuiteFact]
    public async Task Mediators_Should_RankByScore_When_BetweenUsAndUkraine()
    {
        var body = await RunAsync("mediators-us-ukraine", """
            { mediators(between: "country:us", and: "country:ukraine", first: 5) {
                entity { key name kind } score evidence { kind weight via { key } relationship { type confidence } } } }
            """);
        var mediators = body["data"]!["mediators"]!.AsArray();
        var scores = mediators.Select(m => m!["score"]!.GetValue<double>()).ToList();
        Assert.Equal(scores.OrderDescending().ToList(), scores);
        Assert.All(mediators, m => Assert.Contains(m!["entity"]!["kind"]!.GetValue<string>(), new[] { "PERSON", "COUNTRY", "ORGANIZATION" }));
    }

    [SuiteFact]
    public async Task Relationships_Should_ListDirectRelationsBothWays()
    {
        var body = await RunAsync("relationships-witkoff-dmitriev", """
            { relationships(between: "person:steve-witkoff", and: "person:kirill-dmitriev") { totalCount nodes { id type from { key } to { key } sources confidence date } } }
            """);
        Assert.NotEmpty(Nodes(body, "relationships"));
    }

    [SuiteFact]
    public async Task Errors_Should_CarryStableCodes_When_LimitsAreExceeded()
    {
        var body = await RunAsync("errors-limits", """
            { big: people(first: 500) { totalCount } hops: paths(from: "country:us", to: "country:ukraine", maxHops: 9) { totalCount } bad: people(after: "not-a-cursor") { totalCount } }
            """);
        var codes = body["errors"]!.AsArray().Select(e => e!["extensions"]!["code"]!.GetValue<string>()).Order().ToList();
        Assert.Equal([KgErrorCodes.InvalidCursor, KgErrorCodes.MaxHopsExceeded, KgErrorCodes.PageSizeExceeded], codes);
    }

    [SuiteFact]
    public async Task Errors_Should_Return400_When_TheDocumentIsInvalid()
    {
        var body = await RunAsync("errors-validation", "{ people { nodes { nonexistent } } }", expectedStatus: 400);
        Assert.Null(body["data"]);
        Assert.NotNull(body["errors"]![0]!["extensions"]!["code"]);
    }
}

/// <summary>The tests over the embedded engine in process.</summary>
[Collection(ServerCollection.Name)]
public sealed class QuerySnapshotTests(GraphQLServerFixture server) : QuerySnapshotTestsBase(server);

/// <summary>The same tests with the API on the Bolt client, against a second instance serving the engine over Bolt.</summary>
[Collection(BoltServerCollection.Name)]
public sealed class QuerySnapshotTestsOverBolt(BoltGraphQLServerFixture server) : QuerySnapshotTestsBase(server);
