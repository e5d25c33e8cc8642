using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Ingestion.Hosting;

/// <summary>Configuration section <c>Ingestion</c>.</summary>
public sealed class IngestionOptions
{
    /// <summary>The section name.</summary>
    public const string SectionName = "Ingestion";

    /// <summary><c>Ingestion:MaxTextLength</c> (default 100,000): the longest text accepted, in UTF-16 code units.</summary>
    public int MaxTextLength { get; set; } = 100_000;

    /// <summary><c>Ingestion:LexiconDirectory</c>: the word lists and aliases; default <c>lexicon/</c> inside the seeds directory.</summary>
    public string? LexiconDirectory { get; set; }
}

/// <summary>The one validator of <see cref="IngestionOptions"/> (checked at start).</summary>
public sealed class IngestionOptionsValidator : IValidateOptions<IngestionOptions>
{
    /// <summary>Largest accepted <c>Ingestion:MaxTextLength</c>.</summary>
    public const int MaxTextLengthCeiling = 10_000_000;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, IngestionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxTextLength is < 1 or > MaxTextLengthCeiling)
            return ValidateOptionsResult.Fail($"Ingestion:MaxTextLength: expected an integer from 1 to {MaxTextLengthCeiling}, got {options.MaxTextLength}.");
        if (options.LexiconDirectory is { } d && string.IsNullOrWhiteSpace(d))
            return ValidateOptionsResult.Fail("Ingestion:LexiconDirectory: expected a directory path.");
        return ValidateOptionsResult.Success;
    }
}
