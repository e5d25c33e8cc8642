using GraphQL.Types;
using KnowledgeGraph.GraphQL.Model;

namespace KnowledgeGraph.GraphQL.Schema;

internal sealed partial class KgSchemaBuilder
{
    private readonly Dictionary<string, InputObjectGraphType> _filters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InputObjectGraphType> _sorts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InputObjectGraphType> _relationFilters = new(StringComparer.Ordinal);
    private readonly Dictionary<KgScalar, InputObjectGraphType> _scalarFilters = [];
    private readonly InputObjectGraphType _kindFilter = new() { Name = "EntityKindOperationFilterInput", Description = "Filter on the entity kind." };

    private void BuildScalarFilters()
    {
        var str = Input("StringOperationFilterInput", "Filter on a string.");
        AddLogical(str);
        foreach (var op in new[] { "eq", "neq", "contains", "ncontains", "startsWith", "nstartsWith", "endsWith", "nendsWith", "gt", "gte", "lt", "lte" })
            str.AddField(new FieldType { Name = op, ResolvedType = _string });
        str.AddField(new FieldType { Name = "in", ResolvedType = new ListGraphType(_string) });
        str.AddField(new FieldType { Name = "nin", ResolvedType = new ListGraphType(_string) });
        _scalarFilters[KgScalar.String] = str;

        _scalarFilters[KgScalar.Int] = Comparable("IntOperationFilterInput", _int);
        _scalarFilters[KgScalar.Float] = Comparable("FloatOperationFilterInput", _float);
        var boolean = Input("BooleanOperationFilterInput", "Filter on a boolean.");
        boolean.AddField(new FieldType { Name = "eq", ResolvedType = _boolean });
        boolean.AddField(new FieldType { Name = "neq", ResolvedType = _boolean });
        _scalarFilters[KgScalar.Boolean] = boolean;

        var list = Input("ListStringOperationFilterInput", "Filter on a list of strings.");
        list.AddField(new FieldType { Name = "some", ResolvedType = str, Description = "Some element matches." });
        list.AddField(new FieldType { Name = "all", ResolvedType = str, Description = "Every element matches." });
        list.AddField(new FieldType { Name = "none", ResolvedType = str, Description = "No element matches." });
        list.AddField(new FieldType { Name = "any", ResolvedType = _boolean, Description = "true: the list is not empty; false: it is empty." });
        _scalarFilters[KgScalar.StringList] = list;

        _kindFilter.AddField(new FieldType { Name = "eq", ResolvedType = _kind });
        _kindFilter.AddField(new FieldType { Name = "neq", ResolvedType = _kind });
        _kindFilter.AddField(new FieldType { Name = "in", ResolvedType = new ListGraphType(NonNull(_kind)) });
        _kindFilter.AddField(new FieldType { Name = "nin", ResolvedType = new ListGraphType(NonNull(_kind)) });
    }

    private InputObjectGraphType Comparable(string name, IGraphType scalar)
    {
        var t = Input(name, "Filter on a number.");
        AddLogical(t);
        foreach (var op in new[] { "eq", "neq", "gt", "gte", "lt", "lte" })
            t.AddField(new FieldType { Name = op, ResolvedType = scalar });
        t.AddField(new FieldType { Name = "in", ResolvedType = new ListGraphType(scalar) });
        t.AddField(new FieldType { Name = "nin", ResolvedType = new ListGraphType(scalar) });
        return t;
    }

    private static void AddLogical(InputObjectGraphType t)
    {
        t.AddField(new FieldType { Name = "and", ResolvedType = new ListGraphType(new NonNullGraphType(t)), Description = "Every filter holds." });
        t.AddField(new FieldType { Name = "or", ResolvedType = new ListGraphType(new NonNullGraphType(t)), Description = "At least one filter holds." });
    }

    private static InputObjectGraphType Input(string name, string description) => new() { Name = name, Description = description };

    /// <summary>Creates <c>XFilterInput</c> and <c>XSortInput</c>; relationship filter fields are added later.</summary>
    private void BuildFilterAndSort(string target)
    {
        var filter = Input(target + "FilterInput", "Filter on " + target + " (HotChocolate style).");
        AddLogical(filter);
        filter.AddField(new FieldType { Name = "not", ResolvedType = filter, Description = "The filter does not hold." });
        var sort = Input(target + "SortInput", "Sort key for " + target + "; set exactly one field.");
        foreach (var p in SortableAndFilterable(target))
        {
            filter.AddField(new FieldType { Name = p.Name, ResolvedType = FilterOf(p) });
            if (p.Kind != KgScalar.StringList)
                sort.AddField(new FieldType { Name = p.Name, ResolvedType = _sortEnum });
        }
        filter.AddField(new FieldType { Name = "kind", ResolvedType = _kindFilter });
        _filters[target] = filter;
        _sorts[target] = sort;
        _relationFilters[target] = Input(target + "RelationFilterInput", "Filter on the related " + target + " nodes.");
    }

    /// <summary>key, name, aliases, then the label's own properties.</summary>
    internal IEnumerable<KgProperty> SortableAndFilterable(string target)
    {
        yield return new KgProperty("key", KgScalar.String);
        yield return new KgProperty("name", KgScalar.String);
        yield return new KgProperty("aliases", KgScalar.StringList);
        if (_model.LabelsByName.TryGetValue(target, out var label))
            foreach (var p in label.Properties) yield return p;
    }

    /// <summary>Relation filters (some/all/none/any) and the relationship fields of every label filter.</summary>
    private void BuildRelationFilters()
    {
        foreach (var (target, relFilter) in _relationFilters)
        {
            relFilter.AddField(new FieldType { Name = "some", ResolvedType = _filters[target], Description = "Some related node matches." });
            relFilter.AddField(new FieldType { Name = "all", ResolvedType = _filters[target], Description = "Every related node matches." });
            relFilter.AddField(new FieldType { Name = "none", ResolvedType = _filters[target], Description = "No related node matches." });
            relFilter.AddField(new FieldType { Name = "any", ResolvedType = _boolean, Description = "true: at least one related node; false: none." });
        }
        foreach (var label in _model.Labels)
        {
            var filter = _filters[label.Label];
            foreach (var (rel, outgoing) in _model.FieldsOf(label.Label))
            {
                var name = outgoing ? rel.OutField : rel.InField;
                if (filter.HasField(name)) continue;
                var targets = outgoing ? rel.To : rel.From;
                var target = targets.Count == 1 ? targets[0] : EntityName;
                var field = new FieldType { Name = name, ResolvedType = _relationFilters[target], Description = "Filter on " + name + "." };
                field.Metadata[FieldSpec.Key] = new RelationshipSpec(rel, outgoing, targets.Count == 1 ? _model.LabelsByName[targets[0]] : null);
                filter.AddField(field);
            }
        }
    }
}
