using System.Net;
using Xunit;

namespace KnowledgeGraph.Api.Tests.Faults;

/// <summary>The service as a real process, started once for a test class (by default with Bolt off); subclasses pass
/// their own command line and how long the service may take to become healthy.</summary>
public class ApiProcessFixture : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private readonly TimeSpan _healthyWithin;
    private readonly string[] _arguments;

    public ApiProcessFixture()
        : this(TimeSpan.FromSeconds(90), "--Bolt:Enabled=false")
    {
    }

    protected ApiProcessFixture(TimeSpan healthyWithin, params string[] arguments)
    {
        _healthyWithin = healthyWithin;
        _arguments = arguments;
    }

    internal ApiProcess Api { get; private set; } = null!;

    internal HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public virtual async Task InitializeAsync()
    {
        Api = ApiProcess.Start(_data.Path, _arguments);
        var (status, body) = await HostingTests.WaitForHealthyAsync(Api, _healthyWithin);
        if (status != HttpStatusCode.OK) throw new InvalidOperationException($"the service did not become healthy ({status}: {body})\n{Api.Output}");
    }

    public virtual async Task DisposeAsync()
    {
        Http.Dispose();
        if (Api is not null) await Api.DisposeAsync();
        _data.Dispose();
    }
}
