using KnowledgeGraph.Storage.Indexes;
using KnowledgeGraph.Storage.Model;

namespace KnowledgeGraph.Storage.Mvcc;

/// <summary>
/// One state of the graph. A published version is immutable: readers pin one and read it without locks for as long
/// as they like (the garbage collector frees versions nobody references). The single writer works on a
/// <see cref="Fork"/> stamped with its own generation, mutating pages it copied itself and nothing else; commit
/// freezes the fork and publishes it by swapping one reference. Rollback simply drops the fork.
/// </summary>
internal sealed partial class GraphVersion
{
    private GraphVersion(LabelSetTable labelSets, long owner)
    {
        LabelSets = labelSets;
        Owner = owner;
    }

    /// <summary>Id of the last transaction whose effects this version contains.</summary>
    public long TxId { get; set; }

    /// <summary>The write generation allowed to mutate this version (meaningless once published).</summary>
    public long Owner { get; }

    public LabelSetTable LabelSets { get; }

    public PagedArray<NodeEntry> Nodes { get; private set; } = null!;

    public PagedArray<RelEntry> Rels { get; private set; } = null!;

    /// <summary>Ids are handed out increasingly and never reused, so a snapshot can never confuse two entities.</summary>
    public long NextNodeId { get; set; }

    public long NextRelId { get; set; }

    public long NodeCount { get; private set; }

    public long RelCount { get; private set; }

    public TokenTable LabelTokens { get; private set; } = null!;

    public TokenTable TypeTokens { get; private set; } = null!;

    public TokenTable KeyTokens { get; private set; } = null!;

    public long[] LabelCounts { get; private set; } = [];

    public long[] TypeCounts { get; private set; } = [];

    public PagedArray<ulong>?[] LabelBits { get; private set; } = [];

    public PagedArray<ulong>?[] TypeBits { get; private set; } = [];

    /// <summary>Replaced, never changed in place (copy on write), so a reader may hand the array out.</summary>
    public IndexState[] Indexes
    {
        get => _indexes;
        private set
        {
            _indexes = value;
            _indexDescriptors = null;
        }
    }

    private IndexState[] _indexes = [];
    private IndexDescriptor[]? _indexDescriptors;

    /// <summary>The descriptors of <see cref="Indexes"/>, made once per version and index set: every cached plan's
    /// schema check reads them, per run. Two threads may both make it; either array is the same.</summary>
    public IndexDescriptor[] IndexDescriptors => _indexDescriptors ??= Array.ConvertAll(_indexes, static i => i.Descriptor);

    /// <summary>Per property-key token: the write generation that last set or removed that key on any node (0:
    /// never since this version's lineage was loaded). Lets caches of neighbours ordered by a property tell whether
    /// the order may have changed between two versions.</summary>
    public long[] NodeKeyStamps { get; private set; } = [];

    /// <summary>Per label token: the write generation that last added or removed that label on an existing node.</summary>
    public long[] LabelStamps { get; private set; } = [];

    /// <summary>Replaced, never changed in place (copy on write), so a reader may hand the array out.</summary>
    public ConstraintDescriptor[] Constraints { get; private set; } = [];

    /// <summary>Writer only: adjacency of nodes touched by the open transaction (packed again by <see cref="Freeze"/>).</summary>
    public Dictionary<long, AdjacencyBuilder>? PendingAdjacency { get; private set; }

    /// <summary>Writer only: values added to unique indexes by the open transaction, checked at commit.</summary>
    public List<(IndexState Index, object Value, long NodeId)>? UniqueChecks { get; private set; }

    /// <summary>Writer only: nodes deleted without detach, checked for remaining relationships at commit.</summary>
    public HashSet<long>? DeletedNodes { get; private set; }

    public static GraphVersion CreateEmpty(LabelSetTable labelSets, long owner)
    {
        return new GraphVersion(labelSets, owner)
        {
            Nodes = new PagedArray<NodeEntry>(owner),
            Rels = new PagedArray<RelEntry>(owner),
            LabelTokens = new TokenTable(owner),
            TypeTokens = new TokenTable(owner),
            KeyTokens = new TokenTable(owner),
        };
    }

    /// <summary>A writable copy for generation <paramref name="owner"/>; costs O(number of tokens and indexes).</summary>
    public GraphVersion Fork(long owner)
    {
        var indexes = new IndexState[Indexes.Length];
        for (var i = 0; i < indexes.Length; i++) indexes[i] = Indexes[i].Fork();
        return new GraphVersion(LabelSets, owner)
        {
            TxId = TxId,
            Nodes = Nodes.Fork(owner),
            Rels = Rels.Fork(owner),
            NextNodeId = NextNodeId,
            NextRelId = NextRelId,
            NodeCount = NodeCount,
            RelCount = RelCount,
            LabelTokens = LabelTokens,
            TypeTokens = TypeTokens,
            KeyTokens = KeyTokens,
            LabelCounts = (long[])LabelCounts.Clone(),
            TypeCounts = (long[])TypeCounts.Clone(),
            LabelBits = (PagedArray<ulong>?[])LabelBits.Clone(),
            TypeBits = (PagedArray<ulong>?[])TypeBits.Clone(),
            Indexes = indexes,
            NodeKeyStamps = (long[])NodeKeyStamps.Clone(),
            LabelStamps = (long[])LabelStamps.Clone(),
            FulltextIndexes = ForkFulltext(),
            Constraints = Constraints,
            PendingAdjacency = [],
            UniqueChecks = [],
            DeletedNodes = [],
        };
    }

    /// <summary>Packs pending adjacency and drops writer-only state; the version may then be published.</summary>
    public void Freeze()
    {
        if (PendingAdjacency is { } pending)
        {
            foreach (var (nodeId, builder) in pending)
            {
                Nodes.GetMutable(nodeId).Adjacency = builder.Pack();
            }
        }

        PendingAdjacency = null;
        UniqueChecks = null;
        DeletedNodes = null;
    }

    // ---- tokens ----

    public int LabelToken(string name) => LabelTokens.Find(name);

    public int TypeToken(string name) => TypeTokens.Find(name);

    public int KeyToken(string name) => KeyTokens.Find(name);

    public int GetOrCreateLabel(string name)
    {
        var id = LabelTokens.Find(name);
        if (id >= 0) return id;
        if (LabelTokens.Owner != Owner) LabelTokens = LabelTokens.Fork(Owner);
        id = LabelTokens.Add(name);
        LabelCounts = Grow(LabelCounts, id + 1);
        LabelBits = Grow(LabelBits, id + 1);
        return id;
    }

    public int GetOrCreateType(string name)
    {
        var id = TypeTokens.Find(name);
        if (id >= 0) return id;
        if (TypeTokens.Owner != Owner) TypeTokens = TypeTokens.Fork(Owner);
        id = TypeTokens.Add(name);
        TypeCounts = Grow(TypeCounts, id + 1);
        TypeBits = Grow(TypeBits, id + 1);
        return id;
    }

    public int GetOrCreateKey(string name)
    {
        var id = KeyTokens.Find(name);
        if (id >= 0) return id;
        if (KeyTokens.Owner != Owner) KeyTokens = KeyTokens.Fork(Owner);
        return KeyTokens.Add(name);
    }

    private static TItem[] Grow<TItem>(TItem[] array, int length)
    {
        if (array.Length >= length) return array;
        var grown = new TItem[Math.Max(length, array.Length * 2)];
        Array.Copy(array, grown, array.Length);
        return grown;
    }

    // ---- entity access ----

    public bool NodeExists(long id) => (ulong)id < (ulong)NextNodeId && Nodes.Get(id).Exists;

    public bool RelExists(long id) => (ulong)id < (ulong)RelCountLimit && Rels.Get(id).Exists;

    private long RelCountLimit => NextRelId;

    public int[] LabelsOf(in NodeEntry node) => LabelSets.Get(node.LabelSet);

    public PagedArray<ulong>? LabelBitmap(int label) => label >= 0 && label < LabelBits.Length ? LabelBits[label] : null;

    public PagedArray<ulong>? TypeBitmap(int type) => type >= 0 && type < TypeBits.Length ? TypeBits[type] : null;

    private PagedArray<ulong> MutableLabelBits(int label)
    {
        var bits = LabelBits[label];
        if (bits is null || bits.Owner != Owner)
        {
            bits = bits?.Fork(Owner) ?? new PagedArray<ulong>(Owner);
            LabelBits[label] = bits;
        }

        return bits;
    }

    private PagedArray<ulong> MutableTypeBits(int type)
    {
        var bits = TypeBits[type];
        if (bits is null || bits.Owner != Owner)
        {
            bits = bits?.Fork(Owner) ?? new PagedArray<ulong>(Owner);
            TypeBits[type] = bits;
        }

        return bits;
    }
}
