using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace KnowledgeGraph.Testing;

/// <summary>One fuzz request: the raw POST body and, for the report, a short description of how it was made.</summary>
internal sealed record FuzzCase(byte[] Body, string Kind);

/// <summary>One answer the fuzzer considers a failure (the service's bug, not the client's).</summary>
internal sealed record FuzzFailure(FuzzCase Case, string Problem);

/// <summary>
/// Random and mutated GraphQL-over-HTTP requests from a fixed seed, so a failure is reproduced by its seed. The cases
/// mix documents built from the schema's real fields (valid or nearly so, to reach execution), byte- and
/// token-level mutations of those, and hostile shapes (deep nesting, fragment fan-out, lone surrogates, invalid
/// UTF-8, huge numbers). Linked into the API tests (a bounded run) and the benchmarks (<c>fuzz-graphql</c>).
/// </summary>
internal sealed class GraphQLFuzzer(int seed)
{
    private static readonly string[] RootLists =
        ["countries", "people", "organizations", "sources", "documents", "meetings", "places", "proposals", "topics", "conflicts", "claims"];
    private static readonly string[] EntityFields = ["id", "key", "name", "aliases", "kind", "description", "__typename", "title", "sources { key name }"];
    private static readonly string[] Keys = ["person:kirill-dmitriev", "country:us", "country:ua", "country:ru", "nope", "", "person:", ":::"];
    private static readonly string[] Kinds = ["COUNTRY", "PERSON", "ORGANIZATION", "MEETING", "BOGUS"];
    private static readonly string[] Hostile =
        ["\\ud800", "\\udfff", "\\u0000", "\\uZZZZ", "\\", "\u0000", "\u202e", "\ud83d\ude00", "'", "\"", "`", "$", "{", "}", "...", "@", "#", "\n"];

    private readonly Random _random = new(seed);

    /// <summary>The next case.</summary>
    public FuzzCase Next()
    {
        return _random.Next(10) switch
        {
            0 or 1 or 2 => Json(Document(), Variables(), "document"),
            3 or 4 => Json(Mutate(Document()), Variables(), "mutated-document"),
            5 => Json(Nested(), null, "nested"),
            6 => Json(FanOut(), null, "fan-out"),
            7 => new FuzzCase(MutateBytes(Encoding.UTF8.GetBytes(JsonBody(Document(), Variables()))), "mutated-bytes"),
            8 => new FuzzCase(Encoding.UTF8.GetBytes(RawJson(Document())), "raw-json"),
            _ => Json(Document(), DeepVariables(), "deep-variables"),
        };
    }

    /// <summary>Posts a case and says what is wrong with the answer, or null when it is a proper GraphQL answer.</summary>
    public static async Task<string?> CheckAsync(HttpClient client, Uri endpoint, FuzzCase fuzzCase, CancellationToken ct)
    {
        using var content = new ByteArrayContent(fuzzCase.Body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var response = await client.SendAsync(request, ct).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        if ((int)response.StatusCode >= 500) return $"HTTP {(int)response.StatusCode}: {Truncate(body)}";
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge))
            return $"unexpected HTTP {(int)response.StatusCode}: {Truncate(body)}";
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return "the body is not a JSON object: " + Truncate(body);
            if (root.TryGetProperty("errors", out var errors))
            {
                foreach (var error in errors.EnumerateArray())
                {
                    if (!error.TryGetProperty("extensions", out var ext) || !ext.TryGetProperty("code", out var code) || code.GetString() is not { Length: > 0 })
                        return "an error without extensions.code: " + Truncate(error.GetRawText());
                    if (code.GetString() == "UNEXPECTED_EXECUTION_ERROR") return "an unexpected error: " + Truncate(error.GetRawText());
                }
            }
            else if (!root.TryGetProperty("data", out _)) return "neither data nor errors: " + Truncate(body);
        }
        catch (JsonException)
        {
            return "the body is not JSON: " + Truncate(body);
        }
        return null;
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "...";

    private FuzzCase Json(string query, string? variables, string kind) =>
        new(Encoding.UTF8.GetBytes(JsonBody(query, variables)), kind);

    private static string JsonBody(string query, string? variables) =>
        "{\"query\":" + JsonSerializer.Serialize(query) + (variables is null ? "" : ",\"variables\":" + variables) + "}";

    /// <summary>A JSON body written by hand, so GraphQL escapes reach the server unchanged (\ud800 and friends).</summary>
    private string RawJson(string query) =>
        "{\"query\":\"" + query.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)
        + "\",\"variables\":{\"s\":\"" + Pick(Hostile).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"}}";

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private string Document()
    {
        var b = new StringBuilder();
        var mutation = _random.Next(8) == 0;
        b.Append(mutation ? "mutation M($s: String)" : _random.Next(2) == 0 ? "query Q($s: String, $n: Int)" : "");
        b.Append(" { ");
        var roots = 1 + _random.Next(3);
        for (var i = 0; i < roots; i++)
        {
            if (_random.Next(3) == 0) b.Append(CultureInfo.InvariantCulture, $"a{i}: ");
            b.Append(mutation ? Mutation() : RootField());
            b.Append(' ');
        }
        b.Append('}');
        if (_random.Next(4) == 0) b.Append(" fragment F on Entity { key name }");
        return b.ToString();
    }

    private string Mutation() => _random.Next(3) switch
    {
        0 => $"deleteEntity(key: {StringLiteral()})",
        1 => $"unrelate(from: {StringLiteral()}, to: {StringLiteral()}, type: LEADS)",
        _ => $"upsertEntity(input: {{ key: {StringLiteral()}, name: {StringLiteral()}, kind: {Pick(Kinds)} }}) {{ key }}",
    };

    private string RootField() => _random.Next(7) switch
    {
        0 => $"entity(key: {StringLiteral()}) {{ {Fields()} }}",
        1 => $"{Pick(RootLists)}(first: {Number()}{Where()}) {{ nodes {{ {Fields()} }} pageInfo {{ hasNextPage endCursor }} }}",
        2 => $"search(text: {StringLiteral()}, first: {Number()}) {{ {Fields()} }}",
        3 => $"paths(from: {StringLiteral()}, to: {StringLiteral()}, maxHops: {Number()}) {{ length }}",
        4 => $"mediators(between: {StringLiteral()}, and: {StringLiteral()}) {{ __typename }}",
        5 => "__schema { types { name fields { name } } }",
        _ => "__typename",
    };

    private string Where() => _random.Next(3) switch
    {
        0 => "",
        1 => $", where: {{ name: {{ contains: {StringLiteral()} }} }}",
        _ => $", where: {{ or: [{{ key: {{ eq: {StringLiteral()} }} }}, {{ not: {{ name: {{ startsWith: {StringLiteral()} }} }} }}] }}",
    };

    private string Fields()
    {
        var n = 1 + _random.Next(4);
        var parts = new List<string>();
        for (var i = 0; i < n; i++) parts.Add(Pick(EntityFields));
        if (_random.Next(4) == 0) parts.Add("...F");
        if (_random.Next(4) == 0) parts.Add("... on Person { title }");
        return string.Join(' ', parts);
    }

    private string StringLiteral() => _random.Next(6) switch
    {
        0 => "$s",
        1 => "\"" + Pick(Hostile).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"",
        2 => "\"\"\"block " + Pick(Keys) + "\"\"\"",
        _ => "\"" + Pick(Keys) + "\"",
    };

    private string Number() => _random.Next(6) switch
    {
        0 => "$n",
        1 => "-1",
        2 => "99999999999999999999",
        3 => "1e308",
        _ => _random.Next(0, 300).ToString(CultureInfo.InvariantCulture),
    };

    private string? Variables() => _random.Next(4) switch
    {
        0 => null,
        1 => "{\"s\":\"country:us\",\"n\":3}",
        2 => "{\"s\":" + (_random.Next(2) == 0 ? "12" : "null") + ",\"n\":\"x\"}",
        _ => "{\"s\":\"" + Pick(Hostile).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\",\"n\":1e400}",
    };

    private string DeepVariables()
    {
        var depth = _random.Next(1, 5000);
        var open = _random.Next(2) == 0 ? "[" : "{\"a\":";
        var close = open == "[" ? "]" : "}";
        return "{\"s\":" + string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth)) + "}";
    }

    private string Nested()
    {
        var depth = _random.Next(1, 3000);
        return _random.Next(3) switch
        {
            0 => "{ people(where: " + string.Concat(Enumerable.Repeat("{ not: ", depth)) + "{ key: { eq: \"x\" } }" + new string('}', depth) + ") { nodes { key } } }",
            1 => "{ __typename(x: " + new string('[', depth) + "1" + new string(']', depth) + ") }",
            _ => string.Concat(Enumerable.Repeat("{ a ", depth)) + new string('}', depth),
        };
    }

    private string FanOut()
    {
        var levels = _random.Next(2, 45);
        var b = new StringBuilder("query { people { nodes { ...F").Append(levels).Append(" } } } fragment F0 on Person { name } ");
        for (var i = 1; i <= levels; i++)
            b.Append(CultureInfo.InvariantCulture, $"fragment F{i} on Person {{ ...F{i - 1} ...F{i - 1} }} ");
        if (_random.Next(3) == 0) b.Append("fragment Cycle on Person { ...Cycle }");
        return b.ToString();
    }

    private string Mutate(string text)
    {
        var b = new StringBuilder(text);
        var edits = 1 + _random.Next(4);
        for (var i = 0; i < edits && b.Length > 0; i++)
        {
            var at = _random.Next(b.Length);
            switch (_random.Next(5))
            {
                case 0: b.Remove(at, Math.Min(b.Length - at, 1 + _random.Next(8))); break;
                case 1: b.Insert(at, Pick(Hostile)); break;
                case 2: b.Insert(at, string.Concat(Enumerable.Repeat("__typename ", _random.Next(1, 3000)))); break;
                case 3: b.Insert(at, b.ToString(at, Math.Min(b.Length - at, 40))); break;
                default: b.Length = at; break;
            }
        }
        return b.ToString();
    }

    private byte[] MutateBytes(byte[] bytes)
    {
        var copy = (byte[])bytes.Clone();
        var flips = 1 + _random.Next(4);
        for (var i = 0; i < flips && copy.Length > 0; i++)
            copy[_random.Next(copy.Length)] = (byte)_random.Next(256);
        return copy;
    }
}
