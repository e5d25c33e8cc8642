using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Api.QueryApi;

/// <summary>
/// The JSON flavours of one request: results typed when <c>Accept</c> names <c>application/vnd.neo4j.query</c>
/// (any version suffix, e.g. <c>.v1.1</c>), plain otherwise (<c>application/json</c>, <c>*/*</c> or no header);
/// parameters typed when <c>Content-Type</c> names it. Other media types get 406 / 415.
/// </summary>
internal sealed record QueryApiFormat(bool TypedResults, bool TypedParameters)
{
    public const string TypedMediaType = "application/vnd.neo4j.query";

    public static readonly QueryApiFormat Plain = new(false, false);

    public string ContentType => TypedResults ? TypedMediaType : "application/json";

    public static QueryApiFormat Negotiate(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        bool typedResults;
        if (accept.Contains(TypedMediaType, StringComparison.OrdinalIgnoreCase)) typedResults = true;
        else if (accept.Length == 0 || accept.Contains("application/json", StringComparison.OrdinalIgnoreCase)
                 || accept.Contains("*/*", StringComparison.Ordinal) || accept.Contains("application/*", StringComparison.OrdinalIgnoreCase)) typedResults = false;
        else throw new QueryApiException(ErrorCodes.ProtocolError, $"Unsupported Accept '{accept}': use application/json or {TypedMediaType}.", StatusCodes.Status406NotAcceptable);

        var contentType = request.ContentType ?? "";
        bool typedParameters;
        if (contentType.Contains(TypedMediaType, StringComparison.OrdinalIgnoreCase)) typedParameters = true;
        else if (contentType.Length == 0 || contentType.Contains("application/json", StringComparison.OrdinalIgnoreCase)) typedParameters = false;
        else throw new QueryApiException(ErrorCodes.ProtocolError, $"Unsupported Content-Type '{contentType}': use application/json or {TypedMediaType}.", StatusCodes.Status415UnsupportedMediaType);
        return new QueryApiFormat(typedResults, typedParameters);
    }
}
