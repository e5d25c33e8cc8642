using System.Buffers.Binary;
using System.IO.Hashing;
using KnowledgeGraph.Storage.Model;
using KnowledgeGraph.Storage.Mvcc;
using KnowledgeGraph.Storage.Wal;

namespace KnowledgeGraph.Storage.Checkpoints;

/// <summary>
/// Writes a checkpoint of an immutable version: to a temporary file, fsync, rename over the previous checkpoint,
/// fsync the directory. Reads only the (published, never mutated) version, so it runs beside readers and writers.
/// </summary>
internal sealed class CheckpointWriter : IDisposable
{
    private readonly FileStream _file;
    private readonly ByteWriter _block = new(CheckpointFormat.BlockTarget + 64 * 1024);

    private CheckpointWriter(FileStream file)
    {
        _file = file;
    }

    public static void Write(string directory, GraphVersion v, string databaseId, CancellationToken ct) =>
        WriteFile(Path.Combine(directory, CheckpointFormat.FileName), v, databaseId, ct);

    /// <summary>Writes the image to <paramref name="path"/> (a checkpoint, or a dump/backup file: same format).</summary>
    public static void WriteFile(string path, GraphVersion v, string databaseId, CancellationToken ct)
    {
        var temp = path + ".tmp";
        try
        {
            using (var writer = new CheckpointWriter(new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20)))
            {
                writer.WriteAll(v, databaseId, ct);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            // A half-written image is worthless and may fill the disk: remove it.
            File.Delete(temp);
            throw;
        }

        DirectorySync.Flush(Path.GetDirectoryName(path)!);
    }

    private void WriteAll(GraphVersion v, string databaseId, CancellationToken ct)
    {
        Span<byte> head = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(head, CheckpointFormat.Magic);
        BinaryPrimitives.WriteInt32LittleEndian(head[4..], CheckpointFormat.FormatVersion);
        _file.Write(head);

        var w = _block;
        w.WriteByte(CheckpointFormat.Header);
        w.WriteString(databaseId);
        w.WriteVarLong(v.TxId);
        w.WriteVarLong(v.NextNodeId);
        w.WriteVarLong(v.NextRelId);
        foreach (var name in v.LabelTokens.Names) Token(CheckpointFormat.LabelToken, name);
        foreach (var name in v.TypeTokens.Names) Token(CheckpointFormat.TypeToken, name);
        foreach (var name in v.KeyTokens.Names) Token(CheckpointFormat.KeyToken, name);

        long nodes = 0, rels = 0;
        const int nodeLeaf = PagedArray<NodeEntry>.LeafSize;
        for (long leaf = 0; leaf * nodeLeaf < v.NextNodeId; leaf++)
        {
            ct.ThrowIfCancellationRequested();
            if (v.Nodes.GetLeaf(leaf) is not { } items) continue;
            for (var i = 0; i < items.Length; i++)
            {
                if (!items[i].Exists) continue;
                w.WriteByte(CheckpointFormat.Node);
                w.WriteVarLong(leaf * nodeLeaf + i);
                var labels = v.LabelSets.Get(items[i].LabelSet);
                w.WriteVarUInt((ulong)labels.Length);
                foreach (var label in labels) w.WriteVarUInt((ulong)label);
                Properties(items[i].Properties);
                nodes++;
                MaybeFlush();
            }
        }

        const int relLeaf = PagedArray<RelEntry>.LeafSize;
        for (long leaf = 0; leaf * relLeaf < v.NextRelId; leaf++)
        {
            ct.ThrowIfCancellationRequested();
            if (v.Rels.GetLeaf(leaf) is not { } items) continue;
            for (var i = 0; i < items.Length; i++)
            {
                ref readonly var rel = ref items[i];
                if (!rel.Exists) continue;
                w.WriteByte(CheckpointFormat.Relationship);
                w.WriteVarLong(leaf * relLeaf + i);
                w.WriteVarUInt((ulong)rel.Type);
                w.WriteVarLong(rel.Start);
                w.WriteVarLong(rel.End);
                Properties(rel.Properties);
                rels++;
                MaybeFlush();
            }
        }

        foreach (var constraint in v.Constraints) Schema(CheckpointFormat.Constraint, constraint.Name, constraint.Label, constraint.Property);
        foreach (var index in v.Indexes)
        {
            if (index.IsUnique) continue;
            var d = index.Descriptor;
            if (d.Type == IndexType.Range)
            {
                Schema(CheckpointFormat.Index, d.Name, d.Label, d.Property);
                continue;
            }

            _block.WriteByte(CheckpointFormat.TypedIndex);
            _block.WriteString(d.Name);
            _block.WriteString(d.Label);
            _block.WriteString(d.Property);
            _block.WriteByte((byte)d.Type);
            MaybeFlush();
        }

        foreach (var fulltext in v.FulltextIndexes)
        {
            w.WriteByte(CheckpointFormat.FulltextIndex);
            FulltextCodec.Write(w, fulltext.Descriptor);
            MaybeFlush();
        }

        w.WriteByte(CheckpointFormat.End);
        w.WriteVarLong(nodes);
        w.WriteVarLong(rels);
        FlushBlock();
        _file.Flush(flushToDisk: true);
    }

    private void Token(byte kind, string name)
    {
        _block.WriteByte(kind);
        _block.WriteString(name);
        MaybeFlush();
    }

    private void Schema(byte kind, string name, string label, string property)
    {
        _block.WriteByte(kind);
        _block.WriteString(name);
        _block.WriteString(label);
        _block.WriteString(property);
        MaybeFlush();
    }

    private void Properties(PropertyBag? bag)
    {
        if (bag is null)
        {
            _block.WriteVarUInt(0);
            return;
        }

        _block.WriteVarUInt((ulong)bag.Count);
        for (var i = 0; i < bag.Count; i++)
        {
            _block.WriteVarUInt((ulong)bag.Keys[i]);
            ValueCodec.Write(_block, bag.Values[i]);
        }
    }

    private void MaybeFlush()
    {
        if (_block.Length >= CheckpointFormat.BlockTarget) FlushBlock();
    }

    private void FlushBlock()
    {
        if (_block.Length == 0) return;
        Span<byte> head = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(head, _block.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(head[4..], Crc32.HashToUInt32(_block.WrittenSpan));
        _file.Write(head);
        _file.Write(_block.WrittenSpan);
        _block.Clear();
    }

    public void Dispose() => _file.Dispose();
}
