namespace KnowledgeGraph.Model;

/// <summary>
/// Derives a fact's provenance summary from its report chains, so stored chains, origins, independentSources and
/// sources cannot disagree. A chain is origin first, then each relay, joined by <see cref="Provenance.ChainSeparator"/>.
/// Sorting is ordinal (Unicode code points), the order Cypher's string comparison gives.
/// </summary>
public static class ProvenanceChains
{
    /// <summary>The chain string of <paramref name="origin"/> relayed by <paramref name="via"/>, in order.</summary>
    public static string Join(string origin, IEnumerable<string> via)
    {
        ArgumentException.ThrowIfNullOrEmpty(origin);
        ArgumentNullException.ThrowIfNull(via);
        return string.Join(Provenance.ChainSeparator, via.Prepend(origin));
    }

    /// <summary>The elements of a chain string, origin first.</summary>
    public static IReadOnlyList<string> Split(string chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        return chain.Split(Provenance.ChainSeparator);
    }

    /// <summary>The distinct first elements of <paramref name="chains"/>, sorted.</summary>
    public static IReadOnlyList<string> Origins(IEnumerable<string> chains)
    {
        ArgumentNullException.ThrowIfNull(chains);
        return chains.Select(c => Split(c)[0]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Every Source key appearing in any chain, sorted. <c>unnamed:source:x</c> is an origin token, not a Source key;
    /// the outlet citing the unnamed sources follows it in the chain.
    /// </summary>
    public static IReadOnlyList<string> Sources(IEnumerable<string> chains)
    {
        ArgumentNullException.ThrowIfNull(chains);
        return chains.SelectMany(Split).Where(t => t.StartsWith("source:", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The chains of <paramref name="stored"/> followed by those of <paramref name="added"/> not already in it.</summary>
    public static IReadOnlyList<string> Union(IEnumerable<string> stored, IEnumerable<string> added)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(added);
        var result = stored.ToList();
        foreach (var c in added)
            if (!result.Contains(c, StringComparer.Ordinal)) result.Add(c);
        return result;
    }
}
