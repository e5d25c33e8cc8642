using KnowledgeGraph.Ingestion;
using KnowledgeGraph.Ingestion.Classification;
using KnowledgeGraph.Seeding;

namespace KnowledgeGraph.GraphQL.Ingestion;

/// <summary>Ingestion results as the maps the GraphQL types read (field name to value).</summary>
internal static class IngestionShapes
{
    public static IReadOnlyDictionary<string, object?> Result(IngestionResult r) => new Dictionary<string, object?>
    {
        ["documentKey"] = r.Document.Key,
        ["fileName"] = r.Document.FileName,
        ["textHash"] = r.Document.TextHash,
        ["mentions"] = r.Mentions.Select(m => Map(
            ("text", m.Text), ("offset", m.Offset), ("length", m.Length), ("key", m.Key), ("label", m.Label), ("rule", m.Rule),
            ("candidates", m.Candidates.Select(c => Map(("key", c.Key), ("label", c.Label), ("name", c.Name))).ToList()),
            ("reason", m.Reason), ("quote", m.Quote), ("quoteOffset", m.QuoteOffset))).ToList(),
        ["candidates"] = r.Candidates.Select(c => Map(
            ("kind", c.Kind), ("text", c.Text), ("offset", c.Offset), ("proposedKey", c.ProposedKey), ("proposedLabel", c.ProposedLabel),
            ("person", c.Person), ("evidence", c.Evidence), ("quote", c.Quote), ("quoteOffset", c.QuoteOffset))).ToList(),
        ["facts"] = r.Facts.Select(Fact).ToList(),
        ["reports"] = r.Reports.Select(x => Map(
            ("chain", x.Report.Chain), ("origin", x.Report.Origin), ("words", x.Report.Words), ("offset", x.Report.Offset),
            ("classification", x.Classification))).ToList(),
        ["draft"] = r.Draft,
        ["draftErrors"] = r.DraftErrors.ToList(),
        ["written"] = r.WrittenPath is not null,
        ["writtenFile"] = r.WrittenPath is null ? null : $"{Path.GetFileName(Path.GetDirectoryName(r.WrittenPath))}/{Path.GetFileName(r.WrittenPath)}",
    };

    private static IReadOnlyDictionary<string, object?> Fact(ClassifiedFact f) => Map(
        ("kind", f.Kind), ("type", f.Type), ("from", f.From), ("to", f.To), ("classification", f.Classification), ("reason", f.Reason),
        ("related", f.Related is { } e
            ? Map(("type", e.Type), ("from", e.From), ("to", e.To), ("confidence", e.Confidence), ("chains", e.Chains.ToList()),
                ("independentSources", e.IndependentSources), ("value", e.Value))
            : null),
        ("independentSourcesBefore", f.IndependentSourcesBefore), ("independentSourcesAfter", f.IndependentSourcesAfter),
        ("chain", f.Chain), ("confidence", f.Confidence), ("quote", f.Quote), ("quoteOffset", f.QuoteOffset), ("words", f.Words.ToList()),
        ("startDate", f.StartDate), ("endDate", f.EndDate), ("place", f.Place), ("inDraft", f.InDraft));

    public static IReadOnlyDictionary<string, object?> Reload(SeedReport report) => Map(
        ("succeeded", report.Succeeded), ("nodesCreated", report.NodesCreated), ("relationshipsCreated", report.RelationshipsCreated),
        ("files", report.Files.Select(f => Map(
            ("file", f.File), ("loaded", f.Loaded), ("nodes", f.Nodes), ("relationships", f.Relationships),
            ("nodesCreated", f.NodesCreated), ("relationshipsCreated", f.RelationshipsCreated),
            ("errors", f.Errors.Select(e => e.ToString()).ToList()))).ToList()));

    private static IReadOnlyDictionary<string, object?> Map(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
}
