using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Api.QueryApi;

/// <summary>
/// Writes Query API responses: <c>{"data": {"fields", "values"}, "counters"?, "notifications"?, "bookmarks",
/// "transaction"?}</c> for results and <c>{"errors": [{"code", "message"}]}</c> for failures. The whole result was
/// read before anything is written, so a failing statement always gets an error status, never a cut-off 202.
/// </summary>
internal static class QueryApiResponse
{
    // Relaxed escaping: the body is application/json, never HTML, so quotes and '+' stay readable as Neo4j writes them.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteResultAsync(HttpContext context, int status, QueryApiFormat format, EagerResult? result,
        bool includeCounters, IReadOnlyList<string> bookmarks, QueryApiTransactions.Entry? transaction)
    {
        var buffer = new ArrayBufferWriter<byte>();
        await using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteStartObject("data");
            w.WriteStartArray("fields");
            foreach (var key in result?.Keys ?? []) w.WriteStringValue(key);
            w.WriteEndArray();
            w.WriteStartArray("values");
            foreach (var record in result?.Records ?? [])
            {
                w.WriteStartArray();
                foreach (var value in record.Values)
                {
                    if (format.TypedResults) QueryApiValues.WriteTyped(w, value);
                    else QueryApiValues.WritePlain(w, value);
                }
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            if (result is not null && includeCounters) WriteCounters(w, result.Summary.Counters);
            if (result is { Summary.Plan: { } plan })
            {
                w.WritePropertyName(result.Summary.Profiled ? "profiledQueryPlan" : "queryPlan");
                WritePlan(w, plan, result.Summary.Profiled, string.IsNullOrEmpty(result.Summary.Database) ? "neo4j" : result.Summary.Database);
            }

            if (result is { Summary.Notifications.Count: > 0 }) WriteNotifications(w, result.Summary.Notifications);
            w.WriteStartArray("bookmarks");
            foreach (var bookmark in bookmarks) w.WriteStringValue(bookmark);
            w.WriteEndArray();
            if (transaction is not null)
            {
                w.WriteStartObject("transaction");
                w.WriteString("id", transaction.Id);
                w.WriteString("expires", transaction.Expires.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        await SendAsync(context, status, format.ContentType, buffer.WrittenMemory).ConfigureAwait(false);
    }

    public static async Task WriteErrorAsync(HttpContext context, int status, string code, string message, QueryApiFormat format)
    {
        var buffer = new ArrayBufferWriter<byte>();
        await using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteStartArray("errors");
            w.WriteStartObject();
            w.WriteString("code", code);
            w.WriteString("message", message);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        if (status == StatusCodes.Status401Unauthorized) context.Response.Headers.WWWAuthenticate = "Basic realm=\"Neo4j\"";
        await SendAsync(context, status, format.ContentType, buffer.WrittenMemory).ConfigureAwait(false);
    }

    private static void WriteCounters(Utf8JsonWriter w, Counters c)
    {
        w.WriteStartObject("counters");
        w.WriteBoolean("containsUpdates", c.ContainsUpdates);
        w.WriteNumber("nodesCreated", c.NodesCreated);
        w.WriteNumber("nodesDeleted", c.NodesDeleted);
        w.WriteNumber("propertiesSet", c.PropertiesSet);
        w.WriteNumber("relationshipsCreated", c.RelationshipsCreated);
        w.WriteNumber("relationshipsDeleted", c.RelationshipsDeleted);
        w.WriteNumber("labelsAdded", c.LabelsAdded);
        w.WriteNumber("labelsRemoved", c.LabelsRemoved);
        w.WriteNumber("indexesAdded", c.IndexesAdded);
        w.WriteNumber("indexesRemoved", c.IndexesRemoved);
        w.WriteNumber("constraintsAdded", c.ConstraintsAdded);
        w.WriteNumber("constraintsRemoved", c.ConstraintsRemoved);
        w.WriteBoolean("containsSystemUpdates", c.SystemUpdates > 0);
        w.WriteNumber("systemUpdates", c.SystemUpdates);
        w.WriteEndObject();
    }

    /// <summary>An EXPLAIN <c>queryPlan</c> or a PROFILE <c>profiledQueryPlan</c> as Neo4j's Query API documents it:
    /// <c>operatorType</c> named <c>Operator@database</c>, <c>arguments</c>, <c>identifiers</c>, <c>children</c>, and
    /// under PROFILE <c>dbHits</c>, <c>records</c> and the page cache and time fields (no page cache here: zeros, false).</summary>
    private static void WritePlan(Utf8JsonWriter w, PlanNode plan, bool profiled, string database)
    {
        w.WriteStartObject();
        if (profiled)
        {
            w.WriteNumber("dbHits", plan.DbHits);
            w.WriteNumber("records", plan.Rows);
            w.WriteBoolean("hasPageCacheStats", false);
            w.WriteNumber("pageCacheHits", 0);
            w.WriteNumber("pageCacheMisses", 0);
            w.WriteNumber("pageCacheHitRatio", 0.0);
            w.WriteNumber("time", 0);
        }

        w.WriteString("operatorType", plan.OperatorType + "@" + database);
        w.WritePropertyName("arguments");
        QueryApiValues.WritePlain(w, plan.Arguments);
        w.WriteStartArray("identifiers");
        foreach (var identifier in plan.Identifiers) w.WriteStringValue(identifier);
        w.WriteEndArray();
        w.WriteStartArray("children");
        foreach (var child in plan.Children) WritePlan(w, child, profiled, database);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteNotifications(Utf8JsonWriter w, IReadOnlyList<Notification> notifications)
    {
        w.WriteStartArray("notifications");
        foreach (var n in notifications)
        {
            w.WriteStartObject();
            w.WriteString("code", n.Code);
            w.WriteString("description", n.Description);
            w.WriteString("severity", n.Severity);
            w.WriteString("title", n.Title);
            if (n.Position is { } p)
            {
                w.WriteStartObject("position");
                w.WriteNumber("offset", p.Offset);
                w.WriteNumber("line", p.Line);
                w.WriteNumber("column", p.Column);
                w.WriteEndObject();
            }

            if (n.Category is { } category) w.WriteString("category", category);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static async Task SendAsync(HttpContext context, int status, string contentType, ReadOnlyMemory<byte> body)
    {
        if (context.Response.HasStarted) return;
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
