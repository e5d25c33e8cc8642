namespace KnowledgeGraph.GraphQL;

/// <summary>
/// Every <c>errors[].extensions.code</c> this API sets, in one list. Codes are stable: clients match on them.
/// Parse and validation errors keep GraphQL.NET's codes (<c>SYNTAX_ERROR</c>, <c>FIELDS_ON_CORRECT_TYPE</c>, ...).
/// </summary>
public static class KgErrorCodes
{
    /// <summary>A mutation without <c>Authorization: Bearer &lt;key&gt;</c> or with a wrong key (HotChocolate's code).</summary>
    public const string NotAuthenticated = "AUTH_NOT_AUTHENTICATED";

    /// <summary>Mutations are disabled because <c>GraphQL:ApiKey</c> is not configured.</summary>
    public const string MutationsDisabled = "KG_MUTATIONS_DISABLED";

    /// <summary>A kind (label) not in the model.</summary>
    public const string UnknownKind = "KG_UNKNOWN_KIND";

    /// <summary>A property not in the model for that kind.</summary>
    public const string UnknownProperty = "KG_UNKNOWN_PROPERTY";

    /// <summary>A subscription's <c>after</c> cursor is older than the retained changes (or not a cursor): refetch,
    /// then subscribe without <c>after</c>.</summary>
    public const string ResumeExpired = "KG_SUBSCRIPTION_RESUME_EXPIRED";

    /// <summary>Too many subscriptions on this connection or this server (<c>GraphQL:Subscriptions:MaxPer*</c>).</summary>
    public const string SubscriptionLimit = "KG_SUBSCRIPTION_LIMIT";

    /// <summary>A subscription sent as a plain HTTP request: use WebSocket (graphql-transport-ws) or
    /// <c>Accept: text/event-stream</c>.</summary>
    public const string SubscriptionTransport = "KG_SUBSCRIPTION_TRANSPORT";

    /// <summary>Subscriptions are turned off (<c>GraphQL:Subscriptions:Enabled</c>).</summary>
    public const string SubscriptionsUnavailable = "KG_SUBSCRIPTIONS_UNAVAILABLE";

    /// <summary>A required key is missing or empty.</summary>
    public const string MissingKey = "KG_MISSING_KEY";

    /// <summary>A date that is not <c>YYYY-MM-DD</c> (or <c>YYYY-MM</c>, <c>YYYY</c>).</summary>
    public const string InvalidDate = "KG_INVALID_DATE";

    /// <summary>Any other invalid argument value.</summary>
    public const string InvalidArgument = "KG_INVALID_ARGUMENT";

    /// <summary>A global id that is not one of ours.</summary>
    public const string InvalidId = "KG_INVALID_ID";

    /// <summary>A cursor that is not one of ours or does not fit the requested order.</summary>
    public const string InvalidCursor = "KG_INVALID_CURSOR";

    /// <summary>An entity or relationship a mutation names does not exist.</summary>
    public const string NotFound = "KG_NOT_FOUND";

    /// <summary>A write broke a constraint (duplicate key, deleting a node that still has relationships).</summary>
    public const string ConstraintViolation = "KG_CONSTRAINT_VIOLATION";

    /// <summary>The relationship type does not connect those kinds in the model.</summary>
    public const string RelationshipNotAllowed = "KG_RELATIONSHIP_NOT_ALLOWED";

    /// <summary><c>first</c>/<c>last</c> above the maximum page size (HotChocolate: <c>HC0051</c>-style).</summary>
    public const string PageSizeExceeded = "PAGINATION_MAX_ITEMS_EXCEEDED";

    /// <summary>Both <c>first</c> and <c>last</c>, or a negative size.</summary>
    public const string InvalidPaging = "PAGINATION_INVALID_ARGUMENTS";

    /// <summary><c>maxHops</c> above the configured maximum.</summary>
    public const string MaxHopsExceeded = "KG_MAX_HOPS_EXCEEDED";

    /// <summary>The operation is deeper than <c>GraphQL:MaxDepth</c>.</summary>
    public const string MaxDepthExceeded = "MAX_DEPTH_EXCEEDED";

    /// <summary>The operation's complexity is above <c>GraphQL:MaxComplexity</c>.</summary>
    public const string MaxComplexityExceeded = "MAX_COMPLEXITY_EXCEEDED";

    /// <summary>The Cypher statement of a root field ran longer than <c>GraphQL:QueryTimeout</c>.</summary>
    public const string QueryTimeout = "KG_QUERY_TIMEOUT";

    /// <summary>The graph failed the statement; <c>extensions.neo4jCode</c> holds the Neo4j status code.</summary>
    public const string GraphError = "KG_GRAPH_ERROR";

    /// <summary>The graph database is unavailable (transient); retry later.</summary>
    public const string GraphUnavailable = "KG_GRAPH_UNAVAILABLE";

    /// <summary>The HTTP request is not a valid GraphQL-over-HTTP request (bad JSON, missing query, ...).</summary>
    public const string InvalidRequest = "HTTP_INVALID_REQUEST";

    /// <summary>The request body is larger than <c>GraphQL:MaxRequestBytes</c>.</summary>
    public const string RequestTooLarge = "HTTP_REQUEST_TOO_LARGE";

    /// <summary>The request body is not valid UTF-8, or a JSON or GraphQL string holds a lone surrogate (<c>\ud800</c>).</summary>
    public const string InvalidEncoding = "HTTP_INVALID_ENCODING";

    /// <summary>The document or the request's JSON is nested deeper than <c>GraphQL:MaxDocumentDepth</c> /
    /// <c>GraphQL:MaxVariablesDepth</c>.</summary>
    public const string NestingTooDeep = "KG_NESTING_TOO_DEEP";

    /// <summary>The document has more tokens than <c>GraphQL:MaxTokens</c>.</summary>
    public const string MaxTokensExceeded = "KG_MAX_TOKENS_EXCEEDED";

    /// <summary>The document selects more fields, fragments expanded, than <c>GraphQL:MaxFields</c>.</summary>
    public const string MaxFieldsExceeded = "KG_MAX_FIELDS_EXCEEDED";

    /// <summary>The document has more fragment spreads, fragments expanded, than <c>GraphQL:MaxFragmentSpreads</c>.</summary>
    public const string MaxFragmentSpreadsExceeded = "KG_MAX_FRAGMENT_SPREADS_EXCEEDED";

    /// <summary>Too many same-named fields to compare (fragments expanded): more pairs than <c>GraphQL:MaxFieldPairs</c>.</summary>
    public const string MaxFieldPairsExceeded = "KG_MAX_FIELD_PAIRS_EXCEEDED";

    /// <summary>The service is stopping; the request was cancelled. Retry on another instance or later.</summary>
    public const string ServerStopping = "KG_SERVER_STOPPING";

    /// <summary>A mutation sent over GET.</summary>
    public const string MutationOverGet = "HTTP_MUTATION_OVER_GET";

    /// <summary>The operation name matches no operation, or several operations and none named.</summary>
    public const string OperationNotFound = "OPERATION_NOT_FOUND";

    /// <summary>ingestDocument: empty text, or text with NUL, control characters or a lone surrogate.</summary>
    public const string InvalidText = KnowledgeGraph.Ingestion.IngestionErrorCodes.InvalidText;

    /// <summary>ingestDocument: text longer than <c>Ingestion:MaxTextLength</c>.</summary>
    public const string TextTooLong = KnowledgeGraph.Ingestion.IngestionErrorCodes.TextTooLong;

    /// <summary>ingestDocument / reloadSeeds: no seeds directory (<c>Seed:Directory</c>).</summary>
    public const string SeedsUnavailable = KnowledgeGraph.Ingestion.IngestionErrorCodes.SeedsUnavailable;

    /// <summary>ingestDocument with dryRun false: the draft would not load where it would be written.</summary>
    public const string DraftInvalid = KnowledgeGraph.Ingestion.IngestionErrorCodes.DraftInvalid;

    /// <summary>ingestDocument with dryRun false: a different file of that name exists (never overwritten).</summary>
    public const string DraftExists = KnowledgeGraph.Ingestion.IngestionErrorCodes.DraftExists;

    /// <summary>A file of <c>seeds/lexicon/</c> is invalid.</summary>
    public const string LexiconInvalid = KnowledgeGraph.Ingestion.IngestionErrorCodes.LexiconInvalid;

    /// <summary>An unexpected server error (details are logged, not returned).</summary>
    public const string Unexpected = "UNEXPECTED_EXECUTION_ERROR";
}
