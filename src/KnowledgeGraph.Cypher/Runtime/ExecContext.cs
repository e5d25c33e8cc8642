using KnowledgeGraph.Cypher.Memory;
using KnowledgeGraph.Cypher.QueryErrors;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;
using KnowledgeGraph.Errors;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher.Runtime;

/// <summary>Mutable update counters of one query.</summary>
internal sealed class MutableCounters
{
    public int NodesCreated, NodesDeleted, RelationshipsCreated, RelationshipsDeleted, PropertiesSet, LabelsAdded, LabelsRemoved;
    public int IndexesAdded, IndexesRemoved, ConstraintsAdded, ConstraintsRemoved;

    public MutableCounters Copy() => (MutableCounters)MemberwiseClone();

    /// <summary>Back to <paramref name="saved"/>: the work counted since was rolled back.</summary>
    public void Restore(MutableCounters saved)
    {
        (NodesCreated, NodesDeleted, RelationshipsCreated, RelationshipsDeleted) = (saved.NodesCreated, saved.NodesDeleted, saved.RelationshipsCreated, saved.RelationshipsDeleted);
        (PropertiesSet, LabelsAdded, LabelsRemoved) = (saved.PropertiesSet, saved.LabelsAdded, saved.LabelsRemoved);
    }

    public Driver.Counters ToCounters() => new()
    {
        NodesCreated = NodesCreated, NodesDeleted = NodesDeleted, RelationshipsCreated = RelationshipsCreated,
        RelationshipsDeleted = RelationshipsDeleted, PropertiesSet = PropertiesSet, LabelsAdded = LabelsAdded,
        LabelsRemoved = LabelsRemoved, IndexesAdded = IndexesAdded, IndexesRemoved = IndexesRemoved,
        ConstraintsAdded = ConstraintsAdded, ConstraintsRemoved = ConstraintsRemoved,
    };
}

/// <summary>Everything one running query needs: the transaction's view, parameters, counters, limits.</summary>
internal sealed class ExecContext
{
    /// <summary>Work units between two looks at the clock, the token and the termination flag.</summary>
    private const long CheckEvery = 1024;

    private long _ticks;
    private long _nextCheck = CheckEvery;

    public ExecContext(IGraphReader reader, IGraphWriter? writer, IReadOnlyDictionary<string, object?> parameters,
        IEngineServices engine, DateTimeOffset? deadline, CancellationToken cancellation, DateTimeOffset txTime)
    {
        Reader = reader;
        Writer = writer;
        Parameters = parameters;
        Engine = engine;
        Deadline = deadline;
        Cancellation = cancellation;
        StatementTime = DateTimeOffset.UtcNow;
        TransactionTime = txTime;
    }

    public IGraphReader Reader { get; private set; }

    public IGraphWriter? Writer { get; private set; }

    /// <summary>
    /// Auto-commit statements only (null otherwise): ends the current transaction, committing it (true) or rolling it
    /// back (false), and continues the statement in a new one; returns the committed transaction's id. Used by
    /// <c>CALL { ... } IN TRANSACTIONS</c>.
    /// </summary>
    public Func<bool, long?>? NextTransaction { get; set; }

    /// <summary>Continues in another transaction (see <see cref="NextTransaction"/>): what this one deleted is now
    /// either committed or gone.</summary>
    public void Rebind(IGraphReader reader, IGraphWriter? writer)
    {
        Reader = reader;
        Writer = writer;
        _deletedNodes?.Clear();
        _deletedRels?.Clear();
    }

    public IReadOnlyDictionary<string, object?> Parameters { get; }

    /// <summary>Procedures, user functions and settings of the database the statement runs on.</summary>
    public IEngineServices Engine { get; }

    /// <summary>Pattern matching and subqueries as expressions call them (see <see cref="ISubqueryRunner"/>).</summary>
    public required ISubqueryRunner Subqueries { get; init; }

    public DateTimeOffset? Deadline { get; }

    public CancellationToken Cancellation { get; }

    public DateTimeOffset StatementTime { get; }

    public DateTimeOffset TransactionTime { get; }

    public MutableCounters Counters { get; } = new();

    // Made by the first delete: most statements delete nothing, and read one shared empty set instead. Invariant: the
    // shared set is never written (deletes go through MarkNodeDeleted/MarkRelDeleted, Rebind clears only own sets).
    private static readonly HashSet<long> NoneDeleted = [];
    private HashSet<long>? _deletedNodes, _deletedRels;

    /// <summary>Ids deleted by this query (reads of them yield a deleted-entity error or null). Read only: add
    /// through <see cref="MarkNodeDeleted"/>.</summary>
    public HashSet<long> DeletedNodes => _deletedNodes ?? NoneDeleted;

    /// <summary>Relationship ids deleted by this query. Read only: add through <see cref="MarkRelDeleted"/>.</summary>
    public HashSet<long> DeletedRels => _deletedRels ?? NoneDeleted;

    /// <summary>Records a node deleted by this query; false when it was already.</summary>
    public bool MarkNodeDeleted(long id) => (_deletedNodes ??= []).Add(id);

    /// <summary>Records a relationship deleted by this query; false when it was already.</summary>
    public bool MarkRelDeleted(long id) => (_deletedRels ??= []).Add(id);

    /// <summary>Aggregate results substituted while evaluating a projection item containing aggregates.</summary>
    public Dictionary<Expression, object?>? AggregateValues { get; set; }

    public long DbHits;

    /// <summary>Pushed path predicates (Matching/PathPredicates) that failed with an error while a walk checked
    /// them; a planned walk's filter tests only what the walk did not check while this stays unchanged.</summary>
    public long PathPredicateErrors;

    /// <summary>PROFILE: operators count their rows and db hits (otherwise rows flow through unwrapped).</summary>
    public bool Profiling { get; init; }

    /// <summary>EXPLAIN or PROFILE: the plan is described (otherwise nobody reads operator names).</summary>
    public bool Describing { get; init; }

    /// <summary>The part of <see cref="DbHits"/> spent finding where patterns start (scans and seeks), so PROFILE
    /// can show it on the scan or seek operator rather than on the expansion above it.</summary>
    public long AnchorDbHits;

    private Dictionary<(string Label, string Property), Dictionary<object, List<long>>>? _joinTables;

    /// <summary>The value-join table of (label, property) for this statement, built on first use. Only read-only
    /// statements use them: their snapshot cannot change under the table.</summary>
    public Dictionary<object, List<long>> JoinTable(string label, string property, Func<Dictionary<object, List<long>>> build)
    {
        _joinTables ??= [];
        if (!_joinTables.TryGetValue((label, property), out var table)) _joinTables[(label, property)] = table = build();
        return table;
    }

    private Dictionary<object, object>? _memo;

    /// <summary>Memo tables of finished statements, cleared (a `paths` statement memoizes some ten structures).</summary>
    private static readonly StatementPool<Dictionary<object, object>> MemoPool = new(16);

    /// <summary>The value <see cref="Memo{T}"/> keeps under <paramref name="key"/>, or null when none was built yet.</summary>
    public T? Memoized<T>(object key) where T : class => _memo is not null && _memo.TryGetValue(key, out var found) ? (T)found : null;

    /// <summary>A value computed once per statement under <paramref name="key"/> (compared by value), for
    /// read-only statements' lookup structures (e.g. a variable-length walk's distance table): built by
    /// <paramref name="build"/> on first use.</summary>
    public T Memo<T>(object key, Func<T> build) where T : class
    {
        _memo ??= MemoPool.Take() ?? new Dictionary<object, object>();
        if (_memo.TryGetValue(key, out var found)) return (T)found;
        var value = build();
        _memo[key] = value;
        return value;
    }

    /// <summary><see cref="Memo{T}"/> with the builder's argument passed in, so a hot caller's static lambda
    /// captures nothing (a capturing one costs a closure and a delegate per call, found or not).</summary>
    public T Memo<T, TArg>(object key, TArg arg, Func<TArg, T> build) where T : class
    {
        _memo ??= MemoPool.Take() ?? new Dictionary<object, object>();
        if (_memo.TryGetValue(key, out var found)) return (T)found;
        var value = build(arg);
        _memo[key] = value;
        return value;
    }

    private StatementLease? _leases;
    private int _finished;

    /// <summary>True when <paramref name="lease"/> is now the statement's until <see cref="Finish"/> gives it back;
    /// false once the statement has finished (the caller then keeps its object to itself, and the GC takes it).</summary>
    public bool Lease(StatementLease lease)
    {
        if (_finished != 0) return false;
        lease.NextLease = _leases;
        _leases = lease;
        return true;
    }

    /// <summary>
    /// The statement is over: its rows are all read, or its enumeration was disposed, so none of its operators runs
    /// again. Gives back what it leased (<see cref="Lease"/>). Called only by the one that ran the statement, at that
    /// point (a result nobody disposes never calls it: its leases are left to the GC). Runs once.
    /// </summary>
    public void Finish()
    {
        if (Interlocked.Exchange(ref _finished, 1) != 0) return;
        var lease = _leases;
        _leases = null;
        while (lease is not null)
        {
            var next = lease.NextLease;
            lease.NextLease = null;
            lease.Release();
            lease = next;
        }
        // The memo goes too (its values are the statement's own, already given back or left to the GC); a statement
        // that memoized a great many structures does not pin the table.
        if (_memo is { Count: <= 64 } memo)
        {
            _memo = null;
            memo.Clear();
            MemoPool.Give(memo);
        }
    }

    /// <summary>One database hit made by a scan or seek.</summary>
    public void AnchorHit()
    {
        DbHits++;
        AnchorDbHits++;
    }

    // Created on first use: seeding a generator costs a read of the OS's entropy, and only rand() needs one (most
    // statements, e.g. every GraphQL request's, never call it).
    private Random? _random;

    public Random Random => _random ??= new Random();

    public IGraphWriter RequireWriter() =>
        Writer ?? throw new GraphException(ErrorCodes.AccessMode, "Writing in read access mode not allowed.");

    /// <summary>The transaction's estimated memory (limits: Graph:MemoryLimit:*).</summary>
    public TransactionMemory Memory { get; init; } = new(new QueryMemoryPool(0, 0));

    /// <summary>The transaction, for termination by <c>TERMINATE TRANSACTIONS</c> (null when run without one).</summary>
    public ITransactionControl? Transaction { get; init; }

    /// <summary>The database the statement runs on: <c>neo4j</c>, or <c>system</c> for administration commands.</summary>
    public string DatabaseName { get; init; } = "neo4j";

    /// <summary>True when <see cref="Deadline"/> is the client's own timeout rather than the server default.</summary>
    public bool TimeoutSetByClient { get; init; }

    /// <summary>Called once per row or loop iteration: honours cancellation, termination and the timeout. Reads
    /// nothing but a counter except every <see cref="CheckEvery"/> calls.</summary>
    public void Tick()
    {
        if (++_ticks < _nextCheck) return;
        _nextCheck = _ticks + CheckEvery;
        CheckLimits();
    }

    /// <summary>Like <see cref="Tick"/> for a step that costs <paramref name="units"/> iterations' worth of work
    /// (copying a long string or list), so expensive steps reach the clock sooner.</summary>
    public void Work(long units)
    {
        _ticks += units;
        if (_ticks < _nextCheck) return;
        _nextCheck = _ticks + CheckEvery;
        CheckLimits();
    }

    public void CheckLimits()
    {
        // TERMINATE TRANSACTIONS: Neo4j's transient Terminated (retrying in a new transaction may succeed).
        if (Transaction?.TerminatedBy is not null)
            throw new GraphException(ErrorCodes.TransactionTerminatedWhileRunning,
                "The transaction has been terminated. Retry your operation in a new transaction, and you should see a successful result. Explicitly terminated by the user.");
        // The caller cancelled (a Bolt RESET, GOODBYE or disconnect): the client-side Terminated the Bolt server reports.
        if (Cancellation.IsCancellationRequested || Transaction is { Cancelled: true })
            throw new GraphException(ErrorCodes.TransactionTerminated,
                "The transaction has been terminated. The client cancelled the query or went away.",
                new OperationCanceledException(Cancellation));
        if (Deadline is { } d && DateTimeOffset.UtcNow > d)
            throw Err.TimedOut(TimeoutSetByClient);
    }

    // The parameters read so far, by the reference of their name: a compiled `$p` holds one name string for every
    // evaluation, so a repeated read compares references instead of hashing and comparing the name (a `paths`
    // statement reads its parameters some 200 times). Invariant: Parameters never changes during the statement, and a
    // statement runs on one thread at a time, so the slots need no locking.
    private const int ParamSlots = 8;
    private string?[]? _paramNames;
    private object?[]? _paramValues;
    private int _paramNext;

    public object? Param(string name)
    {
        if (_paramNames is { } names)
        {
            for (var i = 0; i < names.Length; i++)
                if (ReferenceEquals(names[i], name)) return _paramValues![i];
        }
        if (!Parameters.TryGetValue(name, out var v))
            throw new GraphException(ErrorCodes.ParameterMissing, $"Expected parameter(s): {name}") { Detail = "MissingParameter" };
        names = _paramNames ??= new string?[ParamSlots];
        _paramValues ??= new object?[ParamSlots];
        // Round robin: a statement with more than eight parameters keeps the last eight it read.
        var slot = _paramNext;
        _paramNext = (slot + 1) % ParamSlots;
        names[slot] = name;
        _paramValues[slot] = v;
        return v;
    }

    public object? Temporal(string lowerName, IReadOnlyList<object?> args) =>
        TemporalBridge.Invoke(lowerName, args, StatementTime, TransactionTime, Engine.DefaultTimeZone);
}
