using System.Text;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using KnowledgeGraph.GraphQL.Model;
using KnowledgeGraph.GraphQL.Schema;

namespace KnowledgeGraph.GraphQL.Compilation;

internal sealed partial class KgCompiler
{
    private sealed record SortKey(string Expression, bool Descending);

    /// <summary>A nested relationship connection of node <paramref name="v"/>.</summary>
    private string Connection(string v, RelationshipSpec rel, List<GraphQLField> fields, FieldType definition)
    {
        var r = NewVar("r");
        var n = NewVar("n");
        var target = rel.Target?.Label;
        var arrowLeft = rel.Outgoing ? "-" : "<-";
        var arrowRight = rel.Outgoing ? "->" : "-";
        var pattern = "(" + v + ")" + arrowLeft + "[" + r + ":" + rel.Relationship.Type + "]" + arrowRight + "(" + n + (target is null ? "" : ":" + target) + ")";
        return ConnectionBody(pattern, r, n, target ?? "Entity", fields, definition);
    }

    /// <summary>
    /// The connection map <c>{items, total, size, back}</c>: items is a COLLECT subquery ordered by the sort
    /// keys plus the key, bounded by the cursors (keyset, not offsets) and limited to size + 1; total is a
    /// COUNT subquery present only when <c>totalCount</c> is selected.
    /// </summary>
    private string ConnectionBody(string pattern, string? r, string n, string targetType, List<GraphQLField> fields, FieldType definition)
    {
        var args = ArgumentsOf(definition, fields[0]);
        var (size, backward) = PageSize(args);
        var filter = CompileFilter(n, targetType, Arg<IDictionary<string, object?>>(args, "where"));
        if (r is not null && CompileEdgeFilter(r, null, null, Arg<IDictionary<string, object?>>(args, "edgeWhere")) is { } edgeFilter)
            filter = filter is null ? edgeFilter : Wrap(filter) + " AND " + Wrap(edgeFilter);
        var order = SortKeys(n, targetType, Arg<IEnumerable<object?>>(args, "order"));
        if (r is not null) order.InsertRange(0, EdgeSortKeys(r, Arg<IEnumerable<object?>>(args, "edgeOrder")));
        var conditions = new List<string>();
        if (filter is not null) conditions.Add(filter);
        var after = Arg<string>(args, "after");
        var before = Arg<string>(args, "before");
        if (after is not null) conditions.Add(Keyset(order, DecodeCursor(after, order.Count), invert: false));
        if (before is not null) conditions.Add(Keyset(order, DecodeCursor(before, order.Count), invert: true));

        var connectionSets = Sub(fields).ToList();
        var selected = CollectFields(connectionSets, targetType + "Connection");
        var needItems = selected.Any(s => s.Fields[0].Name.StringValue is "edges" or "nodes" or "pageInfo");
        var needTotal = selected.Any(s => s.Fields[0].Name.StringValue is "totalCount" or "aggregate");
        var parts = new List<string>();
        if (needItems)
        {
            var fetchOrder = order.Select(k => k.Expression + (k.Descending != backward ? " DESC" : " ASC"));
            var item = new List<string> { ConnectionPage.CursorKey + ": [" + string.Join(", ", order.Select(k => k.Expression)) + "]" };
            foreach (var (key, sel) in selected)
            {
                switch (sel[0].Name.StringValue)
                {
                    case "nodes":
                        item.Add(MapKey(key) + ": " + ProjectNode(n, targetType, Sub(sel)));
                        break;
                    case "edges":
                        item.Add(MapKey(key) + ": " + ProjectEdge(r, n, targetType, Sub(sel)));
                        break;
                }
            }
            var sb = new StringBuilder("COLLECT { MATCH ").Append(pattern);
            if (conditions.Count > 0) sb.Append(" WHERE ").Append(string.Join(" AND ", conditions));
            sb.Append(" WITH ").Append(r is null ? n : r + ", " + n)
              .Append(" ORDER BY ").Append(string.Join(", ", fetchOrder))
              .Append(" LIMIT ").Append(Param((long)size + 1))
              .Append(" RETURN {").Append(string.Join(", ", item)).Append("} }");
            parts.Add(ConnectionPage.ItemsKey + ": " + sb);
        }
        if (needTotal)
            parts.Add(ConnectionPage.TotalKey + ": COUNT { MATCH " + pattern + (filter is null ? "" : " WHERE " + filter) + " }");
        parts.Add(ConnectionPage.SizeKey + ": " + size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        parts.Add(ConnectionPage.BackKey + ": " + (backward ? "true" : "false"));
        return "{" + string.Join(", ", parts) + "}";
    }

    private string ProjectEdge(string? r, string n, string targetType, IEnumerable<GraphQLSelectionSet?> sets)
    {
        var entries = new List<string>();
        foreach (var (key, fields) in CollectFields(sets, targetType + "Edge"))
        {
            var k = MapKey(key);
            switch (fields[0].Name.StringValue)
            {
                case "node": entries.Add(k + ": " + ProjectNode(n, targetType, Sub(fields))); break;
                case "type": entries.Add(k + ": " + (r is null ? "null" : "type(" + r + ")")); break;
                case var name when IsRelationshipProperty(name): entries.Add(k + ": " + (r is null ? "null" : RelationshipPropertyValue(r, name))); break;
            }
        }
        return "{" + string.Join(", ", entries) + "}";
    }

    /// <summary>Page size and direction from first/last, with the configured default and maximum.</summary>
    private (int Size, bool Backward) PageSize(IDictionary<string, ArgumentValue>? args)
    {
        var first = args is not null && args.TryGetValue("first", out var f) ? f.Value as int? : null;
        var last = args is not null && args.TryGetValue("last", out var l) ? l.Value as int? : null;
        if (first is not null && last is not null)
            throw new KgGraphQLException(KgErrorCodes.InvalidPaging, "Pass either first or last, not both.");
        var size = first ?? last ?? _options.DefaultPageSize;
        if (size < 0)
            throw new KgGraphQLException(KgErrorCodes.InvalidPaging, "first and last must not be negative.");
        if (size > _options.MaxPageSize)
            throw new KgGraphQLException(KgErrorCodes.PageSizeExceeded, $"At most {_options.MaxPageSize} items per page; {size} requested.");
        return (size, last is not null);
    }

    /// <summary>The sort keys from <c>order</c> (default: name), always ending with the key as tiebreaker.</summary>
    private List<SortKey> SortKeys(string n, string targetType, IEnumerable<object?>? order)
    {
        var properties = PropertiesOf(targetType);
        var keys = new List<SortKey>();
        foreach (var entry in order ?? [])
        {
            if (entry is not IDictionary<string, object?> map) continue;
            foreach (var (field, direction) in map)
            {
                if (direction is null) continue;
                if (!properties.TryGetValue(field, out var p) || p.Kind == KgScalar.StringList)
                    throw new KgGraphQLException(KgErrorCodes.InvalidArgument, $"Cannot sort on '{field}'.");
                keys.Add(new SortKey(SortExpression(n, p), direction as string == "DESC"));
            }
        }
        if (keys.Count == 0) keys.Add(new SortKey(n + ".name", false));
        if (!keys.Any(k => k.Expression == n + ".key")) keys.Add(new SortKey(n + ".key", false));
        return keys;
    }

    // Dates are ISO strings (cypher/README.md), so they sort as stored; ordered vocabularies sort by position.
    private string SortExpression(string n, KgProperty p) =>
        p.Vocabulary is { Ordered: true } v
            ? Param(v.Values.Select((value, i) => (value, i)).ToDictionary(t => t.value, t => (object?)(long)t.i)) + "[" + n + "." + p.Name + "]"
            : n + "." + p.Name;

    private Dictionary<string, KgProperty> PropertiesOf(string targetType)
    {
        var result = new Dictionary<string, KgProperty>(StringComparer.Ordinal)
        {
            ["key"] = new("key", KgScalar.String),
            ["name"] = new("name", KgScalar.String),
            ["aliases"] = new("aliases", KgScalar.StringList),
        };
        if (_model.LabelsByName.TryGetValue(targetType, out var label))
            foreach (var p in label.Properties) result[p.Name] = p;
        return result;
    }

    private IReadOnlyList<object?> DecodeCursor(string cursor, int count) =>
        Cursors.Decode(cursor, count)
        ?? throw new KgGraphQLException(KgErrorCodes.InvalidCursor, "The cursor is not valid for this field and order.");

    /// <summary>
    /// The keyset predicate "strictly after <paramref name="values"/>" in the sort order (or before it when
    /// <paramref name="invert"/>). Nulls sort last ascending and first descending, as in Cypher.
    /// </summary>
    private string Keyset(List<SortKey> keys, IReadOnlyList<object?> values, bool invert)
    {
        var disjuncts = new List<string>();
        for (var i = 0; i < keys.Count; i++)
        {
            var conj = new List<string>();
            for (var j = 0; j < i; j++) conj.Add(EqualTo(keys[j].Expression, values[j]));
            var desc = keys[i].Descending != invert;
            var beyond = Beyond(keys[i].Expression, values[i], desc);
            if (beyond is null) continue;
            conj.Add(beyond);
            disjuncts.Add(conj.Count == 1 ? conj[0] : "(" + string.Join(" AND ", conj) + ")");
        }
        return disjuncts.Count == 0 ? "false" : "(" + string.Join(" OR ", disjuncts) + ")";
    }

    private string EqualTo(string expression, object? value) =>
        value is null ? expression + " IS NULL" : expression + " = " + Param(value);

    // Strictly beyond the value in the given direction; null when nothing can be beyond it.
    private string? Beyond(string expression, object? value, bool descending)
    {
        if (value is null) return descending ? expression + " IS NOT NULL" : null;
        var p = Param(value);
        return descending ? expression + " < " + p : "(" + expression + " > " + p + " OR " + expression + " IS NULL)";
    }
}
