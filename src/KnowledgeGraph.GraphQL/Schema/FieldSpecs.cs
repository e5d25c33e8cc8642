using KnowledgeGraph.GraphQL.Model;

namespace KnowledgeGraph.GraphQL.Schema;

/// <summary>
/// What a schema field means to the Cypher compiler; attached to each generated field as metadata under
/// <see cref="Key"/>. Fields without a spec (connections, edges) are structural and handled by their parent.
/// </summary>
internal abstract record FieldSpec
{
    public const string Key = "kg.spec";
}

/// <summary><c>id</c>: the node's key, encoded as a global id by the resolver.</summary>
internal sealed record IdSpec : FieldSpec;

/// <summary><c>kind</c>: the node's label.</summary>
internal sealed record KindSpec : FieldSpec;

/// <summary>A stored node property.</summary>
internal sealed record PropertySpec(KgProperty Property) : FieldSpec;

/// <summary>A relationship connection; <see cref="Target"/> null means the target is any entity.</summary>
internal sealed record RelationshipSpec(KgRelationship Relationship, bool Outgoing, KgLabel? Target) : FieldSpec;

/// <summary><c>Entity.documents</c>: documents with a MENTIONS relationship to the node.</summary>
internal sealed record DocumentsSpec : FieldSpec;

/// <summary><c>Entity.sources</c>: the sources that published those documents.</summary>
internal sealed record SourcesSpec : FieldSpec;

/// <summary>Root fields, dispatched by <see cref="Kind"/>; <see cref="Label"/> for per-kind lists.</summary>
internal sealed record RootSpec(RootKind Kind, KgLabel? Label = null) : FieldSpec;

internal enum RootKind
{
    List,
    Entity,
    Node,
    Nodes,
    Search,
    SearchPage,
    Paths,
    ShortestPath,
    Mediators,
    Network,
    Contradictions,
    Relationships,
    UpsertEntity,
    Relate,
    Unrelate,
    AddClaim,
    DeleteEntity,
}
