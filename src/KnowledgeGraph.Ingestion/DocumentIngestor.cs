using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Ingestion.Classification;
using KnowledgeGraph.Ingestion.Drafting;
using KnowledgeGraph.Ingestion.Extraction;
using KnowledgeGraph.Ingestion.Hosting;
using KnowledgeGraph.Ingestion.Lexicon;
using KnowledgeGraph.Ingestion.Linking;
using KnowledgeGraph.Ingestion.Text;
using KnowledgeGraph.Seeding.Seeds;

namespace KnowledgeGraph.Ingestion;

/// <summary>
/// Ingests a document: checks it, links mentions, extracts candidates, classifies facts against the graph (read
/// only) and builds the seed draft; writes the draft into the seeds directory only when asked. Deterministic: the
/// same text, arguments, lexicon and graph give the same result.
/// </summary>
public sealed partial class DocumentIngestor
{
    private readonly IngestionOptions _options;
    private readonly SeedsLocation _seeds;
    private readonly Lock _lexiconLock = new();
    private IngestionLexicon? _lexicon;

    /// <summary>Creates an ingestor.</summary>
    public DocumentIngestor(IngestionOptions options, SeedsLocation seeds)
    {
        _options = options;
        _seeds = seeds;
    }

    /// <summary>The lexicon, loaded on first use and again by <see cref="ReloadLexicon"/>.</summary>
    public IngestionLexicon Lexicon
    {
        get
        {
            lock (_lexiconLock) return _lexicon ??= LoadLexicon();
        }
    }

    /// <summary>Reads <c>seeds/lexicon/</c> again (after a curator edited it).</summary>
    public void ReloadLexicon()
    {
        var lexicon = LoadLexicon();
        lock (_lexiconLock) _lexicon = lexicon;
    }

    private IngestionLexicon LoadLexicon()
    {
        var directory = _seeds.LexiconDirectory(_options);
        try
        {
            return LexiconLoader.Load(directory);
        }
        catch (LexiconException e)
        {
            throw new IngestionException(IngestionErrorCodes.LexiconInvalid, e.Message, e);
        }
    }

    /// <summary>Ingests <paramref name="request"/> against the graph behind <paramref name="driver"/>.</summary>
    public async Task<IngestionResult> IngestAsync(IGraphDriver driver, IngestionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentNullException.ThrowIfNull(request);
        Check(request, _options.MaxTextLength);
        var lexicon = Lexicon;
        var text = request.Text;
        var language = request.Language?.Trim().ToLowerInvariant();
        var catalog = await GraphCatalog.ReadAsync(driver, cancellationToken).ConfigureAwait(false);
        var published = ParseDate(request.PublishedAt!);

        var tokens = Folding.Tokenize(text);
        var sentences = SentenceSplitter.Split(text, tokens);
        var mentions = new MentionLinker(catalog, lexicon).Link(text, sentences, language);
        var (publisher, publisherName, publisherIsNew) = ResolvePublisher(request.Source, catalog);
        var extractor = new CandidateExtractor(text, lexicon, language, publisher, published.First);
        var (candidates, reports) = extractor.ExtractFacts(sentences, mentions);
        // The publisher is the document's own source, not a name to propose.
        var entities = extractor.ExtractEntities(sentences, mentions).Where(c => Folding.Fold(c.Text) != Folding.Fold(publisherName)).ToList();
        var facts = await new FactClassifier(driver, cancellationToken).ClassifyAsync(candidates).ConfigureAwait(false);

        var document = Describe(request, text, publisher, publisherName, publisherIsNew, language);
        var notes = facts.Where(f => !f.InDraft).Select(f => $"{f.Classification} ({f.From})-[:{f.Type}]->({f.To ?? "?"}): {f.Reason}").ToList();
        var draft = SeedDraftBuilder.Build(document, mentions, facts, extractor.NewSources, notes);
        var known = catalog.Entities.Values.ToDictionary(e => e.Key, e => e.Label, StringComparer.Ordinal);
        var parsed = SeedFileParser.Parse(document.FileName, draft, known);
        var draftErrors = parsed.Errors.Select(e => e.ToString()).ToList();
        var classifiedReports = reports.Select(r => new ClassifiedReport(r, Strongest(facts.Where(f => f.Chain == r.Chain && candidates.Any(c => c.Sentence == r.Sentence))))).ToList();

        string? written = null;
        if (!request.DryRun) written = await WriteDraftAsync(document, draft, cancellationToken).ConfigureAwait(false);
        return new IngestionResult(document, mentions, entities, facts, classifiedReports, draft, draftErrors, written);
    }

    private static string Strongest(IEnumerable<ClassifiedFact> facts)
    {
        var set = facts.Select(f => f.Classification).ToHashSet();
        foreach (var c in new[] { Classifications.Contradicts, Classifications.Corroborates, Classifications.Repeats })
            if (set.Contains(c)) return c;
        return Classifications.New;
    }

    private static (string Key, string Name, bool IsNew) ResolvePublisher(string source, GraphCatalog catalog)
    {
        var s = source.Trim();
        if (catalog.Entities.TryGetValue(s, out var byKey) && byKey.Label == "Source") return (byKey.Key, byKey.Name, false);
        var folded = Folding.Fold(s);
        var match = catalog.Entities.Values.Where(e => e.Label == "Source")
            .FirstOrDefault(e => Folding.Fold(e.Name) == folded || e.Aliases.Any(a => Folding.Fold(a) == folded));
        if (match is not null) return (match.Key, match.Name, false);
        var name = s.StartsWith("source:", StringComparison.Ordinal) ? s["source:".Length..] : s;
        return ("source:" + Folding.Slug(name), name, true);
    }

    private static DocumentInfo Describe(IngestionRequest request, string text, string publisher, string publisherName, bool isNew, string? language)
    {
        var hash = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var title = string.IsNullOrWhiteSpace(request.Title) ? string.Join(' ', Folding.Tokenize(text).Take(8).Select(t => text[t.Start..t.End])) : request.Title.Trim();
        var titleSlug = Folding.Slug(title, 40);
        if (titleSlug.Length == 0) titleSlug = hash[7..19];
        var source = publisher[(publisher.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var date = request.PublishedAt!.Trim();
        return new DocumentInfo($"document:{source}-{date}-{titleSlug}", title, request.Url?.Trim(), publisher, publisherName, isNew,
            date, language, hash, $"{date}-{source}-{titleSlug}.json");
    }

    [GeneratedRegex(@"^\d{4}(-\d{2}(-\d{2})?)?$")]
    private static partial Regex PartialDatePattern();

    [GeneratedRegex(@"^[a-z]{2}$")]
    private static partial Regex LanguagePattern();

    /// <summary>Rejects malformed or oversized input with a stable code.</summary>
    internal static void Check(IngestionRequest request, int maxTextLength)
    {
        if (request.Text is null || string.IsNullOrWhiteSpace(request.Text))
            throw new IngestionException(IngestionErrorCodes.InvalidText, "text: expected the document's text, got nothing.");
        if (request.Text.Length > maxTextLength)
            throw new IngestionException(IngestionErrorCodes.TextTooLong, $"text: {request.Text.Length} characters; at most {maxTextLength} (Ingestion:MaxTextLength).");
        for (var i = 0; i < request.Text.Length; i++)
        {
            var c = request.Text[i];
            if (char.IsHighSurrogate(c) && i + 1 < request.Text.Length && char.IsLowSurrogate(request.Text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c))
                throw new IngestionException(IngestionErrorCodes.InvalidText, $"text: a lone surrogate at offset {i}; expected Unicode text.");
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
                throw new IngestionException(IngestionErrorCodes.InvalidText, $"text: control character U+{(int)c:X4} at offset {i}; expected plain text.");
        }
        if (string.IsNullOrWhiteSpace(request.Source) || Folding.Slug(request.Source.Replace("source:", "", StringComparison.Ordinal)).Length == 0)
            throw new IngestionException(IngestionErrorCodes.InvalidArgument, "source: expected the publisher's Source key or name, e.g. source:reuters or Reuters.");
        if (request.PublishedAt is null || !PartialDatePattern().IsMatch(request.PublishedAt.Trim()) || !IsValidDate(request.PublishedAt.Trim()))
            throw new IngestionException(IngestionErrorCodes.InvalidDate, $"publishedAt: expected YYYY-MM-DD, YYYY-MM or YYYY, got '{request.PublishedAt}'.");
        if (request.Language is { } language && !LanguagePattern().IsMatch(language.Trim().ToLowerInvariant()))
            throw new IngestionException(IngestionErrorCodes.InvalidArgument, $"language: expected an ISO 639-1 code such as fr, en or it, got '{language}'.");
        if (request.Url is { } url && !(Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            throw new IngestionException(IngestionErrorCodes.InvalidArgument, $"url: expected an absolute http or https URL, got '{url}'.");
        if (request.Title is { Length: > 500 })
            throw new IngestionException(IngestionErrorCodes.InvalidArgument, "title: at most 500 characters.");
    }

    private static bool IsValidDate(string date)
    {
        try
        {
            PartialDates.Interval(date);
            return true;
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or FormatException or OverflowException)
        {
            return false;
        }
    }

    private static (DateOnly First, DateOnly Last) ParseDate(string date) => PartialDates.Interval(date.Trim());
}
