namespace KnowledgeGraph.Storage.Mvcc;

internal sealed partial class GraphVersion
{
    /// <summary>Records that this (writable) version changed token <paramref name="token"/>; returns the array to
    /// keep (grown when the token is new). Stamps are write generations, unique per write transaction.</summary>
    private long[] Stamp(long[] stamps, int token)
    {
        if (token >= stamps.Length)
        {
            var grown = new long[Math.Max(token + 1, stamps.Length * 2)];
            stamps.CopyTo(grown, 0);
            stamps = grown;
        }

        stamps[token] = Owner;
        return stamps;
    }

    /// <summary>The stamp of a property key (see <see cref="NodeKeyStamps"/>); 0 for a key never written.</summary>
    public long NodeKeyStamp(int key) => key >= 0 && key < NodeKeyStamps.Length ? NodeKeyStamps[key] : 0;

    /// <summary>The stamp of a label (see <see cref="LabelStamps"/>); 0 for a label never changed on a node.</summary>
    public long LabelStamp(int label) => label >= 0 && label < LabelStamps.Length ? LabelStamps[label] : 0;
}
