namespace KnowledgeGraph.Seeding.Seeds;

/// <summary>
/// Every seed file of a directory, validated in ordinal file-name order. A file may reference keys declared in
/// itself or in an earlier valid file; an invalid file contributes nothing, not even its keys.
/// </summary>
public sealed class SeedSet
{
    private SeedSet(string directory, IReadOnlyList<SeedFile> files)
    {
        Directory = directory;
        Files = files;
    }

    /// <summary>The seeds directory.</summary>
    public string Directory { get; }

    /// <summary>The files, in load order.</summary>
    public IReadOnlyList<SeedFile> Files { get; }

    /// <summary>Every error of every file.</summary>
    public IReadOnlyList<SeedError> Errors => Files.SelectMany(f => f.Errors).ToList();

    /// <summary>The <c>*.json</c> files of <paramref name="directory"/> in load order (ordinal by name).</summary>
    public static IReadOnlyList<string> ListFiles(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!System.IO.Directory.Exists(directory))
            throw new DirectoryNotFoundException($"Seed directory '{directory}' does not exist.");
        return System.IO.Directory.GetFiles(directory, "*.json", SearchOption.TopDirectoryOnly)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The name used in error messages: the directory's own name and the file name, e.g. <c>seeds/a.json</c>.</summary>
    public static string DisplayName(string directory, string file) =>
        $"{Path.GetFileName(Path.TrimEndingDirectorySeparator(directory))}/{Path.GetFileName(file)}";

    /// <summary>Reads and validates every file of <paramref name="directory"/>.</summary>
    public static async Task<SeedSet> LoadAsync(string directory, CancellationToken cancellationToken = default)
    {
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = new List<SeedFile>();
        foreach (var path in ListFiles(directory))
        {
            var json = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            var file = SeedFileParser.Parse(DisplayName(directory, path), json, known);
            if (file.IsValid)
                foreach (var node in file.Nodes) known[node.Key] = node.Label;
            files.Add(file);
        }
        return new SeedSet(directory, files);
    }
}

/// <summary>Thrown when seed files are invalid and the caller asked for all-or-nothing (e.g. generating seed.cypher).</summary>
public sealed class SeedValidationException : Exception
{
    /// <summary>Creates the exception from the errors found.</summary>
    public SeedValidationException(IReadOnlyList<SeedError> errors)
        : base("Invalid seed data:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    /// <summary>The errors, each naming file, JSON path and problem.</summary>
    public IReadOnlyList<SeedError> Errors { get; }
}
