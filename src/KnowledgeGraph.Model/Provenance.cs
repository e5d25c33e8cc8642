namespace KnowledgeGraph.Model;

/// <summary>
/// The provenance contract (cypher/README.md, "Provenance v2"): the property names a fact's provenance is stored
/// under, wherever it is stored (relationships, Claim nodes, Fact nodes), and the tokens of a report chain.
/// </summary>
public static class Provenance
{
    /// <summary>Confidence, from <see cref="Vocabularies.Confidence"/>.</summary>
    public const string Confidence = "confidence";

    /// <summary>Tier, from <see cref="Vocabularies.Tier"/>.</summary>
    public const string Tier = "tier";

    /// <summary>One string per report chain: origin first, then each relay, joined by <see cref="ChainSeparator"/>.</summary>
    public const string Chains = "chains";

    /// <summary>The distinct first elements of the chains, sorted.</summary>
    public const string Origins = "origins";

    /// <summary>Integer: the number of <see cref="Origins"/>.</summary>
    public const string IndependentSources = "independentSources";

    /// <summary>Every Source key appearing in any chain, sorted (the v1 property, kept for compatibility).</summary>
    public const string Sources = "sources";

    /// <summary>Key of the Document stating the fact; absent for background facts.</summary>
    public const string Document = "document";

    /// <summary>A short quote of the document, in its original language.</summary>
    public const string Quote = "quote";

    /// <summary>UTF-16 offset (0-based) of <see cref="Quote"/> in the document's source text.</summary>
    public const string QuoteOffset = "quoteOffset";

    /// <summary>Keys of Claims supporting the fact.</summary>
    public const string SupportedBy = "supportedBy";

    /// <summary>Keys of Claims contradicting the fact.</summary>
    public const string ContradictedBy = "contradictedBy";

    /// <summary>Partial ISO date (<c>2025</c>, <c>2025-11</c>, <c>2025-11-19</c>) meaning the whole interval.</summary>
    public const string Date = "date";

    /// <summary>Short English note.</summary>
    public const string Note = "note";

    /// <summary>Joins the elements of a chain.</summary>
    public const string ChainSeparator = " > ";

    /// <summary>Prefix of the origin token for unnamed sources cited by an outlet: <c>unnamed:source:axios</c>.</summary>
    public const string UnnamedPrefix = "unnamed:";

    /// <summary>The Source every background fact cites.</summary>
    public const string ReferenceSourceKey = "source:reference";

    /// <summary>Tier of facts a document states.</summary>
    public const string ReportedTier = "reported";

    /// <summary>Tier of reference knowledge no document states.</summary>
    public const string BackgroundTier = "background";

    /// <summary>The key of the Fact node recording <paramref name="property"/> of the entity <paramref name="entityKey"/>.</summary>
    public static string FactKey(string entityKey, string property)
    {
        ArgumentException.ThrowIfNullOrEmpty(entityKey);
        ArgumentException.ThrowIfNullOrEmpty(property);
        return $"fact:{entityKey}:{property}";
    }
}
