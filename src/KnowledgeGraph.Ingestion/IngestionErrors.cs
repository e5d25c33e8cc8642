namespace KnowledgeGraph.Ingestion;

/// <summary>The stable codes of ingestion errors (GraphQL <c>extensions.code</c>, and the CLI's error lines).</summary>
public static class IngestionErrorCodes
{
    /// <summary>The text is empty, or holds NUL, control characters or a lone surrogate.</summary>
    public const string InvalidText = "KG_INVALID_TEXT";

    /// <summary>The text is longer than <c>Ingestion:MaxTextLength</c>.</summary>
    public const string TextTooLong = "KG_TEXT_TOO_LONG";

    /// <summary>publishedAt is missing or not YYYY-MM-DD, YYYY-MM or YYYY.</summary>
    public const string InvalidDate = "KG_INVALID_DATE";

    /// <summary>Another argument is invalid (no source, a language that is not ISO 639-1, a url that is not http(s)).</summary>
    public const string InvalidArgument = "KG_INVALID_ARGUMENT";

    /// <summary>No seeds directory to write the draft into or reload from (<c>Seed:Directory</c>).</summary>
    public const string SeedsUnavailable = "KG_SEEDS_UNAVAILABLE";

    /// <summary>The draft does not validate where it would be written (the curator must edit it first).</summary>
    public const string DraftInvalid = "KG_DRAFT_INVALID";

    /// <summary>A different file with the draft's name is already in the seeds directory (a reviewed draft is never overwritten).</summary>
    public const string DraftExists = "KG_DRAFT_EXISTS";

    /// <summary>A file of <c>seeds/lexicon/</c> is invalid.</summary>
    public const string LexiconInvalid = "KG_LEXICON_INVALID";

    /// <summary>Some seed files were rejected by <c>reloadSeeds</c>; the others loaded.</summary>
    public const string SeedRejected = "KG_SEED_REJECTED";
}

/// <summary>An ingestion request that cannot be served, with a stable <see cref="Code"/>.</summary>
public sealed class IngestionException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>One of <see cref="IngestionErrorCodes"/>.</summary>
    public string Code { get; } = code;
}
