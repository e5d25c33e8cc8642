using KnowledgeGraph.Cypher.Memory;
using KnowledgeGraph.Cypher.Procedures;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Session;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher;

/// <summary>Options of an embedded database.</summary>
public sealed record GraphDatabaseOptions
{
    /// <summary>Timeout applied to transactions that set none themselves (null or zero: none), as Neo4j's
    /// db.transaction.timeout. Exceeding it fails with Neo.ClientError.Transaction.TransactionTimedOut; a timeout the
    /// client set fails with Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration.</summary>
    public TimeSpan? DefaultTransactionTimeout { get; init; }

    /// <summary>Estimated bytes one transaction may hold (0: unlimited), as Neo4j's db.memory.transaction.max.
    /// Past it the statement fails with Neo.TransientError.General.MemoryPoolOutOfMemoryError.</summary>
    public long TransactionMemoryLimit { get; init; } = DefaultTransactionMemoryLimit;

    /// <summary>Estimated bytes all running transactions together may hold (0: unlimited), as Neo4j's
    /// dbms.memory.transaction.total.max.</summary>
    public long GlobalMemoryLimit { get; init; } = DefaultGlobalMemoryLimit;

    /// <summary>2 GiB: one query may use a share of a 24 GB machine, not all of it.</summary>
    public const long DefaultTransactionMemoryLimit = 2L << 30;

    /// <summary>8 GiB: the engine's query memory stays well under a 24 GB machine beside the store's cache.</summary>
    public const long DefaultGlobalMemoryLimit = 8L << 30;

    /// <summary>Zone used by temporal functions when a value is built without one.</summary>
    public string DefaultTimeZone { get; init; } = "UTC";

    /// <summary>The folder <c>LOAD CSV FROM 'file:///...'</c> reads from, as Neo4j's server.directories.import
    /// (<c>file:///a/b.csv</c> is <c>a/b.csv</c> under it; a path leaving it is refused). Null: file URLs are refused.</summary>
    public string? ImportDirectory { get; init; }

    /// <summary>Whether <c>LOAD CSV</c> may read <c>http://</c> and <c>https://</c> URLs (off by default).</summary>
    public bool AllowHttpImport { get; init; }

    /// <summary>Options of the store <see cref="GraphDatabase.Open"/> and <see cref="GraphDatabase.CreateInMemory"/>
    /// open (change retention for <c>db.cdc.*</c>, checkpoints, ...); null: the store's defaults.</summary>
    public GraphStoreOptions? Store { get; init; }
}

/// <summary>A procedure parameter or output column; <see cref="Type"/> is a Cypher type name such as <c>INTEGER?</c>.</summary>
public sealed record ProcedureParameter(string Name, string Type)
{
    /// <summary>Whether a call may leave this (trailing) argument out; it then gets <see cref="DefaultValue"/>.</summary>
    public bool IsOptional { get; init; }

    /// <summary>The value of an omitted optional argument.</summary>
    public object? DefaultValue { get; init; }
}

/// <summary>What a procedure may do, as Neo4j declares it (<c>SHOW PROCEDURES</c> column <c>mode</c>).</summary>
public enum ProcedureMode
{
    /// <summary>Reads only: callable in read transactions and on read replicas.</summary>
    Read,

    /// <summary>Writes data: the statement needs write access and a write transaction.</summary>
    Write,

    /// <summary>Changes indexes or constraints (writes, like <see cref="Write"/>).</summary>
    Schema,

    /// <summary>Administers the server (no graph data is written).</summary>
    Dbms,
}

/// <summary>The signature of a user procedure, e.g. <c>test.my.proc(in :: INTEGER?) :: (out :: STRING?)</c>.</summary>
public sealed record ProcedureSignature(string Name, IReadOnlyList<ProcedureParameter> Inputs, IReadOnlyList<ProcedureParameter> Outputs)
{
    /// <summary>The declared mode (default <see cref="ProcedureMode.Read"/>); a writing mode makes every statement
    /// calling it a write (access mode checks, write transaction, query type <c>w</c>/<c>rw</c>).</summary>
    public ProcedureMode Mode { get; init; } = ProcedureMode.Read;

    /// <summary>True for <see cref="ProcedureMode.Write"/> and <see cref="ProcedureMode.Schema"/>.</summary>
    public bool Writes => Mode is ProcedureMode.Write or ProcedureMode.Schema;
}

/// <summary>
/// The embedded openCypher graph database: a <see cref="GraphStore"/> plus the query engine, exposed through the
/// same driver interface as a remote Neo4j.
/// </summary>
public sealed class GraphDatabase : IGraphDriver, IEngineServices
{
    private GraphDatabase(GraphStore store, GraphDatabaseOptions? options)
    {
        Store = store;
        Options = options ?? new GraphDatabaseOptions();
        Memory = new QueryMemoryPool(Options.GlobalMemoryLimit, Options.TransactionMemoryLimit);
        Diagnostics.CypherTelemetry.TrackMemory(Memory);
        Cdc.CdcProcedures.Register(Procedures, store);
    }

    /// <summary>Opens (or creates) a durable database in a directory.</summary>
    public static GraphDatabase Open(string directory, GraphDatabaseOptions? options = null) => new(GraphStore.Open(directory, options?.Store), options);

    /// <summary>Creates a database that lives only in memory.</summary>
    public static GraphDatabase CreateInMemory(GraphDatabaseOptions? options = null) => new(GraphStore.CreateInMemory(options?.Store), options);

    /// <summary>The underlying store.</summary>
    public GraphStore Store { get; }

    /// <summary>The options the database was opened with.</summary>
    public GraphDatabaseOptions Options { get; }

    internal ProcedureRegistry Procedures { get; } = Catalog.BuiltinProcedures.Registry();

    /// <summary>When this database was opened (what db.info() and SHOW DATABASES report as creation / start time).</summary>
    internal DateTimeOffset OpenedAt { get; } = DateTimeOffset.UtcNow;

    /// <summary>The estimated memory running transactions hold, and its limits (for a gauge metric).</summary>
    public QueryMemoryPool Memory { get; }

    internal TransactionRegistry Transactions { get; } = new();

    /// <summary>The transactions running now, as <c>SHOW TRANSACTIONS</c> lists them.</summary>
    public IReadOnlyList<RunningTransaction> RunningTransactions() =>
        Transactions.Running.Select(RunningTransaction.Of).ToList();

    /// <summary>Terminates a running transaction by its id (<c>neo4j-transaction-42</c>), as
    /// <c>TERMINATE TRANSACTIONS</c> does; false when no such transaction is running.</summary>
    public bool TerminateTransaction(string transactionId, string? by = null)
    {
        ArgumentNullException.ThrowIfNull(transactionId);
        return Transactions.Find(transactionId) is { } tx && tx.Terminate(by ?? "");
    }

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
        // The engine reads stored lists without copying them (Runtime/Output.cs): a host's code gets its own copies
        // of list arguments, so nothing it does to one can reach the store.
        Procedures.Add(signature, (args, ctx) => body(Output.OwnLists(args), ctx.Cancellation));
        // Cached statements were checked against the previous procedure set.
        StatementCache.Clear();
        RecentStatements.Clear();
    }

    /// <summary>Parsed and semantically checked statements by query text (parameters vary, the text repeats:
    /// GraphQL and drivers send the same texts again and again). The AST is immutable, so sharing is safe.</summary>
    internal System.Collections.Concurrent.ConcurrentDictionary<string, Syntax.Ast.Statement> StatementCache { get; } = new(StringComparer.Ordinal);

    /// <summary>The statement cache's latest hits by the text's reference (Session/RecentStatements.cs).</summary>
    internal Session.RecentStatements RecentStatements { get; } = new();

    string IEngineServices.DefaultTimeZone => Options.DefaultTimeZone;

    string? IEngineServices.ImportDirectory => Options.ImportDirectory;

    bool IEngineServices.AllowHttpImport => Options.AllowHttpImport;

    bool IEngineServices.TryGetProcedure(string name, out ProcedureSignature signature, out ProcedureBody body) =>
        Procedures.TryGet(name, out signature, out body);

    bool IEngineServices.ProcedureWrites(string name) => Procedures.TryGet(name, out var signature, out _) && signature.Writes;

    private Func<string, bool>? _procedureWritesCheck;

    Func<string, bool> IEngineServices.ProcedureWritesCheck => _procedureWritesCheck ??= ((IEngineServices)this).ProcedureWrites;

    bool IEngineServices.TryGetFunction(string lowerName, out Func<object?[], object?> function) =>
        Procedures.TryGetFunction(lowerName, out function);

    DateTimeOffset IEngineServices.OpenedAt => OpenedAt;

    IEnumerable<(ProcedureSignature Signature, ProcedureInfo Info)> IEngineServices.Procedures => Procedures.All;

    IEnumerable<FunctionInfo> IEngineServices.Functions => Procedures.Functions;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Store.DisposeAsync();
}
