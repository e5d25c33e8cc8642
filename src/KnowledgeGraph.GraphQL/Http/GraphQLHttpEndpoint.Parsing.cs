using System.Buffers;
using System.Text.Json;
using GraphQL;
using KnowledgeGraph.GraphQL.Execution;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace KnowledgeGraph.GraphQL.Http;

internal sealed partial class GraphQLHttpEndpoint
{
    internal sealed record RequestError(int Status, string Code, string Message);

    private sealed record ParsedRequest(KgGraphQLRequest? Request, RequestError? Error)
    {
        public static ParsedRequest Fail(string message, int status = StatusCodes.Status400BadRequest, string code = KgErrorCodes.InvalidRequest) =>
            new(null, new RequestError(status, code, message));
    }

    private async Task<ParsedRequest> ReadPostAsync(HttpContext http, KgGraphQLOptions options)
    {
        var contentType = http.Request.ContentType;
        if (string.IsNullOrEmpty(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var media))
            return ParsedRequest.Fail("POST needs Content-Type: application/json.", StatusCodes.Status415UnsupportedMediaType);
        if (!string.Equals(media.MediaType.Value, Json, StringComparison.OrdinalIgnoreCase))
            return ParsedRequest.Fail($"Content-Type '{media.MediaType.Value}' is not supported; use application/json.", StatusCodes.Status415UnsupportedMediaType);
        if (media.Charset.HasValue && !string.Equals(media.Charset.Value, "utf-8", StringComparison.OrdinalIgnoreCase))
            return ParsedRequest.Fail("Only the utf-8 charset is supported.", StatusCodes.Status415UnsupportedMediaType);
        if (http.Request.ContentLength > options.MaxRequestBytes)
            return ParsedRequest.Fail($"The request body is larger than {options.MaxRequestBytes} bytes.", StatusCodes.Status413PayloadTooLarge, KgErrorCodes.RequestTooLarge);

        // Read at most limit + 1 bytes, so a body without Content-Length cannot exhaust memory. The buffer is pooled:
        // nothing read from it (strings, variables) keeps a reference once the JSON document is disposed.
        var limit = options.MaxRequestBytes;
        var rented = ArrayPool<byte>.Shared.Rent(http.Request.ContentLength is { } declared && declared < limit ? (int)declared + 1 : 16 * 1024);
        try
        {
            var length = 0;
            while (true)
            {
                if (length == rented.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)rented.Length * 2, (long)limit + 1));
                    rented.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(rented);
                    rented = larger;
                }
                var read = await http.Request.Body.ReadAsync(rented.AsMemory(length), http.RequestAborted).ConfigureAwait(false);
                if (read == 0) break;
                length += read;
                if (length > limit)
                    return ParsedRequest.Fail($"The request body is larger than {limit} bytes.", StatusCodes.Status413PayloadTooLarge, KgErrorCodes.RequestTooLarge);
            }
            if (length == 0) return ParsedRequest.Fail("The request body is empty; send {\"query\": \"...\"}.");
            return Parse(rented.AsMemory(0, length), options);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private ParsedRequest Parse(ReadOnlyMemory<byte> body, KgGraphQLOptions options)
    {
        if (CheckJson(body.Span, options.MaxVariablesDepth) is { } bad) return new ParsedRequest(null, bad);
        try
        {
            using var json = JsonDocument.Parse(body, JsonOptions(options));
            if (json.RootElement.ValueKind != JsonValueKind.Object)
                return ParsedRequest.Fail("The request body must be a JSON object.");
            var root = json.RootElement;
            return Build(
                root.TryGetProperty("query", out var q) ? q : default,
                root.TryGetProperty("operationName", out var o) ? o : default,
                root.TryGetProperty("variables", out var v) ? v : default,
                root.TryGetProperty("extensions", out var e) ? e : default);
        }
        catch (JsonException ex)
        {
            return ParsedRequest.Fail("The request body is not valid JSON: " + ex.Message);
        }
    }

    private ParsedRequest ReadGet(HttpContext http, KgGraphQLOptions options)
    {
        if (http.Request.QueryString.Value?.Length > options.MaxRequestBytes)
            return ParsedRequest.Fail($"The query string is longer than {options.MaxRequestBytes} bytes.", StatusCodes.Status413PayloadTooLarge, KgErrorCodes.RequestTooLarge);
        var query = http.Request.Query;
        if ((CheckJson(query["variables"].ToString(), options.MaxVariablesDepth) ?? CheckJson(query["extensions"].ToString(), options.MaxVariablesDepth)) is { } bad)
            return new ParsedRequest(null, bad);
        try
        {
            using var variables = ParseOptionalJson(query["variables"].ToString(), options);
            using var extensions = ParseOptionalJson(query["extensions"].ToString(), options);
            using var q = query.ContainsKey("query") ? JsonDocument.Parse(JsonSerializer.Serialize(query["query"].ToString())) : null;
            using var o = query.ContainsKey("operationName") ? JsonDocument.Parse(JsonSerializer.Serialize(query["operationName"].ToString())) : null;
            return Build(q?.RootElement ?? default, o?.RootElement ?? default, variables?.RootElement ?? default, extensions?.RootElement ?? default);
        }
        catch (JsonException ex)
        {
            return ParsedRequest.Fail("variables and extensions must be JSON objects: " + ex.Message);
        }
    }

    private static JsonDocument? ParseOptionalJson(string text, KgGraphQLOptions options) =>
        string.IsNullOrEmpty(text) ? null : JsonDocument.Parse(text, JsonOptions(options));

    private static JsonDocumentOptions JsonOptions(KgGraphQLOptions options) => new() { MaxDepth = options.MaxVariablesDepth + 1 };

    private ParsedRequest Build(JsonElement query, JsonElement operationName, JsonElement variables, JsonElement extensions)
    {
        var text = query.ValueKind == JsonValueKind.String ? query.GetString() : null;
        if (string.IsNullOrWhiteSpace(text))
            return ParsedRequest.Fail(query.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null
                ? "The request has no query."
                : "query must be a non-empty string.");
        if (operationName.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.String))
            return ParsedRequest.Fail("operationName must be a string.");
        if (variables.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object))
            return ParsedRequest.Fail("variables must be a JSON object.");
        if (extensions.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object))
            return ParsedRequest.Fail("extensions must be a JSON object.");
        var vars = variables.ValueKind == JsonValueKind.Object ? _service.Serializer.ReadNode<Inputs>(variables) : null;
        var ext = extensions.ValueKind == JsonValueKind.Object ? _service.Serializer.ReadNode<Inputs>(extensions) : null;
        var name = operationName.ValueKind == JsonValueKind.String ? operationName.GetString() : null;
        return new ParsedRequest(new KgGraphQLRequest(text, string.IsNullOrEmpty(name) ? null : name, vars, ext), null);
    }
}
