using KnowledgeGraph.Seeding.Seeds;

namespace KnowledgeGraph.Seeding;

/// <summary>What seeding did with one file.</summary>
/// <param name="File">Display name, e.g. <c>seeds/2025-11-19-mena-news-28-point-plan.json</c>.</param>
/// <param name="Loaded">True when the file was valid and its transaction committed.</param>
/// <param name="Nodes">Nodes the file declares.</param>
/// <param name="Relationships">Relationships the file declares (including those generated from documents and claims).</param>
/// <param name="NodesCreated">Nodes the write created (0 when everything already existed).</param>
/// <param name="RelationshipsCreated">Relationships the write created.</param>
/// <param name="PropertiesSet">Properties the write set.</param>
/// <param name="Errors">Validation or write errors; nothing of the file was loaded when non-empty.</param>
public sealed record SeedFileReport(
    string File,
    bool Loaded,
    int Nodes,
    int Relationships,
    int NodesCreated,
    int RelationshipsCreated,
    int PropertiesSet,
    IReadOnlyList<SeedError> Errors);

/// <summary>The outcome of a seeding run.</summary>
/// <param name="Directory">The seeds directory.</param>
/// <param name="SchemaStatements">Schema statements applied.</param>
/// <param name="Files">One entry per seed file, in load order.</param>
public sealed record SeedReport(string Directory, int SchemaStatements, IReadOnlyList<SeedFileReport> Files)
{
    /// <summary>Every error, each naming file, JSON path and problem.</summary>
    public IReadOnlyList<SeedError> Errors => Files.SelectMany(f => f.Errors).ToList();

    /// <summary>True when every file loaded.</summary>
    public bool Succeeded => Files.All(f => f.Loaded);

    /// <summary>Nodes created over all files.</summary>
    public int NodesCreated => Files.Sum(f => f.NodesCreated);

    /// <summary>Relationships created over all files.</summary>
    public int RelationshipsCreated => Files.Sum(f => f.RelationshipsCreated);

    /// <summary>Throws <see cref="SeedValidationException"/> listing every error when a file failed.</summary>
    public void ThrowIfFailed()
    {
        if (!Succeeded) throw new SeedValidationException(Errors);
    }
}
