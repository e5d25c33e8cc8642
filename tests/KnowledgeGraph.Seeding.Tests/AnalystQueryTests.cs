using KnowledgeGraph.Cypher;
using static KnowledgeGraph.Seeding.Tests.GraphTestHelpers;


namespace KnowledgeGraph.Seeding.Tests;

/// <summary>One seeded in-memory database shared by the read-only query tests.</summary>
public sealed class SeededGraphFixture : IAsyncLifetime
{
    public GraphDatabase Db { get; private set; } = null!;

    public async Task InitializeAsync() => Db = await SeededDatabaseAsync();

    public async Task DisposeAsync() => await Db.DisposeAsync();
}

/// <summary>Every file of cypher/queries runs on the embedded engine with its header's parameters, and returns what the seed data implies.</summary>
public class AnalystQueryTests(SeededGraphFixture graph) : IClassFixture<SeededGraphFixture>
{
    private async Task<IReadOnlyList<Record>> RunAsync(string file)
    {
        var (query, parameters) = ReadQueryFile(file);
        return (await graph.Db.ExecuteQueryAsync(query, parameters, AccessMode.Read)).Records;
    }

    [Fact]
    public void QueriesFolder_Should_HoldAtLeastTenQueries_EachCoveredHere()
    {
        var files = Directory.GetFiles(RepoPaths.Queries, "*.cypher").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var tested = typeof(AnalystQueryTests).GetMethods()
            .Where(m => m.Name.StartsWith("Query", StringComparison.Ordinal) && m.Name.Contains("_Should_", StringComparison.Ordinal))
            .Select(m => m.Name).ToList();

        Assert.True(files.Count >= 10, $"only {files.Count} analyst queries");
        // One test per file: Query01_..., Query02_...
        foreach (var file in files)
            Assert.Contains(tested, t => t.StartsWith("Query" + file![..2] + "_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Query01_MediationPaths_Should_RankUsRussiaPathsByEvidence_ThroughTheMiamiTalksAndTheAlaskaSummit()
    {
        var rows = await RunAsync("01-mediation-paths.cypher");

        Assert.Equal(10, rows.Count);
        var scores = rows.Select(r => (double)r["score"]!).ToList();
        Assert.Equal(scores.OrderDescending().ToList(), scores);
        Assert.Contains(rows, r => Strings(r["keys"]).SequenceEqual(
            ["country:us", "person:steve-witkoff", "meeting:miami-talks-2025-10", "person:kirill-dmitriev", "country:russia"]));
        // The summit joins the two states directly (per Peskov); "Putin leads Russia" is background, so never a hop.
        Assert.Contains(rows, r => Strings(r["keys"]).SequenceEqual(
            ["country:us", "meeting:alaska-summit-2025-08", "country:russia"]));
        Assert.DoesNotContain(rows, r => Strings(r["keys"]).SequenceEqual(
            ["country:us", "person:donald-trump", "meeting:alaska-summit-2025-08", "person:vladimir-putin", "country:russia"]));
        // Only actors and events inside; one row per node sequence; never the denied Driscoll–Russia meeting.
        Assert.All(rows, r => Assert.All(Strings(r["keys"]).Skip(1).SkipLast(1), k =>
            Assert.Contains(k!.Split(':')[0], new[] { "person", "country", "org", "meeting", "proposal" })));
        Assert.Equal(rows.Count, rows.Select(r => string.Join(" ", Strings(r["keys"]))).Distinct().Count());
        Assert.DoesNotContain(rows, r => Strings(r["keys"]).Contains("meeting:driscoll-russia-meeting-rumoured"));
    }

    [Fact]
    public async Task Query02_ShortestPath_Should_GoFromWhiteHouseThroughUsGovernmentToKremlin()
    {
        var row = Assert.Single(await RunAsync("02-shortest-path-white-house-kremlin.cypher"));

        Assert.Equal(2L, row["hops"]);
        Assert.Equal(["White House", "US government", "Kremlin"], Strings(row["route"]));
        Assert.Equal(["PART_OF", "NEGOTIATES_WITH"], Strings(row["via"]));
        Assert.Equal(["confirmed", "reported"], Strings(row["confidence"]));
    }

    [Fact]
    public async Task Query03_WhoMetDmitriev_Should_FindWitkoffInMiami()
    {
        var row = Assert.Single(await RunAsync("03-who-met-dmitriev.cypher"));

        Assert.Equal("Steve Witkoff", row["met"]);
        Assert.Equal("Miami talks (Witkoff-Dmitriev)", row["meeting"]);
        Assert.Equal(("2025-10-24", "2025-10-26", "Miami"), ((string?)row["startDate"], (string?)row["endDate"], (string?)row["place"]));
        Assert.Equal("claimed", row["confidence"]);
        Assert.Equal(["source:il-giornale", "source:mena-news"], Strings(row["sources"]));
        // Two relays, one origin: the meeting and its dates rest on Dmitriev's word.
        Assert.Equal(["person:kirill-dmitriev"], Strings(row["origins"]));
        Assert.Equal("claimed", row["datesConfidence"]);
        Assert.Equal(["person:kirill-dmitriev"], Strings(row["datesRestOn"]));
    }

    [Fact]
    public async Task Query04_ClaimsBySource_Should_ListWhatAxiosReported()
    {
        var rows = await RunAsync("04-claims-by-source.cypher");

        Assert.Equal(
            ["claim:plan-four-areas", "claim:qatar-turkey-mediation", "claim:us-preparing-28-point-plan"],
            rows.Select(r => (string?)r["claim"]));
        Assert.All(rows, r => Assert.Empty(Strings(r["statedBy"])));
        var mediation = rows[1];
        Assert.Equal("proposes", mediation["stance"]);
        Assert.Equal("an unnamed source quoted by Axios", mediation["attribution"]);
        Assert.Equal(["unnamed:source:axios"], Strings(mediation["origins"]));
        // The plan is in the conditional ("seraient en train de préparer"); Reuters is a second origin, not a grade.
        Assert.Equal("reported", rows[2]["confidence"]);
        Assert.Equal(["source:reuters", "unnamed:source:axios"], Strings(rows[2]["origins"]));
        Assert.Equal(2L, rows[2]["independentSources"]);
    }

    [Fact]
    public async Task Query05_AllDenials_Should_ReturnEveryFormOfDenial()
    {
        var rows = await RunAsync("05-all-denials.cypher");
        var table = rows.Select(r => ((string?)r["form"], (string?)r["who"], (string?)r["what"])).ToList();

        Assert.Equal(7, rows.Count);
        Assert.Equal(("claim", "Dmitry Peskov"), (table[0].Item1, table[0].Item2));
        Assert.StartsWith("Peskov says Russia and the US discussed", table[0].Item3, StringComparison.Ordinal);
        Assert.StartsWith("Peskov says no meeting", table[1].Item3, StringComparison.Ordinal);
        Assert.Equal(("claim", "Kremlin"), (table[2].Item1, table[2].Item2));
        Assert.Equal(("denied fact", "Daniel Driscoll", "ATTENDED Rumoured Driscoll meeting with Russian representatives"), table[3]);
        Assert.Equal(("denied fact", "Russia", "ATTENDED Rumoured Driscoll meeting with Russian representatives"), table[4]);
        Assert.Equal(("denies", "Dmitry Peskov", "Rumoured Driscoll meeting with Russian representatives"), table[5]);
        Assert.Equal(("denies", "Kremlin", "28-point peace plan"), table[6]);
        Assert.Equal(["source:mena-news"], Strings(rows[6]["sources"]));
    }

    [Fact]
    public async Task Query06_Proposals_Should_ShowWhatEachCoversAndDemands()
    {
        var rows = await RunAsync("06-proposals-cover-and-demand.cypher");

        Assert.Equal(["April 2025 draft", "Article-5-like security guarantees for Ukraine", "28-point peace plan"], rows.Select(r => (string?)r["proposal"]));
        var april = rows[0];
        Assert.Empty(Strings(april["covers"]));
        Assert.Equal(["Implicit recognition of Russian sovereignty over occupied regions", "Ukraine formally renounces NATO membership"], Strings(april["demands"]));
        Assert.Equal(["country:ukraine"], Strings(april["demandedOf"]));
        Assert.Null(april["points"]);
        Assert.Equal(["Security guarantees"], Strings(rows[1]["covers"]));
        var plan = rows[2];
        Assert.Equal(28L, plan["points"]);
        Assert.Equal(["European stability", "Future US-Russia-Ukraine relations", "Peace in Ukraine", "Security guarantees"], Strings(plan["covers"]));
        Assert.Equal(["Membership of military alliances", "Territorial concessions"], Strings(plan["demands"]));
        Assert.Equal(
            ["Kirill Dmitriev (co-drafter, reported)", "Qatar (contributor, reported)", "Russia (co-drafter, reported)",
             "Steve Witkoff (lead, reported)", "Turkey (contributor, reported)", "US government (lead, reported)"],
            Strings(plan["draftedBy"]));
    }

    [Fact]
    public async Task Query07_Mediators_Should_FindQatarAndTurkeyBetweenRussiaAndUkraine()
    {
        var rows = await RunAsync("07-mediators-between-countries.cypher");

        Assert.Equal(["country:qatar", "country:turkey"], rows.Take(2).Select(r => (string?)r["key"]).Order(StringComparer.Ordinal));
        Assert.All(rows.Take(2), r => Assert.Contains("mediates Russia-Ukraine war (potential) [reported]", Strings(r["evidence"])));
        Assert.DoesNotContain(rows, r => (string?)r["key"] is "country:russia" or "country:ukraine" or "person:kirill-dmitriev");
    }

    [Fact]
    public async Task Query08_Timeline_Should_OrderMeetingsByDate_UndatedLast()
    {
        var rows = await RunAsync("08-meeting-timeline.cypher");

        Assert.Equal(
            ["Trump-Putin summit (August 2025)", "Miami talks (Witkoff-Dmitriev)", "Driscoll's talks in Ukraine", "Rumoured Driscoll meeting with Russian representatives"],
            rows.Select(r => (string?)r["meeting"]));
        // The article gives no date for Driscoll's talks; none is invented.
        Assert.Equal(["2025-08", "2025-10-24", null, null], rows.Select(r => (string?)r["startDate"]));
        Assert.Equal(["confirmed", "claimed", null, null], rows.Select(r => (string?)r["dateConfidence"]));
        Assert.Equal(["source:mena-news"], Strings(rows[0]["dateRestsOn"]));
        Assert.Equal(["person:kirill-dmitriev"], Strings(rows[1]["dateRestsOn"]));
        Assert.Equal(["Alaska", "Miami", "Kyiv", null], rows.Select(r => (string?)r["place"]));
        // Trump and Putin per Mena News; the two states per Peskov ("La Russie et les États-Unis ont discuté ... en Alaska").
        Assert.Equal(["Donald Trump", "Russia", "United States", "Vladimir Putin"], Strings(rows[0]["participants"]));
        Assert.Equal(["Kirill Dmitriev", "Steve Witkoff"], Strings(rows[1]["participants"]));
        Assert.Equal(["Daniel Driscoll"], Strings(rows[2]["participants"]));
        Assert.Equal(["Daniel Driscoll (denied)", "Russia (denied)"], Strings(rows[3]["participants"]));
        Assert.Equal("denied", rows[3]["status"]);
    }

    [Fact]
    public async Task Query09_Briefings_Should_ShowWhiteHouseBriefingEuropeansAndKyiv()
    {
        var rows = await RunAsync("09-who-briefed-whom.cypher");

        Assert.Equal([("White House", "European allies"), ("White House", "Government of Ukraine")],
            rows.Select(r => ((string?)r["briefer"], (string?)r["briefed"])));
        Assert.All(rows, r =>
        {
            Assert.Equal("28-point peace plan", r["about"]);
            Assert.Null(r["date"]);
            Assert.Equal(["unnamed:source:il-giornale > source:il-giornale > source:mena-news"], Strings(r["chains"]));
            Assert.Equal(["source:il-giornale", "source:mena-news"], Strings(r["sources"]));
        });
    }

    [Fact]
    public async Task Query10_SingleSourceFacts_Should_GroupFactsByTheirOneIndependentOrigin_WithoutBackground()
    {
        var rows = await RunAsync("10-single-source-facts.cypher");
        var byOrigin = rows.ToDictionary(r => (string)r["origin"]!, r => Strings(r["statements"]));

        Assert.Equal(
            ["source:mena-news", "person:dmitry-peskov", "person:kirill-dmitriev", "unnamed:source:mena-news", "unnamed:source:il-giornale",
             "source:politico", "unnamed:source:axios", "source:axios", "source:il-giornale", "org:kremlin", "person:unnamed-italian-analyst"],
            rows.Select(r => (string?)r["origin"]));
        Assert.Equal(100L, rows.Sum(r => (long)r["facts"]!));
        Assert.All(rows, r => Assert.Equal((long)r["facts"]!, Strings(r["statements"]).Count));
        // A relay chain is one origin: what Dmitriev said through Il Giornale and Mena News rests on Dmitriev alone,
        // node facts included.
        Assert.Contains("Fact: Miami talks (Witkoff-Dmitriev): startDate = 2025-10-24 [claimed]", byOrigin["person:kirill-dmitriev"]);
        Assert.Contains("ATTENDED: Steve Witkoff -> Miami talks (Witkoff-Dmitriev) [claimed]", byOrigin["person:kirill-dmitriev"]);
        Assert.Contains("DENIES: Dmitry Peskov -> Rumoured Driscoll meeting with Russian representatives [confirmed]", byOrigin["person:dmitry-peskov"]);
        Assert.Contains("COVERS: 28-point peace plan -> Peace in Ukraine [reported]", byOrigin["source:axios"]);
        var all = byOrigin.Values.SelectMany(v => v).ToList();
        // Background (capitals, nationalities, memberships, org charts) is reference knowledge, not single-source reporting.
        Assert.DoesNotContain(all, s => s!.StartsWith("CAPITAL_OF", StringComparison.Ordinal) || s.StartsWith("PART_OF", StringComparison.Ordinal));
        Assert.DoesNotContain("CITIZEN_OF: Steve Witkoff -> United States [confirmed]", all);
        Assert.DoesNotContain(all, s => s!.StartsWith("MENTIONS", StringComparison.Ordinal) || s.StartsWith("STATED", StringComparison.Ordinal));
        // Two independent origins (Axios's unnamed officials, Reuters): not listed.
        Assert.DoesNotContain(all, s => s!.StartsWith("DRAFTED: Russia", StringComparison.Ordinal));
        Assert.DoesNotContain("Claim: US preparing a 28-point plan with Russia [reported]", all);
        Assert.DoesNotContain(all, s => s!.StartsWith("NEGOTIATES_WITH: Steve Witkoff", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Query11_Stakeholders_Should_ListEveryPartyToThePlan()
    {
        var rows = await RunAsync("11-stakeholders-of-a-proposal.cypher");

        Assert.Equal(
            [
                ("BRIEFED_ON", "European allies", ""), ("BRIEFED_ON", "Government of Ukraine", ""),
                ("DENIES", "Kremlin", ""), ("DISCUSSED", "Miami talks (Witkoff-Dmitriev)", ""),
                ("DRAFTED", "Kirill Dmitriev", "co-drafter"), ("DRAFTED", "Qatar", "contributor"),
                ("DRAFTED", "Russia", "co-drafter"), ("DRAFTED", "Steve Witkoff", "lead"),
                ("DRAFTED", "Turkey", "contributor"), ("DRAFTED", "US government", "lead"),
                ("STANCE_ON", "European allies", "cautious"), ("STANCE_ON", "Ukraine", "cautious"),
            ],
            rows.Select(r => ((string?)r["relation"], (string?)r["who"], (string?)r["detail"])));
    }

    [Fact]
    public async Task Query12_FindByAlias_Should_FindKyivUkraineAndItsGovernment_ForKiev()
    {
        var rows = await RunAsync("12-find-by-alias.cypher");

        Assert.Equal(["country:ukraine", "org:ukrainian-government", "place:kyiv"], rows.Select(r => (string?)r["key"]));
        Assert.Equal(["Country", "Organization", "Place"], rows.Select(r => (string?)r["kind"]));
    }

    [Theory]
    [InlineData("OTAN", "org:nato")]
    [InlineData("moscou", "country:russia,org:kremlin,place:moscow")]
    [InlineData("Poutine", "person:vladimir-putin")]
    [InlineData("Maison Blanche", "org:white-house")]
    public async Task Query12_FindByAlias_Should_FindForeignSpellings(string name, string expectedKeys)
    {
        var (query, _) = ReadQueryFile("12-find-by-alias.cypher");

        var rows = (await graph.Db.ExecuteQueryAsync(query, new Dictionary<string, object?> { ["name"] = name }, AccessMode.Read)).Records;

        Assert.Equal(expectedKeys.Split(','), rows.Select(r => (string?)r["key"]));
    }

    [Fact]
    public async Task Query13_Provenance_Should_TraceDmitrievToTheMenaNewsArticleAndItsSources()
    {
        var row = Assert.Single(await RunAsync("13-where-an-entity-is-reported.cypher"));

        Assert.Equal("2025-11-19", row["published"]);
        Assert.Equal("Mena News", row["publisher"]);
        Assert.Equal(["Axios", "Il Giornale", "Il Giornale: Francesca Salvatore on the 28-point plan", "Politico", "Reuters"], Strings(row["cites"]));
        Assert.Empty(Strings(row["claimsAbout"]));
        Assert.Equal(["claim:dmitriev-miami-three-days", "claim:dmitriev-russia-stronger", "claim:dmitriev-russian-position-heard"], Strings(row["claimsStated"]));
    }

    [Fact]
    public async Task Query20_Contradictions_Should_SetTheKremlinsDenialAgainstTheReportedPlan()
    {
        var rows = await RunAsync("20-contradictions.cypher");

        Assert.Contains(rows, r => (string?)r["key"] == "claim:kremlin-denies-plan" && (string?)r["contradictedBy"] == "claim:us-preparing-28-point-plan");
        Assert.Contains(rows, r => (string?)r["kind"] == "relationship" && (string?)r["key"] == "country:russia|DRAFTED|proposal:28-point-plan"
            && (string?)r["contradictedBy"] == "claim:kremlin-denies-plan");
        Assert.All(rows, r => Assert.NotEmpty(Strings(r["contradictionChains"])));
    }

    [Fact]
    public async Task Query21_Network_Should_DrawWitkoffsNeighbourhoodWithoutProvenanceNodes()
    {
        var row = Assert.Single(await RunAsync("21-network-around-an-entity.cypher"));
        var nodes = ((System.Collections.IEnumerable)row["nodes"]!).Cast<IReadOnlyDictionary<string, object?>>().ToList();
        var keys = nodes.Select(n => (string)n["key"]!).ToList();

        Assert.Contains("person:kirill-dmitriev", keys);
        Assert.Contains("meeting:miami-talks-2025-10", keys);
        Assert.DoesNotContain(nodes, n => (string?)n["kind"] is "Document" or "Claim" or "Source" or "Fact");
        var edges = ((System.Collections.IEnumerable)row["edges"]!).Cast<IReadOnlyDictionary<string, object?>>().ToList();
        Assert.All(edges, e => Assert.True(keys.Contains((string)e["from"]!) && keys.Contains((string)e["to"]!)));
    }
}
