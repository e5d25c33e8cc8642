using System.Diagnostics;
using KnowledgeGraph.Cypher.Execution;
using KnowledgeGraph.Cypher.Functions;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Schema;
using KnowledgeGraph.Cypher.Syntax;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Cypher.Session;

/// <summary>Parses, checks and runs one statement inside a <see cref="TxState"/>.</summary>
internal static class StatementRunner
{
    public static Exception Wrap(Exception e) => e switch
    {
        GraphException => e,
        OperationCanceledException => new GraphException(ErrorCodes.TransactionTerminated, "The transaction has been terminated.", e),
        // Parsed queries are bounded in depth, but values are not (a list nested a million deep, built by reduce()
        // or passed as a parameter): recursive value code gives up near the end of the stack instead of crashing.
        InsufficientExecutionStackException => new GraphException(ErrorCodes.ArgumentError,
            "A value or expression is nested too deeply to be processed.", e) { Detail = "ValueTooComplex" },
        KeyNotFoundException => new GraphException(ErrorCodes.EntityNotFound, e.Message, e) { Detail = "DeletedEntityAccess" },
        InvalidCastException => new GraphException(ErrorCodes.TypeError, "Type mismatch: " + e.Message, e) { Detail = "InvalidArgumentType" },
        OverflowException => new GraphException(ErrorCodes.ArithmeticError, e.Message, e) { Detail = "IntegerOverflow" },
        _ => new GraphException(ErrorCodes.UnknownError, e.Message, e),
    };

    /// <summary>Bound on cached statement texts; the cache is dropped whole when full (texts are few in practice).</summary>
    private const int StatementCacheLimit = 2048;

    public static Statement Parse(string text, GraphDatabase db)
    {
        if (db.RecentStatements.Find(text) is { } recent) return recent;
        if (db.StatementCache.TryGetValue(text, out var cached))
        {
            db.RecentStatements.Keep(text, cached);
            return cached;
        }
        var stmt = ParseUncached(text, db);
        if (db.StatementCache.Count >= StatementCacheLimit) db.StatementCache.Clear();
        db.StatementCache[text] = stmt;
        return stmt;
    }

    private static Statement ParseUncached(string text, GraphDatabase db)
    {
        Statement stmt;
        try
        {
            stmt = CypherParser.Parse(text);
            SemanticAnalyzer.Check(stmt, name => db.Procedures.TryGet(name, out var sig, out _)
                ? new Syntax.Semantics.ProcedureSignature(sig.Name,
                    sig.Inputs.Select(i => new Syntax.Semantics.ProcedureField(i.Name, i.Type) { IsOptional = i.IsOptional }).ToList(),
                    sig.Outputs.Select(o => new Syntax.Semantics.ProcedureField(o.Name, o.Type)).ToList())
                : null, name => FunctionKnown(name, db));
        }
        catch (GraphException)
        {
            throw;
        }
        catch (Exception e)
        {
            throw new GraphException(ErrorCodes.SyntaxError, e.Message, e) { Phase = ErrorPhase.CompileTime };
        }
        return stmt;
    }

    /// Unknown functions are a compile-time error in Neo4j (UnknownFunction), even when the call is never reached
    /// (empty match); the check accepts exactly the names FunctionRegistry.Invoke resolves at run time.
    private static bool FunctionKnown(string name, GraphDatabase db)
    {
        var lower = name.ToLowerInvariant();
        return FunctionRegistry.Resolves(lower) || db.Procedures.TryGetFunction(lower, out _);
    }

    /// <summary>The parameter names of each parsed statement, found once (statements are cached and immutable).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Statement, string[]> ParameterNames = new();

    private static List<string>? MissingParameters(Statement stmt, IReadOnlyDictionary<string, object?>? parameters)
    {
        var names = ParameterNames.GetValue(stmt, s => SyntaxTree.Descendants(s)
            .OfType<Parameter>().Select(p => p.Name).Distinct(StringComparer.Ordinal).ToArray());
        // Runs for every statement: no allocation unless something is missing.
        List<string>? missing = null;
        foreach (var name in names)
            if (parameters is null || !parameters.ContainsKey(name)) (missing ??= []).Add(name);
        return missing;
    }

    /// <summary>True when the statement writes, procedures judged by their declared mode (<see cref="StatementFacts"/>).</summary>
    public static bool Writes(Statement stmt, GraphDatabase db) => StatementFacts.Updates(stmt, ((IEngineServices)db).ProcedureWritesCheck);

    /// <summary>
    /// Runs a statement. Auto-commit read queries stream; everything else runs to completion here (so writes are
    /// applied, counted and, for auto-commit, committed before the first record is handed out).
    /// </summary>
    public static async Task<IQueryResult> RunAsync(GraphDatabase db, TxState tx, bool autoCommit, string text,
        IReadOnlyDictionary<string, object?>? parameters, SessionOptions session, EmbeddedSession? bookmarks, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        Statement stmt;
        string databaseName;
        bool writes;
        ExecContext ctx;
        // Everything before the statement runs: any failure here ends an auto-commit transaction unused.
        try
        {
            if (tx.TerminatedBy is not null)
                throw new GraphException(ErrorCodes.TransactionTerminatedWhileRunning, "The transaction has been terminated. Explicitly terminated by the user.");
            stmt = Parse(text, db);
            databaseName = SystemDatabase.Resolve(stmt, session.Database);
            SystemDatabase.Check(stmt, databaseName, db);
            writes = Writes(stmt, db) && stmt.Mode != ExecutionMode.Explain;
            if (writes && session.WritesForbidden)
                throw new GraphException(ErrorCodes.Forbidden, "Write operations are not allowed for this user.");
            if (writes && session.AccessMode == AccessMode.Read)
                throw new GraphException(ErrorCodes.AccessMode, "Writing in read access mode not allowed. Attempted write to internal graph 0 (neo4j)");
            // As Neo4j: every parameter the statement names must be supplied before it runs (EXPLAIN needs no values).
            if (stmt.Mode != ExecutionMode.Explain && MissingParameters(stmt, parameters) is { Count: > 0 } missing)
            {
                throw new GraphException(ErrorCodes.ParameterMissing, "Expected parameter(s): " + string.Join(", ", missing))
                {
                    Phase = ErrorPhase.CompileTime,
                    Detail = "MissingParameter",
                };
            }
            var prms = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (parameters is not null)
                foreach (var (k, v) in parameters) prms[k] = Output.FromClient(v);

            var (reader, writer) = await tx.AcquireAsync(writes, ct).ConfigureAwait(false);
            ctx = new ExecContext(reader, writer, prms, db, tx.Deadline, ct, tx.Started)
            {
                Profiling = stmt.Mode == ExecutionMode.Profile,
                Describing = stmt.Mode != ExecutionMode.Normal,
                Memory = tx.Memory,
                Transaction = tx,
                TimeoutSetByClient = tx.TimeoutSetByClient,
                DatabaseName = databaseName,
                Subqueries = SubqueryRunner.Instance,
            };
            tx.StatementStarted(text);
            // Only a statement with CALL { … } IN TRANSACTIONS calls it: the others allocate no callback.
            if (autoCommit && StatementFacts.UsesInTransactions(stmt)) ctx.NextTransaction = NextTransaction(tx, ctx, ct);
        }
        catch
        {
            if (autoCommit) await tx.RollbackAsync().ConfigureAwait(false);
            throw;
        }

        try
        {
            if (stmt is SchemaCommand sc)
                return await RunSchemaAsync(sc, db, ctx, tx, autoCommit, text, bookmarks, started, ct).ConfigureAwait(false);
            var query = ((QueryStatement)stmt).Query;
            var pipeline = QueryExecutor.Build(query, [Row.Empty], ctx, []);
            var keys = pipeline.Columns;
            var queryType = Writes(stmt, db) ? (keys.Count > 0 ? "rw" : "w") : "r";
            var streams = autoCommit && !writes && stmt.Mode != ExecutionMode.Explain;
            var end = new StatementEnd
            {
                Text = text,
                QueryType = queryType,
                Context = ctx,
                Options = stmt.QueryOptions,
                Keys = keys,
                Plan = stmt.Mode == ExecutionMode.Normal ? null : pipeline.Profile,
                Profiled = stmt.Mode == ExecutionMode.Profile,
                // A streaming auto-commit read ends its transaction when read; the others end it below.
                Commits = streams ? tx : null,
                Bookmarks = streams ? bookmarks : null,
            };
            if (stmt.Mode == ExecutionMode.Explain)
            {
                tx.StatementEnded();
                if (autoCommit) await tx.RollbackAsync().ConfigureAwait(false);
                return new EmbeddedResult(keys, [], end, started);
            }
            // A query without RETURN still runs every row (its side effects) but yields no records.
            var records = keys.Count == 0 ? Drain(pipeline.Rows) : ToRecords(pipeline.Rows, keys, ctx);
            if (streams)
                return new EmbeddedResult(keys, records, end, started) { AvailableAfter = Stopwatch.GetElapsedTime(started), Transaction = tx, Statement = ctx };
            var buffered = records.ToList();
            // Every row is read and the enumeration disposed: the statement's leases go back to their pools.
            ctx.Finish();
            // The statement is over: what it buffered is released (an explicit transaction runs one at a time).
            tx.StatementEnded();
            tx.Memory.ReleaseAll();
            if (autoCommit) bookmarks?.SetBookmark(await tx.CommitAsync(ct).ConfigureAwait(false));
            return new EmbeddedResult(keys, buffered, end, started) { AvailableAfter = Stopwatch.GetElapsedTime(started) };
        }
        catch (Exception e)
        {
            tx.StatementEnded();
            tx.Memory.ReleaseAll();
            if (autoCommit || tx.HasWriter) await tx.RollbackAsync().ConfigureAwait(false);
            throw Wrap(e);
        }
    }

    private static IEnumerable<Record> Drain(IEnumerable<Row> rows)
    {
        foreach (var _ in rows) { }
        yield break;
    }

    /// <summary>The rows as records, converted as they are pulled (one iterator: no closure or delegate per run).</summary>
    private static IEnumerable<Record> ToRecords(IEnumerable<Row> rows, IReadOnlyList<string> keys, ExecContext ctx)
    {
        foreach (var r in rows) yield return ToRecord(r, keys, ctx);
    }

    /// <summary>Ends an auto-commit statement's transaction and continues in a new one (IN TRANSACTIONS batches).</summary>
    private static Func<bool, long?> NextTransaction(TxState tx, ExecContext ctx, CancellationToken ct) => commit =>
    {
        // The executor is synchronous (pull-based); a batch boundary waits for its durable commit here.
        // Hosts run without a SynchronizationContext, so blocking cannot deadlock.
        var (r, w, committed) = tx.NextAsync(commit, ct).GetAwaiter().GetResult();
        ctx.Rebind(r, w);
        return committed;
    };

    private static Record ToRecord(Row r, IReadOnlyList<string> keys, ExecContext ctx)
    {
        var values = new object?[keys.Count];
        for (var i = 0; i < values.Length; i++) values[i] = Output.ToClient(r[keys[i]], ctx);
        return new Record(keys, values);
    }

    private static async Task<IQueryResult> RunSchemaAsync(SchemaCommand sc, GraphDatabase db, ExecContext ctx, TxState tx, bool autoCommit, string text,
        EmbeddedSession? bookmarks, long started, CancellationToken ct)
    {
        var (keys, rows) = sc switch
        {
            ShowCommand { Target: ShowTarget.Transactions } show => SchemaExecutor.Project(TransactionCommands.AllColumns,
                TransactionCommands.DefaultColumns, TransactionCommands.Show(show, db, ctx), show.Yield, show.Where, show.Return, ctx),
            TerminateTransactionsCommand terminate => SchemaExecutor.Project(TransactionCommands.TerminateColumns,
                TransactionCommands.TerminateColumns, TransactionCommands.Terminate(terminate, db, tx, ctx), terminate.Yield,
                terminate.Where, terminate.Return, ctx),
            _ => SchemaExecutor.Run(sc, ctx),
        };
        var records = rows.Select(r => ToRecord(r, keys, ctx)).ToList();
        tx.StatementEnded();
        if (autoCommit) bookmarks?.SetBookmark(await tx.CommitAsync(ct).ConfigureAwait(false));
        var queryType = sc is ShowCommand or TerminateTransactionsCommand ? "r" : "s";
        var end = new StatementEnd { Text = text, QueryType = queryType, Context = ctx, Options = sc.QueryOptions, Keys = keys };
        return new EmbeddedResult(keys, records, end, started);
    }
}
