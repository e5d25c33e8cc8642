namespace KnowledgeGraph.Seeding.Hosting;

/// <summary>Finds the <c>seeds/</c> directory when <c>Seed:Directory</c> is not configured.</summary>
public static class SeedDirectoryLocator
{
    /// <summary>
    /// The first directory named <c>seeds</c> holding at least one <c>*.json</c> file, found walking up from each
    /// start directory in turn; null when there is none.
    /// </summary>
    public static string? Find(params string?[] startDirectories)
    {
        ArgumentNullException.ThrowIfNull(startDirectories);
        foreach (var start in startDirectories)
        {
            if (string.IsNullOrWhiteSpace(start)) continue;
            for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "seeds");
                if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "*.json").Any())
                    return candidate;
            }
        }
        return null;
    }
}
