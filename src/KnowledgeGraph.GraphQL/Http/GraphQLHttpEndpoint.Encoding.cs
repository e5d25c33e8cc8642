using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;

namespace KnowledgeGraph.GraphQL.Http;

internal sealed partial class GraphQLHttpEndpoint
{
    /// <summary>
    /// One linear pass over the request JSON before it is parsed: the bytes must be UTF-8, no container may nest
    /// deeper than <c>GraphQL:MaxVariablesDepth</c>, and no string may unescape to invalid UTF-16 (a lone
    /// <c>\ud800</c>). System.Text.Json accepts such input at parse time and throws only when the string is read,
    /// deep inside execution or while writing the response, which surfaced as HTTP 500 with an empty body.
    /// Malformed JSON is left to the parser, whose message says where.
    /// </summary>
    internal static RequestError? CheckJson(ReadOnlySpan<byte> json, int maxDepth)
    {
        if (!Utf8.IsValid(json))
            return new RequestError(StatusCodes.Status400BadRequest, KgErrorCodes.InvalidEncoding, "The request body is not valid UTF-8.");
        // The reader's own cap is one above ours, so our check (with our message) trips first.
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth + 1 });
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray when reader.CurrentDepth >= maxDepth:
                        return new RequestError(StatusCodes.Status400BadRequest, KgErrorCodes.NestingTooDeep,
                            $"The request JSON is nested deeper than GraphQL:MaxVariablesDepth ({maxDepth}).");
                    case JsonTokenType.String or JsonTokenType.PropertyName when reader.ValueIsEscaped:
                        try
                        {
                            _ = reader.GetString();
                        }
                        catch (InvalidOperationException)
                        {
                            return new RequestError(StatusCodes.Status400BadRequest, KgErrorCodes.InvalidEncoding,
                                "A JSON string in the request is not valid Unicode (a lone surrogate such as \\ud800).");
                        }
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // reported by the parse that follows
        }
        return null;
    }

    /// <summary><see cref="CheckJson(ReadOnlySpan{byte}, int)"/> for a query-string parameter.</summary>
    private static RequestError? CheckJson(string text, int maxDepth) =>
        string.IsNullOrEmpty(text) ? null : CheckJson(Encoding.UTF8.GetBytes(text), maxDepth);
}
