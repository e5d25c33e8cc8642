using Xunit;
using System.Net;
using System.Text.Json;

namespace KnowledgeGraph.Api.Tests;

/// <summary>The service as a real process: start-up, /health, and configuration errors.</summary>
public sealed class HostingTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    [Fact]
    public async Task Health_Should_Answer200WithProvider_When_ServiceStarted()
    {
        using var data = new TempDirectory();
        await using var api = ApiProcess.Start(data.Path);

        var (status, body) = await WaitForHealthyAsync(api, TimeSpan.FromSeconds(60));

        Assert.True(status == HttpStatusCode.OK, $"/health answered {status}: {body}\n{api.Output}");
        using var json = JsonDocument.Parse(body);
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("embedded", json.RootElement.GetProperty("graph").GetProperty("provider").GetString());
        Assert.Equal("ready", json.RootElement.GetProperty("graph").GetProperty("state").GetString());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("version").GetString()));
        Assert.Contains("Now listening on", api.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Graph:Provider=mongodb", "Graph:Provider")]
    [InlineData("--Bolt:Prot=7687", "Bolt:Prot")]
    [InlineData("--Bolt:Port=seven", "Bolt:Port")]
    [InlineData("--Seed:OnStartup=maybe", "Seed:OnStartup")]
    [InlineData("--Graph:Provider=neo4j", "Graph:Neo4j:Uri")]
    [InlineData("--Seed:Directory=/nonexistent-seeds", "Seed:Directory")]
    [InlineData("--Graph:DataDirectory=/proc/kg-data", "/proc/kg-data")] // the store cannot be created there
    [InlineData("--environment=Production", "Bolt:Password")] // Bolt on, no password: refused before anything starts
    public async Task Startup_Should_FailWithOneLineNamingTheKey_When_ConfigurationInvalid(string argument, string key)
    {
        using var data = new TempDirectory();
        await using var api = ApiProcess.Start(data.Path, argument);

        Assert.True(await api.WaitForExitAsync(TimeSpan.FromSeconds(30)), "the service kept running with invalid configuration");
        Assert.NotEqual(0, api.ExitCode);
        var errorLines = api.Output.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(errorLines);
        Assert.Contains(key, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", api.Output, StringComparison.Ordinal);
    }

    internal static async Task<(HttpStatusCode Status, string Body)> WaitForHealthyAsync(ApiProcess api, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        (HttpStatusCode, string) last = (0, "no answer");
        while (DateTime.UtcNow < deadline && !api.HasExited)
        {
            try
            {
                using var response = await Http.GetAsync(new Uri(api.BaseAddress, "/health"));
                last = (response.StatusCode, await response.Content.ReadAsStringAsync());
                if (response.StatusCode == HttpStatusCode.OK) return last;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        return last;
    }
}
