using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeGraph.Ingestion.Classification;
using KnowledgeGraph.Ingestion.Linking;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.Ingestion.Drafting;

/// <summary>The document an ingestion describes (what the draft's Document node records).</summary>
/// <param name="Key">document:&lt;publisher&gt;-&lt;date&gt;-&lt;title&gt;.</param>
/// <param name="Title">The title.</param>
/// <param name="Url">Where it was published.</param>
/// <param name="Publisher">The publishing Source key.</param>
/// <param name="PublisherName">The publisher's name (for a new Source).</param>
/// <param name="PublisherIsNew">True when the graph lacks the publisher.</param>
/// <param name="PublishedAt">Partial ISO date.</param>
/// <param name="Language">ISO 639-1.</param>
/// <param name="TextHash">sha256:&lt;hex&gt; of the UTF-8 text.</param>
/// <param name="FileName">The draft's file name in the seeds directory.</param>
public sealed record DocumentInfo(
    string Key, string Title, string? Url, string Publisher, string PublisherName, bool PublisherIsNew, string PublishedAt,
    string? Language, string TextHash, string FileName);

/// <summary>
/// Writes the seed draft (seed format 2, <c>cypher/README.md</c>): the Document (publisher, url, hash, date, language,
/// the sources it cites, the entities it mentions), the new outlets and meetings it needs, and one relation per
/// classified fact the draft keeps, with its report chain and quote. The text itself is not stored, only the quotes
/// facts cite.
/// </summary>
public static class SeedDraftBuilder
{
    /// <summary>The draft as indented JSON.</summary>
    public static string Build(DocumentInfo document, IReadOnlyList<Mention> mentions, IReadOnlyList<ClassifiedFact> facts,
        IReadOnlyDictionary<string, string> newSources, IReadOnlyList<string> reviewNotes)
    {
        var kept = facts.Where(f => f.InDraft && f.To is not null).ToList();
        var chains = kept.Select(f => f.Chain).ToList();
        var cited = ProvenanceChains.Sources(chains).Where(s => s != document.Publisher).ToList();
        var mentioned = mentions.Where(m => m.IsLinked).Select(m => m.Key!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        var doc = new JsonObject
        {
            ["key"] = document.Key,
            ["name"] = document.Title,
            ["aliases"] = new JsonArray(),
            ["publishedDate"] = document.PublishedAt,
        };
        if (document.Language is not null) doc["language"] = document.Language;
        if (document.Url is not null) doc["url"] = document.Url;
        doc["textHash"] = document.TextHash;
        doc["publishedBy"] = document.Publisher;
        doc["cites"] = Array(cited);
        doc["mentions"] = Array(mentioned);

        var entities = new JsonArray();
        var sources = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (document.PublisherIsNew) sources[document.Publisher] = document.PublisherName;
        foreach (var (key, name) in newSources)
            if (chains.Any(c => ProvenanceChains.Split(c).Contains(key))) sources[key] = name;
        foreach (var (key, name) in sources)
            entities.Add(new JsonObject { ["label"] = "Source", ["key"] = key, ["name"] = name, ["aliases"] = new JsonArray() });
        foreach (var meeting in kept.Where(f => f.NewEntity && f.Type == "ATTENDED").GroupBy(f => f.To!))
        {
            var f = meeting.First();
            var props = new JsonObject { ["meetingType"] = f.MeetingType ?? "talks", ["status"] = "held" };
            if (f.StartDate is not null) props["startDate"] = f.StartDate;
            if (f.EndDate is not null) props["endDate"] = f.EndDate;
            var name = $"Meeting of {string.Join(", ", meeting.Select(m => m.From))}{(f.Place is null ? "" : " in " + f.Place)}";
            entities.Add(new JsonObject { ["label"] = "Meeting", ["key"] = meeting.Key, ["name"] = name, ["aliases"] = new JsonArray(), ["props"] = props });
        }

        var relations = new JsonArray();
        foreach (var f in kept.DistinctBy(f => (f.Type, f.From, f.To)))
        {
            var via = new JsonArray();
            foreach (var v in f.Via) via.Add(v);
            var relation = new JsonObject
            {
                ["type"] = f.Type,
                ["from"] = f.From,
                ["to"] = f.To,
                ["confidence"] = f.Confidence,
                ["reports"] = new JsonArray(new JsonObject { ["origin"] = f.Origin, ["via"] = via }),
                ["quote"] = new JsonObject { ["text"] = f.Quote, ["offset"] = f.QuoteOffset },
                ["note"] = $"ingested: {f.Classification}; {f.Reason}",
            };
            if (f.Type == "ATTENDED" && f.StartDate is not null) relation["date"] = f.StartDate.Length >= 7 ? f.StartDate[..7] : f.StartDate;
            relations.Add(relation);
        }

        var comment = $"Draft from ingestDocument: \"{document.Title}\" ({document.Url ?? "no url"}), {document.TextHash}. Review before loading.";
        if (reviewNotes.Count > 0) comment += " Left out for review: " + string.Join(" | ", reviewNotes);
        var root = new JsonObject
        {
            ["$comment"] = comment,
            ["format"] = 2,
            ["document"] = document.Key,
            ["documents"] = new JsonArray(doc),
            ["entities"] = entities,
            ["relations"] = relations,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static JsonArray Array(IEnumerable<string> values)
    {
        var a = new JsonArray();
        foreach (var v in values) a.Add(v);
        return a;
    }
}
