using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;

namespace KnowledgeGraph.GraphQL.Execution.Direct;

/// <summary>One field of a collected selection: its response key (and that key as the writer's property name, escaped
/// once with the response writer's encoder, as <c>WritePropertyName(string)</c> would escape it each time), its node and
/// definition, and the arguments its resolver reads (a connection reads only whether <c>after</c> / <c>before</c> are
/// given).</summary>
internal sealed record PlannedField(string Key, JsonEncodedText Name, GraphQLField Ast, FieldType? Definition, IDictionary<string, ArgumentValue> Arguments,
    bool HasAfter, bool HasBefore)
{
    /// <summary><c>__typename</c>: the name of the object type, no resolver.</summary>
    public bool IsTypeName => Definition is null;

    /// <summary>The field's resolver is <see cref="Schema.Resolvers.ByResponseKey"/>: its value is the source map's
    /// entry under <see cref="Key"/> (the response key that resolver reads), so the walk reads it itself.</summary>
    public bool ReadsMap { get; } = ReferenceEquals(Definition?.Resolver, Schema.Resolvers.ByResponseKey);
}

/// <summary>The fields a selection set yields on one object type, in response order.</summary>
internal sealed record CollectedFields(PlannedField[] Fields, bool HasGraphField);

/// <summary>
/// Field collection as GraphQL.NET executes it (fragments whose type condition the object type meets, literal
/// <c>@skip</c>/<c>@include</c>), per (selection set, object type), cached: a cached document is immutable, so the
/// result depends on nothing else. Null means the direct path cannot follow the selection (a variable in a directive
/// or in <c>after</c>/<c>before</c>, another directive, a response key whose sub-selections GraphQL would merge,
/// introspection, a field without resolver, or a root field that is not compiled to Cypher).
/// </summary>
internal sealed class FieldPlans(ISchema schema, RootFieldResolver root, JavaScriptEncoder? encoder, int capacity = 4096)
{
    private static readonly IDictionary<string, ArgumentValue> NoArguments = new Dictionary<string, ArgumentValue>();

    private readonly ConcurrentDictionary<Key, CollectedFields?> _cache = new();

    private readonly record struct Key(GraphQLSelectionSet Set, IObjectGraphType Type)
    {
        public bool Equals(Key other) => ReferenceEquals(Set, other.Set) && ReferenceEquals(Type, other.Type);

        public override int GetHashCode() => HashCode.Combine(RuntimeHelpers.GetHashCode(Set), RuntimeHelpers.GetHashCode(Type));
    }

    /// <summary>The fields of <paramref name="set"/> on <paramref name="type"/>, or null when the direct path must decline.</summary>
    public CollectedFields? Collect(GraphQLDocument document, GraphQLSelectionSet set, IObjectGraphType type)
    {
        var key = new Key(set, type);
        if (_cache.TryGetValue(key, out var hit)) return hit;
        var fields = new List<PlannedField>();
        var collected = Into(document, set, type, fields, []) ? new CollectedFields([.. fields], fields.Any(f => !f.IsTypeName)) : null;
        if (_cache.Count >= capacity) _cache.Clear();
        _cache.TryAdd(key, collected);
        return collected;
    }

    private bool Into(GraphQLDocument document, GraphQLSelectionSet set, IObjectGraphType type, List<PlannedField> fields, HashSet<string> keys)
    {
        var isRoot = ReferenceEquals(type, schema.Query);
        foreach (var selection in set.Selections)
        {
            if (Included(selection is IHasDirectivesNode d ? d.Directives : null) is not { } included) return false;
            if (!included) continue;
            switch (selection)
            {
                case GraphQLField field:
                    var name = field.Name.StringValue;
                    var responseKey = (field.Alias?.Name ?? field.Name).StringValue;
                    if (!keys.Add(responseKey))
                    {
                        // A repeated leaf has the same value in the first position; repeated selections would merge.
                        if (field.SelectionSet is not null) return false;
                        continue;
                    }
                    if (name == "__typename")
                    {
                        fields.Add(new PlannedField(responseKey, JsonEncodedText.Encode(responseKey, encoder), field, null, NoArguments, false, false));
                        continue;
                    }
                    if (name.StartsWith("__", StringComparison.Ordinal)) return false;
                    var definition = type.GetField(name);
                    if (definition?.Resolver is null) return false;
                    if (isRoot != ReferenceEquals(definition.Resolver, root)) return false;
                    if (Paging(field) is not { } paging) return false;
                    fields.Add(new PlannedField(responseKey, JsonEncodedText.Encode(responseKey, encoder), field, definition, paging.Arguments,
                        paging.HasAfter, paging.HasBefore));
                    break;
                case GraphQLFragmentSpread spread:
                    var fragment = Fragment(document, spread.FragmentName.Name.StringValue);
                    if (fragment is null) return false;
                    if (Matches(fragment.TypeCondition.Type.Name.StringValue, type) && !Into(document, fragment.SelectionSet, type, fields, keys)) return false;
                    break;
                case GraphQLInlineFragment inline:
                    if ((inline.TypeCondition is null || Matches(inline.TypeCondition.Type.Name.StringValue, type))
                        && !Into(document, inline.SelectionSet, type, fields, keys)) return false;
                    break;
                default:
                    return false;
            }
        }
        return true;
    }

    private static GraphQLFragmentDefinition? Fragment(GraphQLDocument document, string name)
    {
        foreach (var definition in document.Definitions)
            if (definition is GraphQLFragmentDefinition fragment && fragment.FragmentName.Name.StringValue == name) return fragment;
        return null;
    }

    /// <summary>Whether a fragment's type condition applies to the object type (itself, an interface it
    /// implements, or a union holding it).</summary>
    private bool Matches(string condition, IObjectGraphType type)
    {
        if (condition == type.Name) return true;
        foreach (var i in type.ResolvedInterfaces)
            if (i.Name == condition) return true;
        return schema.AllTypes[condition] is UnionGraphType union && union.PossibleTypes.Contains(type);
    }

    /// <summary>True / false for literal <c>@skip</c>/<c>@include</c>; null for anything else.</summary>
    private static bool? Included(GraphQLDirectives? directives)
    {
        if (directives is null) return true;
        var included = true;
        foreach (var directive in directives.Items)
        {
            var name = directive.Name.StringValue;
            if (name is not ("skip" or "include")) return null;
            if (directive.Arguments?.Items is not [{ Name.StringValue: "if", Value: GraphQLBooleanValue value }]) return null;
            if (value.BoolValue == (name == "skip")) included = false;
        }
        return included;
    }

    /// <summary>The arguments the field's resolvers read: <c>after</c>/<c>before</c> (a connection page's cursors), as
    /// literal strings or null; null when either is anything else.</summary>
    private static (IDictionary<string, ArgumentValue> Arguments, bool HasAfter, bool HasBefore)? Paging(GraphQLField field)
    {
        if (field.Arguments is null) return (NoArguments, false, false);
        Dictionary<string, ArgumentValue>? arguments = null;
        foreach (var argument in field.Arguments.Items)
        {
            var name = argument.Name.StringValue;
            if (name is not ("after" or "before")) continue;
            string? value;
            switch (argument.Value)
            {
                case GraphQLStringValue s:
                    value = (string)s.Value;
                    break;
                case GraphQLNullValue:
                    value = null;
                    break;
                default:
                    return null;
            }
            arguments ??= [];
            arguments[name] = new ArgumentValue(value, ArgumentSource.Literal);
        }
        if (arguments is null) return (NoArguments, false, false);
        return (arguments, arguments.GetValueOrDefault("after").Value is not null, arguments.GetValueOrDefault("before").Value is not null);
    }
}
