using System.Text.Json.Nodes;
using KnowledgeGraph.Driver;
using KnowledgeGraph.GraphQL.Schema;

namespace KnowledgeGraph.GraphQL.Tests;

/// <summary>
/// What the people using the graph ask, snapshotted with the Cypher that ran, and checked against the article
/// (Mena News, 19 Nov 2025, on the US–Russia 28-point plan): a journalist's five questions, a front end's profile and
/// network pages, and an analyst running the cypher/queries files through the driver.
/// </summary>
public abstract class PersonaTestsBase(GraphQLServerFixture server)
{
    private async Task<JsonObject> RunAsync(string name, string query, object? variables = null)
    {
        var (status, body) = await server.PostAsync(query, variables);
        Assert.True(status == 200 && body["errors"] is null, body.ToJsonString());
        return SnapshotHelper.Match(name, query, variables, status, body);
    }

    private static string Key(JsonNode? node) => node!["key"]!.GetValue<string>();

    private static List<string> Keys(JsonNode? list) => list!.AsArray().Select(Key).ToList();

    // ---- the journalist --------------------------------------------------------------------------------------

    [SuiteFact]
    public async Task Journalist_Should_SeeMiamiTalksAndAlaskaSummit_When_AskingHowTheUsConnectsToRussia()
    {
        var body = await RunAsync("persona-journalist-us-russia-paths", """
            { paths(from: "country:us", to: "country:russia") { totalCount pageInfo { hasNextPage endCursor }
                nodes { length score confidence independentSources explanation nodes { key name kind }
                  steps { from { key } to { key } confidence independentSources relationships { id type confidence tier sources chains origins independentSources quote } } } } }
            """);
        var paths = body["data"]!["paths"]!["nodes"]!.AsArray();
        var sequences = paths.Select(p => string.Join(" ", Keys(p!["nodes"]))).ToList();
        var inner = paths.SelectMany(p => p!["nodes"]!.AsArray().Skip(1).SkipLast(1)).ToList();

        // The two meetings of the article are on the first page, by default.
        Assert.Contains(inner, n => Key(n) == "meeting:miami-talks-2025-10");
        Assert.Contains(inner, n => Key(n) == "meeting:alaska-summit-2025-08");
        // Provenance and structure are never inner nodes; the denied Driscoll–Russia meeting is out.
        Assert.All(inner, n => Assert.Contains(n!["kind"]!.GetValue<string>(), new[] { "PERSON", "COUNTRY", "ORGANIZATION", "MEETING", "PROPOSAL" }));
        Assert.DoesNotContain(inner, n => Key(n) == "meeting:driscoll-russia-meeting-rumoured");
        // One result per node sequence: Witkoff → Dmitriev once, with every relationship between them on that hop.
        Assert.Equal(sequences.Distinct().Count(), sequences.Count);
        var witkoffDmitriev = paths.SelectMany(p => p!["steps"]!.AsArray())
            .Where(s => Key(s!["from"]) == "person:steve-witkoff" && Key(s["to"]) == "person:kirill-dmitriev").ToList();
        Assert.Single(witkoffDmitriev);
        // Without includeBackground every hop rests on a document: no background fact anywhere on the page.
        var relationships = paths.SelectMany(p => p!["steps"]!.AsArray()).SelectMany(s => s!["relationships"]!.AsArray()).ToList();
        Assert.All(relationships, r => Assert.Equal("REPORTED", r!["tier"]!.GetValue<string>()));
        // The Alaska summit joins the two states, claimed per Peskov ("La Russie et les États-Unis ont discuté ... en Alaska").
        var alaska = paths.Single(p => string.Join(" ", Keys(p!["nodes"])) == "country:us meeting:alaska-summit-2025-08 country:russia")!;
        Assert.All(alaska["steps"]!.AsArray(), s =>
        {
            var r = s!["relationships"]!.AsArray().Single()!;
            Assert.Equal(("ATTENDED", "CLAIMED"), (r["type"]!.GetValue<string>(), r["confidence"]!.GetValue<string>()));
            Assert.Equal(["person:dmitry-peskov"], r["origins"]!.AsArray().Select(o => o!.GetValue<string>()));
            Assert.StartsWith("La Russie et les États-Unis ont discuté", r["quote"]!.GetValue<string>(), StringComparison.Ordinal);
        });
        // The Miami talks: the envoys' sides are stated by the article ("l’envoyé américain Steve Witkoff", "dirigée par
        // le représentant Kirill Dmitriev"), so the REPRESENTS hops are reported facts with quotes.
        var miamiPath = paths.First(p => Keys(p!["nodes"]).Contains("meeting:miami-talks-2025-10"))!;
        var represents = miamiPath["steps"]!.AsArray().SelectMany(s => s!["relationships"]!.AsArray()).Where(r => r!["type"]!.GetValue<string>() == "REPRESENTS").ToList();
        Assert.Equal(2, represents.Count);
        Assert.All(represents, r => Assert.False(string.IsNullOrEmpty(r!["quote"]?.GetValue<string>())));
        // Ranked by evidence: scores never increase down the page.
        var scores = paths.Select(p => p!["score"]!.GetValue<double>()).ToList();
        Assert.Equal(scores.OrderDescending().ToList(), scores);
        // The Miami path reads as a meeting, with its place, its dates and Dmitriev as the origin of the report.
        var miami = paths.First(p => Keys(p!["nodes"]).Contains("meeting:miami-talks-2025-10"))!["explanation"]!.GetValue<string>();
        Assert.Contains("met", miami);
        Assert.Contains("Miami, 24–26 Oct 2025: claimed", miami);
        Assert.Contains("Dmitriev", miami);
    }

    [SuiteFact]
    public async Task Paths_Should_UseABackgroundFact_Only_When_IncludeBackgroundIsTrue()
    {
        // "Putin leads Russia" is reference knowledge no document states (tier BACKGROUND).
        const string viaPutin = "country:us person:donald-trump meeting:alaska-summit-2025-08 person:vladimir-putin country:russia";
        const string query = """
            query($bg: Boolean) {
              paths(from: "country:us", to: "country:russia", first: 200, includeBackground: $bg) { totalCount pageInfo { hasNextPage } nodes { nodes { key } } }
              shortestPath(from: "person:vladimir-putin", to: "country:russia", includeBackground: $bg) { length steps { relationships { type tier } } } }
            """;
        async Task<JsonNode> Run(bool background)
        {
            var (status, body) = await server.PostAsync(query, new { bg = background });
            Assert.True(status == 200 && body["errors"] is null, body.ToJsonString());
            Assert.False(body["data"]!["paths"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
            return body["data"]!;
        }
        List<string> Sequences(JsonNode data) => data["paths"]!["nodes"]!.AsArray().Select(p => string.Join(" ", Keys(p!["nodes"]))).ToList();
        List<string> Tiers(JsonNode data) => data["shortestPath"]!["steps"]!.AsArray().SelectMany(s => s!["relationships"]!.AsArray()).Select(r => r!["tier"]!.GetValue<string>()).ToList();

        var strict = await Run(false);
        var background = await Run(true);

        Assert.DoesNotContain(viaPutin, Sequences(strict));
        Assert.Contains(viaPutin, Sequences(background));
        Assert.True(strict["paths"]!["totalCount"]!.GetValue<int>() < background["paths"]!["totalCount"]!.GetValue<int>());
        // Putin to Russia: by default the shortest route goes through the summit both attended (two reported hops);
        // with the background tier it is the one hop LEADS.
        Assert.Equal(2, strict["shortestPath"]!["length"]!.GetValue<int>());
        Assert.All(Tiers(strict), t => Assert.Equal("REPORTED", t));
        Assert.Equal(1, background["shortestPath"]!["length"]!.GetValue<int>());
        Assert.Contains("BACKGROUND", Tiers(background));
    }

    [SuiteFact]
    public async Task Journalist_Should_FindQatarAndTurkey_When_AskingWhoMediatesBetweenRussiaAndUkraine()
    {
        var body = await RunAsync("persona-journalist-mediators-russia-ukraine", """
            { russiaUkraine: mediators(between: "country:russia", and: "country:ukraine") { entity { key name kind } score
                evidence { kind weight via { key name } relationship { type status confidence sources chains } } }
              usRussia: mediators(between: "country:us", and: "country:russia") { entity { key } score } }
            """);
        var mediators = body["data"]!["russiaUkraine"]!.AsArray();
        var keys = mediators.Select(m => Key(m!["entity"])).ToList();
        Assert.Contains("country:qatar", keys);
        Assert.Contains("country:turkey", keys);
        // Qatar's evidence: explicit, potential mediation of the war (per Axios).
        var qatar = mediators.First(m => Key(m!["entity"]) == "country:qatar")!["evidence"]!.AsArray();
        Assert.Contains(qatar, e => e!["kind"]!.GetValue<string>() == "EXPLICIT" && Key(e["via"]) == "conflict:russia-ukraine-war"
            && e["relationship"]!["status"]!.GetValue<string>() == "POTENTIAL");
        // Never the sides, events or documents; never empty because the US and Russia are directly related.
        Assert.DoesNotContain(keys, k => k is "country:russia" or "country:ukraine");
        Assert.All(mediators, m => Assert.Contains(m!["entity"]!["kind"]!.GetValue<string>(), new[] { "PERSON", "COUNTRY", "ORGANIZATION" }));
        Assert.NotEmpty(body["data"]!["usRussia"]!.AsArray());
    }

    [SuiteFact]
    public async Task Journalist_Should_SeeWhatThePlanDemandsAndWhoDeniedWhat()
    {
        var body = await RunAsync("persona-journalist-plan-demands-denials", """
            { plan: entity(key: "proposal:28-point-plan") { name ... on Proposal {
                demands { edges { confidence party node { key name } } }
                deniedBy { nodes { key name } } } }
              denials: claims(where: { stance: { eq: DENIES } }, order: [{ key: ASC }]) { aggregate { count } nodes { key text statedBy { nodes { name } } } }
              contradictions(subject: "proposal:28-point-plan") { note a { kind key text confidence sources chains statedBy { name } } b { kind key text confidence sources chains statedBy { name } } }
              }
            """);
        // The Kremlin's denial against the Axios sourcing of the plan.
        Assert.Contains(body["data"]!["contradictions"]!.AsArray(), c =>
            new[] { Key(c!["a"]), Key(c["b"]) }.Order().SequenceEqual(["claim:kremlin-denies-plan", "claim:us-preparing-28-point-plan"]));
        Assert.All(body["data"]!["contradictions"]!.AsArray(), c => Assert.NotEmpty(c!["b"]!["chains"]!.AsArray()));
        var plan = body["data"]!["plan"]!;
        var demands = plan["demands"]!["edges"]!.AsArray().Select(e => Key(e!["node"])).ToList();
        Assert.Contains("topic:territorial-concessions", demands);
        Assert.All(plan["demands"]!["edges"]!.AsArray(), e => Assert.Equal("country:ukraine", e!["party"]!.GetValue<string>()));
        Assert.Contains("org:kremlin", Keys(plan["deniedBy"]!["nodes"]));
        var denials = body["data"]!["denials"]!;
        Assert.Contains("claim:kremlin-denies-plan", Keys(denials["nodes"]));
        Assert.Contains("claim:peskov-no-driscoll-meeting", Keys(denials["nodes"]));
        Assert.Equal(denials["nodes"]!.AsArray().Count, denials["aggregate"]!["count"]!.GetValue<int>());
    }

    [SuiteFact]
    public async Task Journalist_Should_SeePeskovAgainstTheMiamiTalks_When_AskingForContradictions()
    {
        var body = await RunAsync("persona-journalist-contradictions-miami", """
            { contradictions(subject: "meeting:miami-talks-2025-10") { a { kind key text confidence chains } b { kind key text confidence chains statedBy { key } } } }
            """);
        Assert.Contains(body["data"]!["contradictions"]!.AsArray(), c =>
            c!["a"]!["key"]!.GetValue<string>() == "claim:peskov-nothing-since-alaska" || c["b"]!["key"]!.GetValue<string>() == "claim:peskov-nothing-since-alaska");
    }

    [SuiteFact]
    public async Task Journalist_Should_ListFactsRestingOnOneSource()
    {
        var body = await RunAsync("persona-journalist-single-source", """
            { relationships(where: { independentSources: { eq: 1 }, tier: { eq: REPORTED } }, first: 5) {
                aggregate { count } pageInfo { hasNextPage } nodes { id type from { key } to { key } confidence independentSources origins chains } } }
            """);
        var page = body["data"]!["relationships"]!;
        var count = page["aggregate"]!["count"]!.GetValue<int>();
        Assert.True(count > 0, "no single-source fact");
        Assert.All(page["nodes"]!.AsArray(), r => Assert.Equal(1, r!["independentSources"]!.GetValue<int>()));
        Assert.DoesNotContain(page["nodes"]!.AsArray(), r => r!["type"]!.GetValue<string>() is "MENTIONS" or "ABOUT" or "STATED" or "PUBLISHED");
        Assert.Equal(count > 5, page["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
    }

    [SuiteFact]
    public async Task Journalist_Should_FindKyivAndNato_When_SearchingKievKyivAndOtan()
    {
        var body = await RunAsync("persona-journalist-search", """
            { kiev: searchPage(text: "Kiev", kinds: [PLACE]) { edges { score matched node { key name } } }
              kyiv: searchPage(text: "kyïv", where: { kind: { eq: PLACE } }) { totalCount nodes { key } }
              otan: searchPage(text: "OTAN", first: 1) { pageInfo { hasNextPage } edges { score matched node { key name } } }
              list: search(text: "kiev", where: { kind: { in: [PLACE, COUNTRY] } }) { key } }
            """);
        var kiev = body["data"]!["kiev"]!["edges"]!.AsArray();
        Assert.Equal("place:kyiv", Key(kiev[0]!["node"]));
        Assert.Equal("Kiev", kiev[0]!["matched"]!.GetValue<string>());
        Assert.Equal(0.9, kiev[0]!["score"]!.GetValue<double>());
        Assert.Equal(["place:kyiv"], Keys(body["data"]!["kyiv"]!["nodes"]));
        Assert.Contains("place:kyiv", Keys(body["data"]!["list"]));
        Assert.All(Keys(body["data"]!["list"]), k => Assert.True(k.StartsWith("place:", StringComparison.Ordinal) || k.StartsWith("country:", StringComparison.Ordinal), k));
        var otan = body["data"]!["otan"]!["edges"]!.AsArray();
        Assert.Equal("org:nato", Key(otan[0]!["node"]));
        Assert.Equal("OTAN", otan[0]!["matched"]!.GetValue<string>());
    }

    [SuiteFact]
    public async Task Journalist_Should_GetAValidationError_When_AVocabularyValueIsUnknown()
    {
        var (status, body) = await server.PostAsync("""{ claims(where: { stance: { eq: "deny" } }) { totalCount } }""");
        Assert.Equal(400, status);
        Assert.Null(body["data"]);
        Assert.Equal("ARGUMENTS_OF_CORRECT_TYPE", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        var (_, dated) = await server.PostAsync("""{ meetings(where: { startDate: { gte: "November 2025" } }) { totalCount } }""");
        Assert.Equal("ARGUMENTS_OF_CORRECT_TYPE", dated["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    // ---- the front end ---------------------------------------------------------------------------------------

    [SuiteFact]
    public async Task FrontEnd_Should_RenderAProfilePage_And_RefetchARelationshipById()
    {
        var body = await RunAsync("persona-frontend-profile", """
            { entity(key: "person:steve-witkoff") { id key name kind aliases description ... on Person { title
                represents(edgeOrder: [{ confidence: ASC }]) { edges { type confidence tier independentSources date node { key name } } }
                attended(edgeWhere: { confidence: { gte: CLAIMED } }) { aggregate { count } nodes { key name startDate endDate status heldIn { nodes { name } } } }
                negotiatesWith { edges { confidence date node { key name } } } }
                documents { totalCount nodes { name publishedDate } } } }
            """);
        var person = body["data"]!["entity"]!;
        Assert.Equal("US special envoy", person["title"]!.GetValue<string>());
        Assert.Contains("meeting:miami-talks-2025-10", Keys(person["attended"]!["nodes"]));
        var confidences = person["represents"]!["edges"]!.AsArray().Select(e => e!["confidence"]!.GetValue<string>()).ToList();
        var order = new[] { "CONFIRMED", "REPORTED", "CLAIMED", "RUMOURED", "DENIED" };
        Assert.Equal(confidences.OrderBy(c => Array.IndexOf(order, c)).ToList(), confidences);

        var (_, rel) = await server.PostAsync("""{ relationships(between: "person:steve-witkoff", and: "person:kirill-dmitriev") { nodes { id type } } }""");
        var first = rel["data"]!["relationships"]!["nodes"]![0]!;
        var id = first["id"]!.GetValue<string>();
        Assert.True(GlobalIds.TryDecode(id, out var typeName, out _) && typeName == "Relationship");
        var again = await RunAsync("persona-frontend-node-relationship", "query($id: ID!) { node(id: $id) { id ... on Relationship { type from { key } to { key } confidence sources } } }", new { id });
        Assert.Equal(id, again["data"]!["node"]!["id"]!.GetValue<string>());
        Assert.Equal(first["type"]!.GetValue<string>(), again["data"]!["node"]!["type"]!.GetValue<string>());
    }

    [SuiteFact]
    public async Task FrontEnd_Should_DrawANetwork_When_AskingForWitkoffsNeighbourhood()
    {
        var body = await RunAsync("persona-frontend-network", """
            { network(keys: ["person:steve-witkoff"], hops: 1) { nodes { id key name kind } edges { id type source target fromKey toKey confidence independentSources } }
              paths(from: "country:us", to: "country:russia", first: 3) { network { nodes { key } edges { type fromKey toKey } } } }
            """);
        var network = body["data"]!["network"]!;
        var nodeIds = network["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList();
        var edgeIds = network["edges"]!.AsArray().Select(e => e!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(nodeIds.Distinct().Count(), nodeIds.Count);
        Assert.Equal(edgeIds.Distinct().Count(), edgeIds.Count);
        Assert.All(network["edges"]!.AsArray(), e =>
        {
            Assert.Contains(e!["source"]!.GetValue<string>(), nodeIds);
            Assert.Contains(e["target"]!.GetValue<string>(), nodeIds);
        });
        Assert.Contains("person:kirill-dmitriev", Keys(network["nodes"]));
        Assert.DoesNotContain(network["nodes"]!.AsArray(), n => n!["kind"]!.GetValue<string>() is "DOCUMENT" or "CLAIM" or "SOURCE");
        var pathNetwork = body["data"]!["paths"]!["network"]!;
        Assert.Contains("country:us", Keys(pathNetwork["nodes"]));
        Assert.NotEmpty(pathNetwork["edges"]!.AsArray());
    }

    [SuiteFact]
    public async Task FrontEnd_Should_MatchPartialDatesByOverlap()
    {
        var body = await RunAsync("persona-frontend-date-overlap", """
            { november: proposals(where: { date: { gte: "2025-11-01" } }) { nodes { key date } }
              midAugust: meetings(where: { startDate: { gte: "2025-08-10", lte: "2025-08-20" } }) { nodes { key startDate } }
              october: meetings(where: { startDate: { eq: "2025-10" } }) { nodes { key startDate } } }
            """);
        Assert.Contains("proposal:28-point-plan", Keys(body["data"]!["november"]!["nodes"]));      // stored as "2025-11"
        Assert.DoesNotContain("proposal:april-2025-draft", Keys(body["data"]!["november"]!["nodes"]));
        Assert.Equal(["meeting:alaska-summit-2025-08"], Keys(body["data"]!["midAugust"]!["nodes"])); // stored as "2025-08"
        Assert.Equal(["meeting:miami-talks-2025-10"], Keys(body["data"]!["october"]!["nodes"]));    // 2025-10-24 lies in October
    }

    // ---- the analyst (cypher/queries through the driver) -----------------------------------------------------

    private async Task<IReadOnlyList<KnowledgeGraph.Driver.Record>> RunQueryFileAsync(string file)
    {
        var (query, parameters) = QueryFiles.Read(file);
        await using var session = server.Driver.OpenSession(new SessionOptions { AccessMode = AccessMode.Read });
        var result = await session.RunAsync(query, parameters);
        return (await result.ToEagerAsync()).Records;
    }

    private static List<string> Strings(object? value) => ((System.Collections.IEnumerable)value!).Cast<object?>().Select(v => v?.ToString() ?? "").ToList();

    [SuiteFact]
    public async Task Analyst_Should_GetTheSamePathsFromQuery01AsFromGraphQL()
    {
        var rows = await RunQueryFileAsync("01-mediation-paths.cypher");
        var (_, body) = await server.PostAsync("""{ paths(from: "country:us", to: "country:russia", first: 10) { nodes { score nodes { key } } } }""");
        var graphql = body["data"]!["paths"]!["nodes"]!.AsArray().Select(p => string.Join(" ", Keys(p!["nodes"]))).ToList();
        Assert.Equal(graphql, rows.Select(r => string.Join(" ", Strings(r["keys"]))).ToList());
        Assert.Contains(rows, r => Strings(r["keys"]).Contains("meeting:miami-talks-2025-10"));
        Assert.Contains(rows, r => Strings(r["keys"]).Contains("meeting:alaska-summit-2025-08"));
    }

    [SuiteFact]
    public async Task Analyst_Should_FindQatarAndTurkeyWithQuery07()
    {
        var rows = await RunQueryFileAsync("07-mediators-between-countries.cypher");
        var keys = rows.Select(r => (string)r["key"]!).ToList();
        Assert.Contains("country:qatar", keys);
        Assert.Contains("country:turkey", keys);
        var (_, body) = await server.PostAsync("""{ mediators(between: "country:russia", and: "country:ukraine", first: 50) { entity { key } score } }""");
        Assert.Equal(body["data"]!["mediators"]!.AsArray().Select(m => Key(m!["entity"])).ToList(), keys);
    }

    [SuiteFact]
    public async Task Analyst_Should_ListContradictionsAndANetworkWithQueries20And21()
    {
        var contradictions = await RunQueryFileAsync("20-contradictions.cypher");
        var (_, body) = await server.PostAsync("""{ contradictions(subject: "proposal:28-point-plan") { a { key } b { key } } }""");
        Assert.Equal(body["data"]!["contradictions"]!.AsArray().Count, contradictions.Count);

        var network = Assert.Single(await RunQueryFileAsync("21-network-around-an-entity.cypher"));
        var (_, graph) = await server.PostAsync("""{ network(keys: ["person:steve-witkoff"], hops: 2) { nodes { key } edges { id } } }""");
        Assert.Equal(Keys(graph["data"]!["network"]!["nodes"]).Order(StringComparer.Ordinal),
            ((System.Collections.IEnumerable)network["nodes"]!).Cast<IReadOnlyDictionary<string, object?>>().Select(n => (string)n["key"]!).Order(StringComparer.Ordinal));
        Assert.Equal(graph["data"]!["network"]!["edges"]!.AsArray().Count, ((System.Collections.IList)network["edges"]!).Count);
    }
}

/// <summary>The persona tests over the embedded engine in process.</summary>
[Collection(ServerCollection.Name)]
public sealed class PersonaTests(GraphQLServerFixture server) : PersonaTestsBase(server);

/// <summary>The same tests with the API on the Bolt client, against a second instance serving the engine over Bolt.</summary>
[Collection(BoltServerCollection.Name)]
public sealed class PersonaTestsOverBolt(BoltGraphQLServerFixture server) : PersonaTestsBase(server);
