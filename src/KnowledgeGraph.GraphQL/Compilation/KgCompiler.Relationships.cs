using System.Collections;
using System.Text;
using GraphQL;
using KnowledgeGraph.GraphQL.Model;
using KnowledgeGraph.GraphQL.Schema;

namespace KnowledgeGraph.GraphQL.Compilation;

internal sealed partial class KgCompiler
{
    /// <summary>
    /// The root <c>relationships</c> list: relationships filtered by provenance, type and endpoints, keyset-paged by
    /// the sort keys then (type, start key, end key), the relationship's identity. Without <c>between</c> it reads
    /// every relationship. Unless <c>where</c> filters on <c>type</c>, the bookkeeping types (MENTIONS, PUBLISHED,
    /// ABOUT, STATED, HAS_FACT, CONTRADICTS, ...) are left out: the list is of facts about the world.
    /// </summary>
    private CompiledRoot CompileRelationships()
    {
        var (x, r, y) = (NewVar("x"), NewVar("r"), NewVar("y"));
        var between = _context.GetArgument<string?>("between");
        var and = _context.GetArgument<string?>("and");
        if (between is null && and is not null)
            throw new KgGraphQLException(KgErrorCodes.InvalidArgument, "and needs between.");
        var pattern = "(" + x + ")-[" + r + "]-(" + y + ")";
        var conditions = new List<string>();
        if (between is not null)
        {
            var label = _model.LabelOfKey(between) ?? throw new KgGraphQLException(KgErrorCodes.NotFound, $"No entity with key '{between}' (unknown key prefix).");
            var other = and is null ? null : _model.LabelOfKey(and) ?? throw new KgGraphQLException(KgErrorCodes.NotFound, $"No entity with key '{and}' (unknown key prefix).");
            var a = NewVar("a");
            var b = NewVar("b");
            // Anchored at the given entity; x and y stay start and end of the relationship.
            pattern = "(" + a + ":" + label.Label + " {key: " + Param(between) + "})-[" + r + "]-(" + b + (other is null ? "" : ":" + other.Label + " {key: " + Param(and!) + "}") + ")"
                + " WITH " + r + ", startNode(" + r + ") AS " + x + ", endNode(" + r + ") AS " + y;
        }
        else
        {
            pattern = "(" + x + ")-[" + r + "]->(" + y + ")";
        }
        var where = _context.GetArgument<IDictionary<string, object?>>("where");
        var filter = CompileEdgeFilter(r, x, y, where);
        if (filter is not null) conditions.Add(filter);
        // Facts about the world by default: the bookkeeping of documents and claims (MENTIONS, ABOUT, ...) only when a
        // type filter asks for it.
        if (where is null || !where.ContainsKey("type"))
            conditions.Add("NOT type(" + r + ") IN " + Param(ProvenanceTypes.Order(StringComparer.Ordinal).ToList()));
        var order = EdgeSortKeys(r, _context.GetArgument<IEnumerable<object?>>("order"));
        order.Add(new SortKey("type(" + r + ")", false));
        order.Add(new SortKey(x + ".key", false));
        order.Add(new SortKey(y + ".key", false));
        var first = _context.GetArgument<int?>("first") ?? _options.DefaultPageSize;
        CheckPageSize(first);
        var after = _context.GetArgument<string?>("after");
        var pageConditions = new List<string>(conditions);
        if (after is not null) pageConditions.Add(Keyset(order, DecodeCursor(after, order.Count), invert: false));

        var selected = CollectFields([_context.FieldAst.SelectionSet], "RelationshipConnection");
        var parts = new List<string>();
        var item = new List<string> { ConnectionPage.CursorKey + ": [" + string.Join(", ", order.Select(k => k.Expression)) + "]" };
        foreach (var (key, fields) in selected)
        {
            switch (fields[0].Name.StringValue)
            {
                case "nodes": item.Add(MapKey(key) + ": " + ProjectRelationship(r, Sub(fields))); break;
                case "edges":
                    var edge = new List<string>();
                    foreach (var (ek, ef) in CollectFields(Sub(fields), "RelationshipEdge"))
                        if (ef[0].Name.StringValue == "node") edge.Add(MapKey(ek) + ": " + ProjectRelationship(r, Sub(ef)));
                    item.Add(MapKey(key) + ": {" + string.Join(", ", edge) + "}");
                    break;
            }
        }
        var matchPart = "MATCH " + pattern;
        string Where(List<string> c) => c.Count == 0 ? "" : (between is null ? " WHERE " : " WITH " + r + ", " + x + ", " + y + " WHERE ") + string.Join(" AND ", c);
        if (item.Count > 1 || selected.Any(s => s.Fields[0].Name.StringValue == "pageInfo"))
        {
            var sb = new StringBuilder("COLLECT { ").Append(matchPart).Append(Where(pageConditions))
                .Append(" WITH ").Append(r).Append(", ").Append(x).Append(", ").Append(y)
                .Append(" ORDER BY ").Append(string.Join(", ", order.Select(k => k.Expression + (k.Descending ? " DESC" : " ASC"))))
                .Append(" LIMIT ").Append(Param((long)first + 1))
                .Append(" RETURN {").Append(string.Join(", ", item)).Append("} }");
            parts.Add(ConnectionPage.ItemsKey + ": " + sb);
        }
        if (selected.Any(s => s.Fields[0].Name.StringValue is "totalCount" or "aggregate"))
            parts.Add(ConnectionPage.TotalKey + ": COUNT { " + matchPart + Where(conditions) + " RETURN " + r + " }");
        parts.Add(ConnectionPage.SizeKey + ": " + first.ToString(System.Globalization.CultureInfo.InvariantCulture));
        parts.Add(ConnectionPage.BackKey + ": false");
        return new(Done("RETURN {" + string.Join(", ", parts) + "} AS result"), ResultShape.Connection);
    }

    /// <summary>
    /// A <c>RelationshipFilterInput</c> on relationship <paramref name="r"/>; <paramref name="x"/> and
    /// <paramref name="y"/> are its start and end node variables (null where the filter may not name them).
    /// </summary>
    private string? CompileEdgeFilter(string r, string? x, string? y, IDictionary<string, object?>? where)
    {
        if (where is null) return null;
        var parts = new List<string>();
        foreach (var (field, value) in where)
        {
            if (value is null) continue;
            switch (field)
            {
                case "and":
                    parts.Add(Join(((IEnumerable)value).Cast<object?>().Select(c => CompileEdgeFilter(r, x, y, c as IDictionary<string, object?>) ?? "true").ToList(), " AND ", "true"));
                    break;
                case "or":
                    parts.Add(Join(((IEnumerable)value).Cast<object?>().Select(c => CompileEdgeFilter(r, x, y, c as IDictionary<string, object?>) ?? "true").ToList(), " OR ", "false"));
                    break;
                case "not":
                    var inner = CompileEdgeFilter(r, x, y, value as IDictionary<string, object?>);
                    if (inner is not null) parts.Add("NOT (" + inner + ")");
                    break;
                case "type":
                    parts.Add(TypeOperations(r, (IDictionary<string, object?>)value));
                    break;
                case "from" or "to":
                    var node = field == "from" ? x : y;
                    if (node is null)
                        throw new KgGraphQLException(KgErrorCodes.InvalidArgument, $"'{field}' filters only the root relationships list; on a connection use where.");
                    parts.Add(CompileFilter(node, "Entity", (IDictionary<string, object?>)value) ?? "true");
                    break;
                default:
                    var p = RelationshipProperty(field)
                        ?? throw new KgGraphQLException(KgErrorCodes.InvalidArgument, $"Cannot filter relationships on '{field}'.");
                    parts.Add(PropertyFilter(r + "." + p.Name, p, (IDictionary<string, object?>)value));
                    break;
            }
        }
        parts.RemoveAll(string.IsNullOrEmpty);
        return parts.Count == 0 ? null : parts.Count == 1 ? parts[0] : string.Join(" AND ", parts.Select(Wrap));
    }

    private string TypeOperations(string r, IDictionary<string, object?> ops)
    {
        var parts = new List<string>();
        foreach (var (op, value) in ops)
        {
            if (value is null) continue;
            parts.Add(op switch
            {
                "eq" => "type(" + r + ") = " + Param(value),
                "neq" => "type(" + r + ") <> " + Param(value),
                "in" => "type(" + r + ") IN " + Param(value),
                _ => "NOT type(" + r + ") IN " + Param(value),
            });
        }
        return parts.Count == 0 ? "true" : string.Join(" AND ", parts.Select(Wrap));
    }

    private KgProperty? RelationshipProperty(string name) =>
        KgModel.RelationshipProperties.FirstOrDefault(p => p.Name == name) ?? _model.ExtraRelationshipProperties.FirstOrDefault(p => p.Name == name);

    /// <summary>Sort keys over relationship properties (ordered vocabularies sort by rank: strongest first ascending).</summary>
    private List<SortKey> EdgeSortKeys(string r, IEnumerable<object?>? order)
    {
        var keys = new List<SortKey>();
        foreach (var entry in order ?? [])
        {
            if (entry is not IDictionary<string, object?> map) continue;
            foreach (var (field, direction) in map)
            {
                if (direction is null) continue;
                var descending = direction as string == "DESC";
                if (field == "type") { keys.Add(new SortKey("type(" + r + ")", descending)); continue; }
                var p = RelationshipProperty(field);
                if (p is null || p.Kind == KgScalar.StringList)
                    throw new KgGraphQLException(KgErrorCodes.InvalidArgument, $"Cannot sort relationships on '{field}'.");
                keys.Add(new SortKey(SortExpression(r, p), descending));
            }
        }
        return keys;
    }
}
