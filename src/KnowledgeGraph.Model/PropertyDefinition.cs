namespace KnowledgeGraph.Model;

/// <summary>How a model property is stored and validated.</summary>
public enum PropertyKind
{
    /// <summary>A non-empty string.</summary>
    String,

    /// <summary>A 64-bit integer.</summary>
    Integer,

    /// <summary>A list of strings (may be empty).</summary>
    StringList,

    /// <summary>An ISO-8601 date string of the precision the source gives: <c>2025</c>, <c>2025-08</c> or <c>2025-10-24</c>.</summary>
    PartialDate,

    /// <summary>A string that must be one of <see cref="PropertyDefinition.AllowedValues"/> (its <see cref="PropertyDefinition.Vocabulary"/>).</summary>
    Enum,

    /// <summary>A string holding the key of another node of the graph.</summary>
    NodeKey,

    /// <summary>A non-empty list of Source keys.</summary>
    SourceKeyList,

    /// <summary>A list of node keys (may be empty), e.g. Claim keys.</summary>
    NodeKeyList,
}

/// <summary>One property of a label or relationship type.</summary>
/// <param name="Name">camelCase property name as stored in the graph.</param>
/// <param name="Kind">Value kind.</param>
/// <param name="Description">What the property means.</param>
/// <param name="Vocabulary">For <see cref="PropertyKind.Enum"/>: the closed vocabulary of allowed values.</param>
/// <param name="Required">True when every node / relationship of this kind has it.</param>
public sealed record PropertyDefinition(
    string Name,
    PropertyKind Kind,
    string Description,
    Vocabulary? Vocabulary = null,
    bool Required = false)
{
    /// <summary>For <see cref="PropertyKind.Enum"/>: the allowed values in the vocabulary's order (strongest first when ordered).</summary>
    public IReadOnlyList<string>? AllowedValues => Vocabulary?.Values;
}
