using System.Text.Json;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Api.QueryApi;

/// <summary>
/// One Query API request body: <c>statement</c>, <c>parameters</c>, <c>includeCounters</c>, <c>bookmarks</c>,
/// <c>accessMode</c> (<c>READ</c>/<c>WRITE</c>). An empty body is allowed where the statement is optional (begin, commit).
/// </summary>
internal sealed record QueryRequest(
    string? Statement,
    IReadOnlyDictionary<string, object?> Parameters,
    bool IncludeCounters,
    IReadOnlyList<string> Bookmarks,
    AccessMode AccessMode)
{
    private static readonly QueryRequest Empty = new(null, new Dictionary<string, object?>(), false, [], AccessMode.Write);

    /// <summary>Reads and checks the body; throws <see cref="QueryApiException"/> (400) when it is not a valid request.</summary>
    public static async Task<QueryRequest> ReadAsync(HttpRequest request, bool typedParameters, bool statementRequired, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken).ConfigureAwait(false);
        if (body.Length == 0)
        {
            if (statementRequired) throw Invalid("The request body must be a JSON object with a 'statement'.");
            return Empty;
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { MaxDepth = 128 });
        }
        catch (JsonException e)
        {
            throw Invalid($"The request body is not valid JSON: {e.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw Invalid("The request body must be a JSON object.");
            string? statement = null;
            if (root.TryGetProperty("statement", out var s))
            {
                if (s.ValueKind != JsonValueKind.String) throw Invalid("'statement' must be a string.");
                statement = s.GetString();
            }
            if (statementRequired && string.IsNullOrWhiteSpace(statement)) throw Invalid("The request must have a non-empty 'statement'.");
            var parameters = root.TryGetProperty("parameters", out var p)
                ? QueryApiValues.ReadParameters(p, typedParameters)
                : new Dictionary<string, object?>();
            var includeCounters = root.TryGetProperty("includeCounters", out var c) && c.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw Invalid("'includeCounters' must be true or false."),
            };
            var bookmarks = new List<string>();
            if (root.TryGetProperty("bookmarks", out var b))
            {
                if (b.ValueKind != JsonValueKind.Array) throw Invalid("'bookmarks' must be an array of strings.");
                foreach (var item in b.EnumerateArray())
                    bookmarks.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw Invalid("'bookmarks' must be an array of strings."));
            }
            var accessMode = AccessMode.Write;
            if (root.TryGetProperty("accessMode", out var a))
            {
                accessMode = a.ValueKind == JsonValueKind.String ? a.GetString()!.ToUpperInvariant() switch
                {
                    "READ" => AccessMode.Read,
                    "WRITE" => AccessMode.Write,
                    _ => throw Invalid("'accessMode' must be READ or WRITE."),
                } : throw Invalid("'accessMode' must be READ or WRITE.");
            }
            if (root.TryGetProperty("impersonatedUser", out var imp) && imp.ValueKind != JsonValueKind.Null)
                throw new QueryApiException(ErrorCodes.Forbidden, "Impersonation is not supported by this server.");
            return new QueryRequest(statement, parameters, includeCounters, bookmarks, accessMode);
        }
    }

    private static QueryApiException Invalid(string message) => new(ErrorCodes.ProtocolError, message);
}
