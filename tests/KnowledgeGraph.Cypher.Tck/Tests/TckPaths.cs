
namespace KnowledgeGraph.Cypher.Tck.Tests;

/// <summary>Where the tests find the repository and the shared openCypher TCK.</summary>
public static class TckPaths
{
    /// <summary>The folder holding KnowledgeGraph.sln (tests/Shared/RepositoryRoot); null if none.</summary>
    public static string? RepositoryRoot => KnowledgeGraph.Tests.Shared.RepositoryRoot.TryPath;

    /// <summary>
    /// The features folder: <c>OPENCYPHER_TCK_DIR</c> when set, otherwise <c>../shared/tck/features</c> relative to
    /// the repository root; null when that folder does not exist.
    /// </summary>
    public static string? FeaturesDir { get; } = FindFeaturesDir();

    /// <summary>The named graphs folder beside the features folder, when it exists.</summary>
    public static string? GraphsDir =>
        FeaturesDir is null ? null : ExistingOrNull(Path.GetFullPath(Path.Combine(FeaturesDir, "..", "graphs")));

    /// <summary>The committed baseline of passing scenario ids.</summary>
    public static string? BaselineFile =>
        RepositoryRoot is null ? null : Path.Combine(RepositoryRoot, "tests", "KnowledgeGraph.Cypher.Tck", "baseline-passing.txt");

    /// <summary>The project's own scenarios in TCK format (<c>tests/KnowledgeGraph.Cypher.Tck/features</c>).</summary>
    public static string? OwnFeaturesDir =>
        RepositoryRoot is null ? null : ExistingOrNull(Path.Combine(RepositoryRoot, "tests", "KnowledgeGraph.Cypher.Tck", "features"));

    /// <summary>Why TCK-dependent tests are skipped, or null when the TCK is available.</summary>
    public static string? SkipReason => FeaturesDir is not null
        ? null
        : $"openCypher TCK not found: set OPENCYPHER_TCK_DIR or provide ../shared/tck/features beside the repository (root: {RepositoryRoot ?? "not found"})";

    private static string? FindFeaturesDir()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("OPENCYPHER_TCK_DIR");
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return ExistingOrNull(Path.GetFullPath(fromEnvironment));
        return RepositoryRoot is null ? null : ExistingOrNull(Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "tck", "features")));
    }

    private static string? ExistingOrNull(string dir) => Directory.Exists(dir) ? dir : null;
}

/// <summary>A fact that is reported as skipped, with the reason, when the openCypher TCK is not available.</summary>
public sealed class TckFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when the TCK folder is missing.</summary>
    public TckFactAttribute()
    {
        if (TckPaths.SkipReason is { } reason) Skip = reason;
    }
}
