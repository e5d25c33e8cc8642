namespace KnowledgeGraph.Storage;

/// <summary>
/// A fulltext index over the string (and string-list) properties of nodes carrying any of
/// <see cref="LabelsOrTypes"/> (or relationships of any of those types), as Neo4j's <c>CREATE FULLTEXT INDEX</c>.
/// An entity is indexed when it has one of the labels/types and at least one of the properties as a string.
/// </summary>
public sealed record FulltextIndexDescriptor(
    string Name,
    bool IsRelationshipIndex,
    IReadOnlyList<string> LabelsOrTypes,
    IReadOnlyList<string> Properties,
    string Analyzer,
    bool EventuallyConsistent);

/// <summary>One fulltext match: the node or relationship id and its relevance (BM25; higher is better).</summary>
public readonly record struct FulltextHit(long Id, double Score);

/// <summary>A fulltext analyzer as <c>db.index.fulltext.listAvailableAnalyzers</c> lists it.</summary>
public sealed record FulltextAnalyzerInfo(string Name, string Description, IReadOnlyList<string> StopWords);

/// <summary>
/// A fulltext query string that is not valid Lucene query syntax (the supported subset), or that names an unknown
/// analyzer; <see cref="Exception.Message"/> says what and where (1-based column).
/// </summary>
public sealed class FulltextQueryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FulltextQueryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public FulltextQueryException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public FulltextQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
