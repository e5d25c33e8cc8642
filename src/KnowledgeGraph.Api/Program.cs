using KnowledgeGraph.Api.Configuration;
using KnowledgeGraph.Api.Graph;
using KnowledgeGraph.Api.Health;

try
{
    var builder = WebApplication.CreateBuilder(args);

    builder.Services.AddKnowledgeGraphHealth();
    builder.Services.AddKnowledgeGraphDatabase(builder.Configuration);

    var app = builder.Build();

    app.MapKnowledgeGraphHealth();

    await app.RunAsync();
    return 0;
}
catch (InvalidConfigurationException e)
{
    // One clear line naming the key and the expected form; no stack trace for a configuration mistake.
    await Console.Error.WriteLineAsync($"error: {e.Message}");
    return 1;
}

/// <summary>Entry point, public so tests can host the service with WebApplicationFactory.</summary>
public partial class Program;
