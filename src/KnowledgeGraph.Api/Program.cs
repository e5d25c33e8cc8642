using KnowledgeGraph.Api.Admin;
using KnowledgeGraph.Api.Configuration;
using KnowledgeGraph.Api.Explore;
using KnowledgeGraph.Api.Graph;
using KnowledgeGraph.Api.Health;
using KnowledgeGraph.Api.QueryApi;
using KnowledgeGraph.Api.Ingestion;
using KnowledgeGraph.Api.Telemetry;
using KnowledgeGraph.GraphQL;

if (args is ["admin", ..]) return await AdminCommand.RunAsync(args[1..]);
if (args is ["ingest", ..]) return await IngestCommand.RunAsync(args[1..]);

WebApplication? app = null;
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Configuration.AddAppDirectorySettings();
    builder.Services.AddKnowledgeGraphServices(builder.Configuration);
    ConfigurationContract.Validate(builder.Configuration, builder.Environment, builder.Services);

    app = builder.Build();
    ConfigurationContract.ValidateOptions(app.Services);
    app.OpenKnowledgeGraphDatabase();

    // GraphQL subscriptions over graphql-transport-ws upgrade on /graphql.
    app.UseWebSockets();
    app.MapKnowledgeGraphHealth();
    app.MapKnowledgeGraphAdmin();
    app.MapKnowledgeGraphGraphQL();
    app.MapQueryApi();
    app.MapExplorer();
    app.MapKnowledgeGraphTelemetry();

    await app.StartAsync();
}
catch (Exception e) when (ConfigurationErrors.IsConfigurationError(e))
{
    // Disposing flushes the console logger, so what was logged before the failure (a refused store's critical
    // line) reaches the output before the process exits.
    if (app is not null) await app.DisposeAsync();
    return ConfigurationErrors.Report(e);
}

await app.WaitForShutdownAsync();
return 0;

/// <summary>Entry point, public so tests can host the service with WebApplicationFactory.</summary>
public partial class Program;
