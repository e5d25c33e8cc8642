using GraphQL;
using GraphQL.Resolvers;
using KnowledgeGraph.Errors;
using KnowledgeGraph.GraphQL.Compilation;
using KnowledgeGraph.GraphQL.Execution;
using KnowledgeGraph.Ingestion;
using KnowledgeGraph.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.GraphQL.Ingestion;

/// <summary>
/// The resolvers of ingestDocument and reloadSeeds. Both need the curator key, as every mutation. Ingestion reads the
/// graph through the request's driver (fixed Cypher, parameters only) and never writes it; reloadSeeds writes through
/// the seeder's MERGE statements, the normal write path, so subscribers see its commits like any other.
/// </summary>
internal static class IngestionResolvers
{
    public static IFieldResolver Ingest { get; } = new FuncFieldResolver<object?>(async context =>
    {
        var (request, ingestor) = Prepare(context);
        var input = context.GetArgument<Dictionary<string, object?>>("input");
        var dryRun = input.GetValueOrDefault("dryRun") as bool? ?? true;
        var ingestion = new IngestionRequest(
            input.GetValueOrDefault("text") as string ?? "",
            input.GetValueOrDefault("title") as string,
            input.GetValueOrDefault("url") as string,
            input.GetValueOrDefault("source") as string ?? "",
            input.GetValueOrDefault("publishedAt") as string,
            input.GetValueOrDefault("language") as string,
            // X-KG-Dry-Run (compile only) never writes either.
            dryRun || request.DryRun);
        try
        {
            var result = await ingestor.IngestAsync(request.Driver!(), ingestion, context.CancellationToken).ConfigureAwait(false);
            return IngestionShapes.Result(result);
        }
        catch (IngestionException e)
        {
            throw new KgGraphQLException(e.Code, e.Message, e);
        }
        catch (GraphException e)
        {
            throw RootFieldResolver.Translate(e);
        }
    });

    public static IFieldResolver Reload { get; } = new FuncFieldResolver<object?>(async context =>
    {
        var (request, ingestor) = Prepare(context);
        if (request.DryRun) return IngestionShapes.Reload(new SeedReport("", 0, []));
        try
        {
            var report = await ingestor.ReloadSeedsAsync(request.Driver!(), context.CancellationToken).ConfigureAwait(false);
            return IngestionShapes.Reload(report);
        }
        catch (IngestionException e)
        {
            throw new KgGraphQLException(e.Code, e.Message, e);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new KgGraphQLException(KgErrorCodes.SeedsUnavailable, e.Message, e);
        }
        catch (GraphException e)
        {
            throw RootFieldResolver.Translate(e);
        }
    });

    private static (KgRequestContext Request, DocumentIngestor Ingestor) Prepare(IResolveFieldContext context)
    {
        var request = context.UserContext as KgRequestContext
            ?? throw new InvalidOperationException("The request context is missing.");
        RootFieldResolver.CheckCurator(request);
        if (request.Driver is null)
            throw new KgGraphQLException(KgErrorCodes.GraphUnavailable, "No graph database is configured.");
        var ingestor = context.RequestServices?.GetService<DocumentIngestor>()
            ?? throw new InvalidOperationException("DocumentIngestor is not registered (AddKnowledgeGraphIngestion).");
        return (request, ingestor);
    }
}
