using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KnowledgeGraph.Api.Tests;

/// <summary>The whole service in memory (WebApplicationFactory over the real Program) on its own seeded data
/// directory, Bolt off; a subclass adds its settings after <c>base.ConfigureWebHost</c>.</summary>
public class InMemoryServiceFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory _data = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Graph:DataDirectory", _data.Path);
        builder.UseSetting("Bolt:Enabled", "false");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _data.Dispose();
    }
}
