using System.Collections;
using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;

namespace KnowledgeGraph.GraphQL.Schema;

/// <summary>
/// <c>Properties</c>: a stored entity's or relationship's properties as a JSON object (output only). Strings, numbers,
/// booleans and lists stay as they are; other values (dates, temporal values) are written as their Cypher text.
/// </summary>
internal sealed class PropertiesGraphType : ScalarGraphType
{
    public PropertiesGraphType()
    {
        Name = "Properties";
        Description = "Properties as a JSON object (output only): the state of an entity or relationship before or after a change.";
    }

    public override object? Serialize(object? value) => Convert(value);

    public override object? ParseValue(object? value) => throw new NotSupportedException("Properties is an output type.");

    public override object? ParseLiteral(GraphQLValue value) => throw new NotSupportedException("Properties is an output type.");

    public override bool CanParseLiteral(GraphQLValue value) => false;

    public override bool CanParseValue(object? value) => false;

    private static object? Convert(object? value) => value switch
    {
        null or string or bool or long or int or double => value,
        IReadOnlyDictionary<string, object?> map => map.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => Convert(kv.Value)),
        IEnumerable list => list.Cast<object?>().Select(Convert).ToList(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
