using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Api.QueryApi;

/// <summary>
/// A request refused by the Query API itself (before or beside the engine), with a Neo4j status code and the HTTP
/// status Neo4j answers it with. Engine errors arrive as <see cref="GraphException"/> and are mapped by <see cref="StatusOf"/>.
/// </summary>
internal sealed class QueryApiException(string code, string message, int? status = null) : Exception(message)
{
    /// <summary>Neo4j's code for an unknown or expired transaction id.</summary>
    public const string TransactionNotFound = "Neo.ClientError.Transaction.TransactionNotFound";

    public string Code { get; } = code;

    public int Status { get; } = status ?? StatusOf(code);

    /// <summary>
    /// Neo4j's HTTP status for a status code: 401 unauthorized, 403 forbidden, 404 for a missing database or
    /// transaction, 400 for any other client error, 503 for transient errors, 500 for database errors.
    /// </summary>
    public static int StatusOf(string code) => code switch
    {
        ErrorCodes.Unauthorized or "Neo.ClientError.Security.AuthenticationRateLimit" => StatusCodes.Status401Unauthorized,
        ErrorCodes.Forbidden or "Neo.ClientError.General.ForbiddenOnReadOnlyDatabase" => StatusCodes.Status403Forbidden,
        ErrorCodes.DatabaseNotFound or TransactionNotFound => StatusCodes.Status404NotFound,
        _ when code.StartsWith("Neo.ClientError.", StringComparison.Ordinal) => StatusCodes.Status400BadRequest,
        _ when code.StartsWith("Neo.TransientError.", StringComparison.Ordinal) => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };
}
