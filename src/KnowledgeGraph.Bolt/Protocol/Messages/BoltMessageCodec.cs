using KnowledgeGraph.Bolt.Protocol.PackStream;

namespace KnowledgeGraph.Bolt.Protocol.Messages;

/// <summary>Turns one de-chunked message into its message type, by signature.</summary>
public static class BoltMessageCodec
{
    /// <summary>
    /// Decodes a request (client → server) message. Malformed PackStream surfaces as
    /// <see cref="PackStreamException"/>; an unknown signature or bad field count as <see cref="BoltProtocolException"/>.
    /// </summary>
    public static IBoltMessage ReadRequest(ReadOnlyMemory<byte> message)
    {
        var reader = new PackStreamReader(message);
        var (fields, signature) = reader.ReadStructHeader();
        IBoltMessage result = signature switch
        {
            HelloMessage.Sig => HelloMessage.Read(reader, fields),
            LogonMessage.Sig => LogonMessage.Read(reader, fields),
            LogoffMessage.Sig => LogoffMessage.Read(fields),
            GoodbyeMessage.Sig => GoodbyeMessage.Read(fields),
            ResetMessage.Sig => ResetMessage.Read(fields),
            RunMessage.Sig => RunMessage.Read(reader, fields),
            PullMessage.Sig => PullMessage.Read(reader, fields),
            DiscardMessage.Sig => DiscardMessage.Read(reader, fields),
            BeginMessage.Sig => BeginMessage.Read(reader, fields),
            CommitMessage.Sig => CommitMessage.Read(fields),
            RollbackMessage.Sig => RollbackMessage.Read(fields),
            RouteMessage.Sig => RouteMessage.Read(reader, fields),
            TelemetryMessage.Sig => TelemetryMessage.Read(reader, fields),
            _ => throw new BoltProtocolException($"Unknown request message signature 0x{signature:X2}."),
        };
        if (reader.Remaining != 0) throw new BoltProtocolException("Trailing bytes after the message.");
        return result;
    }

    /// <summary>Decodes a response (server → client) message.</summary>
    public static IBoltMessage ReadResponse(ReadOnlyMemory<byte> message)
    {
        var reader = new PackStreamReader(message);
        var (fields, signature) = reader.ReadStructHeader();
        return signature switch
        {
            RecordMessage.Sig => RecordMessage.Read(reader, fields),
            SuccessMessage.Sig => SuccessMessage.Read(reader, fields),
            FailureMessage.Sig => FailureMessage.Read(reader, fields),
            IgnoredMessage.Sig => IgnoredMessage.Read(fields),
            _ => throw new BoltProtocolException($"Unknown response message signature 0x{signature:X2}."),
        };
    }
}
