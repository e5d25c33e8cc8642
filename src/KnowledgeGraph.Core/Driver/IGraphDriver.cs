namespace KnowledgeGraph.Driver;

/// <summary>
/// The one narrow interface every consumer (GraphQL, seeding, the Bolt server) runs Cypher through. The embedded
/// engine (<c>KnowledgeGraph.Cypher.GraphDatabase</c>) and the Bolt client (a remote Neo4j, or another instance
/// of this service) both implement it, so callers never know which engine answers.
/// </summary>
public interface IGraphDriver : IAsyncDisposable
{
    /// <summary><c>embedded</c> or <c>neo4j</c>.</summary>
    string Provider { get; }

    /// <summary>Opens a session; sessions are cheap, not thread-safe, and must be disposed.</summary>
    IGraphSession OpenSession(SessionOptions? options = null);

    /// <summary>Throws a <see cref="Errors.GraphException"/> when the database cannot answer a query.</summary>
    Task VerifyConnectivityAsync(CancellationToken cancellationToken = default);
}
