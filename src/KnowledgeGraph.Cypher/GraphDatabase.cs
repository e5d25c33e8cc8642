using KnowledgeGraph.Cypher.Procedures;
using KnowledgeGraph.Cypher.Session;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher;

/// <summary>Options of an embedded database.</summary>
public sealed record GraphDatabaseOptions
{
    /// <summary>Timeout applied to transactions that set none themselves.</summary>
    public TimeSpan? DefaultTransactionTimeout { get; init; }

    /// <summary>Zone used by temporal functions when a value is built without one.</summary>
    public string DefaultTimeZone { get; init; } = "UTC";
}

/// <summary>A procedure parameter or output column; <see cref="Type"/> is a Cypher type name such as <c>INTEGER?</c>.</summary>
public sealed record ProcedureParameter(string Name, string Type);

/// <summary>The signature of a user procedure, e.g. <c>test.my.proc(in :: INTEGER?) :: (out :: STRING?)</c>.</summary>
public sealed record ProcedureSignature(string Name, IReadOnlyList<ProcedureParameter> Inputs, IReadOnlyList<ProcedureParameter> Outputs);

/// <summary>
/// The embedded openCypher graph database: a <see cref="GraphStore"/> plus the query engine, exposed through the
/// same driver interface as a remote Neo4j.
/// </summary>
public sealed class GraphDatabase : IGraphDriver
{
    private GraphDatabase(GraphStore store, GraphDatabaseOptions? options)
    {
        Store = store;
        Options = options ?? new GraphDatabaseOptions();
    }

    /// <summary>Opens (or creates) a durable database in a directory.</summary>
    public static GraphDatabase Open(string directory, GraphDatabaseOptions? options = null) => new(GraphStore.Open(directory), options);

    /// <summary>Creates a database that lives only in memory.</summary>
    public static GraphDatabase CreateInMemory(GraphDatabaseOptions? options = null) => new(GraphStore.CreateInMemory(), options);

    /// <summary>The underlying store.</summary>
    public GraphStore Store { get; }

    /// <summary>The options the database was opened with.</summary>
    public GraphDatabaseOptions Options { get; }

    internal ProcedureRegistry Procedures { get; } = new();

    /// <inheritdoc />
    public string Provider => "embedded";

    /// <inheritdoc />
    public IGraphSession OpenSession(SessionOptions? options = null) => new EmbeddedSession(this, options ?? new SessionOptions());

    /// <inheritdoc />
    public Task VerifyConnectivityAsync(CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        try
        {
            using var reader = Store.BeginRead();
            _ = reader.NodeCount;
        }
        catch (ObjectDisposedException e)
        {
            throw new GraphException(ErrorCodes.ServiceUnavailable, "The database is closed.", e);
        }
        return Task.CompletedTask;
    }

    /// <summary>Registers a procedure callable with <c>CALL name(...)</c>.</summary>
    public void RegisterProcedure(ProcedureSignature signature, Func<IReadOnlyList<object?>, CancellationToken, IEnumerable<IReadOnlyList<object?>>> body)
    {
        ArgumentNullException.ThrowIfNull(signature);
        ArgumentNullException.ThrowIfNull(body);
        Procedures.Add(signature, (args, ctx) => body(args, ctx.Cancellation));
        // Cached statements were checked against the previous procedure set.
        StatementCache.Clear();
    }

    /// <summary>Parsed and semantically checked statements by query text (parameters vary, the text repeats:
    /// GraphQL and drivers send the same texts again and again). The AST is immutable, so sharing is safe.</summary>
    internal System.Collections.Concurrent.ConcurrentDictionary<string, Syntax.Ast.Statement> StatementCache { get; } = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Store.DisposeAsync();
}
