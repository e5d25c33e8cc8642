using GraphQL.Types;
using GraphQLParser.AST;
using KnowledgeGraph.GraphQL.Compilation;

namespace KnowledgeGraph.GraphQL.Schema;

/// <summary>
/// The <c>PartialDate</c> scalar: an ISO date of the precision the source gives (<c>2025</c>, <c>2025-11</c>,
/// <c>2025-11-19</c>), standing for the whole interval it names. Input that is not such a date is a validation error.
/// </summary>
internal sealed class PartialDateGraphType : ScalarGraphType
{
    public PartialDateGraphType()
    {
        Name = "PartialDate";
        Description = "An ISO date at the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD. A partial date means the whole "
            + "interval (2025-11 is 2025-11-01..2025-11-30), and filters match by overlap: startDate: {gte: \"2025-11-01\"} matches a "
            + "meeting stored as \"2025-11\"; eq means the intervals overlap, gte that some day is on or after the value's first day, "
            + "lte that some day is on or before its last day, gt / lt strictly after its last / before its first day.";
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLStringValue s => ParseValue((string)s.Value),
        GraphQLNullValue => null,
        _ => ThrowLiteralConversionError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string s when PartialDate.Parse(s) is not null => s,
        _ => ThrowValueConversionError(value),
    };

    public override bool CanParseLiteral(GraphQLValue value) =>
        value is GraphQLNullValue || (value is GraphQLStringValue s && PartialDate.Parse((string)s.Value) is not null);

    public override bool CanParseValue(object? value) => value is null || (value is string s && PartialDate.Parse(s) is not null);

    public override object? Serialize(object? value) => value?.ToString();
}
