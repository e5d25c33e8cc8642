using System.Collections;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using KnowledgeGraph.GraphQL.Model;
using KnowledgeGraph.GraphQL.Schema;
using KnowledgeGraph.Text;

namespace KnowledgeGraph.GraphQL.Compilation;

/// <summary>One compiled Cypher statement and its parameters.</summary>
public sealed record CompiledStatement(string Query, IReadOnlyDictionary<string, object?> Parameters);

/// <summary>A GraphQL error raised while compiling or running a root field, with a stable code.</summary>
public sealed class KgGraphQLException : ExecutionError
{
    /// <summary>Creates an error with an <c>extensions.code</c>.</summary>
    public KgGraphQLException(string code, string message, Exception? inner = null) : base(message, inner)
    {
        Code = code;
    }
}

/// <summary>
/// Compiles one root field, with its whole selection set, into one parameterized Cypher statement. Identifiers
/// (labels, relationship types, property names) come only from the model whitelist; every user value becomes a
/// parameter. Fields are projected as maps keyed by their response key, so nested resolvers never query.
/// </summary>
internal sealed partial class KgCompiler
{
    private readonly IResolveFieldContext _context;
    private readonly KgModel _model;
    private readonly KgGraphQLOptions _options;
    private readonly Dictionary<string, object?> _parameters = new(StringComparer.Ordinal);
    private int _variables;

    public KgCompiler(IResolveFieldContext context, KgModel model, KgGraphQLOptions options)
    {
        _context = context;
        _model = model;
        _options = options;
    }

    private string NewVar(string prefix) => prefix + _variables++;

    /// <summary>Adds a parameter and returns its reference (<c>$p0</c>). Ints become longs (the value model).</summary>
    private string Param(object? value)
    {
        var name = "p" + _parameters.Count;
        _parameters[name] = ToCypherValue(value);
        return "$" + name;
    }

    private CompiledStatement Done(string query) => new(query, new Dictionary<string, object?>(_parameters));

    internal static object? ToCypherValue(object? value) => value switch
    {
        null or string or long or double or bool => value,
        int i => (long)i,
        short s => (long)s,
        byte b => (long)b,
        float f => (double)f,
        decimal d => (double)d,
        System.Numerics.BigInteger big => (long)big,
        IDictionary<string, object?> map => map.ToDictionary(kv => kv.Key, kv => ToCypherValue(kv.Value)),
        IEnumerable list when value is not string => list.Cast<object?>().Select(ToCypherValue).ToList(),
        _ => value.ToString(),
    };

    // ---- selection sets -------------------------------------------------------------------------------------

    /// <summary>
    /// The fields a selection applies for a concrete type, grouped by response key in document order (the
    /// spec's CollectFields): fragments are expanded when their type condition fits, @skip/@include honoured.
    /// </summary>
    private List<(string Key, List<GraphQLField> Fields)> CollectFields(IEnumerable<GraphQLSelectionSet?> sets, string typeName)
    {
        var result = new List<(string Key, List<GraphQLField> Fields)>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var set in sets) Collect(set, typeName, result, visited);
        return result;
    }

    private void Collect(GraphQLSelectionSet? set, string typeName, List<(string Key, List<GraphQLField> Fields)> into, HashSet<string> visited)
    {
        if (set is null) return;
        foreach (var selection in set.Selections)
        {
            if (!Included(selection as IHasDirectivesNode)) continue;
            switch (selection)
            {
                case GraphQLField field:
                    var key = (field.Alias?.Name ?? field.Name).StringValue;
                    var existing = into.FindIndex(e => e.Key == key);
                    if (existing >= 0) into[existing].Fields.Add(field);
                    else into.Add((key, [field]));
                    break;
                case GraphQLInlineFragment inline:
                    if (inline.TypeCondition is null || Applies(inline.TypeCondition.Type.Name.StringValue, typeName))
                        Collect(inline.SelectionSet, typeName, into, visited);
                    break;
                case GraphQLFragmentSpread spread:
                    var name = spread.FragmentName.Name.StringValue;
                    if (!visited.Add(name)) break;
                    var fragment = _context.Document.FindFragmentDefinition(spread.FragmentName.Name.Value);
                    if (fragment is not null && Applies(fragment.TypeCondition.Type.Name.StringValue, typeName))
                        Collect(fragment.SelectionSet, typeName, into, visited);
                    break;
            }
        }
    }

    private bool Applies(string condition, string typeName) =>
        condition == typeName
        || ((condition == "Entity" || condition == "Node") && (_model.LabelsByName.ContainsKey(typeName) || typeName == "Entity"))
        || (condition == "Node" && typeName == KgSchemaBuilder.RelationshipTypeName);

    private bool Included(IHasDirectivesNode? node)
    {
        if (node?.Directives is null) return true;
        foreach (var d in node.Directives)
        {
            var name = d.Name.StringValue;
            if (name is not ("skip" or "include")) continue;
            var arg = d.Arguments?.FirstOrDefault(a => a.Name.StringValue == "if");
            var value = arg?.Value switch
            {
                GraphQLTrueBooleanValue => true,
                GraphQLFalseBooleanValue => false,
                GraphQLVariable v => _context.Variables?.ValueFor(v.Name.StringValue, out var av) == true && av.Value is true,
                _ => false,
            };
            if (name == "skip" && value) return false;
            if (name == "include" && !value) return false;
        }
        return true;
    }

    private static IEnumerable<GraphQLSelectionSet?> Sub(IEnumerable<GraphQLField> fields) => fields.Select(f => f.SelectionSet);

    /// <summary>The coerced arguments of a field below the root (defaults applied).</summary>
    private IDictionary<string, ArgumentValue>? ArgumentsOf(FieldType definition, GraphQLField field) =>
        ExecutionHelper.GetArguments(definition.Arguments, field.Arguments, _context.Variables ?? new Variables(), _context.Document, field, null);

    private static T? Arg<T>(IDictionary<string, ArgumentValue>? args, string name) =>
        args is not null && args.TryGetValue(name, out var v) && v.Value is T t ? t : default;

    private IComplexGraphType TypeNamed(string name) =>
        _context.Schema.AllTypes[name] as IComplexGraphType ?? throw new InvalidOperationException("No type " + name);

    private static FieldSpec? SpecOf(FieldType field) =>
        field.Metadata.TryGetValue(FieldSpec.Key, out var spec) ? spec as FieldSpec : null;

    /// <summary>Keys used as map keys in Cypher are GraphQL names; Cypher keywords among them are quoted.</summary>
    private static string MapKey(string key) => CypherText.Name(key);
}
