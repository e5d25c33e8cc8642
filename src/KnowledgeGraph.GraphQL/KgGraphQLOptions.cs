using System.ComponentModel.DataAnnotations;

namespace KnowledgeGraph.GraphQL;

/// <summary>Settings bound from the <c>GraphQL</c> configuration section.</summary>
public sealed class KgGraphQLOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "GraphQL";

    /// <summary>Curator key for mutations (<c>Authorization: Bearer &lt;key&gt;</c>); mutations are disabled when empty.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Maximum selection depth (default 12).</summary>
    [Range(1, 64)]
    public int MaxDepth { get; set; } = 12;

    /// <summary>Maximum complexity; list fields multiply their children by first/last (or 5).</summary>
    [Range(1, int.MaxValue)]
    public int MaxComplexity { get; set; } = 250_000;

    /// <summary>Page size when neither first nor last is given (default 50).</summary>
    [Range(1, 10_000)]
    public int DefaultPageSize { get; set; } = 50;

    /// <summary>Largest first/last accepted (default 200).</summary>
    [Range(1, 10_000)]
    public int MaxPageSize { get; set; } = 200;

    /// <summary>Largest maxHops for paths and mediators (default 6).</summary>
    [Range(1, 16)]
    public int MaxHops { get; set; } = 6;

    /// <summary>Time limit of each root field's Cypher statement (default 30 s).</summary>
    public TimeSpan QueryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    // Not configuration (internal, so the binder never sets it): tests compile `paths` with the tail as it was before
    // session 10 to compare both statements' answers (KgCompiler.Paths.Legacy.cs).
    internal bool LegacyPathsTail { get; set; }

    /// <summary>Largest accepted request body or query string (default 1 MiB).</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>Most lexical tokens in a document (default 20,000; comments are not counted).</summary>
    [Range(100, 10_000_000)]
    public int MaxTokens { get; set; } = 20_000;

    /// <summary>Most fields in a document once fragments are expanded (default 2,000); bounds every validation rule.</summary>
    [Range(10, 1_000_000)]
    public int MaxFields { get; set; } = 2_000;

    /// <summary>Most fragment spreads in a document once fragments are expanded (default 1,000).</summary>
    [Range(1, 1_000_000)]
    public int MaxFragmentSpreads { get; set; } = 1_000;

    /// <summary>Most pairs of same-named fields, and of fragments spread into one selection set (fragments expanded),
    /// the fields-can-merge rule may compare (default 2,000).</summary>
    [Range(10, 100_000_000)]
    public int MaxFieldPairs { get; set; } = 2_000;

    /// <summary>Deepest nesting of the document in syntax nodes (default 128; a nested input object level is about
    /// three nodes, a selection level two).</summary>
    [Range(16, 1_000)]
    public int MaxDocumentDepth { get; set; } = 128;

    /// <summary>Deepest nesting of the request's JSON (variables, extensions), in objects and arrays (default 32).</summary>
    [Range(4, 256)]
    public int MaxVariablesDepth { get; set; } = 32;

    /// <summary>Origins allowed by CORS; empty disables CORS headers, <c>*</c> allows any origin.</summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>Report the Cypher that ran in <c>extensions.cypher</c> on every response, as if each request sent
    /// <c>X-KG-Explain: true</c> (default false in every environment: explain output is opted into per request).</summary>
    public bool ExplainAlways { get; set; }

    /// <summary>Serve the Banana Cake Pop IDE to browsers (default true).</summary>
    public bool EnableIde { get; set; } = true;

    /// <summary>Checks the values; returns the problems found.</summary>
    public IEnumerable<string> Validate()
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true);
        foreach (var r in results) yield return r.ErrorMessage ?? "invalid GraphQL option";
        if (DefaultPageSize > MaxPageSize) yield return "GraphQL:DefaultPageSize must not exceed GraphQL:MaxPageSize.";
        if (QueryTimeout <= TimeSpan.Zero) yield return "GraphQL:QueryTimeout must be positive.";
        if (ApiKey is { Length: > 0 and < 16 }) yield return "GraphQL:ApiKey must be at least 16 characters.";
    }
}
