using KnowledgeGraph.Seeding.Hosting;

namespace KnowledgeGraph.Ingestion.Hosting;

/// <summary>
/// Where the seed files are, as start-up seeding finds them: <c>Seed:Directory</c> (relative to the content root), else
/// the nearest <c>seeds/</c> holding JSON files above the content root, the current directory or the binaries.
/// </summary>
public sealed class SeedsLocation(SeedingOptions options, string? contentRoot)
{
    /// <summary>The seeds directory, or null when there is none.</summary>
    public string? Directory
    {
        get
        {
            if (options.Directory is { } configured)
            {
                var full = Path.GetFullPath(configured, contentRoot ?? Environment.CurrentDirectory);
                return System.IO.Directory.Exists(full) ? full : null;
            }
            return SeedDirectoryLocator.Find(contentRoot, Environment.CurrentDirectory, AppContext.BaseDirectory);
        }
    }

    /// <summary>The seeds directory, or an <see cref="IngestionException"/> saying how to configure it.</summary>
    public string RequireDirectory() => Directory
        ?? throw new IngestionException(IngestionErrorCodes.SeedsUnavailable,
            options.Directory is { } d ? $"Seed:Directory '{d}' does not exist." : "No seeds/ directory found; set Seed:Directory.");

    /// <summary><c>Ingestion:LexiconDirectory</c>, else <c>lexicon/</c> in the seeds directory, else beside the binaries.</summary>
    public string LexiconDirectory(IngestionOptions ingestion)
    {
        if (ingestion.LexiconDirectory is { } configured) return Path.GetFullPath(configured, contentRoot ?? Environment.CurrentDirectory);
        if (Directory is { } seeds && System.IO.Directory.Exists(Path.Combine(seeds, "lexicon"))) return Path.Combine(seeds, "lexicon");
        return Path.Combine(AppContext.BaseDirectory, "seeds", "lexicon");
    }
}
