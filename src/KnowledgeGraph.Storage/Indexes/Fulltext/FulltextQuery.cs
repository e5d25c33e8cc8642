namespace KnowledgeGraph.Storage.Indexes.Fulltext;

/// <summary>How a clause of a boolean query takes part (Lucene's BooleanClause.Occur).</summary>
internal enum Occur
{
    Should,
    Must,
    MustNot,
}

/// <summary>A parsed fulltext query; terms are already analyzed. <see cref="Field"/> null means every indexed property.</summary>
internal abstract record FulltextQuery
{
    public double Boost { get; init; } = 1.0;
}

internal sealed record TermQuery(string? Field, string Term) : FulltextQuery;

/// <summary>Terms at consecutive positions; with <see cref="Slop"/> they may be up to that many positions further apart, in order.</summary>
internal sealed record PhraseQuery(string? Field, IReadOnlyList<string> Terms, int Slop) : FulltextQuery;

internal sealed record PrefixQuery(string? Field, string Prefix) : FulltextQuery;

/// <summary><c>*</c> any run of characters, <c>?</c> one character.</summary>
internal sealed record WildcardQuery(string? Field, string Pattern) : FulltextQuery;

internal sealed record FuzzyQuery(string? Field, string Term, int MaxEdits) : FulltextQuery;

internal sealed record BooleanQuery(IReadOnlyList<(Occur Occur, FulltextQuery Query)> Clauses) : FulltextQuery;
