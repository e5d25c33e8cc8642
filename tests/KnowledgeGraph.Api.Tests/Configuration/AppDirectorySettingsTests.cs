using System.Net.Http.Json;
using Xunit;

namespace KnowledgeGraph.Api.Tests.Configuration;

/// <summary>
/// The service reads its own appsettings.json wherever it is started from (the host's content root is the working
/// directory), beneath the command line: the settings' log levels keep per-request logging off, and an argument still
/// overrides them.
/// </summary>
public sealed class AppDirectorySettingsTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private const string RequestLog = "Request starting HTTP/1.1 POST";

    [Fact]
    public async Task Service_Should_UseItsOwnSettings_When_StartedFromAnotherDirectory()
    {
        var output = await RequestFromElsewhereAsync();
        Assert.DoesNotContain(RequestLog, output);
        Assert.Contains("Now listening on", output);
    }

    [Fact]
    public async Task CommandLine_Should_OverrideTheExecutablesSettings_When_StartedFromAnotherDirectory()
    {
        var output = await RequestFromElsewhereAsync("--Logging:LogLevel:Microsoft.AspNetCore=Information");
        Assert.Contains(RequestLog, output);
    }

    private static async Task<string> RequestFromElsewhereAsync(params string[] arguments)
    {
        using var elsewhere = new TempDirectory();
        using var data = new TempDirectory();
        await using var api = ApiProcess.StartIn(elsewhere.Path, data.Path, ["--Seed:OnStartup=false", "--Bolt:Enabled=false", .. arguments]);
        var (status, body) = await HostingTests.WaitForHealthyAsync(api, TimeSpan.FromSeconds(90));
        Assert.True(status == System.Net.HttpStatusCode.OK, $"not healthy: {body}\n{api.Output}");
        using var response = await Http.PostAsJsonAsync(new Uri(api.BaseAddress, "/graphql"), new { query = "{ __typename }" });
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        // The request log line is written by the console logger's own thread: give it a moment.
        await Task.Delay(500);
        return api.Output;
    }
}
