namespace KnowledgeGraph.GraphQL.Subscriptions;

/// <summary>Limits and timing of GraphQL subscriptions (section <c>GraphQL:Subscriptions</c>).</summary>
public sealed class SubscriptionOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "GraphQL:Subscriptions";

    /// <summary>Subscriptions served at all (WebSocket and SSE); off: subscription requests fail with
    /// <c>KG_SUBSCRIPTIONS_UNAVAILABLE</c>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Active subscriptions one WebSocket connection may hold.</summary>
    public int MaxPerConnection { get; set; } = 20;

    /// <summary>Active subscriptions the whole server holds (WebSocket and SSE together).</summary>
    public int MaxPerServer { get; set; } = 1000;

    /// <summary>Messages waiting to be sent to one client; a client that lets more pile up is dropped (WebSocket
    /// close 1008, SSE response aborted).</summary>
    public int SendQueueLimit { get; set; } = 256;

    /// <summary>Interval of server pings (WebSocket <c>ping</c> message, SSE comment line).</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Time a WebSocket client has to send <c>connection_init</c> (close 4408 after).</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the server asks <c>db.cdc.query</c> for new changes.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The problems of these settings (empty when valid).</summary>
    public IEnumerable<string> Validate()
    {
        if (MaxPerConnection < 1) yield return "GraphQL:Subscriptions:MaxPerConnection must be at least 1.";
        if (MaxPerServer < 1) yield return "GraphQL:Subscriptions:MaxPerServer must be at least 1.";
        if (SendQueueLimit < 1) yield return "GraphQL:Subscriptions:SendQueueLimit must be at least 1.";
        if (KeepAliveInterval <= TimeSpan.Zero) yield return "GraphQL:Subscriptions:KeepAliveInterval must be positive.";
        if (ConnectionInitTimeout <= TimeSpan.Zero) yield return "GraphQL:Subscriptions:ConnectionInitTimeout must be positive.";
        if (PollInterval < TimeSpan.FromMilliseconds(10)) yield return "GraphQL:Subscriptions:PollInterval must be at least 10 ms.";
    }
}
