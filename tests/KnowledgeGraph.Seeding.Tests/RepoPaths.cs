namespace KnowledgeGraph.Seeding.Tests;

/// <summary>Locates the repository (the real seeds/ and cypher/ folders, not copies in the output directory).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string Cypher => Path.Combine(Root, "cypher");

    public static string Queries => Path.Combine(Root, "cypher", "queries");

    public static string DialectProject => Path.Combine(Root, "tests", "cypher-dialect");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "KnowledgeGraph.sln")) && Directory.Exists(Path.Combine(dir.FullName, "cypher")))
                return dir.FullName;
        // Built with --artifacts-path outside the tree: use the location recorded at build time.
        var recorded = typeof(RepoPaths).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (recorded is not null && Directory.Exists(Path.Combine(recorded, "cypher")))
            return recorded;
        throw new InvalidOperationException("Cannot find the repository root (KnowledgeGraph.sln with a cypher/ folder).");
    }
}

/// <summary>A scratch seeds directory deleted after the test.</summary>
internal sealed class TempSeedDirectory : IDisposable
{
    public TempSeedDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kg-seed-tests-" + Guid.NewGuid().ToString("N"), "seeds");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public TempSeedDirectory WithRealSeeds()
    {
        foreach (var file in Directory.GetFiles(RepoPaths.Seeds, "*.json"))
            File.Copy(file, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(file)));
        return this;
    }

    public string Write(string fileName, string json)
    {
        var full = System.IO.Path.Combine(Path, fileName);
        File.WriteAllText(full, json);
        return full;
    }

    public void Dispose()
    {
        try { Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true); }
        catch (IOException) { /* best effort */ }
    }
}
