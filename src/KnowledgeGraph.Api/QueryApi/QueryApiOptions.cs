using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.QueryApi;

/// <summary>Settings of Neo4j's Query API over HTTP (<c>QueryApi</c> section).</summary>
public sealed class QueryApiOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "QueryApi";

    /// <summary>Whether <c>/db/{database}/query/v2</c> is served (<c>QueryApi:Enabled</c>, default true; needs the Bolt server's users).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>An explicit transaction with no request for this long is rolled back (<c>QueryApi:TransactionTimeoutSeconds</c>, default 30, as Neo4j).</summary>
    public int TransactionTimeoutSeconds { get; set; } = 30;

    /// <summary>Most explicit transactions open at once (<c>QueryApi:MaxTransactions</c>, default 100); beyond it a begin gets 503.</summary>
    public int MaxTransactions { get; set; } = 100;
}

/// <summary>The one validator of <see cref="QueryApiOptions"/>, run at start.</summary>
internal sealed class QueryApiOptionsValidator : IValidateOptions<QueryApiOptions>
{
    public ValidateOptionsResult Validate(string? name, QueryApiOptions options)
    {
        if (options.TransactionTimeoutSeconds is < 1 or > 86_400)
            return ValidateOptionsResult.Fail("QueryApi:TransactionTimeoutSeconds must be between 1 and 86400.");
        if (options.MaxTransactions is < 1 or > 100_000)
            return ValidateOptionsResult.Fail("QueryApi:MaxTransactions must be between 1 and 100000.");
        return ValidateOptionsResult.Success;
    }
}
