namespace KnowledgeGraph.Seeding.Tests.Article;

/// <summary>A fact that reads the article's source text; skipped, with the reason, where the text is not present.</summary>
public sealed class ArticleFactAttribute : FactAttribute
{
    public ArticleFactAttribute()
    {
        if (!File.Exists(ArticleText.Path))
            Skip = $"The article's source text is not at {ArticleText.Path} (shared/seeds beside the repository).";
    }
}

/// <summary>The source text of the checklist's article, read as .NET reads it (UTF-16, BOM dropped).</summary>
public static class ArticleText
{
    /// <summary>Where documents' <c>sourceFile</c> live: <c>../shared/seeds</c> next to the repository.</summary>
    public static string Directory { get; } = System.IO.Path.GetFullPath(System.IO.Path.Combine(RepoPaths.Root, "..", "shared", "seeds"));

    /// <summary>The checklist article's file.</summary>
    public static string Path => System.IO.Path.Combine(Directory, ArticleChecklist.SourceFile);

    private static readonly Lazy<string> LazyText = new(() => File.ReadAllText(Path));

    /// <summary>The article's text.</summary>
    public static string Text => LazyText.Value;
}
