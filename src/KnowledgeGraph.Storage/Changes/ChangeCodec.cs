using KnowledgeGraph.Storage.Wal;

namespace KnowledgeGraph.Storage.Changes;

/// <summary>
/// The payload of a change file record: a transaction's changes (<see cref="RecordKind.Transaction"/>), a mark that
/// every data change up to a transaction is in the file (<see cref="RecordKind.CoveredThrough"/>, written before a
/// checkpoint drops the log), or a revocation of the records after a transaction that never became durable
/// (<see cref="RecordKind.RevokeAfter"/>, a log write failed under them).
/// </summary>
internal static class ChangeCodec
{
    public enum RecordKind : byte
    {
        Transaction = 1,
        CoveredThrough = 2,
        RevokeAfter = 3,
    }

    public static void WriteTransaction(ByteWriter w, CommittedChanges tx)
    {
        w.WriteByte((byte)RecordKind.Transaction);
        w.WriteVarLong(tx.TxId);
        w.WriteInt64(tx.StartTime.UtcTicks);
        w.WriteInt64(tx.CommitTime.UtcTicks);
        w.WriteVarUInt((ulong)tx.Changes.Count);
        if (tx.Changes is EncodedChanges encoded)
        {
            // Encoded by the diff already, with the same per-change encoding: copied as it is.
            w.WriteRaw(encoded.Body);
            return;
        }
        // A relationship's endpoints repeat across a transaction (the diff shares one reference object per node):
        // each is encoded once and its bytes copied after that. The encoding is the same as writing it again.
        var references = new Dictionary<NodeReference, (int Start, int Length)>(ReferenceEqualityComparer.Instance);
        foreach (var change in tx.Changes) WriteChange(w, change, references);
    }

    /// <summary>Encodes one change; <paramref name="references"/> remembers where each endpoint's bytes are in
    /// <paramref name="w"/> (positions in that writer), so one writer must keep one dictionary.</summary>
    public static void WriteChange(ByteWriter w, EntityChange change, Dictionary<NodeReference, (int Start, int Length)> references)
    {
        switch (change)
        {
            case NodeChange n:
                w.WriteByte(0);
                w.WriteString(n.ElementId);
                w.WriteByte((byte)n.Operation);
                Strings(w, n.Labels);
                Keys(w, n.Keys);
                w.WriteByte((byte)((n.Before is null ? 0 : 1) | (n.After is null ? 0 : 2)));
                if (n.Before is not null) NodeState(w, n.Before);
                if (n.After is not null) NodeState(w, n.After);
                break;
            case RelationshipChange r:
                w.WriteByte(1);
                w.WriteString(r.ElementId);
                w.WriteByte((byte)r.Operation);
                w.WriteString(r.Type);
                Reference(w, r.Start, references);
                Reference(w, r.End, references);
                w.WriteByte((byte)((r.Before is null ? 0 : 1) | (r.After is null ? 0 : 2)));
                if (r.Before is not null) Properties(w, r.Before);
                if (r.After is not null) Properties(w, r.After);
                break;
        }
        Strings(w, change.ChangedProperties);
    }

    public static void WriteMark(ByteWriter w, RecordKind kind, long txId)
    {
        w.WriteByte((byte)kind);
        w.WriteVarLong(txId);
    }

    /// <summary>Reads a record: its kind, transaction id and, for a transaction, its changes.</summary>
    public static (RecordKind Kind, long TxId, CommittedChanges? Changes) Read(ByteReader r)
    {
        var kind = (RecordKind)r.ReadByte();
        var txId = r.ReadVarLong();
        if (kind is RecordKind.CoveredThrough or RecordKind.RevokeAfter) return (kind, txId, null);
        if (kind != RecordKind.Transaction) throw new InvalidDataException($"Unknown change record kind {(byte)kind}.");
        var start = new DateTimeOffset(r.ReadInt64(), TimeSpan.Zero);
        var commit = new DateTimeOffset(r.ReadInt64(), TimeSpan.Zero);
        var changes = ReadChanges(r, r.ReadCount());
        return (kind, txId, new CommittedChanges(txId, start, commit, changes));
    }

    /// <summary>Reads <paramref name="count"/> changes written by <see cref="WriteChange"/>.</summary>
    public static List<EntityChange> ReadChanges(ByteReader r, int count)
    {
        var changes = new List<EntityChange>(count);
        for (var i = 0; i < count; i++)
        {
            var isRelationship = r.ReadByte() == 1;
            var elementId = r.ReadString();
            var op = (ChangeOperation)r.ReadByte();
            if (!isRelationship)
            {
                var labels = Strings(r);
                var keys = Keys(r);
                var sides = r.ReadByte();
                var before = (sides & 1) != 0 ? NodeState(r) : null;
                var after = (sides & 2) != 0 ? NodeState(r) : null;
                changes.Add(new NodeChange(elementId, op, labels, keys, before, after) { ChangedProperties = Strings(r) });
            }
            else
            {
                var type = r.ReadString();
                var start2 = Reference(r);
                var end = Reference(r);
                var sides = r.ReadByte();
                var before = (sides & 1) != 0 ? Properties(r) : null;
                var after = (sides & 2) != 0 ? Properties(r) : null;
                changes.Add(new RelationshipChange(elementId, op, type, start2, end, before, after) { ChangedProperties = Strings(r) });
            }
        }
        return changes;
    }

    private static void Strings(ByteWriter w, IReadOnlyList<string> values)
    {
        w.WriteVarUInt((ulong)values.Count);
        foreach (var v in values) w.WriteString(v);
    }

    private static List<string> Strings(ByteReader r)
    {
        var count = r.ReadCount();
        var list = new List<string>(count);
        for (var i = 0; i < count; i++) list.Add(r.ReadString());
        return list;
    }

    private static void Properties(ByteWriter w, IReadOnlyDictionary<string, object> properties)
    {
        w.WriteVarUInt((ulong)properties.Count);
        foreach (var (key, value) in properties)
        {
            w.WriteString(key);
            ValueCodec.Write(w, value);
        }
    }

    private static Dictionary<string, object> Properties(ByteReader r)
    {
        var count = r.ReadCount();
        var map = new Dictionary<string, object>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = r.ReadString();
            map[key] = ValueCodec.Read(r) ?? throw new InvalidDataException("Null property value in a change record.");
        }
        return map;
    }

    private static void NodeState(ByteWriter w, NodeState state)
    {
        Strings(w, state.Labels);
        Properties(w, state.Properties);
    }

    private static NodeState NodeState(ByteReader r) => new(Strings(r), Properties(r));

    private static void Keys(ByteWriter w, IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object>>> keys)
    {
        w.WriteVarUInt((ulong)keys.Count);
        foreach (var (label, maps) in keys)
        {
            w.WriteString(label);
            w.WriteVarUInt((ulong)maps.Count);
            foreach (var m in maps) Properties(w, m);
        }
    }

    private static Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object>>> Keys(ByteReader r)
    {
        var count = r.ReadCount();
        var keys = new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object>>>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var label = r.ReadString();
            var n = r.ReadCount();
            var maps = new List<IReadOnlyDictionary<string, object>>(n);
            for (var j = 0; j < n; j++) maps.Add(Properties(r));
            keys[label] = maps;
        }
        return keys;
    }

    private static void Reference(ByteWriter w, NodeReference node, Dictionary<NodeReference, (int Start, int Length)> written)
    {
        if (written.TryGetValue(node, out var at))
        {
            // Reserve first (it may move the buffer), then copy from the earlier bytes' place in the moved buffer.
            var target = w.Reserve(at.Length);
            w.At(at.Start, at.Length).CopyTo(target);
            return;
        }
        var start = w.Length;
        w.WriteString(node.ElementId);
        Strings(w, node.Labels);
        Keys(w, node.Keys);
        written[node] = (start, w.Length - start);
    }

    private static NodeReference Reference(ByteReader r) => new(r.ReadString(), Strings(r), Keys(r));
}
