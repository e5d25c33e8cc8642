using System.Text.RegularExpressions;
using KnowledgeGraph.Model;
using static KnowledgeGraph.Seeding.Tests.GraphTestHelpers;

namespace KnowledgeGraph.Seeding.Tests.Article;

/// <summary>One seeded fact as stored in the graph, with the identity the checklist uses.</summary>
public sealed record StoredFact(
    string Id, string Tier, string Confidence, IReadOnlyList<string> Chains, IReadOnlyList<string> Origins, string? Document,
    string? Quote, long? QuoteOffset);

/// <summary>Reads every fact of the seeded graph: relationships (but HAS_FACT), Claims and Facts.</summary>
public sealed class StoredFactsFixture : IAsyncLifetime
{
    public IReadOnlyList<StoredFact> Facts { get; private set; } = [];

    public Dictionary<string, Dictionary<string, object?>> NodeProperties { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> FactValues { get; } = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        await using var db = await SeededDatabaseAsync();
        const string provenance = "x.tier AS tier, x.confidence AS confidence, x.chains AS chains, x.origins AS origins, x.document AS document, x.quote AS quote, x.quoteOffset AS quoteOffset";
        var rows = (await db.ExecuteQueryAsync($"""
            CALL () {"{"}
              MATCH (a)-[x]->(b) WHERE type(x) <> 'HAS_FACT'
              RETURN type(x) + ' ' + a.key + ' -> ' + b.key AS id, {provenance}
              UNION ALL
              MATCH (x:Claim) RETURN x.key AS id, {provenance}
              UNION ALL
              MATCH (x:Fact) RETURN x.key AS id, {provenance}
            {"}"}
            RETURN *
            """)).Records;
        Facts = rows.Select(r => new StoredFact((string)r["id"]!, (string)r["tier"]!, (string)r["confidence"]!,
            Strings(r["chains"])!, Strings(r["origins"])!, (string?)r["document"], (string?)r["quote"], (long?)r["quoteOffset"])).ToList();
        foreach (var r in (await db.ExecuteQueryAsync("MATCH (n) WHERE n:Meeting OR n:Proposal OR n:Conflict RETURN n.key AS key, properties(n) AS p")).Records)
            NodeProperties[(string)r["key"]!] = ((IReadOnlyDictionary<string, object?>)r["p"]!).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        foreach (var r in (await db.ExecuteQueryAsync("MATCH (e)-[:HAS_FACT]->(f:Fact) RETURN e.key + ':' + f.property AS id, f.value AS v, f.key AS key")).Records)
        {
            FactValues[(string)r["id"]!] = (string)r["v"]!;
            Assert.Equal("fact:" + (string)r["id"]!, r["key"]);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// Walks the article's facts (ArticleChecklist) against the seeded graph: nothing missing, nothing invented, every
/// grade and origin as the article words it, every quote where its offset says.
/// </summary>
public class ArticleChecklistTests(StoredFactsFixture graph) : IClassFixture<StoredFactsFixture>
{
    // Bookkeeping copies the provenance of its document or claim; it states no fact of its own.
    private static readonly string[] Bookkeeping = ["PUBLISHED", "WROTE", "CITES", "MENTIONS", "REPORTED_BY", "STATED", "ABOUT"];

    // The article's hedges: the conditional (seraient, aurait, travaillerait, pourrait), attribution and appearance.
    private static readonly Regex Hedge = new(@"\b(selon|semble|sembler|affirme|affirment|présenté comme|rapporté)\b|\b\w+raient?\b",
        RegexOptions.CultureInvariant);

    private IEnumerable<StoredFact> ArticleFacts =>
        graph.Facts.Where(f => f.Tier == Provenance.ReportedTier && !Bookkeeping.Contains(f.Id.Split(' ')[0]));

    private static readonly Dictionary<string, ArticleFact> EntryOf =
        ArticleChecklist.Facts.SelectMany(e => e.Facts.Select(f => (f, e))).ToDictionary(x => x.f, x => x.e, StringComparer.Ordinal);

    [Fact]
    public void Checklist_Should_ListEachFactOnce()
    {
        var all = ArticleChecklist.Facts.SelectMany(e => e.Facts).ToList();
        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ArticleChecklist.Facts, e => Assert.Contains(e.Confidence, Vocabularies.Confidence.Values));
    }

    [Fact]
    public void Seeds_Should_HoldNoFactTheArticleDoesNotState()
    {
        var invented = ArticleFacts.Select(f => f.Id).Where(id => !EntryOf.ContainsKey(id)).ToList();

        Assert.True(invented.Count == 0, "Seeded as reported but not on the article checklist: " + string.Join("; ", invented));
    }

    [Fact]
    public void Seeds_Should_HoldEveryFactTheArticleStates()
    {
        var seeded = ArticleFacts.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var missing = EntryOf.Keys.Where(id => !seeded.Contains(id)).ToList();

        Assert.True(missing.Count == 0, "On the checklist but not seeded (as a reported fact): " + string.Join("; ", missing));
    }

    [Fact]
    public void Seeds_Should_GradeAndAttributeEachFactAsTheChecklistSays()
    {
        var wrong = ArticleFacts.Where(f => EntryOf.ContainsKey(f.Id))
            .Where(f => f.Confidence != EntryOf[f.Id].Confidence || !f.Origins.SequenceEqual(EntryOf[f.Id].Origins.Order(StringComparer.Ordinal)))
            .Select(f => $"{f.Id}: {f.Confidence} from [{string.Join(", ", f.Origins)}], checklist '{EntryOf[f.Id].Id}' says {EntryOf[f.Id].Confidence} from [{string.Join(", ", EntryOf[f.Id].Origins)}]")
            .ToList();

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [ArticleFact]
    public void Checklist_Should_GradeByTheArticlesOwnWords()
    {
        foreach (var entry in ArticleChecklist.Facts)
        {
            Assert.True(ArticleText.Text.Contains(entry.Cue, StringComparison.Ordinal), $"{entry.Id}: cue '{entry.Cue}' is not in the article");
            // A named party's word is 'claimed' only when it rests on that party.
            if (entry.Confidence == "claimed")
                Assert.All(entry.Origins, o => Assert.Matches("^(person|org|country):", o));
            // Unnamed sources never make a fact confirmed or a named party's claim.
            if (entry.Origins.Any(o => o.StartsWith(Provenance.UnnamedPrefix, StringComparison.Ordinal)))
                Assert.DoesNotContain(entry.Confidence, new[] { "confirmed", "claimed" });
        }
    }

    [Fact]
    public void Seeds_Should_NotGradeAHedgedQuoteConfirmed()
    {
        var overgraded = ArticleFacts.Where(f => f.Confidence == "confirmed" && f.Quote is { } q && Hedge.IsMatch(q))
            .Select(f => $"{f.Id}: confirmed on '{f.Quote}'").ToList();

        Assert.True(overgraded.Count == 0, string.Join("\n", overgraded));
    }

    [ArticleFact]
    public void Quotes_Should_MatchTheArticleTextAtTheirOffset()
    {
        var quoted = graph.Facts.Where(f => f.Quote is not null).ToList();
        Assert.NotEmpty(quoted);
        foreach (var f in quoted)
        {
            Assert.Equal(ArticleChecklist.DocumentKey, f.Document);
            Assert.True(f.Quote!.Length <= Seeds.SeedFileParser.MaxQuoteLength, $"{f.Id}: quote too long");
            var offset = checked((int)f.QuoteOffset!.Value);
            Assert.True(offset + f.Quote.Length <= ArticleText.Text.Length, $"{f.Id}: offset {offset} is past the end of the article");
            Assert.True(ArticleText.Text.AsSpan(offset, f.Quote.Length).SequenceEqual(f.Quote),
                $"{f.Id}: at {offset} the article reads '{ArticleText.Text.Substring(offset, f.Quote.Length)}', not '{f.Quote}'");
        }
    }

    [Fact]
    public void ReportedFacts_Should_NameTheirDocumentAndQuote_And_BackgroundFacts_Should_CiteReferenceOnly()
    {
        Assert.All(ArticleFacts, f => Assert.True(f.Document is not null && f.Quote is not null, $"{f.Id} has no document or quote"));
        var background = graph.Facts.Where(f => f.Tier == Provenance.BackgroundTier).ToList();
        Assert.NotEmpty(background);
        Assert.All(background, f =>
        {
            Assert.Equal([Provenance.ReferenceSourceKey], f.Chains);
            Assert.Null(f.Document);
            Assert.Null(f.Quote);
        });
        // Background is reference knowledge of these kinds only, never a claim or a node fact.
        Assert.All(background, f => Assert.Contains(f.Id.Split(' ')[0],
            new[] { "CAPITAL_OF", "CITIZEN_OF", "MEMBER_OF", "PART_OF", "LOCATED_IN", "LEADS", "PARTY_TO", "HELD_IN" }));
        // No capital, nationality, org chart or location is stamped with the article.
        Assert.DoesNotContain(ArticleFacts, f => f.Id.Split(' ')[0] is "CAPITAL_OF" or "PART_OF" or "LOCATED_IN" or "PARTY_TO");
    }

    [Fact]
    public void NodeFacts_Should_RecordEveryMeetingProposalAndConflictProperty_WithItsValue()
    {
        string[] factual = ["startDate", "endDate", "durationDays", "meetingType", "status", "date", "pointCount"];
        foreach (var (key, props) in graph.NodeProperties)
            foreach (var (name, value) in props.Where(p => factual.Contains(p.Key)))
            {
                Assert.True(graph.FactValues.TryGetValue(key + ":" + name, out var recorded), $"{key}.{name} has no Fact");
                Assert.Equal(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), recorded);
            }
        // The Miami dates rest on Dmitriev's word, and say so.
        var miami = graph.Facts.Single(f => f.Id == "fact:meeting:miami-talks-2025-10:startDate");
        Assert.Equal("claimed", miami.Confidence);
        Assert.Equal(["person:kirill-dmitriev"], miami.Origins);
        Assert.Equal(["person:kirill-dmitriev > source:il-giornale > source:mena-news"], miami.Chains);
    }

    [Fact]
    public void Claims_Should_LinkTheKremlinDenialToTheOfficialsItContradicts()
    {
        var contradicts = graph.Facts.Where(f => f.Id.StartsWith("CONTRADICTS ", StringComparison.Ordinal)).Select(f => f.Id).Order(StringComparer.Ordinal);
        Assert.Equal(
            ["CONTRADICTS claim:kremlin-denies-plan -> claim:us-preparing-28-point-plan",
             "CONTRADICTS claim:peskov-nothing-since-alaska -> claim:dmitriev-miami-three-days"], contradicts);
        Assert.Contains(graph.Facts, f => f.Id == "claim:talks-raise-hopes-and-reservations");
        // The talks Witkoff and Dmitriev held are Dmitriev's word in the conditional, not a Reuters confirmation.
        var talks = graph.Facts.Single(f => f.Id == "NEGOTIATES_WITH person:steve-witkoff -> person:kirill-dmitriev");
        Assert.DoesNotContain(talks.Chains, c => c.Contains("source:reuters", StringComparison.Ordinal));
        Assert.NotEqual("confirmed", talks.Confidence);
    }

    // Each date the seeds may hold, with the article's words that give it at that precision.
    private static readonly Dictionary<string, string> DatesTheArticleGives = new(StringComparer.Ordinal)
    {
        ["2025-11-19"] = "19 novembre 2025",
        ["2025-11"] = "Ces derniers jours",
        ["2025-10"] = "fin octobre",
        ["2025-10-24"] = "du 24 au 26 octobre",
        ["2025-10-26"] = "du 24 au 26 octobre",
        ["2025-08"] = "en août dernier",
        ["2025-04"] = "avril 2025",
    };

    [ArticleFact]
    public async Task Dates_Should_HaveNoPrecisionTheArticleDoesNotGive()
    {
        await using var db = await SeededDatabaseAsync();
        var dates = (await db.ExecuteQueryAsync("""
            CALL () {
              MATCH (n) UNWIND [n.startDate, n.endDate, n.date, n.publishedDate] AS d RETURN n.key AS id, d
              UNION ALL
              MATCH (a)-[r]->(b) RETURN type(r) + ' ' + a.key + ' -> ' + b.key AS id, r.date AS d
            }
            WITH id, d WHERE d IS NOT NULL
            RETURN id, d
            """)).Records.Select(r => ((string)r["id"]!, (string)r["d"]!)).ToList();

        Assert.NotEmpty(dates);
        Assert.All(dates, x => Assert.True(DatesTheArticleGives.ContainsKey(x.Item2), $"{x.Item1}: date {x.Item2} is not one the article gives"));
        Assert.All(DatesTheArticleGives.Values, cue => Assert.Contains(cue, ArticleText.Text, StringComparison.Ordinal));
        // The article dates neither Putin's reservations nor Driscoll's talks in Ukraine.
        Assert.DoesNotContain(dates, x => x.Item1 is "claim:putin-ceasefire-reservations" or "meeting:driscoll-ukraine-talks-2025-11");
    }
}
