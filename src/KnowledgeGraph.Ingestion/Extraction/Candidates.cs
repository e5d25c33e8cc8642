using KnowledgeGraph.Model;

namespace KnowledgeGraph.Ingestion.Extraction;

/// <summary>
/// Who says so: a report chain read from the text (<c>selon X</c>, <c>X, citing Y, citing Z</c>, <c>sources cited by
/// X</c>, <c>X said</c>), origin first, then each relay, ending with the document's publisher.
/// </summary>
/// <param name="Origin">A Source, Person, Organization or Country key, or <c>unnamed:&lt;source key&gt;</c>.</param>
/// <param name="Via">The relays, in order; the publisher last.</param>
/// <param name="Words">The words the chain was read from (empty when the document states the fact itself).</param>
/// <param name="Offset">UTF-16 offset of <see cref="Words"/>.</param>
/// <param name="Sentence">Index of the sentence.</param>
public sealed record ReportChain(string Origin, IReadOnlyList<string> Via, string Words, int Offset, int Sentence)
{
    /// <summary>The chain as stored: <c>origin &gt; relay &gt; … &gt; publisher</c>.</summary>
    public string Chain => ProvenanceChains.Join(Origin, Via);
}

/// <summary>Something the text names that the graph does not know, or a title given to someone.</summary>
/// <param name="Kind"><c>name</c> (capitalised words not linked), <c>title</c> (a person's title), <c>outlet</c>
/// (a name after "selon" / "according to" / "secondo" or an outlet word).</param>
/// <param name="Text">The words.</param>
/// <param name="Offset">UTF-16 offset.</param>
/// <param name="ProposedKey">A key for a new entity (null for a title).</param>
/// <param name="ProposedLabel">Person, Source, or null when nothing tells.</param>
/// <param name="Person">For a title: the person it is given to, when linked.</param>
/// <param name="Evidence">Why it is proposed.</param>
/// <param name="Quote">The sentence around it.</param>
/// <param name="QuoteOffset">UTF-16 offset of the quote.</param>
public sealed record CandidateEntity(
    string Kind, string Text, int Offset, string? ProposedKey, string? ProposedLabel, string? Person, string Evidence, string Quote, int QuoteOffset);

/// <summary>A fact the text states, before it is compared with the graph.</summary>
/// <param name="Kind"><c>meeting</c> (one per participant), <c>drafting</c> or <c>denial</c>.</param>
/// <param name="Type">The relationship type it becomes: ATTENDED, DRAFTED or DENIES.</param>
/// <param name="From">The actor (participant, drafter, who denies).</param>
/// <param name="To">The meeting, proposal or claim when the text names it; null for a meeting the classifier must find.</param>
/// <param name="Participants">For meetings (and the denial of a meeting): every participant the sentence names.</param>
/// <param name="Place">For meetings: the place key.</param>
/// <param name="StartDate">For meetings: partial ISO date.</param>
/// <param name="EndDate">For meetings: partial ISO date.</param>
/// <param name="MeetingType">talks or summit.</param>
/// <param name="Report">Who says so.</param>
/// <param name="Confidence">confirmed, reported, claimed (the seed grades).</param>
/// <param name="Quote">The supporting sentence (at most 200 characters).</param>
/// <param name="QuoteOffset">UTF-16 offset of the quote.</param>
/// <param name="Words">The words that support it (markers, verbs, names, dates).</param>
/// <param name="Sentence">Index of the sentence.</param>
public sealed record CandidateFact(
    string Kind,
    string Type,
    string From,
    string? To,
    IReadOnlyList<string> Participants,
    string? Place,
    string? StartDate,
    string? EndDate,
    string? MeetingType,
    ReportChain Report,
    string Confidence,
    string Quote,
    int QuoteOffset,
    IReadOnlyList<string> Words,
    int Sentence);
