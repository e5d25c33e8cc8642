using System.Collections;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Resolvers;

namespace KnowledgeGraph.GraphQL.Schema;

/// <summary>Relay page info, computed from the fetched page.</summary>
internal sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

/// <summary>
/// One page of a connection. The compiled Cypher returns <c>{items, total, size, back}</c>: up to
/// <c>size + 1</c> items in fetch order (reversed for <c>last</c>), each holding its keyset values under
/// <c>__c</c>; the extra item only tells whether another page exists.
/// </summary>
internal sealed class ConnectionPage
{
    public const string ItemsKey = "items";
    public const string TotalKey = "total";
    public const string SizeKey = "size";
    public const string BackKey = "back";
    public const string CursorKey = "__c";
    public const string ExtraKey = "extra";

    public required IReadOnlyList<IReadOnlyDictionary<string, object?>> Items { get; init; }

    public long? Total { get; init; }

    public required PageInfo Info { get; init; }

    /// <summary>A value the statement computed beside the page (the network of a page of paths).</summary>
    public object? Extra { get; init; }

    public static ConnectionPage From(IReadOnlyDictionary<string, object?> raw, bool hasAfter, bool hasBefore)
    {
        var fetched = raw.TryGetValue(ItemsKey, out var i) && i is IList list
            ? list.Cast<IReadOnlyDictionary<string, object?>>().ToList()
            : [];
        var size = raw.TryGetValue(SizeKey, out var s) && s is long l ? (int)l : fetched.Count;
        var back = raw.TryGetValue(BackKey, out var b) && b is true;
        var more = fetched.Count > size;
        if (more) fetched.RemoveRange(size, fetched.Count - size);
        if (back) fetched.Reverse();
        string? CursorOf(IReadOnlyDictionary<string, object?> item) =>
            item.TryGetValue(CursorKey, out var c) ? Cursors.Encode(c) : null;
        var info = new PageInfo(
            HasNextPage: back ? hasBefore : more,
            HasPreviousPage: back ? more : hasAfter,
            StartCursor: fetched.Count > 0 ? CursorOf(fetched[0]) : null,
            EndCursor: fetched.Count > 0 ? CursorOf(fetched[^1]) : null);
        return new ConnectionPage
        {
            Items = fetched,
            Total = raw.TryGetValue(TotalKey, out var t) && t is long total ? total : null,
            Info = info,
            Extra = raw.GetValueOrDefault(ExtraKey),
        };
    }
}

/// <summary>Resolvers of connection fields and of the connection type's own fields.</summary>
internal static class ConnectionPageResolver
{
    /// <summary>A connection field below a root field: turns the projected map into a page.</summary>
    public static IFieldResolver Instance { get; } = new FuncFieldResolver<object?>(context =>
        context.Source is IReadOnlyDictionary<string, object?> map && map.TryGetValue(Resolvers.ResponseKey(context), out var raw)
            && raw is IReadOnlyDictionary<string, object?> rawPage
            ? ConnectionPage.From(rawPage, context.GetArgument<string?>("after") is not null, context.GetArgument<string?>("before") is not null)
            : null);

    public static IFieldResolver Edges { get; } = new FuncFieldResolver<object?>(context =>
        context.Source is ConnectionPage page ? page.Items.Select(item => WithCursor(item, Resolvers.ResponseKey(context))).ToList() : null);

    public static IFieldResolver Nodes { get; } = new FuncFieldResolver<object?>(context =>
        context.Source is ConnectionPage page ? page.Items.Select(item => item.GetValueOrDefault(Resolvers.ResponseKey(context))).ToList() : null);

    public static IFieldResolver PageInfo { get; } = new FuncFieldResolver<object?>(context => (context.Source as ConnectionPage)?.Info);

    public static IFieldResolver TotalCount { get; } = new FuncFieldResolver<object?>(context =>
        context.Source is ConnectionPage { Total: { } total } ? (int)Math.Min(total, int.MaxValue) : null);

    /// <summary><c>aggregate</c>: the page itself; <see cref="AggregateCount"/> reads its total.</summary>
    public static IFieldResolver Aggregate { get; } = new FuncFieldResolver<object?>(context => context.Source as ConnectionPage);

    /// <summary><c>aggregate { count }</c>: the total the statement counted.</summary>
    public static IFieldResolver AggregateCount { get; } = new FuncFieldResolver<object?>(context =>
        context.Source is ConnectionPage { Total: { } total } ? (int)Math.Min(total, int.MaxValue) : null);

    /// <summary>The value computed beside the page (the network of a page of paths).</summary>
    public static IFieldResolver Extra { get; } = new FuncFieldResolver<object?>(context => (context.Source as ConnectionPage)?.Extra);

    // The edge map carries the item's keyset values so that the edge's cursor field can encode them.
    private static object? WithCursor(IReadOnlyDictionary<string, object?> item, string edgesKey)
    {
        if (item.GetValueOrDefault(edgesKey) is not IReadOnlyDictionary<string, object?> edge) return null;
        var copy = new Dictionary<string, object?>(edge) { [ConnectionPage.CursorKey] = item.GetValueOrDefault(ConnectionPage.CursorKey) };
        return copy;
    }
}

/// <summary>The edge's <c>cursor</c>: encodes the item's keyset values.</summary>
internal static class CursorResolver
{
    public static IFieldResolver Instance { get; } = new FuncFieldResolver<object?>(context =>
        context.Source is IReadOnlyDictionary<string, object?> edge ? Cursors.Encode(edge.GetValueOrDefault(ConnectionPage.CursorKey)) : null);
}

/// <summary>
/// Keyset cursors: base64 of a JSON array holding the item's values of the sort keys followed by its key. They
/// are opaque to clients and only ever become Cypher parameters.
/// </summary>
internal static class Cursors
{
    public static string? Encode(object? values)
    {
        if (values is not IList list) return null;
        var json = JsonSerializer.Serialize(list.Cast<object?>().Select(v => v switch
        {
            null or string or long or double or bool or int => v,
            _ => v.ToString(),
        }).ToList());
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Decodes a cursor into exactly <paramref name="count"/> values; null when it is not one of ours.</summary>
    public static IReadOnlyList<object?>? Decode(string cursor, int count)
    {
        try
        {
            var bytes = Convert.FromBase64String(cursor);
            using var doc = JsonDocument.Parse(bytes);
            if (doc.RootElement.ValueKind != JsonValueKind.Array || doc.RootElement.GetArrayLength() != count) return null;
            var values = new List<object?>(count);
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                values.Add(e.ValueKind switch
                {
                    JsonValueKind.String => e.GetString(),
                    JsonValueKind.Number when e.TryGetInt64(out var l) => l,
                    JsonValueKind.Number => e.GetDouble(),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Null => null,
                    _ => throw new FormatException("Unsupported cursor value."),
                });
            }
            return values;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}
