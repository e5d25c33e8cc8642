using System.Collections;
using KnowledgeGraph.Storage.Wal;

namespace KnowledgeGraph.Storage.Changes;

/// <summary>
/// A large transaction's changes kept as their change-file encoding (<see cref="ChangeCodec.WriteChange"/>, one after
/// the other) instead of one object graph per entity: a 500,000-row load retains one byte array the collector never
/// traces, not millions of records, dictionaries and strings that every later gen2 collection would walk. The window
/// decodes it when a reader asks (<see cref="ChangeLog.Read"/>), so readers always see plain lists; the change file
/// copies the bytes as they are.
/// </summary>
internal sealed class EncodedChanges(ReadOnlyMemory<byte> body, int count) : IReadOnlyList<EntityChange>
{
    /// <summary>Transactions touching at least this many entities are encoded as the diff computes them.</summary>
    public const int Threshold = 4096;

    public ReadOnlySpan<byte> Body => body.Span;

    public int Count => count;

    /// <summary>Every change, decoded afresh (the caller keeps the list as long as it needs it).</summary>
    public List<EntityChange> Decode() => ChangeCodec.ReadChanges(new ByteReader(body), count);

    // Correct but decoding on every call: readers get decoded lists from the window, so these are for completeness.
    public EntityChange this[int index] => Decode()[index];

    public IEnumerator<EntityChange> GetEnumerator() => Decode().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
