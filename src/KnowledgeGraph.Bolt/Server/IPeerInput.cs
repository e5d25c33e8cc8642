namespace KnowledgeGraph.Bolt.Server;

/// <summary>
/// What a connection's input stream knows beyond its bytes: whether the peer went away, and whether the requests
/// that arrived behind the running one (the consumer's buffered bytes, then the stream's own) hold an interrupt or a
/// complete request. Implemented by the pumped stream of the async path (<see cref="PeerWatchStream"/>) and by the
/// direct path's <see cref="DirectSocketStream"/>.
/// </summary>
internal interface IPeerInput
{
    /// <summary>True once the peer closed or reset the connection (buffered bytes may still be unread).</summary>
    bool PeerGone { get; }

    /// <summary>True when <paramref name="consumerBuffered"/> followed by the bytes buffered here holds a complete
    /// RESET or GOODBYE (see <see cref="InterruptScanner"/>).</summary>
    bool ContainsInterrupt(ReadOnlySpan<byte> consumerBuffered);

    /// <summary>True when <paramref name="consumerBuffered"/> followed by the bytes buffered here holds a complete
    /// request (see <see cref="InterruptScanner.ContainsCompleteMessage"/>).</summary>
    bool ContainsCompleteMessage(ReadOnlySpan<byte> consumerBuffered);
}
