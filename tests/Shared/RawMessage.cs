using KnowledgeGraph.Bolt.Protocol.Messages;
using KnowledgeGraph.Bolt.Protocol.PackStream;

namespace KnowledgeGraph.Testing;

/// <summary>A request written by hand, for values our own writer would never produce (out-of-range temporals, deep nesting).</summary>
public sealed class RawMessage(byte signature, Action<PackStreamWriter> write) : IBoltMessage
{
    public byte Signature => signature;

    public void Write(PackStreamWriter writer) => write(writer);

    /// <summary>RUN <paramref name="query"/> with one parameter <c>p</c> whose PackStream form <paramref name="writeParameter"/> writes.</summary>
    public static RawMessage Run(string query, Action<PackStreamWriter> writeParameter) => new(RunMessage.Sig, w =>
    {
        w.WriteStructHeader(3, RunMessage.Sig);
        w.WriteString(query);
        w.WriteMapHeader(1);
        w.WriteString("p");
        writeParameter(w);
        w.WriteMapHeader(0);
    });
}
