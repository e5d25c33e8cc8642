using KnowledgeGraph.Ingestion.Classification;
using KnowledgeGraph.Ingestion.Drafting;
using KnowledgeGraph.Ingestion.Extraction;
using KnowledgeGraph.Ingestion.Linking;

namespace KnowledgeGraph.Ingestion;

/// <summary>What a curator submits.</summary>
/// <param name="Text">The document's text (plain text).</param>
/// <param name="Title">Its title; the file and key names derive from it (else from the first words).</param>
/// <param name="Url">Where it was published (http or https).</param>
/// <param name="Source">The publisher: a Source key (<c>source:reuters</c>) or name (<c>Reuters</c>); a new outlet otherwise.</param>
/// <param name="PublishedAt">YYYY-MM-DD, YYYY-MM or YYYY.</param>
/// <param name="Language">ISO 639-1 (fr, en, it); null uses every language's word lists.</param>
/// <param name="DryRun">True (the default): return the analysis and the draft, write nothing.</param>
public sealed record IngestionRequest(string Text, string? Title, string? Url, string Source, string? PublishedAt, string? Language, bool DryRun = true);

/// <summary>A report chain and how the facts it carries stand against the graph.</summary>
/// <param name="Report">The chain.</param>
/// <param name="Classification">new, corroborates, repeats or contradicts: the strongest among its facts (contradicts,
/// corroborates, repeats, new), or new when it carries none.</param>
public sealed record ClassifiedReport(ReportChain Report, string Classification);

/// <summary>The outcome of an ingestion.</summary>
/// <param name="Document">The document the draft records.</param>
/// <param name="Mentions">Every known entity named in the text (linked or ambiguous).</param>
/// <param name="Candidates">Names not linked, titles and new outlets.</param>
/// <param name="Facts">Candidate facts with their classification.</param>
/// <param name="Reports">The report chains read from the text.</param>
/// <param name="Draft">The seed file draft (JSON).</param>
/// <param name="DraftErrors">What the seed validator says of the draft against the graph (empty when valid).</param>
/// <param name="WrittenPath">Where the draft was written; null in a dry run.</param>
public sealed record IngestionResult(
    DocumentInfo Document,
    IReadOnlyList<Mention> Mentions,
    IReadOnlyList<CandidateEntity> Candidates,
    IReadOnlyList<ClassifiedFact> Facts,
    IReadOnlyList<ClassifiedReport> Reports,
    string Draft,
    IReadOnlyList<string> DraftErrors,
    string? WrittenPath);
