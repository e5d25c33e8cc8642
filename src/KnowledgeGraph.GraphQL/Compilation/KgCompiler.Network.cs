using GraphQL;
using GraphQLParser.AST;

namespace KnowledgeGraph.GraphQL.Compilation;

internal sealed partial class KgCompiler
{
    /// <summary>
    /// <c>network</c>: the entities within <c>hops</c> admitted relationships of the given keys (nearest first, at
    /// most <c>maxNodes</c>), and every admitted relationship between two of them, each once.
    /// </summary>
    private CompiledRoot CompileNetwork()
    {
        var keys = _context.GetArgument<List<string>>("keys") ?? [];
        if (keys.Count == 0) throw new KgGraphQLException(KgErrorCodes.InvalidArgument, "keys must name at least one entity.");
        if (keys.Count > _options.MaxPageSize)
            throw new KgGraphQLException(KgErrorCodes.PageSizeExceeded, $"At most {_options.MaxPageSize} keys.");
        var hops = _context.GetArgument<int?>("hops") ?? 1;
        if (hops < 0) throw new KgGraphQLException(KgErrorCodes.InvalidArgument, "hops must not be negative.");
        if (hops > _options.MaxHops)
            throw new KgGraphQLException(KgErrorCodes.MaxHopsExceeded, $"hops is at most {_options.MaxHops}; {hops} requested.");
        var maxNodes = _context.GetArgument<int?>("maxNodes") ?? 100;
        CheckPageSize(maxNodes);
        var byLabel = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var label = _model.LabelOfKey(key)
                ?? throw new KgGraphQLException(KgErrorCodes.NotFound, $"No entity with key '{key}' (unknown key prefix).");
            if (!byLabel.TryGetValue(label.Label, out var list)) byLabel[label.Label] = list = [];
            if (!list.Contains(key)) list.Add(key);
        }
        var kinds = Strings(_context.GetArgument<List<object>>("kinds")).Select(l => _model.LabelsByName[l].Label).ToList();
        if (kinds.Count == 0) kinds = [.. _model.Labels.Select(l => l.Label).Where(l => !StructuralLabels.Contains(l))];
        var facts = NewFactFilter();
        var typeText = TypeFilter();
        var (s, p, n, d, ns, x, r, y, rs, v, u) = (NewVar("s"), NewVar("p"), NewVar("n"), NewVar("d"), NewVar("ns"), NewVar("x"), NewVar("r"), NewVar("y"), NewVar("rs"), NewVar("v"), NewVar("r"));
        var seeds = string.Join(" UNION ", byLabel.Select(kv => "MATCH (" + s + ":" + kv.Key + ") WHERE " + s + ".key IN " + Param(kv.Value) + " RETURN " + s));
        var hidden = new List<string>();
        if (!facts.IncludeDenied) hidden.Add("denied");
        if (!facts.IncludeRumoured) hidden.Add("rumoured");
        var nodeOk = "(" + string.Join(" OR ", kinds.Select(l => v + ":" + l)) + ")"
            + (hidden.Count > 0 ? " AND NOT (" + v + ":Meeting AND " + v + ".status IN " + Param(hidden) + ")" : "");
        var query = "CALL () { " + seeds + " }"
            + " CALL (" + s + ") { MATCH " + p + " = (" + s + ")-[" + typeText + "*0.." + hops + "]-(" + n + ")"
            + " WHERE all(" + v + " IN nodes(" + p + ")[1..] WHERE " + nodeOk + ") AND all(" + u + " IN relationships(" + p + ") WHERE " + facts.On(u) + ")"
            + " RETURN " + n + ", length(" + p + ") AS " + d + " }"
            + " WITH " + n + ", min(" + d + ") AS " + d + " ORDER BY " + d + ", " + n + ".key LIMIT " + Param((long)maxNodes)
            + " WITH collect(" + n + ") AS " + ns
            + " CALL (" + ns + ") { UNWIND " + ns + " AS " + x + " MATCH (" + x + ")-[" + r + typeText + "]->(" + y + ") WHERE " + y + " IN " + ns + " AND " + facts.On(r)
            + " WITH " + r + " ORDER BY type(" + r + "), startNode(" + r + ").key, endNode(" + r + ").key RETURN collect(" + r + ") AS " + rs + " }"
            + " RETURN " + ProjectNetwork(ns, rs, [_context.FieldAst.SelectionSet]) + " AS result";
        return new(Done(query), ResultShape.Single);
    }

    /// <summary>Projects a node list and a relationship list (both already distinct) as a <c>Network</c>.</summary>
    private string ProjectNetwork(string nodes, string edges, IEnumerable<GraphQLSelectionSet?> sets)
    {
        var entries = new List<string>();
        foreach (var (key, fields) in CollectFields(sets, "Network"))
        {
            var k = MapKey(key);
            switch (fields[0].Name.StringValue)
            {
                case "nodes":
                    var x = NewVar("x");
                    entries.Add(k + ": [" + x + " IN " + nodes + " | " + ProjectNetworkNode(x, Sub(fields)) + "]");
                    break;
                case "edges":
                    var r = NewVar("r");
                    entries.Add(k + ": [" + r + " IN " + edges + " | " + ProjectNetworkEdge(r, Sub(fields)) + "]");
                    break;
            }
        }
        return "{" + string.Join(", ", entries) + "}";
    }

    private string ProjectNetworkNode(string x, IEnumerable<GraphQLSelectionSet?> sets)
    {
        var entries = new List<string>();
        foreach (var (key, fields) in CollectFields(sets, "NetworkNode"))
        {
            var k = MapKey(key);
            switch (fields[0].Name.StringValue)
            {
                case "id" or "key": entries.Add(k + ": " + x + ".key"); break;
                case "name": entries.Add(k + ": " + x + ".name"); break;
                case "kind": entries.Add(k + ": labels(" + x + ")"); break;
                case "entity": entries.Add(k + ": " + ProjectNode(x, "Entity", Sub(fields))); break;
            }
        }
        entries.Add("__t: labels(" + x + ")");
        return "{" + string.Join(", ", entries) + "}";
    }

    private string ProjectNetworkEdge(string r, IEnumerable<GraphQLSelectionSet?> sets)
    {
        var entries = new List<string>();
        foreach (var (key, fields) in CollectFields(sets, "NetworkEdge"))
        {
            var k = MapKey(key);
            switch (fields[0].Name.StringValue)
            {
                case "id": entries.Add(k + ": " + RelationshipIdentity(r)); break;
                case "type": entries.Add(k + ": type(" + r + ")"); break;
                case "fromKey": entries.Add(k + ": startNode(" + r + ").key"); break;
                case "toKey": entries.Add(k + ": endNode(" + r + ").key"); break;
                case var name when IsRelationshipProperty(name): entries.Add(k + ": " + RelationshipPropertyValue(r, name)); break;
            }
        }
        entries.Add("__source: startNode(" + r + ").key");
        entries.Add("__target: endNode(" + r + ").key");
        return "{" + string.Join(", ", entries) + "}";
    }

    /// <summary>The stable identity of a relationship, <c>from|TYPE|to</c>: one relationship per (type, from, to).</summary>
    private static string RelationshipIdentity(string r) => "startNode(" + r + ").key + '|' + type(" + r + ") + '|' + endNode(" + r + ").key";
}
