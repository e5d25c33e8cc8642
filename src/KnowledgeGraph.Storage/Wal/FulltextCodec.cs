namespace KnowledgeGraph.Storage.Wal;

/// <summary>The one encoding of a fulltext index definition, shared by the log and the checkpoint.</summary>
internal static class FulltextCodec
{
    public static void Write(ByteWriter w, FulltextIndexDescriptor d)
    {
        w.WriteString(d.Name);
        w.WriteByte(d.IsRelationshipIndex ? (byte)1 : (byte)0);
        w.WriteVarUInt((ulong)d.LabelsOrTypes.Count);
        foreach (var t in d.LabelsOrTypes) w.WriteString(t);
        w.WriteVarUInt((ulong)d.Properties.Count);
        foreach (var p in d.Properties) w.WriteString(p);
        w.WriteString(d.Analyzer);
        w.WriteByte(d.EventuallyConsistent ? (byte)1 : (byte)0);
    }

    public static FulltextIndexDescriptor Read(ByteReader r)
    {
        var name = r.ReadString();
        var relationship = r.ReadByte() != 0;
        var tokens = new string[r.ReadCount()];
        for (var i = 0; i < tokens.Length; i++) tokens[i] = r.ReadString();
        var properties = new string[r.ReadCount()];
        for (var i = 0; i < properties.Length; i++) properties[i] = r.ReadString();
        var analyzer = r.ReadString();
        var eventual = r.ReadByte() != 0;
        if (!Indexes.Fulltext.FulltextAnalyzer.TryGet(analyzer, out _)) throw new InvalidDataException($"unknown fulltext analyzer '{analyzer}'");
        return new FulltextIndexDescriptor(name, relationship, tokens, properties, analyzer, eventual);
    }
}
