using System.Buffers.Binary;
using System.IO.Hashing;
using KnowledgeGraph.Errors;
using KnowledgeGraph.Storage.Indexes;
using KnowledgeGraph.Storage.Bulk;
using KnowledgeGraph.Storage.Model;
using KnowledgeGraph.Storage.Mvcc;
using KnowledgeGraph.Storage.Wal;

namespace KnowledgeGraph.Storage.Checkpoints;

/// <summary>Loads a checkpoint into a fresh version, verifying every block; damage fails with file and offset.</summary>
internal static class CheckpointReader
{
    public sealed record Loaded(GraphVersion Version, string DatabaseId);

    public static Loaded Load(string path, LabelSetTable labelSets, long owner)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        Span<byte> head = stackalloc byte[8];
        if (file.ReadAtLeast(head, 8, throwOnEndOfStream: false) < 8
            || BinaryPrimitives.ReadUInt32LittleEndian(head) != CheckpointFormat.Magic
            || BinaryPrimitives.ReadInt32LittleEndian(head[4..]) != CheckpointFormat.FormatVersion)
        {
            throw Corrupt(path, 0, "not a checkpoint file of this format");
        }

        var v = GraphVersion.CreateEmpty(labelSets, owner).Fork(owner);
        var suspended = v.SuspendIndexes();
        string? databaseId = null;
        var labels = new List<int>();
        var types = new List<int>();
        var keys = new List<int>();
        var schema = new List<(byte Kind, string Name, string Label, string Property, IndexType Type)>();
        var fulltext = new List<FulltextIndexDescriptor>();
        long expectedNodes = -1, expectedRels = -1, nodes = 0, rels = 0;
        var block = Array.Empty<byte>();
        var pairs = new List<KeyValuePair<int, object>>();
        while (expectedNodes < 0)
        {
            var offset = file.Position;
            if (file.ReadAtLeast(head, 8, throwOnEndOfStream: false) < 8) throw Corrupt(path, offset, "the file ends before its end record");
            var length = BinaryPrimitives.ReadInt32LittleEndian(head);
            if (length <= 0 || length > 64 << 20) throw Corrupt(path, offset, "invalid block length");
            if (block.Length < length) block = new byte[length];
            if (file.ReadAtLeast(block.AsSpan(0, length), length, throwOnEndOfStream: false) < length) throw Corrupt(path, offset, "truncated block");
            if (Crc32.HashToUInt32(block.AsSpan(0, length)) != BinaryPrimitives.ReadUInt32LittleEndian(head[4..])) throw Corrupt(path, offset, "block checksum mismatch");

            var r = new ByteReader(block.AsMemory(0, length));
            try
            {
                while (!r.AtEnd)
                {
                    var kind = r.ReadByte();
                    switch (kind)
                    {
                        case CheckpointFormat.Header:
                            databaseId = r.ReadString();
                            v.TxId = r.ReadVarLong();
                            v.NextNodeId = r.ReadVarLong();
                            v.NextRelId = r.ReadVarLong();
                            break;
                        case CheckpointFormat.LabelToken: labels.Add(v.GetOrCreateLabel(r.ReadString())); break;
                        case CheckpointFormat.TypeToken: types.Add(v.GetOrCreateType(r.ReadString())); break;
                        case CheckpointFormat.KeyToken: keys.Add(v.GetOrCreateKey(r.ReadString())); break;
                        case CheckpointFormat.Node:
                        {
                            var id = r.ReadVarLong();
                            var count = r.ReadCount();
                            var set = new int[count];
                            for (var i = 0; i < count; i++) set[i] = labels[r.ReadCount()];
                            Array.Sort(set);
                            v.CreateNode(id, set, ReadProperties(r, keys, pairs));
                            nodes++;
                            break;
                        }

                        case CheckpointFormat.Relationship:
                        {
                            var id = r.ReadVarLong();
                            var type = types[r.ReadCount()];
                            var start = r.ReadVarLong();
                            var end = r.ReadVarLong();
                            v.CreateRelationship(id, type, start, end, ReadProperties(r, keys, pairs), deferAdjacency: true);
                            rels++;
                            break;
                        }

                        case CheckpointFormat.Index:
                        case CheckpointFormat.Constraint:
                            schema.Add((kind, r.ReadString(), r.ReadString(), r.ReadString(), IndexType.Range));
                            break;
                        case CheckpointFormat.TypedIndex:
                            schema.Add((kind, r.ReadString(), r.ReadString(), r.ReadString(), IndexTypes.Read(r.ReadByte())));
                            break;
                        case CheckpointFormat.FulltextIndex:
                            fulltext.Add(FulltextCodec.Read(r));
                            break;
                        case CheckpointFormat.End:
                            expectedNodes = r.ReadVarLong();
                            expectedRels = r.ReadVarLong();
                            break;
                        default:
                            throw new InvalidDataException($"unknown record kind {kind}");
                    }
                }
            }
            catch (Exception e) when (e is InvalidDataException or ArgumentOutOfRangeException)
            {
                throw Corrupt(path, offset, e.Message);
            }
        }

        if (databaseId is null || expectedNodes != nodes || expectedRels != rels || file.Position != file.Length)
        {
            throw Corrupt(path, file.Position, "the content does not match its end record");
        }

        BulkAdjacency.Build(v, 0);
        v.RestoreIndexes(suspended);
        foreach (var (kind, name, label, property, type) in schema)
        {
            if (kind == CheckpointFormat.Constraint) v.ApplyCreateConstraint(name, label, property);
            else v.ApplyCreateIndex(name, label, property, type);
        }

        // Fulltext indexes are not imaged: rebuilt here in one pass over their labels' nodes (O(terms · log)).
        foreach (var descriptor in fulltext) v.ApplyCreateFulltextIndex(descriptor);

        v.Freeze();
        return new Loaded(v, databaseId);
    }

    private static PropertyBag ReadProperties(ByteReader r, List<int> keys, List<KeyValuePair<int, object>> pairs)
    {
        var count = r.ReadCount();
        if (count == 0) return PropertyBag.Empty;
        var keyArray = new int[count];
        var values = new object[count];
        for (var i = 0; i < count; i++)
        {
            keyArray[i] = keys[r.ReadCount()];
            values[i] = ValueCodec.Read(r) ?? throw new InvalidDataException("null property value");
        }

        // Token ids are assigned in file order, so the keys are still sorted; re-sort defensively otherwise.
        for (var i = 1; i < count; i++)
        {
            if (keyArray[i] <= keyArray[i - 1])
            {
                pairs.Clear();
                for (var j = 0; j < count; j++) pairs.Add(new(keyArray[j], values[j]));
                return PropertyBag.From(pairs);
            }
        }

        return new PropertyBag(keyArray, values);
    }

    private static GraphException Corrupt(string path, long offset, string reason) =>
        new(ErrorCodes.StorageError, $"Checkpoint '{path}' is damaged at offset {offset}: {reason}. Refusing to open the store.");
}
