using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Matching;
using KnowledgeGraph.Cypher.QueryErrors;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher.Execution;

/// <summary>The updating clauses: CREATE, MERGE, SET, REMOVE, DELETE, FOREACH.</summary>
internal static partial class Writes
{
    public static Row Create(Pattern pattern, Row row, ExecContext ctx)
    {
        foreach (var part in pattern.Parts) row = CreatePart(part, row, ctx);
        return row;
    }

    internal static Row CreatePart(PatternPart part, Row row, ExecContext ctx)
    {
        var w = ctx.RequireWriter();
        var elems = PatternMatcher.Normalize(part.Path.Elements);
        var nodes = new List<long>();
        var rels = new List<RelValue>();
        for (var i = 0; i < elems.Count; i += 2)
        {
            var np = (NodePattern)elems[i];
            long id;
            if (np.Variable is not null && row.TryGet(np.Variable, out var bound))
            {
                if (bound is not NodeValue n)
                    throw Err.Semantic($"Variable `{np.Variable}` already declared", "VariableAlreadyBound", bound is null ? false : true);
                id = n.Id;
            }
            else
            {
                var labels = np.Labels?.AsConjunction() ?? (np.Labels is null ? [] : throw Err.Semantic("Label expressions are not allowed in CREATE", "InvalidLabelExpression", true));
                var props = Props(np.Properties, row, ctx);
                id = w.CreateNode(labels, props);
                ctx.Counters.NodesCreated++;
                ctx.Counters.LabelsAdded += labels.Distinct().Count();
                ctx.Counters.PropertiesSet += props.Count;
                if (np.Variable is not null) row = row.With(np.Variable, new NodeValue(id));
            }
            nodes.Add(id);
            if (i > 0)
            {
                var rp = (RelationshipPattern)elems[i - 1];
                var types = rp.Types?.AsDisjunction();
                if (types is not { Count: 1 }) throw Err.Semantic("A single relationship type must be specified for CREATE", "NoSingleRelationshipType", true);
                var (from, to) = rp.Direction switch
                {
                    RelationshipDirection.Outgoing => (nodes[^2], id),
                    RelationshipDirection.Incoming => (id, nodes[^2]),
                    // MERGE of an undirected pattern creates it left to right (CREATE rejects it at compile time).
                    _ => (nodes[^2], id),
                };
                var props = Props(rp.Properties, row, ctx);
                var rid = w.CreateRelationship(from, to, types[0], props);
                ctx.Counters.RelationshipsCreated++;
                ctx.Counters.PropertiesSet += props.Count;
                var rv = new RelValue(rid, types[0], from, to);
                rels.Add(rv);
                if (rp.Variable is not null) row = row.With(rp.Variable, rv);
            }
        }
        if (part.PathVariable is not null) row = row.With(part.PathVariable, new PathValue([.. nodes], [.. rels]));
        return row;
    }

    /// <summary>Evaluates a property map for CREATE/MERGE; null values are dropped, invalid ones rejected.</summary>
    internal static Dictionary<string, object?> Props(Expression? e, Row row, ExecContext ctx)
    {
        var d = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (e is null) return d;
        var v = Evaluator.Eval(e, row, ctx);
        if (v is null) return d;
        if (v is not IReadOnlyDictionary<string, object?> m) throw Err.Type("Property map expected");
        foreach (var (k, x) in m)
        {
            if (x is null) continue;
            d[k] = Storable(x);
        }
        return d;
    }

    /// <summary>Checks a value can be stored as a property (no maps, entities, or null inside lists).</summary>
    internal static object Storable(object x)
    {
        switch (x)
        {
            case IReadOnlyDictionary<string, object?>:
            case NodeValue:
            case RelValue:
            case PathValue:
                throw Err.Type($"Property values can only be of primitive types or arrays thereof. Got {CypherValues.TypeName(x)}", "InvalidPropertyType");
            case IReadOnlyList<object?> l when x is not string:
                {
                    foreach (var item in l)
                        if (item is null || item is IReadOnlyList<object?> || item is IReadOnlyDictionary<string, object?> || item is NodeValue or RelValue or PathValue)
                            throw Err.Type("Collections containing null values or collections can not be stored in properties.", "InvalidPropertyType");
                    var kinds = l.Select(i => i is long or double ? "number" : i!.GetType().Name).Distinct().Count();
                    if (kinds > 1) throw Err.Type("Collections containing mixed types can not be stored in properties.", "InvalidPropertyType");
                    return l.ToList();
                }
            default: return x;
        }
    }

    public static IEnumerable<Row> Merge(MergeClause m, Row row, ExecContext ctx)
    {
        ctx.RequireWriter();
        CheckMergeNulls(m.Pattern, row, ctx);
        var matches = PatternMatcher.MatchPart(m.Pattern, row, ctx, new HashSet<long>(), null).ToList();
        if (matches.Count > 0)
        {
            foreach (var r in matches)
            {
                foreach (var a in m.Actions.Where(a => !a.OnCreate)) Set(a.Items, r, ctx);
                yield return r;
            }
            yield break;
        }
        var created = CreatePart(m.Pattern, row, ctx);
        foreach (var a in m.Actions.Where(a => a.OnCreate)) Set(a.Items, created, ctx);
        yield return created;
    }

    internal static void CheckMergeNulls(PatternPart part, Row row, ExecContext ctx)
    {
        foreach (var el in part.Path.Elements)
        {
            var (props, isNode) = el switch
            {
                NodePattern np => (np.Properties, true),
                RelationshipPattern rp => (rp.Properties, false),
                _ => ((Expression?)null, true),
            };
            if (props is null) continue;
            if (Evaluator.Eval(props, row, ctx) is IReadOnlyDictionary<string, object?> map)
                foreach (var (k, v) in map)
                    if (v is null)
                        throw Err.Semantic($"Cannot merge the following {(isNode ? "node" : "relationship")} because of null property value for '{k}'", "MergeReadOwnWrites");
        }
    }

    public static void Foreach(ForeachClause f, Row row, ExecContext ctx)
    {
        var list = Evaluator.Eval(f.List, row, ctx);
        if (list is null) return;
        foreach (var item in Evaluator.AsList(list))
        {
            var inner = new SingleQuery(f.Clauses);
            foreach (var _ in QueryExecutor.RunSubquery(inner, row.With(f.Variable, item), ctx)) { }
        }
    }

    public static IEnumerable<Row> Delete(DeleteClause d, IEnumerable<Row> rows, ExecContext ctx)
    {
        var w = ctx.RequireWriter();
        var pendingNodes = new List<long>();
        var output = new List<Row>();
        foreach (var row in rows)
        {
            foreach (var e in d.Expressions)
            {
                var v = Evaluator.Eval(e, row, ctx);
                DeleteValue(v, d.Detach, w, ctx, pendingNodes);
            }
            output.Add(row);
        }
        foreach (var n in pendingNodes)
        {
            if (!w.NodeExists(n)) continue;
            if (w.GetRelationships(n, Direction.Both).Any(r => !ctx.DeletedRels.Contains(r.Id)))
                throw Err.Constraint($"Cannot delete node<{n}>, because it still has relationships. To delete this node, you must first delete its relationships.", "DeleteConnectedNode");
        }
        foreach (var n in pendingNodes)
        {
            if (!w.NodeExists(n)) continue;
            w.DeleteNode(n, detach: false);
        }
        return output;
    }

    private static void DeleteValue(object? v, bool detach, IGraphWriter w, ExecContext ctx, List<long> pendingNodes)
    {
        switch (v)
        {
            case null: return;
            case NodeValue n:
                if (ctx.DeletedNodes.Contains(n.Id) || !w.NodeExists(n.Id)) return;
                if (detach)
                {
                    foreach (var r in w.GetRelationships(n.Id, Direction.Both).ToList())
                        if (ctx.MarkRelDeleted(r.Id)) ctx.Counters.RelationshipsDeleted++;
                    w.DeleteNode(n.Id, detach: true);
                }
                else pendingNodes.Add(n.Id);
                ctx.MarkNodeDeleted(n.Id);
                ctx.Counters.NodesDeleted++;
                return;
            case RelValue r:
                if (!ctx.MarkRelDeleted(r.Id) || !w.RelationshipExists(r.Id)) return;
                w.DeleteRelationship(r.Id);
                ctx.Counters.RelationshipsDeleted++;
                return;
            case PathValue p:
                foreach (var r in p.Rels) DeleteValue(r, detach, w, ctx, pendingNodes);
                foreach (var n in p.Nodes) DeleteValue(new NodeValue(n), detach, w, ctx, pendingNodes);
                return;
            case IReadOnlyList<object?> l when v is not string:
                foreach (var x in l) DeleteValue(x, detach, w, ctx, pendingNodes);
                return;
            default:
                throw Err.Type($"Expected a Node, Relationship or Path, but got {CypherValues.TypeName(v)}", "InvalidDelete");
        }
    }
}
