using GraphQL.Types;
using KnowledgeGraph.GraphQL.Model;

namespace KnowledgeGraph.GraphQL.Schema;

internal sealed partial class KgSchemaBuilder
{
    private readonly ObjectGraphType _path = new() { Name = "Path", Description = "A simple path between two entities; keep traversing from any node." };
    private readonly ObjectGraphType _step = new() { Name = "PathStep", Description = "One hop of a path in travel order." };
    private readonly ObjectGraphType _relationship = new() { Name = "Relationship", Description = "A relationship with its provenance." };
    private readonly ObjectGraphType _mediator = new() { Name = "Mediator", Description = "An entity on shortest connecting paths, ranked by the share of them through it." };
    private readonly EnumerationGraphType _confidence = new() { Name = "Confidence", Description = "How well a fact is established, strongest first." };

    /// <summary>Stored confidence values, strongest first; <c>minConfidence</c> keeps a prefix of this list.</summary>
    internal static readonly string[] ConfidenceOrder = ["confirmed", "reported", "claimed", "denied"];

    private void BuildMediationTypes()
    {
        foreach (var c in ConfidenceOrder) _confidence.Add(c.ToUpperInvariant(), c, "Stored as '" + c + "'.");

        _relationship.AddField(new FieldType { Name = "id", ResolvedType = NonNull(_id), Resolver = Resolvers.GlobalId, Description = "Opaque id." });
        _relationship.AddField(Field("type", NonNull(_relType), null, "Relationship type."));
        _relationship.AddField(Field("from", NonNull(_entity), null, "Start node (the relationship points from it)."));
        _relationship.AddField(Field("to", NonNull(_entity), null, "End node."));
        AddProvenance(_relationship);

        _step.AddField(Field("index", NonNull(_int), null, "0-based position in the path."));
        _step.AddField(Field("from", NonNull(_entity), null, "The node this hop leaves."));
        _step.AddField(Field("to", NonNull(_entity), null, "The node this hop reaches."));
        _step.AddField(Field("relationship", NonNull(_relationship), null, "The relationship crossed."));
        _step.AddField(Field("forward", NonNull(_boolean), null, "True when the hop follows the relationship's direction."));

        _path.AddField(Field("length", NonNull(_int), null, "Number of relationships."));
        _path.AddField(Field("nodes", NonNull(new ListGraphType(NonNull(_entity))), null, "Nodes in travel order."));
        _path.AddField(Field("relationships", NonNull(new ListGraphType(NonNull(_relationship))), null, "Relationships in travel order."));
        _path.AddField(Field("steps", NonNull(new ListGraphType(NonNull(_step))), null, "Hops in travel order."));

        _mediator.AddField(Field("entity", NonNull(_entity), null, "The mediating entity."));
        _mediator.AddField(Field("share", NonNull(_float), null, "Share of the shortest paths that pass through it (0..1)."));
        _mediator.AddField(Field("shortestPaths", NonNull(_int), null, "Shortest paths through it."));
        _mediator.AddField(Field("totalShortestPaths", NonNull(_int), null, "All shortest paths between the two entities."));
        var examples = Field("examplePaths", NonNull(new ListGraphType(NonNull(_path))), null, "Example shortest paths through it.");
        examples.Arguments = new QueryArguments(new QueryArgument(_int) { Name = "first", DefaultValue = 3 });
        _mediator.AddField(examples);
    }

    private ObjectGraphType BuildQuery()
    {
        var q = new ObjectGraphType { Name = "Query" };
        foreach (var label in _model.Labels)
        {
            var f = Root(label.RootField, NonNull(_connections[label.Label]), new RootSpec(RootKind.List, label), "All " + label.Label + " nodes, filtered, sorted and paged.");
            f.Arguments = PagingArguments(label.Label);
            f.Resolver = _rootResolver;
            q.AddField(f);
        }
        q.AddField(Root("entity", _entity, new RootSpec(RootKind.Entity), "The entity with this key.", Arg("key", NonNull(_string))));
        q.AddField(Root("node", _node, new RootSpec(RootKind.Node), "Fetches an object by its global id (Relay).", Arg("id", NonNull(_id))));
        q.AddField(Root("nodes", NonNull(new ListGraphType(_node)), new RootSpec(RootKind.Nodes), "Fetches objects by global ids, in order; null where not found.", Arg("ids", NonNull(new ListGraphType(NonNull(_id))))));
        q.AddField(Root("search", NonNull(new ListGraphType(NonNull(_entity))), new RootSpec(RootKind.Search),
            "Case- and accent-insensitive search over names and aliases: exact name, exact alias, prefix, then substring matches.",
            Arg("text", NonNull(_string)), Arg("kinds", new ListGraphType(NonNull(_kind))), Arg("first", _int, 10)));
        q.AddField(Root("paths", NonNull(new ListGraphType(NonNull(_path))), new RootSpec(RootKind.Paths),
            "Simple paths between two entities in either direction, shortest first, then by keys; when first cuts through the paths of one length, which of those come back is up to the engine; by default over every relationship type except the provenance ones (MENTIONS, PUBLISHED, CITES, ...).", PathArguments(withFirst: true)));
        q.AddField(Root("shortestPath", _path, new RootSpec(RootKind.ShortestPath), "One shortest path between two entities.", PathArguments(withFirst: false)));
        q.AddField(Root("mediators", NonNull(new ListGraphType(NonNull(_mediator))), new RootSpec(RootKind.Mediators),
            "Entities on the shortest paths between two entities, ranked by the share of those paths through them.",
            Arg("between", NonNull(_string)), Arg("and", NonNull(_string)), Arg("maxHops", _int, 4),
            Arg("relationshipTypes", new ListGraphType(NonNull(_relType))), Arg("first", _int, 10)));
        q.AddField(Root("relationships", NonNull(new ListGraphType(NonNull(_relationship))), new RootSpec(RootKind.Relationships),
            "Direct relationships between two entities, in both directions.", Arg("between", NonNull(_string)), Arg("and", NonNull(_string))));
        return q;
    }

    private QueryArgument[] PathArguments(bool withFirst)
    {
        var args = new List<QueryArgument>
        {
            Arg("from", NonNull(_string)), Arg("to", NonNull(_string)), Arg("maxHops", _int, 4),
            Arg("relationshipTypes", new ListGraphType(NonNull(_relType))), Arg("via", new ListGraphType(NonNull(_kind))),
            Arg("minConfidence", _confidence),
        };
        if (withFirst) args.Add(Arg("first", _int, 10));
        return [.. args];
    }

    private FieldType Root(string name, IGraphType type, RootSpec spec, string description, params QueryArgument[] args)
    {
        var f = Field(name, type, spec, description, _rootResolver);
        if (args.Length > 0) f.Arguments = new QueryArguments(args);
        return f;
    }

    private static QueryArgument Arg(string name, IGraphType type, object? defaultValue = null) =>
        new(type) { Name = name, DefaultValue = defaultValue };

    private ObjectGraphType BuildMutation()
    {
        var m = new ObjectGraphType { Name = "Mutation", Description = "Curator mutations; need Authorization: Bearer <GraphQL:ApiKey>." };
        var property = Input("PropertyInput", "A property value; dates as YYYY-MM-DD, numbers as text.");
        property.AddField(new FieldType { Name = "name", ResolvedType = NonNull(_string) });
        property.AddField(new FieldType { Name = "value", ResolvedType = _string, Description = "Scalar value (null removes the property)." });
        property.AddField(new FieldType { Name = "values", ResolvedType = new ListGraphType(NonNull(_string)), Description = "List value." });
        var upsert = Input("UpsertEntityInput", "Creates or updates an entity by key.");
        upsert.AddField(new FieldType { Name = "kind", ResolvedType = NonNull(_string), Description = "A label of the model, e.g. Person." });
        upsert.AddField(new FieldType { Name = "key", ResolvedType = NonNull(_string) });
        upsert.AddField(new FieldType { Name = "name", ResolvedType = NonNull(_string) });
        upsert.AddField(new FieldType { Name = "aliases", ResolvedType = new ListGraphType(NonNull(_string)) });
        upsert.AddField(new FieldType { Name = "properties", ResolvedType = new ListGraphType(NonNull(property)) });
        var relate = Input("RelateInput", "Creates or updates a relationship with its provenance.");
        relate.AddField(new FieldType { Name = "from", ResolvedType = NonNull(_string), Description = "Key of the start node." });
        relate.AddField(new FieldType { Name = "to", ResolvedType = NonNull(_string), Description = "Key of the end node." });
        relate.AddField(new FieldType { Name = "type", ResolvedType = NonNull(_relType) });
        relate.AddField(new FieldType { Name = "sources", ResolvedType = NonNull(new ListGraphType(NonNull(_string))), Description = "Source keys." });
        relate.AddField(new FieldType { Name = "confidence", ResolvedType = NonNull(_confidence) });
        relate.AddField(new FieldType { Name = "date", ResolvedType = _string });
        var claim = Input("AddClaimInput", "Adds a claim with who stated it, what it is about and its sources.");
        claim.AddField(new FieldType { Name = "key", ResolvedType = NonNull(_string) });
        claim.AddField(new FieldType { Name = "name", ResolvedType = NonNull(_string), Description = "Short title." });
        claim.AddField(new FieldType { Name = "text", ResolvedType = NonNull(_string), Description = "Short English paraphrase." });
        claim.AddField(new FieldType { Name = "stance", ResolvedType = NonNull(_string), Description = "asserts, denies, cautions, proposes..." });
        claim.AddField(new FieldType { Name = "date", ResolvedType = _string });
        claim.AddField(new FieldType { Name = "statedBy", ResolvedType = NonNull(_string), Description = "Key of who stated it." });
        claim.AddField(new FieldType { Name = "about", ResolvedType = new ListGraphType(NonNull(_string)), Description = "Keys of what it is about." });
        claim.AddField(new FieldType { Name = "sources", ResolvedType = NonNull(new ListGraphType(NonNull(_string))), Description = "Source keys." });
        claim.AddField(new FieldType { Name = "confidence", ResolvedType = NonNull(_confidence) });

        m.AddField(Mut("upsertEntity", NonNull(_entity), RootKind.UpsertEntity, "Creates or updates an entity.", Arg("input", NonNull(upsert))));
        m.AddField(Mut("relate", NonNull(_relationship), RootKind.Relate, "Creates or updates a relationship.", Arg("input", NonNull(relate))));
        m.AddField(Mut("unrelate", NonNull(_int), RootKind.Unrelate, "Deletes relationships of a type between two entities; returns how many.",
            Arg("from", NonNull(_string)), Arg("to", NonNull(_string)), Arg("type", NonNull(_relType))));
        m.AddField(Mut("addClaim", NonNull(_types["Claim"]), RootKind.AddClaim, "Adds (or updates) a claim.", Arg("input", NonNull(claim))));
        m.AddField(Mut("deleteEntity", NonNull(_boolean), RootKind.DeleteEntity, "Deletes an entity; with detach its relationships too.",
            Arg("key", NonNull(_string)), Arg("detach", _boolean, false)));
        return m;
    }

    private FieldType Mut(string name, IGraphType type, RootKind kind, string description, params QueryArgument[] args)
    {
        var f = Field(name, type, new RootSpec(kind), description, _mutationResolver);
        f.Arguments = new QueryArguments(args);
        return f;
    }
}
