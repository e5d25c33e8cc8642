using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;
using KnowledgeGraph.GraphQL.Compilation;
using KnowledgeGraph.GraphQL.Schema;
using KnowledgeGraph.GraphQL.Subscriptions;

namespace KnowledgeGraph.GraphQL.Execution;

/// <summary>
/// Resolves every root field (queries and mutations): compiles the field with its whole selection into one
/// Cypher statement, runs it through <see cref="IGraphDriver"/> with the configured timeout, and shapes the rows.
/// </summary>
internal sealed class RootFieldResolver : IFieldResolver
{
    private readonly bool _mutation;
    private readonly CompiledCache? _compiled;

    /// <summary>A resolver for query fields (<paramref name="compiled"/> keeps their compiled Cypher) or mutations (never cached).</summary>
    public RootFieldResolver(bool mutation, CompiledCache? compiled = null)
    {
        _mutation = mutation;
        _compiled = mutation ? null : compiled;
    }

    /// <summary>Compiles the field, or takes it from the cache when the document is a cached one and the variables have a key.</summary>
    private CompiledRoot Compile(IResolveFieldContext context, KgRequestContext request, RootSpec spec)
    {
        var key = _compiled is not null && request.DocumentCached ? CompiledCache.KeyOf(context.Variables) : null;
        if (key is not null && _compiled!.Find(context.FieldAst, key) is { } hit) return hit;
        var compiled = new KgCompiler(context, request.Model, request.Options).CompileRoot(spec);
        if (key is not null) _compiled!.Add(context.FieldAst, key, compiled);
        return compiled;
    }

    public async ValueTask<object?> ResolveAsync(IResolveFieldContext context)
    {
        var request = context.UserContext as KgRequestContext
            ?? throw new InvalidOperationException("The request context is missing.");
        if (!_mutation && request.Resolved is { } resolved && resolved.TryGetValue(context.FieldAst, out var outcome))
        {
            outcome.Error?.Throw();
            return outcome.Value;
        }
        var spec = (RootSpec)context.FieldDefinition.Metadata[FieldSpec.Key]!;
        if (_mutation) CheckCurator(request);
        var compiled = Compile(context, request, spec);
        var type = context.FieldDefinition.ResolvedType;
        if (compiled.Statement is null) return Empty(compiled, type);
        request.Record(compiled.Statement, context.FieldAst.Location.Start);
        if (request.DryRun || request.Driver is null) return Empty(compiled, type);
        var rows = await RowsAsync(request, compiled, OwnChanges(spec, context, request), context.CancellationToken).ConfigureAwait(false);
        return Shape(compiled, rows, type, context.GetArgument<string?>("after") is not null, context.GetArgument<string?>("before") is not null);
    }

    /// <summary>
    /// The direct path (<see cref="Direct.DirectExecutor"/>): a query root field whose compiled Cypher came from the
    /// cache, run and shaped exactly as <see cref="ResolveAsync"/> does, without a GraphQL.NET field context.
    /// </summary>
    internal async Task<object?> ResolveCompiledAsync(CompiledRoot compiled, KgRequestContext request, int position,
        IGraphType? type, bool hasAfter, bool hasBefore, CancellationToken cancellationToken)
    {
        if (_mutation) throw new InvalidOperationException("Mutations never take the direct path.");
        if (compiled.Statement is null) return Empty(compiled, type);
        request.Record(compiled.Statement, position);
        if (request.DryRun || request.Driver is null) return Empty(compiled, type);
        var rows = await RowsAsync(request, compiled, null, cancellationToken).ConfigureAwait(false);
        return Shape(compiled, rows, type, hasAfter, hasBefore);
    }

    private async Task<IReadOnlyList<Driver.Record>> RowsAsync(KgRequestContext request, CompiledRoot compiled,
        (OwnMutationCapture Capture, ChangeFeed Feed)? own, CancellationToken cancellationToken)
    {
        IReadOnlyList<Driver.Record> rows;
        try
        {
            rows = await RunAsync(request, compiled.Statement!, own, cancellationToken).ConfigureAwait(false);
        }
        catch (KgGraphQLException e) when (e.Code == KgErrorCodes.ConstraintViolation && compiled.ConstraintMessage is not null)
        {
            var error = new KgGraphQLException(e.Code, compiled.ConstraintMessage, e.InnerException);
            error.Data["neo4jCode"] = e.Data["neo4jCode"];
            throw error;
        }
        if (rows.Count == 0 && compiled.NotFoundMessage is not null)
            throw new KgGraphQLException(KgErrorCodes.NotFound, compiled.NotFoundMessage);
        return rows;
    }

    internal static void CheckCurator(KgRequestContext request)
    {
        switch (request.Access)
        {
            case CuratorAccess.Disabled:
                throw new KgGraphQLException(KgErrorCodes.MutationsDisabled,
                    "Mutations are disabled: no GraphQL:ApiKey is configured on this server.");
            case CuratorAccess.Anonymous:
                throw new KgGraphQLException(KgErrorCodes.NotAuthenticated,
                    "The current user is not authorized to access this resource: send Authorization: Bearer <GraphQL:ApiKey>.");
        }
    }

    /// <summary>The mutation commit hook of subscriptions: on a graph without change data capture, a mutation captures
    /// what it changes and publishes it after it committed (null otherwise: the graph's change stream has it).</summary>
    private (OwnMutationCapture Capture, ChangeFeed Feed)? OwnChanges(RootSpec spec, IResolveFieldContext context, KgRequestContext request) =>
        _mutation && context.RequestServices?.GetService(typeof(ChangeFeed)) is ChangeFeed { PublishesOwnMutations: true } feed
        && OwnMutationCapture.For(spec.Kind, context, request.Model) is { } capture
            ? (capture, feed)
            : null;

    private async Task<IReadOnlyList<Driver.Record>> RunAsync(KgRequestContext request, CompiledStatement statement,
        (OwnMutationCapture Capture, ChangeFeed Feed)? own, CancellationToken cancellationToken)
    {
        var timeout = request.Options.QueryTimeout;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // The engine enforces the transaction timeout; the token is a backstop for one that is late. Neo4j checks
        // timeouts only every db.transaction.monitor.check.interval (2 s by default), so a short timeout would
        // otherwise not hold there: the request gives up after twice the timeout at most (timeout + 5 s for long ones),
        // and cancelling drops the Bolt connection, which makes the server terminate the transaction.
        cts.CancelAfter(timeout + (timeout < TimeSpan.FromSeconds(5) ? timeout : TimeSpan.FromSeconds(5)));
        try
        {
            var driver = request.Driver!();
            await using var session = driver.OpenSession(new SessionOptions { AccessMode = _mutation ? AccessMode.Write : AccessMode.Read });
            if (own is { } o)
            {
                await using var tx = await session.BeginTransactionAsync(new TransactionConfig { Timeout = timeout }, cts.Token).ConfigureAwait(false);
                var before = await o.Capture.ReadAsync(tx, cts.Token).ConfigureAwait(false);
                var rows = (await (await tx.RunAsync(statement.Query, statement.Parameters, cts.Token).ConfigureAwait(false)).ToEagerAsync(cts.Token).ConfigureAwait(false)).Records;
                var after = await o.Capture.ReadAsync(tx, cts.Token).ConfigureAwait(false);
                await tx.CommitAsync(cts.Token).ConfigureAwait(false);
                // Only once committed: a mutation that failed or rolled back publishes nothing.
                o.Feed.PublishOwn(OwnMutationCapture.Diff(before, after));
                return rows;
            }
            var result = await session.RunAsync(statement.Query, statement.Parameters, new TransactionConfig { Timeout = timeout }, cts.Token).ConfigureAwait(false);
            var eager = await result.ToEagerAsync(cts.Token).ConfigureAwait(false);
            return eager.Records;
        }
        catch (GraphException e) when (cts.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Our deadline fired first: the engine reports how it was stopped (terminated, connection closed), but to
            // the caller this is the timeout.
            throw TimedOut(timeout, e);
        }
        catch (GraphException e)
        {
            throw Translate(e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(timeout, e);
        }
    }

    private static KgGraphQLException TimedOut(TimeSpan timeout, Exception cause) =>
        new(KgErrorCodes.QueryTimeout, $"The query ran longer than {timeout.TotalSeconds:0.###} s.", cause);

    internal static KgGraphQLException Translate(GraphException e)
    {
        var code = e.Code switch
        {
            ErrorCodes.TransactionTimedOut => KgErrorCodes.QueryTimeout,
            ErrorCodes.TransactionTimedOutClientConfiguration => KgErrorCodes.QueryTimeout,
            ErrorCodes.ConstraintValidationFailed => KgErrorCodes.ConstraintViolation,
            _ when e.IsTransient => KgErrorCodes.GraphUnavailable,
            _ => KgErrorCodes.GraphError,
        };
        var error = new KgGraphQLException(code, e.Message, e);
        error.Data["neo4jCode"] = e.Code;
        return error;
    }

    private static bool IsBoolean(IGraphType? type) => type?.GetNamedType().Name == "Boolean";

    private static object? Empty(CompiledRoot compiled, IGraphType? type) => compiled.Shape switch
    {
        ResultShape.Connection => ConnectionPage.From(new Dictionary<string, object?> { [ConnectionPage.TotalKey] = 0L }, false, false),
        ResultShape.List => new List<object?>(),
        ResultShape.ByKeys => compiled.Keys!.Select(_ => (object?)null).ToList(),
        ResultShape.Scalar => IsBoolean(type) ? false : 0,
        _ => null,
    };

    private static object? Shape(CompiledRoot compiled, IReadOnlyList<Driver.Record> rows, IGraphType? type, bool hasAfter, bool hasBefore)
    {
        switch (compiled.Shape)
        {
            case ResultShape.Connection:
                var raw = rows.Count > 0 ? rows[0]["result"] as IReadOnlyDictionary<string, object?> : null;
                return ConnectionPage.From(raw ?? new Dictionary<string, object?>(), hasAfter, hasBefore);
            case ResultShape.Single:
                return rows.Count > 0 ? rows[0]["result"] : null;
            case ResultShape.List:
                return rows.Select(r => r["result"]).ToList();
            case ResultShape.ByKeys:
                var byKey = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var row in rows)
                    if (row["key"] is string key) byKey[key] = row["result"];
                return compiled.Keys!.Select(k => byKey.GetValueOrDefault(k)).ToList();
            default:
                var count = rows.Count > 0 && rows[0]["result"] is long l ? l : 0;
                return IsBoolean(type) ? count > 0 : (int)count;
        }
    }
}
