using KnowledgeGraph.Tests.Shared;

namespace KnowledgeGraph.Seeding.Tests;

/// <summary>Locates the repository (the real seeds/ and cypher/ folders, not copies in the output directory).</summary>
internal static class RepoPaths
{
    public static string Root => RepositoryRoot.Path;

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string Cypher => Path.Combine(Root, "cypher");

    public static string Queries => Path.Combine(Root, "cypher", "queries");

    public static string DialectProject => Path.Combine(Root, "tests", "cypher-dialect");
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
