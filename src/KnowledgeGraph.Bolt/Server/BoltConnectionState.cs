namespace KnowledgeGraph.Bolt.Server;

/// <summary>The Bolt 5 server states of one connection.</summary>
public enum BoltConnectionState
{
    /// <summary>Before the version handshake.</summary>
    Negotiation,

    /// <summary>Handshake done; waiting for HELLO.</summary>
    Connected,

    /// <summary>5.1+: HELLO done, waiting for LOGON.</summary>
    Authentication,

    /// <summary>Ready for RUN, BEGIN, ROUTE, TELEMETRY.</summary>
    Ready,

    /// <summary>An auto-commit result is open: PULL / DISCARD.</summary>
    Streaming,

    /// <summary>An explicit transaction is open with no open result.</summary>
    TxReady,

    /// <summary>An explicit transaction has open results.</summary>
    TxStreaming,

    /// <summary>A request failed: everything but RESET (and GOODBYE) is IGNORED.</summary>
    Failed,

    /// <summary>A RESET is being processed; requests before it are IGNORED.</summary>
    Interrupted,

    /// <summary>The connection is closed.</summary>
    Defunct,
}
