namespace KnowledgeGraph.Bolt.Protocol;

/// <summary>A violation of the Bolt protocol (bad handshake, oversized message, message not allowed in the
/// current state). The server closes the connection on it; the client marks the connection defunct.</summary>
public sealed class BoltProtocolException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BoltProtocolException(string message, Exception? innerException = null) : base(message, innerException) { }
}
