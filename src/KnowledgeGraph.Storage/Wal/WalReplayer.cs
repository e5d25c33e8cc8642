using KnowledgeGraph.Storage.Indexes;
using KnowledgeGraph.Storage.Model;
using KnowledgeGraph.Storage.Mvcc;

namespace KnowledgeGraph.Storage.Wal;

/// <summary>Applies the operations of a committed record to a forked version (recovery after open).</summary>
internal static class WalReplayer
{
    /// <summary>Applies a record; <paramref name="touched"/> collects the ids of the entities it changes (for the
    /// change window, as a live transaction's writer does).</summary>
    public static void Apply(GraphVersion version, ReadOnlyMemory<byte> payload, Changes.ChangeSet? touched = null)
    {
        var r = new ByteReader(payload);
        while (!r.AtEnd)
        {
            var op = (WalOp)r.ReadByte();
            switch (op)
            {
                case WalOp.CreateNode:
                {
                    var id = r.ReadVarLong();
                    touched?.Nodes.Add(id);
                    var labelCount = r.ReadCount();
                    var labels = new int[labelCount];
                    for (var i = 0; i < labelCount; i++) labels[i] = version.GetOrCreateLabel(r.ReadString());
                    Array.Sort(labels);
                    version.CreateNode(id, labels.Distinct().ToArray(), ReadProperties(r, version));
                    break;
                }

                case WalOp.CreateRelationship:
                {
                    var id = r.ReadVarLong();
                    touched?.Relationships.Add(id);
                    var type = version.GetOrCreateType(r.ReadString());
                    var start = r.ReadVarLong();
                    var end = r.ReadVarLong();
                    version.CreateRelationship(id, type, start, end, ReadProperties(r, version));
                    break;
                }

                case WalOp.SetNodeProperty:
                    version.SetNodeProperty(Touch(touched?.Nodes, r.ReadVarLong()), version.GetOrCreateKey(r.ReadString()), ValueCodec.Read(r));
                    break;
                case WalOp.SetRelationshipProperty:
                    version.SetRelationshipProperty(Touch(touched?.Relationships, r.ReadVarLong()), version.GetOrCreateKey(r.ReadString()), ValueCodec.Read(r));
                    break;
                case WalOp.AddLabel:
                    version.AddLabel(Touch(touched?.Nodes, r.ReadVarLong()), version.GetOrCreateLabel(r.ReadString()));
                    break;
                case WalOp.RemoveLabel:
                    version.RemoveLabel(Touch(touched?.Nodes, r.ReadVarLong()), version.GetOrCreateLabel(r.ReadString()));
                    break;
                case WalOp.DeleteRelationship:
                    version.DeleteRelationship(Touch(touched?.Relationships, r.ReadVarLong()));
                    break;
                case WalOp.DeleteNode:
                    version.DeleteNode(Touch(touched?.Nodes, r.ReadVarLong()));
                    break;
                case WalOp.CreateIndex:
                    version.ApplyCreateIndex(r.ReadString(), r.ReadString(), r.ReadString());
                    break;
                case WalOp.CreateTypedIndex:
                    version.ApplyCreateIndex(r.ReadString(), r.ReadString(), r.ReadString(), IndexTypes.Read(r.ReadByte()));
                    break;
                case WalOp.DropIndex:
                    version.ApplyDropIndex(r.ReadString());
                    break;
                case WalOp.CreateConstraint:
                    version.ApplyCreateConstraint(r.ReadString(), r.ReadString(), r.ReadString());
                    break;
                case WalOp.CreateFulltextIndex:
                    version.ApplyCreateFulltextIndex(FulltextCodec.Read(r));
                    break;
                case WalOp.DropConstraint:
                    version.ApplyDropConstraint(r.ReadString());
                    break;
                default:
                    throw new InvalidDataException($"Unknown log operation {(byte)op}.");
            }
        }
    }

    private static long Touch(Changes.TouchedIds? ids, long id)
    {
        ids?.Add(id);
        return id;
    }

    private static PropertyBag ReadProperties(ByteReader r, GraphVersion version)
    {
        var count = r.ReadCount();
        if (count == 0) return PropertyBag.Empty;
        var pairs = new List<KeyValuePair<int, object>>(count);
        for (var i = 0; i < count; i++)
        {
            var key = version.GetOrCreateKey(r.ReadString());
            pairs.Add(new(key, ValueCodec.Read(r) ?? throw new InvalidDataException("Null property in a create record.")));
        }

        return PropertyBag.From(pairs);
    }
}
