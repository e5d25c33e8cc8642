namespace KnowledgeGraph.Ingestion.Classification;

/// <summary>How a candidate fact stands against the graph.</summary>
public static class Classifications
{
    /// <summary>The graph does not hold the fact.</summary>
    public const string New = "new";

    /// <summary>The same fact from an independent origin: its independent-source count would rise.</summary>
    public const string Corroborates = "corroborates";

    /// <summary>The same fact from an origin the graph already counts, relayed again: the count stays.</summary>
    public const string Repeats = "repeats";

    /// <summary>Opposes a fact or claim the graph holds (a denial of it, a denied fact asserted, other dates).</summary>
    public const string Contradicts = "contradicts";
}

/// <summary>A fact already in the graph that a candidate relates to.</summary>
/// <param name="Type">Relationship type, or <c>Fact</c> for a node fact (a meeting's dates).</param>
/// <param name="From">Start key (or the entity of a node fact).</param>
/// <param name="To">End key (or the node fact's property).</param>
/// <param name="Confidence">Its confidence.</param>
/// <param name="Chains">Its report chains.</param>
/// <param name="IndependentSources">Its number of distinct origins.</param>
/// <param name="Value">For a node fact: the stored value(s).</param>
public sealed record ExistingFact(string Type, string From, string To, string? Confidence, IReadOnlyList<string> Chains, int IndependentSources, string? Value = null);

/// <summary>A candidate fact with its classification.</summary>
/// <param name="Kind">meeting, drafting or denial.</param>
/// <param name="Type">ATTENDED, HELD_IN, DRAFTED or DENIES.</param>
/// <param name="From">Start key.</param>
/// <param name="To">End key; a proposed new key (<see cref="NewEntity"/>) when the graph lacks it; null when unknown.</param>
/// <param name="Classification">new, corroborates, repeats or contradicts.</param>
/// <param name="Reason">Why, in one sentence.</param>
/// <param name="Related">The existing fact it relates to.</param>
/// <param name="IndependentSourcesBefore">The related fact's count now (0 for a new fact).</param>
/// <param name="IndependentSourcesAfter">The count once the draft is loaded.</param>
/// <param name="Chain">The candidate's report chain.</param>
/// <param name="Confidence">The candidate's confidence.</param>
/// <param name="Quote">The supporting sentence.</param>
/// <param name="QuoteOffset">UTF-16 offset of the quote.</param>
/// <param name="Words">The words supporting it.</param>
/// <param name="StartDate">For meetings.</param>
/// <param name="EndDate">For meetings.</param>
/// <param name="Place">For meetings.</param>
/// <param name="NewEntity">True when <see cref="To"/> is a meeting the draft declares.</param>
/// <param name="InDraft">False when the draft leaves it out (a contradiction of the same relationship is for the
/// curator to settle, not to overwrite).</param>
public sealed record ClassifiedFact(
    string Kind,
    string Type,
    string From,
    string? To,
    string Classification,
    string Reason,
    ExistingFact? Related,
    int IndependentSourcesBefore,
    int IndependentSourcesAfter,
    string Chain,
    string Confidence,
    string Quote,
    int QuoteOffset,
    IReadOnlyList<string> Words,
    string? StartDate,
    string? EndDate,
    string? Place,
    bool NewEntity,
    bool InDraft)
{
    /// <summary>The candidate's chain origin.</summary>
    public string Origin => Chain.Split(KnowledgeGraph.Model.Provenance.ChainSeparator)[0];

    /// <summary>Internal: the chain's relays (for the draft).</summary>
    internal IReadOnlyList<string> Via { get; init; } = [];

    /// <summary>Internal: meeting type of a new meeting.</summary>
    internal string? MeetingType { get; init; }
}
