using GraphQL.Types;
using KnowledgeGraph.GraphQL.Compilation;

namespace KnowledgeGraph.GraphQL.Schema;

/// <summary>The types of the analysis root fields: paths, mediators, network, contradictions.</summary>
internal sealed partial class KgSchemaBuilder
{
    private readonly ObjectGraphType _path = new() { Name = "Path", Description = "A chain of entities between two entities: one result per node sequence, every relationship of each hop listed, with its evidence." };
    private readonly ObjectGraphType _step = new() { Name = "PathStep", Description = "One hop of a path in travel order, with every relationship joining its two nodes." };
    private readonly ObjectGraphType _relationship = new() { Name = "Relationship", Description = "A relationship with its provenance. Its global id encodes type, start key and end key, so node(id) refetches it." };
    private readonly ObjectGraphType _pathConnection = new() { Name = "PathConnection", Description = "A page of paths, strongest evidence first." };
    private readonly ObjectGraphType _pathEdge = new() { Name = "PathEdge", Description = "A path and its cursor." };
    private readonly ObjectGraphType _mediator = new() { Name = "Mediator", Description = "A third party mediating or brokering between two sides, with the facts that say so." };
    private readonly ObjectGraphType _mediationEvidence = new() { Name = "MediationEvidence", Description = "One fact that makes an entity a mediator: its relationship to a conflict, meeting or proposal involving both sides." };
    private readonly EnumerationGraphType _mediationKind = new() { Name = "MediationKind", Description = "How a fact makes an entity a mediator." };
    private readonly ObjectGraphType _network = new() { Name = "Network", Description = "A deduplicated subgraph ready for a graph-drawing front end: nodes and edges with global ids, kinds, types and provenance." };
    private readonly ObjectGraphType _networkNode = new() { Name = "NetworkNode", Description = "A node of a network." };
    private readonly ObjectGraphType _networkEdge = new() { Name = "NetworkEdge", Description = "An edge of a network: a relationship between two of its nodes, with provenance." };
    private readonly ObjectGraphType _contradiction = new() { Name = "Contradiction", Description = "Two facts or claims that oppose each other, each with its sources." };
    private readonly ObjectGraphType _contradictionSide = new() { Name = "ContradictionSide", Description = "One side of a contradiction: a claim, a relationship fact or a node fact, with its provenance." };
    private readonly EnumerationGraphType _factKind = new() { Name = "FactKind", Description = "Where a fact is stored." };
    private readonly ObjectGraphType _aggregate = new() { Name = "Aggregate", Description = "Aggregates over every item matching the filter (not only the page)." };

    private void BuildAnalysisTypes()
    {
        _aggregate.AddField(new FieldType { Name = "count", ResolvedType = NonNull(_int), Resolver = ConnectionPageResolver.AggregateCount, Description = "Number of matching items." });

        _relationship.AddField(new FieldType { Name = "id", ResolvedType = NonNull(_id), Resolver = Resolvers.GlobalId, Description = "Opaque global id (type, start key, end key); node(id) refetches the relationship." });
        _relationship.AddField(Field("type", NonNull(_relType), null, "Relationship type."));
        _relationship.AddField(Field("from", NonNull(_entity), null, "Start node (the relationship points from it)."));
        _relationship.AddField(Field("to", NonNull(_entity), null, "End node."));
        AddProvenance(_relationship);
        _relationship.AddResolvedInterface(_node);
        _relationship.IsTypeOf = value => value is IReadOnlyDictionary<string, object?> m && m.GetValueOrDefault("__t") as string == RelationshipTypeName;
        _relationship.Metadata[TypedByLabel] = true;

        _step.AddField(Field("index", NonNull(_int), null, "0-based position in the path."));
        _step.AddField(Field("from", NonNull(_entity), null, "The node this hop leaves."));
        _step.AddField(Field("to", NonNull(_entity), null, "The node this hop reaches."));
        _step.AddField(Field("relationship", NonNull(_relationship), null, "The strongest relationship of the hop (first of relationships)."));
        _step.AddField(Field("relationships", NonNull(new ListGraphType(NonNull(_relationship))), null, "Every relationship joining the two nodes that the path's filters admit, strongest first."));
        _step.AddField(Field("forward", NonNull(_boolean), null, "True when the hop's strongest relationship points in travel order."));
        _step.AddField(Field("confidence", NonNull(_confidence), null, "The best confidence among the hop's relationships."));
        _step.AddField(Field("independentSources", NonNull(_int), null, "Distinct origins (first elements of report chains) over the hop's relationships."));

        _path.AddField(Field("length", NonNull(_int), null, "Number of hops."));
        _path.AddField(Field("nodes", NonNull(new ListGraphType(NonNull(_entity))), null, "Nodes in travel order."));
        _path.AddField(Field("relationships", NonNull(new ListGraphType(NonNull(_relationship))), null, "Every relationship of every hop, in travel order."));
        _path.AddField(Field("steps", NonNull(new ListGraphType(NonNull(_step))), null, "Hops in travel order."));
        _path.AddField(Field("score", NonNull(_float), null, Evidence.PathScoreDescription, Resolvers.Score));
        _path.AddField(Field("confidence", NonNull(_confidence), null, "The weakest hop's confidence: a path is as sure as its least sure hop."));
        _path.AddField(Field("independentSources", NonNull(_int), null, "The fewest independent sources of any hop."));
        _path.AddField(new FieldType
        {
            Name = "explanation", ResolvedType = NonNull(_string), Resolver = PathExplainer.Resolver,
            Description = "One plain-language line: who is linked to whom, how, where and when, with each hop's confidence and report chain.",
        });

        _pathEdge.AddField(new FieldType { Name = "cursor", ResolvedType = NonNull(_string), Resolver = CursorResolver.Instance, Description = "Opaque keyset cursor." });
        _pathEdge.AddField(Field("node", NonNull(_path), null, "The path.", Resolvers.ByResponseKey));
        _pathConnection.AddField(new FieldType { Name = "edges", ResolvedType = new ListGraphType(NonNull(_pathEdge)), Resolver = ConnectionPageResolver.Edges, Description = "The paths of this page with cursors." });
        _pathConnection.AddField(new FieldType { Name = "nodes", ResolvedType = new ListGraphType(NonNull(_path)), Resolver = ConnectionPageResolver.Nodes, Description = "The paths of this page." });
        _pathConnection.AddField(new FieldType { Name = "pageInfo", ResolvedType = NonNull(_pageInfo), Resolver = ConnectionPageResolver.PageInfo, Description = "Paging information; hasNextPage is the flag that more paths exist." });
        _pathConnection.AddField(new FieldType { Name = "totalCount", ResolvedType = NonNull(_int), Resolver = ConnectionPageResolver.TotalCount, Description = "All paths found (distinct node sequences)." });
        _pathConnection.AddField(new FieldType { Name = "network", ResolvedType = NonNull(_network), Resolver = ConnectionPageResolver.Extra, Description = "The nodes and relationships of this page's paths as one deduplicated network." });

        _networkNode.AddField(new FieldType { Name = "id", ResolvedType = NonNull(_id), Resolver = Resolvers.NodeGlobalId(_model), Description = "Global id of the entity (node(id) refetches it)." });
        _networkNode.AddField(Field("key", NonNull(_string), null, "Readable key."));
        _networkNode.AddField(Field("name", NonNull(_string), null, "Display name."));
        _networkNode.AddField(Field("kind", NonNull(_kind), null, "The entity's kind.", Resolvers.Kind(_model)));
        _networkNode.AddField(Field("entity", NonNull(_entity), null, "The entity, for any further fields."));
        _networkEdge.AddField(new FieldType { Name = "id", ResolvedType = NonNull(_id), Resolver = Resolvers.RelationshipGlobalId, Description = "Global id of the relationship (node(id) refetches it)." });
        _networkEdge.AddField(Field("type", NonNull(_relType), null, "Relationship type."));
        _networkEdge.AddField(new FieldType { Name = "source", ResolvedType = NonNull(_id), Resolver = Resolvers.EndpointGlobalId("source", _model), Description = "Global id of the start node (a NetworkNode id)." });
        _networkEdge.AddField(new FieldType { Name = "target", ResolvedType = NonNull(_id), Resolver = Resolvers.EndpointGlobalId("target", _model), Description = "Global id of the end node (a NetworkNode id)." });
        _networkEdge.AddField(Field("fromKey", NonNull(_string), null, "Key of the start node."));
        _networkEdge.AddField(Field("toKey", NonNull(_string), null, "Key of the end node."));
        AddProvenance(_networkEdge);
        _network.AddField(Field("nodes", NonNull(new ListGraphType(NonNull(_networkNode))), null, "Distinct nodes, ordered by key."));
        _network.AddField(Field("edges", NonNull(new ListGraphType(NonNull(_networkEdge))), null, "Distinct relationships between those nodes."));

        _mediationKind.Add("EXPLICIT", "explicit", "A MEDIATES fact on a conflict, meeting or proposal involving both sides.");
        _mediationKind.Add("CHANNEL", "channel", "The entity attended a meeting both sides attend, or drafted a proposal both sides shape.");
        _mediationEvidence.AddField(Field("kind", NonNull(_mediationKind), null, "Explicit mediation or a seat on a channel."));
        _mediationEvidence.AddField(Field("relationship", NonNull(_relationship), null, "The fact: the mediator's MEDIATES, ATTENDED or DRAFTED relationship, with provenance."));
        _mediationEvidence.AddField(Field("via", NonNull(_entity), null, "The conflict, meeting or proposal it concerns."));
        _mediationEvidence.AddField(Field("weight", NonNull(_float), null, "This fact's contribution to the score.", Resolvers.Score));
        _mediator.AddField(Field("entity", NonNull(_entity), null, "The third party (a person, country or organization; never an event, conflict, document or claim)."));
        _mediator.AddField(Field("score", NonNull(_float), null, Evidence.MediatorScoreDescription, Resolvers.Score));
        _mediator.AddField(Field("evidence", NonNull(new ListGraphType(NonNull(_mediationEvidence))), null, "The facts behind the score, strongest first."));

        _factKind.Add("CLAIM", "claim", "A Claim node.");
        _factKind.Add("RELATIONSHIP", "relationship", "A relationship fact.");
        _factKind.Add("FACT", "fact", "A Fact node (a property of an entity with its own provenance).");
        _contradictionSide.AddField(Field("kind", NonNull(_factKind), null, "Claim, relationship fact or node fact."));
        _contradictionSide.AddField(Field("key", NonNull(_string), null, "The claim's or Fact node's key, or the relationship's TYPE|from|to identity."));
        _contradictionSide.AddField(Field("text", NonNull(_string), null, "What it says: the claim's text, or the fact as a sentence."));
        _contradictionSide.AddField(Field("statedBy", NonNull(new ListGraphType(NonNull(_entity))), null, "Who stated it (claims)."));
        _contradictionSide.AddField(Field("claim", _types["Claim"], null, "The claim, when the side is a claim."));
        _contradictionSide.AddField(Field("relationship", _relationship, null, "The relationship, when the side is a relationship fact."));
        foreach (var p in Model.KgModel.RelationshipProperties.Where(p => p.Name is not "note"))
            _contradictionSide.AddField(Field(p.Name, PropertyType(p), null, p.Description));
        _contradiction.AddField(Field("a", NonNull(_contradictionSide), null, "One side."));
        _contradiction.AddField(Field("b", NonNull(_contradictionSide), null, "The side opposing it."));
        _contradiction.AddField(Field("note", _string, null, "Why they conflict, where the graph says (the CONTRADICTS relationship's note)."));
    }

    internal const string RelationshipTypeName = "Relationship";
}
