using KnowledgeGraph.Bolt.Server;
using KnowledgeGraph.Configuration;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.QueryApi;

/// <summary>
/// Neo4j's Query API (v2) over HTTP, so a client with only HTTP can run Cypher:
/// <c>POST /db/{database}/query/v2</c> runs one statement in an implicit transaction; <c>POST …/query/v2/tx</c>
/// begins an explicit one (optionally running a first statement), <c>POST …/tx/{id}</c> runs in it,
/// <c>POST …/tx/{id}/commit</c> commits (optionally after a last statement), <c>DELETE …/tx/{id}</c> rolls back.
/// Statements run through the registered <see cref="IGraphDriver"/>, the same one GraphQL and Bolt use: the embedded
/// engine, or with <c>Graph:Provider=neo4j</c> the remote Neo4j through our Bolt client.
/// </summary>
public static class QueryApiEndpoints
{

    /// <summary>Registers the Query API's options (validated at start) and its transaction registry.</summary>
    public static IServiceCollection AddKnowledgeGraphQueryApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddKgOptions<QueryApiOptions, QueryApiOptionsValidator>(configuration, QueryApiOptions.SectionName);
        services.AddSingleton<QueryApiTransactions>();
        services.AddHostedService(sp => sp.GetRequiredService<QueryApiTransactions>());
        return services;
    }

    /// <summary>Maps the Query API routes under <c>/db/{database}/query/v2</c> (nothing when <c>QueryApi:Enabled=false</c>).</summary>
    public static IEndpointRouteBuilder MapQueryApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (!endpoints.ServiceProvider.GetRequiredService<IOptions<QueryApiOptions>>().Value.Enabled) return endpoints;
        var group = endpoints.MapGroup("/db/{database}/query/v2");
        group.MapPost("", (HttpContext context, string database) => HandleAsync(context, database, RunImplicitAsync));
        group.MapPost("/tx", (HttpContext context, string database) => HandleAsync(context, database, BeginAsync));
        group.MapPost("/tx/{id}", (HttpContext context, string database, string id) => HandleAsync(context, database, (c, s) => RunInTransactionAsync(c, s, id, commit: false)));
        group.MapPost("/tx/{id}/commit", (HttpContext context, string database, string id) => HandleAsync(context, database, (c, s) => RunInTransactionAsync(c, s, id, commit: true)));
        group.MapDelete("/tx/{id}", (HttpContext context, string database, string id) => HandleAsync(context, database, (c, s) => RollbackAsync(c, s, id)));
        return endpoints;
    }

    /// <summary>What one request needs: its user, format and the services.</summary>
    private sealed record Scope(QueryApiUser User, QueryApiFormat Format, IGraphDriver Driver, QueryApiTransactions Transactions, string Database,
        IReadOnlyList<ServerUser>? Users);

    private static async Task HandleAsync(HttpContext context, string database, Func<HttpContext, Scope, Task> handler)
    {
        var format = QueryApiFormat.Plain;
        try
        {
            format = QueryApiFormat.Negotiate(context.Request);
            var users = context.RequestServices.GetService<BoltUserDirectory>();
            var user = await QueryApiAuthentication.AuthenticateAsync(context, users).ConfigureAwait(false);
            // Database names are case-insensitive in Neo4j; the driver (engine or remote Neo4j) knows which exist:
            // the embedded engine serves neo4j and system, and answers Neo.ClientError.Database.DatabaseNotFound (404)
            // for any other name, as on the Bolt port.
            var scope = new Scope(user, format, context.RequestServices.GetRequiredService<IGraphDriver>(),
                context.RequestServices.GetRequiredService<QueryApiTransactions>(), database.ToLowerInvariant(), users?.Users);
            await handler(context, scope).ConfigureAwait(false);
        }
        catch (QueryApiException e)
        {
            await QueryApiResponse.WriteErrorAsync(context, e.Status, e.Code, e.Message, format).ConfigureAwait(false);
        }
        catch (GraphException e)
        {
            await QueryApiResponse.WriteErrorAsync(context, QueryApiException.StatusOf(e.Code), e.Code, e.Message, format).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // the client went away; nothing to answer
        }
    }

    private static KnowledgeGraph.Driver.SessionOptions SessionFor(HttpContext context, Scope scope, QueryRequest request) => new()
    {
        Database = scope.Database,
        AccessMode = request.AccessMode,
        Bookmarks = request.Bookmarks,
        WritesForbidden = scope.User.ReadOnly,
        Connection = new ClientConnection(
            $"http-{context.TraceIdentifier}",
            context.Connection.RemoteIpAddress is { } ip ? $"{ip}:{context.Connection.RemotePort}" : null,
            scope.User.Name,
            context.Request.IsHttps ? "https" : "http",
            context.Request.Host.Value,
            scope.Users),
    };

    private static async Task RunImplicitAsync(HttpContext context, Scope scope)
    {
        var request = await QueryRequest.ReadAsync(context.Request, scope.Format.TypedParameters, statementRequired: true, context.RequestAborted).ConfigureAwait(false);
        await using var session = scope.Driver.OpenSession(SessionFor(context, scope, request));
        var result = await session.RunAsync(request.Statement!, request.Parameters, null, context.RequestAborted).ConfigureAwait(false);
        var eager = await result.ToEagerAsync(context.RequestAborted).ConfigureAwait(false);
        await QueryApiResponse.WriteResultAsync(context, StatusCodes.Status202Accepted, scope.Format, eager, request.IncludeCounters,
            Bookmarks(session), transaction: null).ConfigureAwait(false);
    }

    private static async Task BeginAsync(HttpContext context, Scope scope)
    {
        var request = await QueryRequest.ReadAsync(context.Request, scope.Format.TypedParameters, statementRequired: false, context.RequestAborted).ConfigureAwait(false);
        var session = scope.Driver.OpenSession(SessionFor(context, scope, request));
        IGraphTransaction transaction;
        try
        {
            transaction = await session.BeginTransactionAsync(null, context.RequestAborted).ConfigureAwait(false);
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        QueryApiTransactions.Entry entry;
        try
        {
            entry = scope.Transactions.Add(scope.User.Name, session, transaction);
        }
        catch
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        await entry.Gate.WaitAsync(context.RequestAborted).ConfigureAwait(false);
        try
        {
            var eager = request.Statement is { Length: > 0 } statement
                ? await RunOrEndAsync(scope, entry, statement, request.Parameters, context.RequestAborted).ConfigureAwait(false)
                : null;
            await QueryApiResponse.WriteResultAsync(context, StatusCodes.Status202Accepted, scope.Format, eager, request.IncludeCounters,
                bookmarks: [], transaction: entry).ConfigureAwait(false);
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    private static async Task RunInTransactionAsync(HttpContext context, Scope scope, string id, bool commit)
    {
        var request = await QueryRequest.ReadAsync(context.Request, scope.Format.TypedParameters, statementRequired: !commit, context.RequestAborted).ConfigureAwait(false);
        var entry = await scope.Transactions.AcquireAsync(id, scope.User.Name, context.RequestAborted).ConfigureAwait(false);
        try
        {
            var eager = request.Statement is { Length: > 0 } statement
                ? await RunOrEndAsync(scope, entry, statement, request.Parameters, context.RequestAborted).ConfigureAwait(false)
                : null;
            if (!commit)
            {
                await QueryApiResponse.WriteResultAsync(context, StatusCodes.Status202Accepted, scope.Format, eager, request.IncludeCounters,
                    bookmarks: [], transaction: entry).ConfigureAwait(false);
                return;
            }
            try
            {
                await entry.Transaction.CommitAsync(context.RequestAborted).ConfigureAwait(false);
            }
            finally
            {
                await scope.Transactions.EndAsync(entry, rollback: false).ConfigureAwait(false);
            }
            await QueryApiResponse.WriteResultAsync(context, StatusCodes.Status202Accepted, scope.Format, eager, request.IncludeCounters,
                Bookmarks(entry.Session), transaction: null).ConfigureAwait(false);
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    private static async Task RollbackAsync(HttpContext context, Scope scope, string id)
    {
        var entry = await scope.Transactions.AcquireAsync(id, scope.User.Name, context.RequestAborted).ConfigureAwait(false);
        try
        {
            await scope.Transactions.EndAsync(entry, rollback: true).ConfigureAwait(false);
        }
        finally
        {
            entry.Gate.Release();
        }
        await QueryApiResponse.WriteResultAsync(context, StatusCodes.Status200OK, scope.Format, null, false, bookmarks: [], transaction: null).ConfigureAwait(false);
    }

    /// <summary>Runs a statement in an open transaction; a failure rolls the transaction back and ends it, as Neo4j does.</summary>
    private static async Task<EagerResult> RunOrEndAsync(Scope scope, QueryApiTransactions.Entry entry, string statement,
        IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
    {
        try
        {
            var result = await entry.Transaction.RunAsync(statement, parameters, cancellationToken).ConfigureAwait(false);
            return await result.ToEagerAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (GraphException)
        {
            await scope.Transactions.EndAsync(entry, rollback: true).ConfigureAwait(false);
            throw;
        }
    }

    private static IReadOnlyList<string> Bookmarks(IGraphSession session) => session.LastBookmark is { } b ? [b] : [];
}
