using System.Net;
using KnowledgeGraph.Bolt.Hosting;
using KnowledgeGraph.Bolt.Server;
using KnowledgeGraph.Cypher;
using KnowledgeGraph.Driver;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KnowledgeGraph.Bolt.Tests.Infrastructure;

/// <summary>
/// A minimal host serving an in-memory embedded database over Bolt on a free port (Bolt:Port=0), wired the way
/// the API wires it (AddBoltServer). Can be restarted on the same port against the same database.
/// </summary>
public sealed class BoltTestServer : IAsyncDisposable
{
    public const string User = "neo4j";
    public const string Password = "test-password";
    public const string ReaderUser = "reader";
    public const string ReaderPassword = "reader-password";

    private readonly Dictionary<string, string?> _settings;
    private IHost? _host;

    private BoltTestServer(GraphDatabase database, Dictionary<string, string?> settings)
    {
        Database = database;
        _settings = settings;
    }

    public GraphDatabase Database { get; }

    public BoltServer Server => _host!.Services.GetRequiredService<BoltServer>();

    public int Port { get; private set; }

    public string BoltUri => $"bolt://127.0.0.1:{Port}";

    public string RoutingUri => $"neo4j://127.0.0.1:{Port}";

    public IPEndPoint EndPoint => new(IPAddress.Loopback, Port);

    public static async Task<BoltTestServer> StartAsync(IDictionary<string, string?>? overrides = null, GraphDatabase? database = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Bolt:Port"] = "0",
            ["Bolt:Username"] = User,
            ["Bolt:Password"] = Password,
            ["Bolt:ReadOnlyUsername"] = ReaderUser,
            ["Bolt:ReadOnlyPassword"] = ReaderPassword,
        };
        // KG_BOLT_TEST_DIRECT=N runs every test server with Bolt:DirectConnections=N (0: the whole suite on the async
        // path; the default serves the tests' connections in direct mode), unless a test sets it itself.
        if (Environment.GetEnvironmentVariable("KG_BOLT_TEST_DIRECT") is { Length: > 0 } direct) settings["Bolt:DirectConnections"] = direct;
        foreach (var (k, v) in overrides ?? new Dictionary<string, string?>()) settings[k] = v;
        var server = new BoltTestServer(database ?? GraphDatabase.CreateInMemory(), settings);
        await server.StartHostAsync().ConfigureAwait(false);
        return server;
    }

    private async Task StartHostAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(_settings);
        // KG_BOLT_TEST_LOG=1 prints the server's debug log (connection ends, admission) when a test needs explaining.
        if (Environment.GetEnvironmentVariable("KG_BOLT_TEST_LOG") is { Length: > 0 })
        {
            builder.Logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Debug);
            builder.Logging.AddSimpleConsole();
        }
        builder.Services.AddSingleton<IGraphDriver>(Database);
        builder.Services.AddBoltServer(builder.Configuration);
        _host = builder.Build();
        await _host.StartAsync().ConfigureAwait(false);
        Port = _host.Services.GetRequiredService<BoltServer>().BoundEndpoint!.Port;
        _settings["Bolt:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture); // a restart reuses the port
    }

    /// <summary>Stops the host (closing every connection) without disposing the database.</summary>
    public async Task StopAsync()
    {
        if (_host is null) return;
        await _host.StopAsync().ConfigureAwait(false);
        _host.Dispose();
        _host = null;
    }

    /// <summary>Stops and starts again on the same port, serving the same database.</summary>
    public async Task RestartAsync()
    {
        await StopAsync().ConfigureAwait(false);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await StartHostAsync().ConfigureAwait(false);
                return;
            }
            catch (InvalidOperationException) when (attempt < 50)
            {
                await Task.Delay(100).ConfigureAwait(false); // the port may linger for a moment
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await Database.DisposeAsync().ConfigureAwait(false);
    }
}
