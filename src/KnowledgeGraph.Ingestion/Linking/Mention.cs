namespace KnowledgeGraph.Ingestion.Linking;

/// <summary>One entity a mention may name.</summary>
public sealed record MentionCandidate(string Key, string Label, string Name);

/// <summary>
/// A name in the text that the graph knows. Offsets are UTF-16 code units into the text as given (what .NET and
/// JavaScript strings index), 0-based; <see cref="Quote"/> is <c>text[QuoteOffset..QuoteOffset+Quote.Length]</c>.
/// </summary>
/// <param name="Text">The words as written.</param>
/// <param name="Offset">UTF-16 offset of the first character.</param>
/// <param name="Length">UTF-16 length.</param>
/// <param name="Key">The linked entity; null when the mention is ambiguous (see <see cref="Candidates"/>).</param>
/// <param name="Label">The linked entity's label.</param>
/// <param name="Rule">How it was linked: <c>name</c>, <c>alias</c>, <c>locative</c>, <c>metonym</c>,
/// <c>earlier-full-name</c>, or <c>ambiguous</c>.</param>
/// <param name="Candidates">Every entity the words may name (one when linked by name or alias).</param>
/// <param name="Reason">Why an ambiguous mention was not linked, or why a rule chose among several.</param>
/// <param name="Quote">The sentence around it (at most 200 characters).</param>
/// <param name="QuoteOffset">UTF-16 offset of <see cref="Quote"/>.</param>
/// <param name="Sentence">Index of the sentence (0-based).</param>
public sealed record Mention(
    string Text,
    int Offset,
    int Length,
    string? Key,
    string? Label,
    string Rule,
    IReadOnlyList<MentionCandidate> Candidates,
    string? Reason,
    string Quote,
    int QuoteOffset,
    int Sentence)
{
    /// <summary>Index of the first token (inside the ingestion pipeline).</summary>
    internal int TokenIndex { get; init; }

    /// <summary>Number of tokens.</summary>
    internal int TokenCount { get; init; }

    /// <summary>True when linked to one entity.</summary>
    public bool IsLinked => Key is not null;
}
