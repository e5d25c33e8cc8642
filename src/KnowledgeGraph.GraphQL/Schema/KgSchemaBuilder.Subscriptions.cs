using GraphQL.Resolvers;
using GraphQL.Types;
using KnowledgeGraph.GraphQL.Subscriptions;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.GraphQL.Schema;

/// <summary>
/// The <c>Subscription</c> type: live changes from the commit stream (<c>db.cdc.query</c>). Every event is one
/// committed transaction's matching changes, in commit order, with its sequence number and the cursor to resume after
/// it (<c>after:</c>).
/// </summary>
internal sealed partial class KgSchemaBuilder
{
    private ObjectGraphType BuildSubscription()
    {
        var operation = new EnumerationGraphType { Name = "ChangeOperation", Description = "What a transaction did to an entity or relationship." };
        operation.Add("CREATED", ChangeOperation.Created, "It did not exist before.");
        operation.Add("UPDATED", ChangeOperation.Updated, "Its properties or labels changed.");
        operation.Add("DELETED", ChangeOperation.Deleted, "It no longer exists.");
        var properties = new PropertiesGraphType();
        var changedProperties = new FieldType { Name = "changedProperties", ResolvedType = NonNull(new ListGraphType(NonNull(_string))), Resolver = Of(c => c.ChangedProperties), Description = "Properties whose value differs between before and after (all of them on creation and deletion)." };

        var entity = new ObjectGraphType { Name = "EntityChange", Description = "A change of one entity (node) in one transaction." };
        entity.AddField(new FieldType { Name = "operation", ResolvedType = NonNull(operation), Resolver = Of(c => c.Operation) });
        entity.AddField(new FieldType { Name = "key", ResolvedType = _string, Resolver = Of(c => c.Key), Description = "The entity's key (null for a node without one)." });
        entity.AddField(new FieldType { Name = "kind", ResolvedType = _kind, Resolver = Of(c => KindOf(c.Labels)), Description = "The entity's kind (null when no label is one of the model)." });
        entity.AddField(new FieldType { Name = "labels", ResolvedType = NonNull(new ListGraphType(NonNull(_string))), Resolver = Of(c => c.Labels) });
        entity.AddField(new FieldType { Name = "elementId", ResolvedType = NonNull(_string), Resolver = Of(c => c.ElementId), Description = "The graph's element id (not stable across restores; prefer key)." });
        entity.AddField(new FieldType { Name = "changedProperties", ResolvedType = changedProperties.ResolvedType, Resolver = changedProperties.Resolver, Description = changedProperties.Description });
        entity.AddField(new FieldType { Name = "before", ResolvedType = properties, Resolver = Of(c => c.Before), Description = "Properties before the transaction (null on creation)." });
        entity.AddField(new FieldType { Name = "after", ResolvedType = properties, Resolver = Of(c => c.After), Description = "Properties after the transaction (null on deletion)." });

        var relationship = new ObjectGraphType { Name = "RelationshipChange", Description = "A change of one relationship (fact) in one transaction, with its provenance as it is after (or was before a deletion)." };
        relationship.AddField(new FieldType { Name = "operation", ResolvedType = NonNull(operation), Resolver = Of(c => c.Operation) });
        relationship.AddField(new FieldType { Name = "type", ResolvedType = NonNull(_string), Resolver = Of(c => c.Type), Description = "The relationship type, e.g. MEDIATES." });
        relationship.AddField(new FieldType { Name = "from", ResolvedType = _string, Resolver = Of(c => c.StartKey), Description = "Key of the start entity." });
        relationship.AddField(new FieldType { Name = "to", ResolvedType = _string, Resolver = Of(c => c.EndKey), Description = "Key of the end entity." });
        relationship.AddField(new FieldType { Name = "fromKind", ResolvedType = _kind, Resolver = Of(c => KindOf(c.StartLabels)) });
        relationship.AddField(new FieldType { Name = "toKind", ResolvedType = _kind, Resolver = Of(c => KindOf(c.EndLabels)) });
        relationship.AddField(new FieldType { Name = "elementId", ResolvedType = NonNull(_string), Resolver = Of(c => c.ElementId) });
        relationship.AddField(new FieldType { Name = "confidence", ResolvedType = _confidence, Resolver = Of(c => Vocabulary(c, Provenance.Confidence, Vocabularies.Confidence.Values)), Description = "Confidence of the fact." });
        relationship.AddField(new FieldType { Name = "sources", ResolvedType = NonNull(new ListGraphType(NonNull(_string))), Resolver = Of(c => Strings(c.Current.GetValueOrDefault(Provenance.Sources))), Description = "Source keys of the fact." });
        relationship.AddField(new FieldType { Name = "chains", ResolvedType = NonNull(new ListGraphType(NonNull(_string))), Resolver = Of(c => Strings(c.Current.GetValueOrDefault(Provenance.Chains))), Description = "Report chains, origin first." });
        relationship.AddField(new FieldType { Name = "document", ResolvedType = _string, Resolver = Of(c => c.Current.GetValueOrDefault(Provenance.Document) as string), Description = "Key of the document stating the fact." });
        relationship.AddField(new FieldType { Name = "quote", ResolvedType = _string, Resolver = Of(c => c.Current.GetValueOrDefault(Provenance.Quote) as string), Description = "Quote of the document." });
        relationship.AddField(new FieldType { Name = "date", ResolvedType = _string, Resolver = Of(c => c.Current.GetValueOrDefault(Provenance.Date)?.ToString()), Description = "Partial ISO date of the fact." });
        relationship.AddField(new FieldType { Name = "changedProperties", ResolvedType = changedProperties.ResolvedType, Resolver = changedProperties.Resolver, Description = changedProperties.Description });
        relationship.AddField(new FieldType { Name = "before", ResolvedType = properties, Resolver = Of(c => c.Before), Description = "Properties before the transaction (null on creation)." });
        relationship.AddField(new FieldType { Name = "after", ResolvedType = properties, Resolver = Of(c => c.After), Description = "Properties after the transaction (null on deletion)." });

        var entityEvent = EventType("EntityChangeEvent", "Entity changes of one committed transaction.");
        entityEvent.AddField(new FieldType { Name = "changes", ResolvedType = NonNull(new ListGraphType(NonNull(entity))), Resolver = OfEvent(e => e.Changes), Description = "The transaction's changes the subscription selects, in order." });
        var relationshipEvent = EventType("RelationshipChangeEvent", "Relationship changes of one committed transaction.");
        relationshipEvent.AddField(new FieldType { Name = "changes", ResolvedType = NonNull(new ListGraphType(NonNull(relationship))), Resolver = OfEvent(e => e.Changes), Description = "The transaction's changes the subscription selects, in order." });
        var factEvent = EventType("FactChangeEvent", "New, changed or deleted facts touching one entity, of one committed transaction.");
        factEvent.AddField(new FieldType { Name = "key", ResolvedType = NonNull(_string), Resolver = OfEvent(e => e.Key), Description = "The entity." });
        factEvent.AddField(new FieldType { Name = "facts", ResolvedType = NonNull(new ListGraphType(NonNull(relationship))), Resolver = OfEvent(e => e.Changes), Description = "The facts (relationships) touching it that changed, with provenance." });
        var pathsEvent = EventType("PathsChangeEvent", "A new paths result after a transaction that touched what the query depends on (the first event: the current result).");
        pathsEvent.AddField(new FieldType { Name = "changes", ResolvedType = NonNull(new ListGraphType(NonNull(relationship))), Resolver = OfEvent(e => e.Changes), Description = "The relationship changes that made the query re-run (empty in the first event)." });
        pathsEvent.AddField(new FieldType { Name = "entityChanges", ResolvedType = NonNull(new ListGraphType(NonNull(entity))), Resolver = OfEvent(e => e.EntityChanges), Description = "The entity changes that made the query re-run (deletions, kind and key changes)." });
        pathsEvent.AddField(new FieldType { Name = "paths", ResolvedType = NonNull(_pathConnection), Resolver = OfEvent(e => e.Paths), Description = "The paths result now, as Query.paths with the subscription's arguments." });

        var after = Arg("after", _string, "Resume: the cursor of the last event received; events since then are sent first. Beyond the retained window the subscription fails with KG_SUBSCRIPTION_RESUME_EXPIRED (refetch, then subscribe without after).");
        var s = new ObjectGraphType { Name = "Subscription", Description = "Live changes, one event per committed transaction (whatever wrote it: GraphQL, Cypher over Bolt, seeding, imports), in commit order. Over WebSocket (graphql-transport-ws) or server-sent events on /graphql." };
        s.AddField(Sub("entityChanged", NonNull(entityEvent), SubscriptionKind.EntityChanged, "Entities created, updated or deleted.",
            Arg("keys", new ListGraphType(NonNull(_string)), "Only these entities (keys)."),
            Arg("kinds", new ListGraphType(NonNull(_kind)), "Only entities of these kinds."),
            after));
        s.AddField(Sub("relationshipChanged", NonNull(relationshipEvent), SubscriptionKind.RelationshipChanged, "Relationships (facts) created, updated or deleted.",
            Arg("between", _string, "Only relationships touching the entity with this key."),
            Arg("and", _string, "With between: only relationships between the two entities."),
            Arg("types", new ListGraphType(NonNull(_relType)), "Only these relationship types."),
            Arg("minConfidence", _confidence, "Only facts at least this confident (a deletion is judged by the state before it)."),
            after));
        s.AddField(Sub("factsAbout", NonNull(factEvent), SubscriptionKind.FactsAbout, "Any new, changed or deleted fact (relationship) touching an entity, with its provenance.",
            Arg("key", NonNull(_string), "The entity's key."),
            after));
        s.AddField(Sub("pathsChanged", NonNull(pathsEvent), SubscriptionKind.PathsChanged,
            "Query.paths kept up to date: sends the current result first, then re-evaluates only after a transaction that touched what the query depends on "
            + "(a relationship of a followed type, or the deletion, relabelling or re-keying of an entity) and sends the new result, with what changed, when it differs.",
            [.. EndpointArguments("from", "to"), .. PathArguments(), .. FactArguments(), Arg("first", _int, "Page size (default 10, max 200).", 10), after]));
        return s;
    }

    private ObjectGraphType EventType(string name, string description)
    {
        var t = new ObjectGraphType { Name = name, Description = description };
        t.AddField(new FieldType { Name = "sequence", ResolvedType = NonNull(new LongGraphType()), Resolver = OfEvent(e => e.Sequence), Description = "The commit's sequence number (transaction id): increases with commit order." });
        t.AddField(new FieldType { Name = "cursor", ResolvedType = NonNull(_string), Resolver = OfEvent(e => e.Cursor), Description = "Opaque: pass it as after: to resume after this event." });
        return t;
    }

    private FieldType Sub(string name, IGraphType type, SubscriptionKind kind, string description, params QueryArgument[] args) => new()
    {
        Name = name,
        ResolvedType = type,
        Description = description,
        Arguments = new QueryArguments(args),
        Resolver = new FuncFieldResolver<object?>(c => c.Source),
        StreamResolver = new SourceStreamResolver<object?>(c => SubscriptionStreams.ResolveAsync(c, kind, _model)),
    };

    private string? KindOf(IReadOnlyList<string> labels) => labels.FirstOrDefault(l => _model.LabelsByName.ContainsKey(l));

    private static string? Vocabulary(GraphChange c, string property, IReadOnlyList<string> values) =>
        c.Current.GetValueOrDefault(property) is string v && values.Contains(v) ? v : null;

    private static List<string> Strings(object? value) =>
        value is System.Collections.IEnumerable list and not string ? list.OfType<string>().ToList() : [];

    private static FuncFieldResolver<object?> Of(Func<GraphChange, object?> read) => new(c => c.Source is GraphChange g ? read(g) : null);

    private static FuncFieldResolver<object?> OfEvent(Func<ChangeEventPayload, object?> read) => new(c => c.Source is ChangeEventPayload e ? read(e) : null);
}
