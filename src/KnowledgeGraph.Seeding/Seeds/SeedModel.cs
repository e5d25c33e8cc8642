namespace KnowledgeGraph.Seeding.Seeds;

/// <summary>A problem found in a seed file: the file, the JSON path inside it, and what is wrong.</summary>
public sealed record SeedError(string File, string JsonPath, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}: {JsonPath}: {Message}";
}

/// <summary>A validated node to MERGE by key. <see cref="Properties"/> excludes <c>key</c> and <c>aliases</c>.</summary>
public sealed record SeedNode(
    string Label,
    string Key,
    IReadOnlyList<string> Aliases,
    IReadOnlyDictionary<string, object?> Properties);

/// <summary>
/// A validated relationship to MERGE on (from, type, to). <see cref="Properties"/> excludes <c>sources</c>,
/// which the loader unions with what is already stored.
/// </summary>
public sealed record SeedRelationship(
    string Type,
    string FromKey,
    string FromLabel,
    string ToKey,
    string ToLabel,
    IReadOnlyList<string> Sources,
    IReadOnlyDictionary<string, object?> Properties);

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
