using KnowledgeGraph.Bolt.Protocol.PackStream;

namespace KnowledgeGraph.Bolt.Protocol.Messages;

/// <summary>
/// The body PULL and DISCARD share: one map <c>{n, qid?}</c>. Invariant: n is -1 (all) or positive; qid -1 (the last
/// result) is left out on the wire.
/// </summary>
internal static class StreamRequestFields
{
    public static void Write(PackStreamWriter writer, byte signature, long n, long qid)
    {
        writer.WriteStructHeader(1, signature);
        writer.WriteMapHeader(qid == -1 ? 1 : 2);
        writer.WriteString("n");
        writer.WriteInteger(n);
        if (qid != -1)
        {
            writer.WriteString("qid");
            writer.WriteInteger(qid);
        }
    }

    public static (long N, long Qid) Read(PackStreamReader reader, int fieldCount, string message)
    {
        MessageFields.ExpectFields(fieldCount, 1, message);
        var extra = MessageFields.ReadMap(reader, message + " extra");
        var n = extra.GetLong("n") ?? throw new BoltProtocolException($"{message} requires an integer n.");
        if (n == 0 || n < -1) throw new BoltProtocolException($"{message} n must be -1 or positive, not {n}.");
        return (n, extra.GetLong("qid") ?? -1);
    }
}
