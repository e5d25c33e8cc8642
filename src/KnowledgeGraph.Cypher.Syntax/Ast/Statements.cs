namespace KnowledgeGraph.Cypher.Syntax.Ast;

/// <summary>How a statement is to be run: normally, planned only (EXPLAIN), or run with statistics (PROFILE).</summary>
public enum ExecutionMode
{
    Normal,
    Explain,
    Profile,
}

/// <summary>A whole Cypher statement as sent by a client: a query or a schema command.</summary>
public abstract record Statement : AstNode
{
    /// <summary>EXPLAIN / PROFILE prefix, <see cref="ExecutionMode.Normal"/> otherwise.</summary>
    public ExecutionMode Mode { get; init; }

    /// <summary>The full query text the statement was parsed from (spans index into it).</summary>
    public string Text { get; init; } = "";

    /// <summary>The <c>CYPHER ...</c> prefix (version and query options), <see cref="QueryOptions.None"/> without one.</summary>
    public QueryOptions QueryOptions { get; init; } = QueryOptions.None;

    /// <summary>The database named by a leading <c>USE name</c> clause, or null (the session's database).</summary>
    public string? UseDatabase { get; init; }
}

/// <summary>A (possibly UNION-ed) query.</summary>
public sealed record QueryStatement(Query Query) : Statement;

/// <summary>A query: either a single clause sequence or a UNION of queries.</summary>
public abstract record Query : AstNode;

/// <summary>A sequence of clauses, e.g. <c>MATCH ... WITH ... RETURN ...</c>. Updating queries may end without RETURN.</summary>
public sealed record SingleQuery(AstList<Clause> Clauses) : Query;

/// <summary>
/// <c>Left UNION [ALL] Right</c>, left-nested: <c>a UNION b UNION ALL c</c> is Union(Union(a, b), c).
/// Mixing UNION and UNION ALL is rejected by the semantic analyzer.
/// </summary>
public sealed record UnionQuery(Query Left, SingleQuery Right, bool All) : Query
{
    /// <summary>The single queries left to right.</summary>
    public IEnumerable<SingleQuery> Parts()
    {
        if (Left is UnionQuery u)
        {
            foreach (var p in u.Parts())
            {
                yield return p;
            }
        }
        else
        {
            yield return (SingleQuery)Left;
        }

        yield return Right;
    }
}
