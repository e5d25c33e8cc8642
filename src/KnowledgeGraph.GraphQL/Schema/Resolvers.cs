using System.Collections;
using GraphQL;
using GraphQL.Resolvers;

namespace KnowledgeGraph.GraphQL.Schema;

/// <summary>
/// Resolvers for fields below a root field. Root fields run one Cypher statement that returns maps keyed by the
/// response key (alias or name) of every selected field, so nested fields only read from those maps: no field
/// below a root field touches the database.
/// </summary>
internal static class Resolvers
{
    /// <summary>The key under which a compiled projection stores a field's value.</summary>
    public static string ResponseKey(IResolveFieldContext context) =>
        (context.FieldAst.Alias?.Name ?? context.FieldAst.Name).StringValue;

    /// <summary>Reads the field's response key from the source map and converts engine values to GraphQL values.</summary>
    public static IFieldResolver ByResponseKey { get; } = new FuncFieldResolver<object?>(context =>
        context.Source is IReadOnlyDictionary<string, object?> map && map.TryGetValue(ResponseKey(context), out var value)
            ? ToGraphQLValue(value)
            : null);

    /// <summary>A score: rounded to 6 decimals so that float noise (1.2000000000000002) never reaches clients.</summary>
    public static IFieldResolver Score { get; } = new FuncFieldResolver<object?>(context =>
        context.Source is IReadOnlyDictionary<string, object?> map && map.TryGetValue(ResponseKey(context), out var value) && value is double d
            ? Math.Round(d, 6)
            : ToGraphQLValue((context.Source as IReadOnlyDictionary<string, object?>)?.GetValueOrDefault(ResponseKey(context))));

    /// <summary>Encodes the key under the response key as a Relay global id of the parent type.</summary>
    public static IFieldResolver GlobalId { get; } = new FuncFieldResolver<object?>(context =>
        context.Source is IReadOnlyDictionary<string, object?> map && map.TryGetValue(ResponseKey(context), out var key) && key is string k
            ? GlobalIds.Encode(context.ParentType.Name, k)
            : null);

    /// <summary>Encodes a projected relationship identity (<c>from|TYPE|to</c>) as a Relationship global id.</summary>
    public static IFieldResolver RelationshipGlobalId { get; } = new FuncFieldResolver<object?>(context =>
        context.Source is IReadOnlyDictionary<string, object?> map && map.TryGetValue(ResponseKey(context), out var key) && key is string k
            ? GlobalIds.Encode(KgSchemaBuilder.RelationshipTypeName, k)
            : null);

    /// <summary>Encodes a projected node (key under the response key, labels under <c>__t</c>) as its entity's global id.</summary>
    public static IFieldResolver NodeGlobalId(Model.KgModel model) => new FuncFieldResolver<object?>(context =>
        context.Source is IReadOnlyDictionary<string, object?> map && map.TryGetValue(ResponseKey(context), out var key) && key is string k
            && LabelOf(map, model) is { } label
            ? GlobalIds.Encode(label, k)
            : null);

    /// <summary>Encodes the key stored under <c>__source</c> / <c>__target</c> as a global id of the label its prefix names.</summary>
    public static IFieldResolver EndpointGlobalId(string end, Model.KgModel model) => new FuncFieldResolver<object?>(context =>
        context.Source is IReadOnlyDictionary<string, object?> map && map.TryGetValue("__" + end, out var key) && key is string k
            && model.LabelOfKey(k) is { } label
            ? GlobalIds.Encode(label.Label, k)
            : null);

    /// <summary>The model label of a projected node (from its <c>__t</c> labels), or null.</summary>
    public static string? LabelOf(object? value, Model.KgModel model) =>
        value is IReadOnlyDictionary<string, object?> map && map.TryGetValue("__t", out var t) ? ModelLabel(t, model) : null;

    /// <summary>
    /// The first model label among <paramref name="labels"/> (a label, or a list of them as <c>labels(n)</c> gives).
    /// Runs for every projected node, twice (the abstract type's resolution, then the object type's check): the
    /// engine's lists are read by index, so no enumerator is boxed per call.
    /// </summary>
    private static string? ModelLabel(object? labels, Model.KgModel model)
    {
        switch (labels)
        {
            case string s:
                return model.LabelsByName.ContainsKey(s) ? s : null;
            case List<object?> list:
                for (var i = 0; i < list.Count; i++)
                    if (list[i] is string name && model.LabelsByName.ContainsKey(name)) return name;
                return null;
            case IEnumerable other:
                foreach (var l in other)
                    if (l is string name && model.LabelsByName.ContainsKey(name)) return name;
                return null;
            default:
                return null;
        }
    }

    /// <summary><c>kind</c>: the projected labels list, reduced to the model label.</summary>
    public static IFieldResolver Kind(Model.KgModel model) => new FuncFieldResolver<object?>(context =>
        context.Source is IReadOnlyDictionary<string, object?> map && map.TryGetValue(ResponseKey(context), out var labels)
            ? ModelLabel(labels, model)
            : null);

    /// <summary>Converts a value from the engine (temporal values) to one GraphQL.NET serializes.</summary>
    /// <remarks>A long stays the engine's boxed long: GraphQL's <c>Int</c> serializes one in range as its digits and
    /// refuses one out of range, as it did when this method re-boxed it (its conditional was typed long, so an int never
    /// came out).</remarks>
    public static object? ToGraphQLValue(object? value) => value switch
    {
        null => null,
        string or bool or double or int or long => value,
        IReadOnlyDictionary<string, object?> => value,
        List<object?> built => ListOrSame(built),
        IList list => ToList(list),
        _ => value.ToString(),
    };

    /// <summary>
    /// The engine's list itself when no item converts to something else (a list of maps, strings, numbers: the nodes
    /// of a path, aliases, a cursor's values), else a converted copy. Every reader below a root field only reads the values, so handing
    /// over the engine's list is safe; copying it cost a list, its array and a boxed enumerator per value.
    /// </summary>
    private static List<object?> ListOrSame(List<object?> list)
    {
        for (var i = 0; i < list.Count; i++)
        {
            var item = list[i];
            if (!ReferenceEquals(ToGraphQLValue(item), item)) return ToList(list);
        }
        return list;
    }

    private static List<object?> ToList(IList list)
    {
        var result = new List<object?>(list.Count);
        for (var i = 0; i < list.Count; i++) result.Add(ToGraphQLValue(list[i]));
        return result;
    }
}
