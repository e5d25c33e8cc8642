using KnowledgeGraph.Errors;
using KnowledgeGraph.Storage.Indexes;
using KnowledgeGraph.Storage.Model;
using KnowledgeGraph.Storage.Mvcc;
using KnowledgeGraph.Storage.Values;

namespace KnowledgeGraph.Storage;

/// <summary>
/// Loads many nodes and relationships as one transaction without logging them one by one: adjacency and indexes
/// are built once at the end, and a durable store writes a checkpoint instead of a log record (so a 5M-relationship
/// load needs no log buffer). It holds the writer slot until completed or disposed; readers keep running. Nothing
/// is visible (or on disk) before <see cref="CompleteAsync"/> returns; disposing without completing discards it.
/// </summary>
public sealed class GraphBulkLoader : IAsyncDisposable, IDisposable
{
    private readonly GraphStore _store;
    private readonly GraphVersion _version;
    private readonly IndexState[] _suspendedIndexes;
    private readonly long _firstRelId;
    private readonly Dictionary<string, int[]> _labelSets = new(StringComparer.Ordinal);
    private bool _open = true;

    internal GraphBulkLoader(GraphStore store, GraphVersion version)
    {
        _store = store;
        _version = version;
        _firstRelId = version.NextRelId;
        _suspendedIndexes = version.SuspendIndexes();
    }

    /// <summary>Number of nodes in the graph including those created so far.</summary>
    public long NodeCount => _version.NodeCount;

    /// <summary>Number of relationships in the graph including those created so far.</summary>
    public long RelationshipCount => _version.RelCount;

    /// <summary>Creates a node (ids continue the store's sequence); values are validated as in a write transaction.</summary>
    public long CreateNode(IEnumerable<string> labels, IReadOnlyDictionary<string, object?>? properties = null)
    {
        ThrowIfClosed();
        ArgumentNullException.ThrowIfNull(labels);
        var list = labels as IReadOnlyList<string> ?? labels.ToList();
        var key = list.Count == 1 ? list[0] : string.Join('\u0001', list);
        if (!_labelSets.TryGetValue(key, out var tokens))
        {
            foreach (var label in list) ArgumentException.ThrowIfNullOrEmpty(label, nameof(labels));
            tokens = list.Distinct(StringComparer.Ordinal).Select(_version.GetOrCreateLabel).Order().ToArray();
            _labelSets[key] = tokens;
        }

        var bag = ToBag(properties);
        var id = _version.NextNodeId;
        _version.CreateNode(id, tokens, bag);
        return id;
    }

    /// <summary>Creates a relationship between existing nodes (including nodes created by this load).</summary>
    public long CreateRelationship(long startNodeId, long endNodeId, string type, IReadOnlyDictionary<string, object?>? properties = null)
    {
        ThrowIfClosed();
        ArgumentException.ThrowIfNullOrEmpty(type);
        if (!_version.NodeExists(startNodeId)) throw new KeyNotFoundException($"Node with id {startNodeId} does not exist.");
        if (!_version.NodeExists(endNodeId)) throw new KeyNotFoundException($"Node with id {endNodeId} does not exist.");
        var token = _version.GetOrCreateType(type);
        var id = _version.NextRelId;
        _version.CreateRelationship(id, token, startNodeId, endNodeId, ToBag(properties), deferAdjacency: true);
        return id;
    }

    /// <summary>The sorted tokens of a set of labels (created when new), for <see cref="CreateNode(BulkLabels, ReadOnlySpan{int}, ReadOnlySpan{object?})"/>.</summary>
    public BulkLabels Labels(IReadOnlyList<string> labels)
    {
        ThrowIfClosed();
        ArgumentNullException.ThrowIfNull(labels);
        foreach (var label in labels) ArgumentException.ThrowIfNullOrEmpty(label, nameof(labels));
        return new BulkLabels(labels.Distinct(StringComparer.Ordinal).Select(_version.GetOrCreateLabel).Order().ToArray());
    }

    /// <summary>The token of a property key (created when new).</summary>
    public int PropertyKey(string name)
    {
        ThrowIfClosed();
        ArgumentException.ThrowIfNullOrEmpty(name);
        return _version.GetOrCreateKey(name);
    }

    /// <summary>The token of a relationship type (created when new).</summary>
    public int RelationshipType(string type)
    {
        ThrowIfClosed();
        ArgumentException.ThrowIfNullOrEmpty(type);
        return _version.GetOrCreateType(type);
    }

    /// <summary>
    /// Creates a node from tokens: <paramref name="keys"/> (from <see cref="PropertyKey"/>, in any order; a later
    /// duplicate wins) with their <paramref name="values"/> (null sets nothing). The importer's per-row path: no
    /// dictionary and no label lookup per node.
    /// </summary>
    public long CreateNode(BulkLabels labels, ReadOnlySpan<int> keys, ReadOnlySpan<object?> values)
    {
        ThrowIfClosed();
        ArgumentNullException.ThrowIfNull(labels);
        var id = _version.NextNodeId;
        _version.CreateNode(id, labels.Tokens, ToBag(keys, values));
        return id;
    }

    /// <summary>Creates a relationship from tokens (see <see cref="CreateNode(BulkLabels, ReadOnlySpan{int}, ReadOnlySpan{object?})"/>).</summary>
    public long CreateRelationship(long startNodeId, long endNodeId, int type, ReadOnlySpan<int> keys, ReadOnlySpan<object?> values)
    {
        ThrowIfClosed();
        if (!_version.NodeExists(startNodeId)) throw new KeyNotFoundException($"Node with id {startNodeId} does not exist.");
        if (!_version.NodeExists(endNodeId)) throw new KeyNotFoundException($"Node with id {endNodeId} does not exist.");
        var id = _version.NextRelId;
        _version.CreateRelationship(id, type, startNodeId, endNodeId, ToBag(keys, values), deferAdjacency: true);
        return id;
    }

    /// <summary>Builds adjacency and indexes, checks uniqueness constraints, makes the load durable (checkpoint)
    /// and publishes it. Returns the transaction id.</summary>
    public async ValueTask<long> CompleteAsync(CancellationToken ct = default)
    {
        ThrowIfClosed();
        _open = false;
        try
        {
            Bulk.BulkAdjacency.Build(_version, _firstRelId);
            _version.RestoreIndexes(_suspendedIndexes);
            foreach (var index in _version.Indexes.Where(i => i.IsUnique)) CheckUnique(index);
        }
        catch
        {
            _store.ReleaseWriter();
            throw;
        }

        return await _store.CompleteBulkLoadAsync(_version, ct).ConfigureAwait(false);
    }

    private static void CheckUnique(IndexState index)
    {
        IndexEntry? previous = null;
        foreach (var entry in index.Entries)
        {
            if (previous is { } p && ValueOrder.ValueEquals(p.Value, entry.Value))
            {
                throw new GraphException(
                    ErrorCodes.ConstraintValidationFailed,
                    $"Node({p.NodeId}) already exists with label `{index.Descriptor.Label}` and property `{index.Descriptor.Property}` = {PropertyValues.Format(entry.Value)}");
            }

            previous = entry;
        }
    }

    private PropertyBag ToBag(IReadOnlyDictionary<string, object?>? properties)
    {
        if (properties is null || properties.Count == 0) return PropertyBag.Empty;
        var pairs = new List<KeyValuePair<int, object>>(properties.Count);
        foreach (var (key, value) in properties)
        {
            ArgumentException.ThrowIfNullOrEmpty(key, nameof(properties));
            if (value is not null) pairs.Add(new(_version.GetOrCreateKey(key), PropertyValues.Normalize(value)));
        }

        return PropertyBag.From(pairs);
    }

    private static PropertyBag ToBag(ReadOnlySpan<int> keys, ReadOnlySpan<object?> values)
    {
        if (keys.Length != values.Length) throw new ArgumentException("One value per key is needed.", nameof(values));
        var count = 0;
        foreach (var value in values)
        {
            if (value is not null) count++;
        }
        if (count == 0) return PropertyBag.Empty;

        // Insertion sort by key over the few columns of a row; a later duplicate replaces the earlier one.
        var sortedKeys = new int[count];
        var sortedValues = new object[count];
        var n = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            if (values[i] is not { } value) continue;
            var normalized = PropertyValues.Normalize(value);
            var j = n - 1;
            while (j >= 0 && sortedKeys[j] > keys[i]) j--;
            if (j >= 0 && sortedKeys[j] == keys[i])
            {
                sortedValues[j] = normalized;
                continue;
            }
            for (var k = n; k > j + 1; k--)
            {
                sortedKeys[k] = sortedKeys[k - 1];
                sortedValues[k] = sortedValues[k - 1];
            }
            sortedKeys[j + 1] = keys[i];
            sortedValues[j + 1] = normalized;
            n++;
        }
        if (n < count)
        {
            Array.Resize(ref sortedKeys, n);
            Array.Resize(ref sortedValues, n);
        }
        return new PropertyBag(sortedKeys, sortedValues);
    }

    private void ThrowIfClosed()
    {
        if (!_open) throw new InvalidOperationException("The bulk load has been completed or abandoned.");
    }

    /// <summary>Abandons the load if it was not completed (nothing of it becomes visible) and frees the writer slot.</summary>
    public void Dispose()
    {
        if (!_open) return;
        _open = false;
        _store.ReleaseWriter();
    }

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>A label set resolved to the store's tokens by <see cref="GraphBulkLoader.Labels"/>.</summary>
public sealed class BulkLabels
{
    internal BulkLabels(int[] tokens) => Tokens = tokens;

    internal int[] Tokens { get; }
}
