using GraphQL.Types;
using KnowledgeGraph.GraphQL.Model;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.GraphQL.Schema;

/// <summary>Enums from the model's closed vocabularies, their filters, the date filter, and edge filters and sorts.</summary>
internal sealed partial class KgSchemaBuilder
{
    private readonly Dictionary<string, EnumerationGraphType> _enums = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InputObjectGraphType> _enumFilters = new(StringComparer.Ordinal);
    private readonly PartialDateGraphType _date = new();
    private readonly InputObjectGraphType _edgeFilter = new() { Name = "RelationshipFilterInput", Description = "Filter on relationships by their own properties (provenance), type and endpoints." };
    private readonly InputObjectGraphType _edgeSort = new() { Name = "RelationshipSortInput", Description = "Sort key for relationships; set exactly one field. Ordered vocabularies sort in their order (confidence: confirmed first)." };
    private readonly InputObjectGraphType _relTypeFilter = new() { Name = "RelationshipTypeOperationFilterInput", Description = "Filter on the relationship type." };

    private EnumerationGraphType _confidence => _enums[Vocabularies.Confidence.Name];

    /// <summary>The GraphQL enum value of a vocabulary value: <c>co-drafter</c> → <c>CO_DRAFTER</c>.</summary>
    internal static string EnumName(string value) => value.ToUpperInvariant().Replace('-', '_');

    private void BuildVocabularies()
    {
        foreach (var v in Vocabularies.All)
        {
            var e = new EnumerationGraphType { Name = v.Name, Description = v.Description + (v.Ordered ? " Ordered: " + string.Join(" > ", v.Values) + "." : "") };
            foreach (var value in v.Values) e.Add(EnumName(value), value, "Stored as '" + value + "'.");
            _enums[v.Name] = e;
            var f = Input(v.Name + "OperationFilterInput", "Filter on " + v.Name + "; an unknown value is a validation error.");
            f.AddField(new FieldType { Name = "eq", ResolvedType = e, Description = "Equal." });
            f.AddField(new FieldType { Name = "neq", ResolvedType = e, Description = "Not equal." });
            f.AddField(new FieldType { Name = "in", ResolvedType = new ListGraphType(NonNull(e)), Description = "One of." });
            f.AddField(new FieldType { Name = "nin", ResolvedType = new ListGraphType(NonNull(e)), Description = "None of." });
            if (v.Ordered)
            {
                f.AddField(new FieldType { Name = "gte", ResolvedType = e, Description = "This value or one before it in the order (" + string.Join(" > ", v.Values) + "): confidence gte REPORTED is confirmed or reported." });
                f.AddField(new FieldType { Name = "gt", ResolvedType = e, Description = "A value before this one in the order." });
                f.AddField(new FieldType { Name = "lte", ResolvedType = e, Description = "This value or one after it in the order." });
                f.AddField(new FieldType { Name = "lt", ResolvedType = e, Description = "A value after this one in the order." });
            }
            _enumFilters[v.Name] = f;
        }
        var date = Input("PartialDateOperationFilterInput", "Filter on a partial date, by interval overlap (see the PartialDate scalar).");
        foreach (var (op, text) in new[]
        {
            ("eq", "The intervals overlap."), ("neq", "The intervals do not overlap."), ("gte", "Some day is on or after the value's first day."),
            ("gt", "Some day is after the value's last day."), ("lte", "Some day is on or before the value's last day."), ("lt", "Some day is before the value's first day."),
        })
            date.AddField(new FieldType { Name = op, ResolvedType = _date, Description = text });
        _scalarFilters[KgScalar.Date] = date;
        _relTypeFilter.AddField(new FieldType { Name = "eq", ResolvedType = _relType, Description = "Equal." });
        _relTypeFilter.AddField(new FieldType { Name = "neq", ResolvedType = _relType, Description = "Not equal." });
        _relTypeFilter.AddField(new FieldType { Name = "in", ResolvedType = new ListGraphType(NonNull(_relType)), Description = "One of." });
        _relTypeFilter.AddField(new FieldType { Name = "nin", ResolvedType = new ListGraphType(NonNull(_relType)), Description = "None of." });
    }

    /// <summary>The filter input of a property: by vocabulary for enums, by interval for dates.</summary>
    private InputObjectGraphType FilterOf(KgProperty p) =>
        p.Kind == KgScalar.Enum ? _enumFilters[p.Vocabulary!.Name] : _scalarFilters[p.Kind];

    private void BuildEdgeFilterAndSort()
    {
        AddLogical(_edgeFilter);
        _edgeFilter.AddField(new FieldType { Name = "not", ResolvedType = _edgeFilter, Description = "The filter does not hold." });
        _edgeFilter.AddField(new FieldType { Name = "type", ResolvedType = _relTypeFilter, Description = "The relationship type." });
        foreach (var p in KgModel.RelationshipProperties.Concat(_model.ExtraRelationshipProperties))
        {
            _edgeFilter.AddField(new FieldType { Name = p.Name, ResolvedType = FilterOf(p), Description = p.Description });
            if (p.Kind != KgScalar.StringList)
                _edgeSort.AddField(new FieldType { Name = p.Name, ResolvedType = _sortEnum, Description = p.Description });
        }
        _edgeFilter.AddField(new FieldType { Name = "from", ResolvedType = _filters[EntityName], Description = "The start node (root relationships list only)." });
        _edgeFilter.AddField(new FieldType { Name = "to", ResolvedType = _filters[EntityName], Description = "The end node (root relationships list only)." });
        _edgeSort.AddField(new FieldType { Name = "type", ResolvedType = _sortEnum, Description = "The relationship type." });
    }

    private readonly ObjectGraphType _relationshipConnection = new() { Name = "RelationshipConnection", Description = "A page of relationships (Relay connection)." };
    private readonly ObjectGraphType _relationshipEdge = new() { Name = "RelationshipEdge", Description = "A relationship and its cursor." };
    private readonly ObjectGraphType _searchConnection = new() { Name = "SearchConnection", Description = "A page of search results, best match first." };
    private readonly ObjectGraphType _searchEdge = new() { Name = "SearchEdge", Description = "A search result: the entity, its score, the fulltext index's relevance and the name or alias that matched." };

    private void BuildRelationshipConnection()
    {
        _relationshipEdge.AddField(new FieldType { Name = "cursor", ResolvedType = NonNull(_string), Resolver = CursorResolver.Instance, Description = "Opaque keyset cursor." });
        _relationshipEdge.AddField(Field("node", NonNull(_relationship), null, "The relationship.", Resolvers.ByResponseKey));
        AddConnectionFields(_relationshipConnection, _relationshipEdge, _relationship, "relationships");
    }

    private void BuildSearchConnection()
    {
        _searchEdge.AddField(new FieldType { Name = "cursor", ResolvedType = NonNull(_string), Resolver = CursorResolver.Instance, Description = "Opaque keyset cursor." });
        _searchEdge.AddField(Field("node", NonNull(_entity), null, "The entity.", Resolvers.ByResponseKey));
        _searchEdge.AddField(Field("score", NonNull(_float), null, Compilation.KgCompiler.SearchScoreDescription));
        _searchEdge.AddField(Field("relevance", NonNull(_float), null, Compilation.KgCompiler.SearchRelevanceDescription));
        _searchEdge.AddField(Field("matched", NonNull(_string), null, "The name or alias that matched best, as stored."));
        AddConnectionFields(_searchConnection, _searchEdge, _entity, "entities");
    }

    private void AddConnectionFields(ObjectGraphType connection, ObjectGraphType edge, IGraphType node, string what)
    {
        connection.AddField(new FieldType { Name = "edges", ResolvedType = new ListGraphType(NonNull(edge)), Resolver = ConnectionPageResolver.Edges, Description = "The edges of this page." });
        connection.AddField(new FieldType { Name = "nodes", ResolvedType = new ListGraphType(NonNull(node)), Resolver = ConnectionPageResolver.Nodes, Description = "The " + what + " of this page." });
        connection.AddField(new FieldType { Name = "pageInfo", ResolvedType = NonNull(_pageInfo), Resolver = ConnectionPageResolver.PageInfo, Description = "Paging information." });
        connection.AddField(new FieldType { Name = "totalCount", ResolvedType = NonNull(_int), Resolver = ConnectionPageResolver.TotalCount, Description = "All matching " + what + " (counted only when selected)." });
        connection.AddField(new FieldType { Name = "aggregate", ResolvedType = NonNull(_aggregate), Resolver = ConnectionPageResolver.Aggregate, Description = "Aggregates over all matching " + what + "." });
    }
}
