using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace KnowledgeGraph.Bolt.Diagnostics;

/// <summary>
/// The Bolt server's traces and metrics through System.Diagnostics only: open and accepted connections, and one span
/// per RUN (the engine's statement span nests under it). A connection gets no span of its own: drivers pool
/// connections for hours, and a trace per connection would hold every statement it ever carried.
/// </summary>
public static class BoltTelemetry
{
    /// <summary>The ActivitySource and Meter name.</summary>
    public const string Name = "KnowledgeGraph.Bolt";

    private static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Accepted = Meter.CreateCounter<long>(
        "kg.bolt.connections.accepted", "{connection}", "Bolt connections accepted.");
    private static readonly UpDownCounter<long> Open = Meter.CreateUpDownCounter<long>(
        "kg.bolt.connections.open", "{connection}", "Bolt connections open now.");

    /// <summary>Counts a connection as open until the scope is disposed.</summary>
    internal static ConnectionScope Connection()
    {
        Accepted.Add(1);
        Open.Add(1);
        return default;
    }

    /// <summary>The span of one RUN message (auto-commit or in an explicit transaction). <paramref name="serverPort"/>
    /// tells servers in one process apart (their connection ids each count from 1).</summary>
    internal static Activity? Run(long connectionId, bool explicitTransaction, int serverPort)
    {
        var activity = Source.StartActivity("bolt.run", ActivityKind.Server);
        if (activity is null) return null;
        activity.SetTag("network.protocol.name", "bolt");
        activity.SetTag("bolt.connection.id", connectionId);
        activity.SetTag("server.port", serverPort);
        activity.SetTag("bolt.transaction", explicitTransaction ? "explicit" : "auto-commit");
        return activity;
    }

    internal readonly struct ConnectionScope : IDisposable
    {
        public void Dispose() => Open.Add(-1);
    }
}
