namespace KnowledgeGraph.Storage.Wal;

/// <summary>Encodes the operations of one open transaction into the payload of its log record.</summary>
internal sealed class WalRecordBuilder
{
    private readonly ByteWriter _w = new(512);

    public ByteWriter Payload => _w;

    public void CreateNode(long id, IReadOnlyList<string> labels, IReadOnlyList<KeyValuePair<string, object>> properties)
    {
        _w.WriteByte((byte)WalOp.CreateNode);
        _w.WriteVarLong(id);
        _w.WriteVarUInt((ulong)labels.Count);
        foreach (var label in labels) _w.WriteString(label);
        WriteProperties(properties);
    }

    public void CreateRelationship(long id, string type, long start, long end, IReadOnlyList<KeyValuePair<string, object>> properties)
    {
        _w.WriteByte((byte)WalOp.CreateRelationship);
        _w.WriteVarLong(id);
        _w.WriteString(type);
        _w.WriteVarLong(start);
        _w.WriteVarLong(end);
        WriteProperties(properties);
    }

    public void SetProperty(bool node, long id, string key, object? value)
    {
        _w.WriteByte((byte)(node ? WalOp.SetNodeProperty : WalOp.SetRelationshipProperty));
        _w.WriteVarLong(id);
        _w.WriteString(key);
        ValueCodec.Write(_w, value);
    }

    public void Label(bool add, long id, string label)
    {
        _w.WriteByte((byte)(add ? WalOp.AddLabel : WalOp.RemoveLabel));
        _w.WriteVarLong(id);
        _w.WriteString(label);
    }

    public void Delete(bool node, long id)
    {
        _w.WriteByte((byte)(node ? WalOp.DeleteNode : WalOp.DeleteRelationship));
        _w.WriteVarLong(id);
    }

    public void Schema(WalOp op, string name, string? label = null, string? property = null)
    {
        _w.WriteByte((byte)op);
        _w.WriteString(name);
        if (op is WalOp.CreateIndex or WalOp.CreateConstraint)
        {
            _w.WriteString(label!);
            _w.WriteString(property!);
        }
    }

    public void CreateTypedIndex(string name, string label, string property, IndexType type)
    {
        _w.WriteByte((byte)WalOp.CreateTypedIndex);
        _w.WriteString(name);
        _w.WriteString(label);
        _w.WriteString(property);
        _w.WriteByte((byte)type);
    }

    public void CreateFulltextIndex(FulltextIndexDescriptor d)
    {
        _w.WriteByte((byte)WalOp.CreateFulltextIndex);
        FulltextCodec.Write(_w, d);
    }

    private void WriteProperties(IReadOnlyList<KeyValuePair<string, object>> properties)
    {
        _w.WriteVarUInt((ulong)properties.Count);
        foreach (var (key, value) in properties)
        {
            _w.WriteString(key);
            ValueCodec.Write(_w, value);
        }
    }
}
