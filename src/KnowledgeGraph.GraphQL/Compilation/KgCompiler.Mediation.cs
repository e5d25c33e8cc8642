using GraphQL;
using KnowledgeGraph.GraphQL.Schema;

namespace KnowledgeGraph.GraphQL.Compilation;

internal sealed partial class KgCompiler
{
    /// <summary>
    /// <c>paths</c>: simple paths (no node twice) of 1..maxHops relationships in either direction, shortest
    /// first, ties broken by the keys along the path; <c>shortestPath</c>: Cypher's shortestPath.
    /// </summary>
    private CompiledRoot CompilePaths(bool shortest)
    {
        var a = NewVar("a");
        var b = NewVar("b");
        var p = NewVar("p");
        var hops = MaxHops();
        var typeText = TypeFilter();
        var match = "MATCH " + MatchEndpoint(a, "from") + " MATCH " + MatchEndpoint(b, "to");
        var conditions = PathConditions(p);
        string query;
        if (shortest)
        {
            query = match + " WHERE " + a + " <> " + b + " MATCH " + p + " = shortestPath((" + a + ")-[" + typeText + "*.." + hops + "]-(" + b + "))"
                + (conditions.Count > 0 ? " WHERE " + string.Join(" AND ", conditions) : "")
                + " RETURN " + ProjectPath(p, [_context.FieldAst.SelectionSet]) + " AS result";
            return new(Done(query), ResultShape.Single);
        }
        var first = _context.GetArgument<int?>("first") ?? 10;
        CheckPageSize(first);
        var x = NewVar("x");
        var y = NewVar("y");
        conditions.Insert(0, "all(" + x + " IN nodes(" + p + ") WHERE single(" + y + " IN nodes(" + p + ") WHERE " + y + " = " + x + "))");
        var k = NewVar("k");
        var limit = Param((long)first);
        var where = " WHERE " + string.Join(" AND ", conditions);
        // One branch per length, each stopping after `first` paths: the shortest paths come first without
        // enumerating every long path between two hubs (which is exponential in maxHops).
        var branches = Enumerable.Range(1, hops).Select(h =>
            "MATCH " + p + " = (" + a + ")-[" + typeText + "*" + h + ".." + h + "]-(" + b + ")" + where + " RETURN " + p + " LIMIT " + limit);
        query = match + " CALL (" + a + ", " + b + ") { " + string.Join(" UNION ALL ", branches) + " }"
            + " WITH " + p + " ORDER BY length(" + p + "), [" + k + " IN nodes(" + p + ") | " + k + ".key] LIMIT " + limit
            + " RETURN " + ProjectPath(p, [_context.FieldAst.SelectionSet]) + " AS result";
        return new(Done(query), ResultShape.List);
    }

    /// <summary>
    /// The relationship types to traverse: the requested ones, or by default every type except the provenance
    /// types (MENTIONS, PUBLISHED, CITES, ...), which would make every document a hub between everything.
    /// </summary>
    private string TypeFilter()
    {
        var requested = Strings(_context.GetArgument<List<object>>("relationshipTypes")).ToList();
        var types = requested.Count > 0
            ? requested.Select(t => _model.RelationshipsByType[t].Type) // enum values: whitelisted types
            : _model.Relationships.Select(r => r.Type).Where(t => !ProvenanceTypes.Contains(t));
        return ":" + string.Join("|", types);
    }

    /// <summary>Relationship types that record where facts come from rather than facts about the world.</summary>
    internal static readonly HashSet<string> ProvenanceTypes = new(StringComparer.Ordinal)
    {
        "MENTIONS", "PUBLISHED", "WROTE", "WRITES_FOR", "CITES", "REPORTED_BY",
    };

    /// <summary>minConfidence (every relationship at least that sure) and via (some inner node of those kinds).</summary>
    private List<string> PathConditions(string p)
    {
        var conditions = new List<string>();
        if (_context.GetArgument<object>("minConfidence") is string min)
        {
            var allowed = KgSchemaBuilder.ConfidenceOrder.TakeWhile(c => c != min).Append(min).ToList();
            var r = NewVar("r");
            conditions.Add("all(" + r + " IN relationships(" + p + ") WHERE " + r + ".confidence IN " + Param(allowed) + ")");
        }
        var via = Strings(_context.GetArgument<List<object>>("via")).Select(l => _model.LabelsByName[l].Label).ToList();
        if (via.Count > 0)
        {
            var v = NewVar("v");
            conditions.Add("any(" + v + " IN nodes(" + p + ")[1..-1] WHERE " + string.Join(" OR ", via.Select(l => v + ":" + l)) + ")");
        }
        return conditions;
    }

    /// <summary>
    /// <c>mediators</c>: every inner node of the shortest paths between the two entities, ranked by the share of
    /// those paths passing through it, with example paths.
    /// </summary>
    private CompiledRoot CompileMediators()
    {
        var a = NewVar("a");
        var b = NewVar("b");
        var p = NewVar("p");
        var m = NewVar("m");
        var hops = MaxHops();
        var first = _context.GetArgument<int?>("first") ?? 10;
        CheckPageSize(first);
        var entries = new List<string>();
        foreach (var (key, fields) in CollectFields([_context.FieldAst.SelectionSet], "Mediator"))
        {
            var k = MapKey(key);
            switch (fields[0].Name.StringValue)
            {
                case "entity": entries.Add(k + ": " + ProjectNode(m, "Entity", Sub(fields))); break;
                case "share": entries.Add(k + ": toFloat(size(through)) / total"); break;
                case "shortestPaths": entries.Add(k + ": size(through)"); break;
                case "totalShortestPaths": entries.Add(k + ": total"); break;
                case "examplePaths":
                    var args = ArgumentsOf(TypeNamed("Mediator").GetField("examplePaths")!, fields[0]);
                    var count = Arg<int?>(args, "first") ?? 3;
                    CheckPageSize(count);
                    var e = NewVar("e");
                    entries.Add(k + ": [" + e + " IN through[0.." + Param((long)count) + "] | " + ProjectPath(e, Sub(fields)) + "]");
                    break;
            }
        }
        var query = "MATCH " + MatchEndpoint(a, "between") + " MATCH " + MatchEndpoint(b, "and") + " WHERE " + a + " <> " + b
            + " MATCH " + p + " = allShortestPaths((" + a + ")-[" + TypeFilter() + "*.." + hops + "]-(" + b + "))"
            + " WITH collect(" + p + ") AS paths WITH paths, size(paths) AS total"
            + " UNWIND paths AS " + p + " UNWIND nodes(" + p + ")[1..-1] AS " + m
            + " WITH " + m + ", total, collect(" + p + ") AS through"
            + " ORDER BY size(through) DESC, " + m + ".name, " + m + ".key LIMIT " + Param((long)first)
            + " RETURN {" + string.Join(", ", entries) + "} AS result";
        return new(Done(query), ResultShape.List);
    }

    /// <summary><c>relationships</c>: direct relationships between two entities, either direction.</summary>
    private CompiledRoot CompileRelationships()
    {
        var a = NewVar("a");
        var b = NewVar("b");
        var r = NewVar("r");
        var query = "MATCH " + MatchEndpoint(a, "between") + "-[" + r + "]-" + MatchEndpoint(b, "and")
            + " WITH " + r + " ORDER BY type(" + r + "), startNode(" + r + ").key"
            + " RETURN " + ProjectRelationship(r, [_context.FieldAst.SelectionSet]) + " AS result";
        return new(Done(query), ResultShape.List);
    }
}
