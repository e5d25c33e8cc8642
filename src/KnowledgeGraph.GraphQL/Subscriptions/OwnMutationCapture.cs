using GraphQL;
using KnowledgeGraph.Driver;
using KnowledgeGraph.GraphQL.Model;
using KnowledgeGraph.GraphQL.Schema;

namespace KnowledgeGraph.GraphQL.Subscriptions;

/// <summary>
/// What a GraphQL mutation changed, for a graph without change data capture: the entities the mutation names (its
/// node, and the relationships around it it may create or delete) are read in the mutation's own transaction before
/// and after its statement, and the difference becomes the mutation's change batch. The batch is handed to the
/// <see cref="ChangeFeed"/> only after the transaction committed, so a mutation that fails or rolls back publishes
/// nothing. Labels and relationship types come from the model, values only from parameters.
/// </summary>
internal sealed class OwnMutationCapture
{
    private const string NodeReturn = " RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props";
    private const string RelationshipReturn =
        " RETURN elementId(r) AS id, type(r) AS type, properties(r) AS props, elementId(startNode(r)) AS s, elementId(endNode(r)) AS e,"
        + " startNode(r).key AS sk, endNode(r).key AS ek, labels(startNode(r)) AS sl, labels(endNode(r)) AS el";

    private readonly List<(string Query, Dictionary<string, object?> Parameters)> _reads = [];

    private OwnMutationCapture()
    {
    }

    /// <summary>The capture of a mutation root field, or null when it writes nothing this capture knows of.</summary>
    public static OwnMutationCapture? For(RootKind kind, IResolveFieldContext context, KgModel model)
    {
        var capture = new OwnMutationCapture();
        var input = context.HasArgument("input") ? context.GetArgument<Dictionary<string, object?>>("input") : null;
        switch (kind)
        {
            case RootKind.UpsertEntity:
                capture.Node(model, input?.GetValueOrDefault("key") as string);
                break;
            case RootKind.Relate:
                capture.Between(model, input?.GetValueOrDefault("from") as string, input?.GetValueOrDefault("to") as string, input?.GetValueOrDefault("type") as string);
                break;
            case RootKind.Unrelate:
                capture.Between(model, context.GetArgument<string>("from"), context.GetArgument<string>("to"), context.GetArgument<string>("type"));
                break;
            case RootKind.AddClaim:
                capture.NodeWithRelationships(model, input?.GetValueOrDefault("key") as string);
                break;
            case RootKind.DeleteEntity:
                capture.NodeWithRelationships(model, context.GetArgument<string>("key"));
                break;
            default:
                return null;
        }
        return capture._reads.Count == 0 ? null : capture;
    }

    private void Node(KgModel model, string? key)
    {
        if (key is null || model.LabelOfKey(key) is not { } label) return;
        _reads.Add(("MATCH (n:" + label.Label + " {key: $key})" + NodeReturn, new() { ["key"] = key }));
    }

    private void NodeWithRelationships(KgModel model, string? key)
    {
        if (key is null || model.LabelOfKey(key) is not { } label) return;
        Node(model, key);
        _reads.Add(("MATCH (n:" + label.Label + " {key: $key})-[r]-()" + RelationshipReturn, new() { ["key"] = key }));
    }

    private void Between(KgModel model, string? from, string? to, string? type)
    {
        if (from is null || to is null || type is null || model.LabelOfKey(from) is not { } a || model.LabelOfKey(to) is not { } b
            || !model.RelationshipsByType.TryGetValue(type, out var rel)) return;
        _reads.Add(("MATCH (:" + a.Label + " {key: $from})-[r:" + rel.Type + "]->(:" + b.Label + " {key: $to})" + RelationshipReturn,
            new() { ["from"] = from, ["to"] = to }));
    }

    /// <summary>Reads the state of what the mutation names, inside its transaction.</summary>
    public async Task<State> ReadAsync(IGraphTransaction tx, CancellationToken ct)
    {
        var nodes = new Dictionary<string, Driver.Record>(StringComparer.Ordinal);
        var relationships = new Dictionary<string, Driver.Record>(StringComparer.Ordinal);
        foreach (var (query, parameters) in _reads)
        {
            var result = await (await tx.RunAsync(query, parameters, ct).ConfigureAwait(false)).ToEagerAsync(ct).ConfigureAwait(false);
            foreach (var row in result.Records)
            {
                if (row["id"] is not string id) continue;
                (row.Keys.Contains("type") ? relationships : nodes)[id] = row;
            }
        }
        return new State(nodes, relationships);
    }

    /// <summary>The changes between two states, nodes first, in a stable order.</summary>
    public static IReadOnlyList<GraphChange> Diff(State before, State after)
    {
        var changes = new List<GraphChange>();
        foreach (var id in before.Nodes.Keys.Union(after.Nodes.Keys).Order(StringComparer.Ordinal))
        {
            var b = before.Nodes.GetValueOrDefault(id);
            var a = after.Nodes.GetValueOrDefault(id);
            var (bp, ap) = (Props(b), Props(a));
            var changed = ChangeEvents.Changed(bp, ap);
            var labels = Labels((a ?? b)!["labels"]);
            if (b is not null && a is not null && changed.Count == 0 && labels.SequenceEqual(Labels(b["labels"]), StringComparer.Ordinal)) continue;
            changes.Add(new GraphChange
            {
                IsNode = true,
                Operation = Operation(b, a),
                ElementId = id,
                Labels = labels,
                Key = (ap ?? bp)!.GetValueOrDefault("key") as string,
                Before = bp,
                After = ap,
                ChangedProperties = changed,
            });
        }
        foreach (var id in before.Relationships.Keys.Union(after.Relationships.Keys).Order(StringComparer.Ordinal))
        {
            var b = before.Relationships.GetValueOrDefault(id);
            var a = after.Relationships.GetValueOrDefault(id);
            var (bp, ap) = (Props(b), Props(a));
            var changed = ChangeEvents.Changed(bp, ap);
            if (b is not null && a is not null && changed.Count == 0) continue;
            var row = (a ?? b)!;
            changes.Add(new GraphChange
            {
                IsNode = false,
                Operation = Operation(b, a),
                ElementId = id,
                Type = row["type"] as string,
                StartElementId = row["s"] as string,
                EndElementId = row["e"] as string,
                StartKey = row["sk"] as string,
                EndKey = row["ek"] as string,
                StartLabels = Labels(row["sl"]),
                EndLabels = Labels(row["el"]),
                Before = bp,
                After = ap,
                ChangedProperties = changed,
            });
        }
        return changes;
    }

    private static ChangeOperation Operation(object? before, object? after) =>
        before is null ? ChangeOperation.Created : after is null ? ChangeOperation.Deleted : ChangeOperation.Updated;

    private static IReadOnlyDictionary<string, object?>? Props(Driver.Record? row) =>
        row is null ? null : row["props"] as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();

    private static IReadOnlyList<string> Labels(object? value) =>
        value is IEnumerable<object?> list ? list.OfType<string>().Order(StringComparer.Ordinal).ToList() : [];

    /// <summary>Nodes and relationships by element id, as read.</summary>
    internal sealed record State(IReadOnlyDictionary<string, Driver.Record> Nodes, IReadOnlyDictionary<string, Driver.Record> Relationships);
}
