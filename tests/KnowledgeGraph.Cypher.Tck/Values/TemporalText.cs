using KnowledgeGraph.Temporal;

namespace KnowledgeGraph.Cypher.Tck.Values;

/// <summary>
/// The text form of a temporal engine value, which the TCK writes as a quoted string (<c>'1984-10-11'</c>).
/// </summary>
internal static class TemporalText
{
    /// <summary>True when <paramref name="value"/> is one of the Cypher temporal structs.</summary>
    public static bool IsTemporal(object? value) => TemporalFunctions.IsTemporal(value);

    /// <summary>Formats a temporal value exactly as Neo4j prints it (the form TCK results are written in).</summary>
    public static string Format(object value) => TemporalFunctions.Format(value);
}
