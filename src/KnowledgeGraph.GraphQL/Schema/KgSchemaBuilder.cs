using GraphQL.Resolvers;
using GraphQL.Types;
using KnowledgeGraph.GraphQL.Model;

namespace KnowledgeGraph.GraphQL.Schema;

/// <summary>
/// Generates the GraphQL schema from the knowledge model: one object type per label implementing <c>Node</c> and
/// <c>Entity</c>, connections with provenance edges, HotChocolate-style filter and sort inputs, the mediation
/// types, and the curator mutations. Every type instance is created once and linked by reference.
/// </summary>
internal sealed partial class KgSchemaBuilder
{
    private readonly KgModel _model;
    private readonly IFieldResolver _rootResolver;
    private readonly IFieldResolver _mutationResolver;

    // Built-in scalars, one instance each, so the schema sees one type per name.
    private readonly StringGraphType _string = new();
    private readonly IntGraphType _int = new();
    private readonly FloatGraphType _float = new();
    private readonly BooleanGraphType _boolean = new();
    private readonly IdGraphType _id = new();

    private readonly InterfaceGraphType _node = new() { Name = "Node", Description = "An object with a global id (Relay)." };
    private readonly InterfaceGraphType _entity = new() { Name = "Entity", Description = "A node of the knowledge graph." };
    private readonly EnumerationGraphType _kind = new() { Name = "EntityKind", Description = "The kinds (labels) of entities." };
    private readonly EnumerationGraphType _relType = new() { Name = "RelationshipType", Description = "The relationship types of the model." };
    private readonly EnumerationGraphType _sortEnum = new() { Name = "SortEnumType", Description = "Sort direction." };
    private readonly ObjectGraphType _pageInfo = new() { Name = "PageInfo", Description = "Information about pagination in a connection." };
    private readonly Dictionary<string, ObjectGraphType> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ObjectGraphType> _connections = new(StringComparer.Ordinal);

    public KgSchemaBuilder(KgModel model, IFieldResolver rootResolver, IFieldResolver mutationResolver)
    {
        _model = model;
        _rootResolver = rootResolver;
        _mutationResolver = mutationResolver;
    }

    /// <summary>Builds and initializes the schema.</summary>
    public global::GraphQL.Types.Schema Build()
    {
        BuildEnums();
        BuildVocabularies();
        BuildPageInfo();
        BuildScalarFilters();
        foreach (var label in _model.Labels)
            _types[label.Label] = new ObjectGraphType { Name = label.Label, Description = label.Description };
        foreach (var label in _model.Labels) BuildFilterAndSort(label.Label);
        BuildFilterAndSort(EntityName);
        BuildEdgeFilterAndSort();
        foreach (var label in _model.Labels) BuildConnection(label.Label, _types[label.Label]);
        BuildConnection(EntityName, _entity);
        BuildRelationFilters();
        BuildInterfaces();
        foreach (var label in _model.Labels) BuildObjectType(label);
        BuildAnalysisTypes();
        BuildRelationshipConnection();
        BuildSearchConnection();

        var schema = new global::GraphQL.Types.Schema
        {
            Query = BuildQuery(),
            Mutation = BuildMutation(),
            Subscription = BuildSubscription(),
            Description = "KnowledgeGraph: diplomacy around the war in Ukraine.",
        };
        foreach (var t in _types.Values) schema.RegisterType(t);
        schema.RegisterType(_relationship); // reachable through Node only from node(id)
        schema.Initialize();
        return schema;
    }

    private const string EntityName = "Entity";

    private void BuildEnums()
    {
        foreach (var label in _model.Labels) _kind.Add(label.KindValue, label.Label, label.Description);
        foreach (var r in _model.Relationships) _relType.Add(r.Type, r.Type, r.Description);
        _sortEnum.Add("ASC", "ASC", "Ascending.");
        _sortEnum.Add("DESC", "DESC", "Descending.");
    }

    private void BuildPageInfo()
    {
        _pageInfo.AddField(new FieldType { Name = "hasNextPage", ResolvedType = NonNull(_boolean), Resolver = PageInfoResolver(p => p.HasNextPage), Description = "More items follow the last edge." });
        _pageInfo.AddField(new FieldType { Name = "hasPreviousPage", ResolvedType = NonNull(_boolean), Resolver = PageInfoResolver(p => p.HasPreviousPage), Description = "Items precede the first edge." });
        _pageInfo.AddField(new FieldType { Name = "startCursor", ResolvedType = _string, Resolver = PageInfoResolver(p => p.StartCursor), Description = "Cursor of the first edge." });
        _pageInfo.AddField(new FieldType { Name = "endCursor", ResolvedType = _string, Resolver = PageInfoResolver(p => p.EndCursor), Description = "Cursor of the last edge." });
    }

    private static FuncFieldResolver<object?> PageInfoResolver(Func<PageInfo, object?> read) =>
        new(context => context.Source is PageInfo p ? read(p) : null);

    private void BuildInterfaces()
    {
        _node.AddField(new FieldType { Name = "id", ResolvedType = NonNull(_id), Description = "Opaque global id." });
        _node.ResolveType = ResolveByLabel;
        _entity.ResolveType = ResolveByLabel;
        _node.Metadata[TypedByLabel] = true;
        _entity.Metadata[TypedByLabel] = true;
        foreach (var f in CommonFields())
        {
            f.Resolver = null; // interface fields resolve on the concrete type
            _entity.AddField(f);
        }
        _entity.AddResolvedInterface(_node); // after the fields: GraphQL.NET checks them here
    }

    /// <summary>
    /// Metadata flag of the types that decide by <see cref="ResolveByLabel"/>: the abstract types whose ResolveType it
    /// is, and the object types whose IsTypeOf tests the same thing (an entity type: the value's model label is its
    /// own; Relationship: <c>__t</c> is "Relationship"). Invariant: when a flagged abstract type resolves a value to a
    /// flagged object type, that type's IsTypeOf accepts the value, so the direct path need not ask again.
    /// </summary>
    internal const string TypedByLabel = "kg.typedByLabel";

    // __t holds the node's labels (a list); the first one that is a model label names the type.
    private IObjectGraphType? ResolveByLabel(object value) =>
        Resolvers.LabelOf(value, _model) is { } label ? _types[label]
        : value is IReadOnlyDictionary<string, object?> m && m.GetValueOrDefault("__t") as string == RelationshipTypeName ? _relationship
        : null;

    /// <summary>Fields every entity has (the Entity interface), fresh instances per type.</summary>
    private IEnumerable<FieldType> CommonFields()
    {
        yield return Field("id", NonNull(_id), new IdSpec(), "Opaque global id.", Resolvers.GlobalId);
        yield return Field("key", NonNull(_string), new PropertySpec(new("key", KgScalar.String)), "Unique readable key, e.g. country:us.");
        yield return Field("name", NonNull(_string), new PropertySpec(new("name", KgScalar.String)), "Display name.");
        yield return Field("aliases", NonNull(new ListGraphType(NonNull(_string))), new PropertySpec(new("aliases", KgScalar.StringList)), "Alternative and foreign spellings.");
        yield return Field("kind", NonNull(_kind), new KindSpec(), "The entity's kind (label).", Resolvers.Kind(_model));
        yield return Field("description", _string, new PropertySpec(new("description", KgScalar.String)), "Short English description.");
        yield return ConnectionField("documents", "Document", new DocumentsSpec(), "Documents that mention this entity.");
        yield return Field("sources", NonNull(new ListGraphType(NonNull(_types["Source"]))), new SourcesSpec(), "Sources that published documents mentioning this entity.");
    }

    private void BuildObjectType(KgLabel label)
    {
        var type = _types[label.Label];
        type.IsTypeOf = value => Resolvers.LabelOf(value, _model) == label.Label;
        type.Metadata[TypedByLabel] = true;
        foreach (var f in CommonFields()) type.AddField(f);
        foreach (var p in label.Properties.Where(p => !type.HasField(p.Name)))
            type.AddField(Field(p.Name, PropertyType(p), new PropertySpec(p), p.Description));
        foreach (var (rel, outgoing) in _model.FieldsOf(label.Label))
        {
            var name = outgoing ? rel.OutField : rel.InField;
            if (type.HasField(name)) continue; // a field name shared by two relationship types keeps the first
            var targets = outgoing ? rel.To : rel.From;
            var target = targets.Count == 1 ? _model.LabelsByName[targets[0]] : null;
            type.AddField(ConnectionField(name, target?.Label ?? EntityName, new RelationshipSpec(rel, outgoing, target), rel.Description));
        }
        type.AddResolvedInterface(_node);
        type.AddResolvedInterface(_entity);
    }

    private FieldType ConnectionField(string name, string target, FieldSpec spec, string description)
    {
        var field = Field(name, NonNull(_connections[target]), spec, description, ConnectionPageResolver.Instance);
        field.Arguments = PagingArguments(target);
        if (spec is RelationshipSpec)
        {
            field.Arguments.Add(new QueryArgument(_edgeFilter) { Name = "edgeWhere", Description = "Filter on the relationship's own properties (confidence, tier, independentSources, date, ...), as @neo4j/graphql's edge filters." });
            field.Arguments.Add(new QueryArgument(new ListGraphType(NonNull(_edgeSort))) { Name = "edgeOrder", Description = "Sort by the relationship's properties first (then by order, then the key)." });
        }
        return field;
    }

    private QueryArguments PagingArguments(string target) => new(
        new QueryArgument(_filters[target]) { Name = "where", Description = "Filter (HotChocolate style)." },
        new QueryArgument(new ListGraphType(NonNull(_sorts[target]))) { Name = "order", Description = "Sort keys, in priority order; the key breaks ties." },
        new QueryArgument(_int) { Name = "first", Description = "Page size from the start (default 50, max 200)." },
        new QueryArgument(_string) { Name = "after", Description = "Cursor to continue after." },
        new QueryArgument(_int) { Name = "last", Description = "Page size from the end." },
        new QueryArgument(_string) { Name = "before", Description = "Cursor to continue before." });

    private void BuildConnection(string target, IGraphType nodeType)
    {
        var edge = new ObjectGraphType { Name = target + "Edge", Description = "An edge: the node and the provenance of the relationship leading to it (null on root lists)." };
        edge.AddField(new FieldType { Name = "cursor", ResolvedType = NonNull(_string), Resolver = CursorResolver.Instance, Description = "Opaque keyset cursor." });
        edge.AddField(Field("node", NonNull(nodeType), null, "The node.", Resolvers.ByResponseKey));
        edge.AddField(Field("type", _relType, null, "The relationship type (null on root lists)."));
        AddProvenance(edge);
        var connection = new ObjectGraphType { Name = target + "Connection", Description = "A page of " + target + " nodes (Relay connection)." };
        connection.AddField(new FieldType { Name = "edges", ResolvedType = new ListGraphType(NonNull(edge)), Resolver = ConnectionPageResolver.Edges, Description = "The edges of this page." });
        connection.AddField(new FieldType { Name = "nodes", ResolvedType = new ListGraphType(NonNull(nodeType)), Resolver = ConnectionPageResolver.Nodes, Description = "The nodes of this page." });
        connection.AddField(new FieldType { Name = "pageInfo", ResolvedType = NonNull(_pageInfo), Resolver = ConnectionPageResolver.PageInfo, Description = "Paging information." });
        connection.AddField(new FieldType { Name = "totalCount", ResolvedType = NonNull(_int), Resolver = ConnectionPageResolver.TotalCount, Description = "All matching items (counted only when selected)." });
        connection.AddField(new FieldType { Name = "aggregate", ResolvedType = NonNull(_aggregate), Resolver = ConnectionPageResolver.Aggregate, Description = "Aggregates over all matching items (as @neo4j/graphql's connection aggregate)." });
        _connections[target] = connection;
    }

    private void AddProvenance(ObjectGraphType type)
    {
        foreach (var p in KgModel.RelationshipProperties.Concat(_model.ExtraRelationshipProperties))
            type.AddField(Field(p.Name, PropertyType(p), null, p.Description));
    }

    /// <summary>The GraphQL type of a property: vocabularies are enums, dates the PartialDate scalar.</summary>
    private IGraphType PropertyType(KgProperty p) => p.Kind switch
    {
        KgScalar.Int => _int,
        KgScalar.Float => _float,
        KgScalar.Boolean => _boolean,
        KgScalar.StringList => new ListGraphType(NonNull(_string)),
        KgScalar.Date => _date,
        KgScalar.Enum => _enums[p.Vocabulary!.Name],
        _ => _string,
    };

    private static FieldType Field(string name, IGraphType type, FieldSpec? spec, string? description, IFieldResolver? resolver = null)
    {
        var field = new FieldType { Name = name, ResolvedType = type, Description = description, Resolver = resolver ?? Resolvers.ByResponseKey };
        if (spec is not null) field.Metadata[FieldSpec.Key] = spec;
        return field;
    }

    private static NonNullGraphType NonNull(IGraphType type) => new(type);
}
