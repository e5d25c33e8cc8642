using System.Collections.Immutable;
using KnowledgeGraph.Storage.Model;

namespace KnowledgeGraph.Storage.Indexes.Fulltext;

/// <summary>
/// A fulltext index in one version. Like <see cref="IndexState"/> it is built of immutable collections: a fork
/// shares them and every update replaces what it changed (O(log n) per term), so a published version's index is a
/// snapshot and a rolled-back writer's changes simply vanish with its fork.
/// Invariants: <see cref="Docs"/> holds exactly the indexed entities with their analyzed terms per property
/// (null where the property is absent or not a string); each field's postings hold, for every term, the entities
/// whose field contains it with the term frequency; the field's term set holds exactly the posting keys.
/// </summary>
internal sealed class FulltextIndexState
{
    private FulltextField[] _fields;

    public FulltextIndexState(FulltextIndexDescriptor descriptor, int[] sortedEntityTokens, int[] keyTokens)
    {
        Descriptor = descriptor;
        EntityTokens = sortedEntityTokens;
        KeyTokens = keyTokens;
        Analyzer = FulltextAnalyzer.Get(descriptor.Analyzer);
        Docs = ImmutableDictionary<long, string[]?[]>.Empty;
        _fields = keyTokens.Select(_ => FulltextField.Empty).ToArray();
    }

    private FulltextIndexState(FulltextIndexState other)
    {
        Descriptor = other.Descriptor;
        EntityTokens = other.EntityTokens;
        KeyTokens = other.KeyTokens;
        Analyzer = other.Analyzer;
        Docs = other.Docs;
        _fields = (FulltextField[])other._fields.Clone();
    }

    public FulltextIndexDescriptor Descriptor { get; }

    public bool IsRelationship => Descriptor.IsRelationshipIndex;

    /// <summary>Label (or relationship type) tokens, sorted.</summary>
    public int[] EntityTokens { get; }

    /// <summary>Property key token of each field, in the index's property order.</summary>
    public int[] KeyTokens { get; }

    public FulltextAnalyzer Analyzer { get; }

    public ImmutableDictionary<long, string[]?[]> Docs { get; private set; }

    public IReadOnlyList<FulltextField> Fields => _fields;

    public FulltextIndexState Fork() => new(this);

    public bool CoversKey(int key) => Array.IndexOf(KeyTokens, key) >= 0;

    public bool CoversAny(int[] sortedLabels)
    {
        foreach (var t in EntityTokens)
        {
            if (Array.BinarySearch(sortedLabels, t) >= 0) return true;
        }

        return false;
    }

    public bool Covers(int token) => Array.BinarySearch(EntityTokens, token) >= 0;

    /// <summary>The analyzed document of an entity's properties, or null when none of the fields holds text.</summary>
    public string[]?[]? Analyze(PropertyBag? properties)
    {
        if (properties is null) return null;
        string[]?[]? doc = null;
        for (var f = 0; f < KeyTokens.Length; f++)
        {
            var tokens = properties.Get(KeyTokens[f]) switch
            {
                string s => Analyzer.Tokens(s),
                object[] list when list.Length > 0 && list[0] is string => list.SelectMany(x => Analyzer.Tokens((string)x)).ToList(),
                _ => null,
            };
            if (tokens is null) continue;
            doc ??= new string[]?[KeyTokens.Length];
            doc[f] = [.. tokens];
        }

        return doc;
    }

    /// <summary>Replaces the entity's document (null removes it).</summary>
    public void Set(long id, string[]?[]? doc)
    {
        if (Docs.TryGetValue(id, out var old))
        {
            if (doc is not null && SameDoc(old, doc)) return;
            for (var f = 0; f < _fields.Length; f++)
            {
                if (old[f] is { } terms) _fields[f] = _fields[f].Remove(id, terms);
            }

            Docs = Docs.Remove(id);
        }

        if (doc is null) return;
        for (var f = 0; f < _fields.Length; f++)
        {
            if (doc[f] is { } terms) _fields[f] = _fields[f].Add(id, terms);
        }

        Docs = Docs.SetItem(id, doc);
    }

    public void Remove(long id) => Set(id, null);

    /// <summary>Backfill from scratch: one pass with mutable builders, O(total terms · log), no per-entity copying.</summary>
    public void Build(IEnumerable<(long Id, PropertyBag? Properties)> entities)
    {
        var docs = ImmutableDictionary.CreateBuilder<long, string[]?[]>();
        var postings = KeyTokens.Select(_ => new Dictionary<string, Dictionary<long, long>>(StringComparer.Ordinal)).ToArray();
        var lengths = new long[KeyTokens.Length];
        var counts = new long[KeyTokens.Length];
        foreach (var (id, properties) in entities)
        {
            if (Analyze(properties) is not { } doc) continue;
            docs[id] = doc;
            for (var f = 0; f < doc.Length; f++)
            {
                if (doc[f] is not { } terms) continue;
                counts[f]++;
                lengths[f] += terms.Length;
                foreach (var term in terms)
                {
                    if (!postings[f].TryGetValue(term, out var p)) postings[f][term] = p = [];
                    p[id] = FulltextField.Pack(p.TryGetValue(id, out var packed) ? FulltextField.Frequency(packed) + 1 : 1, terms.Length);
                }
            }
        }

        Docs = docs.ToImmutable();
        for (var f = 0; f < _fields.Length; f++) _fields[f] = FulltextField.From(postings[f], lengths[f], counts[f]);
    }

    private static bool SameDoc(string[]?[] a, string[]?[] b)
    {
        for (var f = 0; f < a.Length; f++)
        {
            if (a[f] is null != b[f] is null) return false;
            if (a[f] is { } x && !x.AsSpan().SequenceEqual(b[f]!)) return false;
        }

        return true;
    }
}

/// <summary>One property of a fulltext index: its sorted term dictionary, postings (entity → term frequency and
/// the entity's length in this field, packed, so scoring reads nothing else) and the statistics BM25 needs.
/// Immutable; updates return a new field sharing structure.</summary>
internal sealed class FulltextField
{
    public static readonly FulltextField Empty = new(
        ImmutableSortedSet.Create<string>(StringComparer.Ordinal), ImmutableDictionary.Create<string, ImmutableDictionary<long, long>>(StringComparer.Ordinal), 0, 0);

    private FulltextField(ImmutableSortedSet<string> terms, ImmutableDictionary<string, ImmutableDictionary<long, long>> postings, long totalLength, long docCount)
    {
        Terms = terms;
        Postings = postings;
        TotalLength = totalLength;
        DocCount = docCount;
    }

    public ImmutableSortedSet<string> Terms { get; }

    public ImmutableDictionary<string, ImmutableDictionary<long, long>> Postings { get; }

    /// <summary>Sum of the term counts of every document having this field (for the average length).</summary>
    public long TotalLength { get; }

    /// <summary>Documents having this field.</summary>
    public long DocCount { get; }

    public static FulltextField From(Dictionary<string, Dictionary<long, long>> postings, long totalLength, long docCount)
    {
        var terms = ImmutableSortedSet.CreateRange(StringComparer.Ordinal, postings.Keys);
        var map = ImmutableDictionary.CreateBuilder<string, ImmutableDictionary<long, long>>(StringComparer.Ordinal);
        foreach (var (term, p) in postings) map[term] = p.ToImmutableDictionary();
        return new FulltextField(terms, map.ToImmutable(), totalLength, docCount);
    }

    public FulltextField Add(long id, string[] terms)
    {
        var t = Terms;
        var p = Postings;
        foreach (var (term, count) in Counts(terms))
        {
            if (!p.TryGetValue(term, out var docs))
            {
                docs = ImmutableDictionary<long, long>.Empty;
                t = t.Add(term);
            }

            p = p.SetItem(term, docs.SetItem(id, Pack(count, terms.Length)));
        }

        return new FulltextField(t, p, TotalLength + terms.Length, DocCount + 1);
    }

    public FulltextField Remove(long id, string[] terms)
    {
        var t = Terms;
        var p = Postings;
        foreach (var (term, _) in Counts(terms))
        {
            if (!p.TryGetValue(term, out var docs)) continue;
            docs = docs.Remove(id);
            if (docs.IsEmpty)
            {
                p = p.Remove(term);
                t = t.Remove(term);
            }
            else
            {
                p = p.SetItem(term, docs);
            }
        }

        return new FulltextField(t, p, TotalLength - terms.Length, DocCount - 1);
    }

    /// <summary>Term frequency (low 32 bits) and field length (high 32 bits) of one posting.</summary>
    public static long Pack(int frequency, int length) => ((long)length << 32) | (uint)frequency;

    public static int Frequency(long packed) => (int)(packed & 0xFFFFFFFF);

    public static int Length(long packed) => (int)(packed >> 32);

    private static Dictionary<string, int> Counts(string[] terms)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in terms) counts[term] = counts.GetValueOrDefault(term) + 1;
        return counts;
    }
}
