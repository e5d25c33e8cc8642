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

    private readonly bool _hasAfter;
    private readonly bool _hasBefore;
    private PageInfo? _info;

    private ConnectionPage(IReadOnlyList<IReadOnlyDictionary<string, object?>> items, bool more, bool back, bool hasAfter, bool hasBefore)
    {
        Items = items;
        More = more;
        Back = back;
        _hasAfter = hasAfter;
        _hasBefore = hasBefore;
    }

    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Items { get; }

    /// <summary>The statement fetched one item beyond the page: another page exists in fetch order.</summary>
    private bool More { get; }

    /// <summary>The page was fetched backwards (<c>last</c>/<c>before</c>).</summary>
    private bool Back { get; }

    public long? Total { get; private init; }

    /// <summary>
    /// Paging information, computed when first asked for: most selections never read it, and its cursors (JSON, then
    /// base64, of the first and last items' keyset values) are the costliest part of a page. It depends only on the
    /// page, so computing it twice (two resolvers at once) gives equal values.
    /// </summary>
    public PageInfo Info => _info ??= new PageInfo(
        HasNextPage: Back ? _hasBefore : More,
        HasPreviousPage: Back ? More : _hasAfter,
        StartCursor: Items.Count > 0 ? CursorOf(Items[0]) : null,
        EndCursor: Items.Count > 0 ? CursorOf(Items[^1]) : null);

    /// <summary>A value the statement computed beside the page (the network of a page of paths).</summary>
    public object? Extra { get; private init; }

    private static string? CursorOf(IReadOnlyDictionary<string, object?> item) =>
        item.TryGetValue(CursorKey, out var c) ? Cursors.Encode(c) : null;

    public static ConnectionPage From(IReadOnlyDictionary<string, object?> raw, bool hasAfter, bool hasBefore)
    {
        var list = raw.TryGetValue(ItemsKey, out var i) ? i as IList : null;
        var count = list?.Count ?? 0;
        var size = raw.TryGetValue(SizeKey, out var s) && s is long l ? (int)l : count;
        var back = raw.TryGetValue(BackKey, out var b) && b is true;
        var more = count > size;
        var kept = more ? Math.Max(size, 0) : count;
        // A view over the engine's list, not a copy: the page is only read.
        IReadOnlyList<IReadOnlyDictionary<string, object?>> items = list is null || kept == 0 ? [] : new PageItems(list, kept, back);
        return new ConnectionPage(items, more, back, hasAfter, hasBefore)
        {
            Total = raw.TryGetValue(TotalKey, out var t) && t is long total ? total : null,
            Extra = raw.GetValueOrDefault(ExtraKey),
        };
    }
}

/// <summary>The first <paramref name="count"/> items of a fetched list, in page order (reversed when fetched backwards).</summary>
internal sealed class PageItems(IList fetched, int count, bool reversed) : IReadOnlyList<IReadOnlyDictionary<string, object?>>
{
    public int Count => count;

    public IReadOnlyDictionary<string, object?> this[int index] =>
        (uint)index < (uint)count
            ? (IReadOnlyDictionary<string, object?>)fetched[reversed ? count - 1 - index : index]!
            : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<IReadOnlyDictionary<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>The values of one key of every item of a page, read when enumerated (a connection's <c>nodes</c>).</summary>
internal sealed class ItemValues(IReadOnlyList<IReadOnlyDictionary<string, object?>> items, string key) : IReadOnlyList<object?>
{
    public int Count => items.Count;

    public object? this[int index] => items[index].GetValueOrDefault(key);

    public IEnumerator<object?> GetEnumerator()
    {
        for (var i = 0; i < items.Count; i++) yield return items[i].GetValueOrDefault(key);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
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
        context.Source is ConnectionPage page ? new ItemValues(page.Items, Resolvers.ResponseKey(context)) : null);

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
