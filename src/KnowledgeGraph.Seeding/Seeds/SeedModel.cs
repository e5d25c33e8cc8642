namespace KnowledgeGraph.Seeding.Seeds;

/// <summary>A problem found in a seed file: the file, the JSON path inside it, and what is wrong.</summary>
public sealed record SeedError(string File, string JsonPath, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}: {JsonPath}: {Message}";
}

/// <summary>
/// A validated node to MERGE by key. <see cref="Properties"/> excludes <c>key</c> and <c>aliases</c>. Claim and Fact
/// nodes carry provenance: <see cref="Chains"/> is then non-null and <see cref="Properties"/> holds the provenance
/// derived from it (the loader unions chains with what is stored and derives again).
/// </summary>
public sealed record SeedNode(
    string Label,
    string Key,
    IReadOnlyList<string> Aliases,
    IReadOnlyDictionary<string, object?> Properties,
    IReadOnlyList<string>? Chains = null);

/// <summary>
/// A validated relationship to MERGE on (from, type, to). <see cref="Properties"/> holds the provenance derived from
/// <see cref="Chains"/> (origins, independentSources, sources); the loader unions chains with what is already
/// stored and derives them again. A structural relationship (HAS_FACT) has no chains and no properties.
/// </summary>
public sealed record SeedRelationship(
    string Type,
    string FromKey,
    string FromLabel,
    string ToKey,
    string ToLabel,
    IReadOnlyDictionary<string, object?> Properties,
    IReadOnlyList<string> Chains)
{
    /// <summary>The Source keys of <see cref="Chains"/>, sorted.</summary>
    public IReadOnlyList<string> Sources => KnowledgeGraph.Model.ProvenanceChains.Sources(Chains);
}

/// <summary>One seed file after validation. When <see cref="Errors"/> is non-empty nothing of it is loaded.</summary>
public sealed record SeedFile(
    string FileName,
    IReadOnlyList<SeedNode> Nodes,
    IReadOnlyList<SeedRelationship> Relationships,
    IReadOnlyList<SeedError> Errors)
{
    /// <summary>True when the file passed validation.</summary>
    public bool IsValid => Errors.Count == 0;
}
