using System.Text.Json;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.Seeding.Seeds;

public sealed partial class SeedFileParser
{
    /// <summary>Longest quote accepted: a quote points at the passage, it does not copy the article.</summary>
    public const int MaxQuoteLength = 200;

    private static readonly string[] ReportMembers = ["origin", "via"];
    private static readonly string[] QuoteMembers = ["text", "offset"];
    private static readonly string[] OriginLabels = ["Source", "Person", "Organization", "Country"];

    private static PropertyDefinition Def(string name) => KnowledgeModel.ProvenanceProperties.Single(d => d.Name == name);

    /// <summary>
    /// Reads the provenance members of <paramref name="e"/> into <paramref name="props"/> (confidence, tier, document,
    /// quote, quoteOffset, date, supportedBy, contradictedBy and the summary derived from the chains) and returns the
    /// chains, or null when something is invalid (the errors are recorded).
    /// </summary>
    private List<string>? ReadProvenance(JsonElement e, string path, Dictionary<string, object?> props, bool evidence)
    {
        var errorsBefore = _errors.Count;
        var tier = Provenance.ReportedTier;
        if (e.TryGetProperty(Provenance.Tier, out var t))
            tier = ReadValue(t, $"{path}.tier", Def(Provenance.Tier)) as string ?? tier;
        var background = tier == Provenance.BackgroundTier;
        props[Provenance.Tier] = tier;

        if (e.TryGetProperty(Provenance.Confidence, out var c))
            SetIfValid(props, Provenance.Confidence, ReadValue(c, $"{path}.confidence", Def(Provenance.Confidence)));
        else if (background)
            props[Provenance.Confidence] = "confirmed";
        else
            MissingMember(path, Provenance.Confidence);
        if (e.TryGetProperty(Provenance.Date, out var d))
            SetIfValid(props, Provenance.Date, ReadValue(d, $"{path}.date", Def(Provenance.Date)));
        if (evidence)
            foreach (var member in EvidenceMembers)
                if (e.TryGetProperty(member, out var list))
                    SetIfValid(props, member, ReadKeyList(list, $"{path}.{member}", ["Claim"], allowEmpty: false)?.Select(k => (object?)k.Key).ToList());

        List<string> chains;
        if (background)
        {
            foreach (var member in new[] { "reports", Provenance.Document, Provenance.Quote })
                if (e.TryGetProperty(member, out _))
                    Error($"{path}.{member}", "a background fact cites source:reference only; it has no reports, document or quote");
            if (LabelOf(Provenance.ReferenceSourceKey) != "Source")
                Error($"{path}.tier", $"background facts cite '{Provenance.ReferenceSourceKey}', which is not declared as a Source in this file or an earlier one");
            chains = [Provenance.ReferenceSourceKey];
        }
        else
        {
            chains = e.TryGetProperty("reports", out var reports) ? ReadReports(reports, $"{path}.reports") : [];
            if (!e.TryGetProperty("reports", out _)) MissingMember(path, "reports");
            string? document = null;
            if (e.TryGetProperty(Provenance.Document, out var doc))
                document = ReadKey(doc, $"{path}.document", ["Document"]);
            else if (_rootDocument is not null)
                document = _rootDocument;
            else if (!_rootDocumentInvalid)
                Error(path, "a reported fact needs a document: set the file's root 'document' or this fact's 'document'");
            SetIfValid(props, Provenance.Document, document);
            if (e.TryGetProperty(Provenance.Quote, out var quote))
                ReadQuote(quote, $"{path}.quote", props);
            else
                MissingMember(path, Provenance.Quote);
        }
        if (_errors.Count > errorsBefore) return null;
        props[Provenance.Origins] = ProvenanceChains.Origins(chains).Cast<object?>().ToList();
        props[Provenance.IndependentSources] = (long)ProvenanceChains.Origins(chains).Count;
        props[Provenance.Sources] = ProvenanceChains.Sources(chains).Cast<object?>().ToList();
        return chains;
    }

    private List<string> ReadReports(JsonElement e, string path)
    {
        var chains = new List<string>();
        if (e.ValueKind != JsonValueKind.Array)
        {
            Error(path, $"expected an array of reports, found {Describe(e)}");
            return chains;
        }
        var i = 0;
        foreach (var report in e.EnumerateArray())
        {
            var p = $"{path}[{i++}]";
            if (report.ValueKind != JsonValueKind.Object)
            {
                Error(p, $"expected an object {{\"origin\": ..., \"via\": [...]}}, found {Describe(report)}");
                continue;
            }
            CheckMembers(report, p, ReportMembers);
            var origin = RequiredString(report, p, "origin");
            var via = report.TryGetProperty("via", out var v)
                ? ReadKeyList(v, $"{p}.via", ["Source"], allowEmpty: true)?.Select(k => k.Key).ToList()
                : [];
            if (origin is null || via is null) continue;
            if (origin.StartsWith(Provenance.UnnamedPrefix, StringComparison.Ordinal))
            {
                // Unnamed sources reach us only through the outlet that cites them, so that outlet relays first.
                var outlet = origin[Provenance.UnnamedPrefix.Length..];
                if (LabelOf(outlet) != "Source")
                    Error($"{p}.origin", $"'{origin}': after 'unnamed:' expected the key of the Source citing the unnamed sources");
                else if (via.Count == 0 || via[0] != outlet)
                    Error($"{p}.via", $"unnamed sources cited by '{outlet}' are relayed first by '{outlet}': 'via' must start with it");
            }
            else if (LabelOf(origin) is not { } label)
            {
                Error($"{p}.origin", $"unknown key '{origin}' (not declared in this file or an earlier one)");
                continue;
            }
            else if (!OriginLabels.Contains(label))
            {
                Error($"{p}.origin", $"'{origin}' is a {label}; an origin is a {string.Join(", ", OriginLabels)} or 'unnamed:<source key>'");
                continue;
            }
            if (via.Contains(origin))
            {
                Error($"{p}.via", $"'{origin}' is the origin; it cannot also relay");
                continue;
            }
            var chain = ProvenanceChains.Join(origin, via);
            if (chains.Contains(chain))
                Error(p, $"duplicate report chain '{chain}'");
            else
                chains.Add(chain);
        }
        if (i == 0) Error(path, "expected at least one report");
        return chains;
    }

    private void ReadQuote(JsonElement e, string path, Dictionary<string, object?> props)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            Error(path, $"expected an object {{\"text\": ..., \"offset\": ...}}, found {Describe(e)}");
            return;
        }
        CheckMembers(e, path, QuoteMembers);
        var text = RequiredString(e, path, "text");
        if (text is not null && text.Length > MaxQuoteLength)
            Error($"{path}.text", $"quote of {text.Length} characters; at most {MaxQuoteLength}");
        else
            SetIfValid(props, Provenance.Quote, text);
        if (!e.TryGetProperty("offset", out var offset))
            MissingMember(path, "offset");
        else if (offset.ValueKind == JsonValueKind.Number && offset.TryGetInt64(out var n) && n >= 0)
            props[Provenance.QuoteOffset] = n;
        else
            Error($"{path}.offset", $"expected a character offset (integer >= 0), found {(offset.ValueKind == JsonValueKind.Number ? offset.GetRawText() : Describe(offset))}");
    }
}
