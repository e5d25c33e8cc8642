using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher.Matching;

/// <summary>
/// A statement's shared walk graph is taken from a process-wide pool and given back when the statement is over
/// (<see cref="ExecContext.Finish"/>), cleared (unless it stays its store's warm graph, WalkGraph.Warm.cs): a `paths`
/// statement then builds none of its dictionaries nor its first adjacency chunk. Invariants: a pooled graph belongs to
/// one statement from <see cref="Leased"/> to <see cref="Release"/> (<see cref="StatementPool{T}"/> hands an object to one taker), and a graph whose walks
/// grew a structure past <see cref="KeepEntries"/> is dropped, not kept (a hub's walk pins nothing).
/// </summary>
internal sealed partial class WalkGraph
{
    /// <summary>A given-back graph is kept only when no structure held more entries than this.</summary>
    internal const int KeepEntries = 1024;

    private static readonly StatementPool<WalkGraph> Pool = new(16);

    // One distance table and one last-hop index kept from the statement before (a `paths` statement has one target).
    private Distances? _spareDistances;
    private Dictionary<long, (int First, int Count)>? _spareIndex;

    /// <summary>A shared graph for the statement of <paramref name="ctx"/>: a pooled one leased to it when the pool
    /// has one and the statement can still lease, else a new one (leased too, so it joins the pool afterwards).</summary>
    private static WalkGraph Leased(PathPredicates filter, Direction direction, IReadOnlyList<string>? types,
        LabelExpression? typeTest, ExecContext ctx)
    {
        var graph = TakeWarm(filter, direction, types, typeTest, ctx);
        // A warm graph's stamp (store, snapshot, parameter values) was just found to hold for this statement too.
        if (graph is not null) graph._filter = filter;
        else
        {
            if ((graph = Pool.Take()) is null) graph = new WalkGraph(filter, Row.Empty, new object?[1], direction, types, typeTest);
            else
            {
                (graph._filter, graph._direction, graph._types, graph._typeTest) = (filter, direction, types, typeTest);
                (graph._row, graph._chunk, graph._used) = (Row.Empty, graph._firstChunk, 0);
            }
            graph.MaybeKeepWarm(filter, ctx);
        }
        // A statement already over keeps the graph to itself (the GC takes it).
        ctx.Lease(graph);
        return graph;
    }

    /// <summary>The statement that leased the graph is over: the graph stays its store's warm graph when it may
    /// (<see cref="KeepWarm"/>), else it is cleared and given back to the pool; it is dropped when its walks grew a
    /// structure past <see cref="KeepEntries"/>. Per-row graphs are never leased.</summary>
    public override void Release()
    {
        if (_forward.Count > KeepEntries || _backward.Count > KeepEntries || _rels.Count > KeepEntries ||
            _nodes.Count > KeepEntries || _nodeValues.Count > KeepEntries || _inner.Count > KeepEntries || _distances.Count > KeepEntries ||
            _lastHops?.Count > KeepEntries || _slots.Length != 1)
            return;
        if (!KeepWarm()) ClearIntoPool();
    }

    /// <summary>Clears the graph and gives it back to the pool.</summary>
    private void ClearIntoPool()
    {
        (_warmStore, _warmParameters, _extending) = (null, [], false);
        // Clear keeps each dictionary's buckets: the next statement's walk fills them without growing.
        _forward.Clear();
        _backward.Clear();
        _rels.Clear();
        _nodes.Clear();
        _nodeValues.Clear();
        _inner.Clear();
        foreach (var table in _distances.Values)
        {
            if (table.Entries > KeepEntries) continue;
            _spareDistances = table;
            break;
        }
        _distances.Clear();
        if (_lastHops is not null)
        {
            foreach (var hops in _lastHops.Values)
            {
                if (hops is null || hops.Index.Count > KeepEntries) continue;
                hops.Index.Clear();
                _spareIndex = hops.Index;
                break;
            }
            _lastHops.Clear();
        }
        (_recentTarget, _recentHops) = (-1, null);
        // The records name their types (strings): cleared so a kept chunk holds nothing of the old statement.
        Array.Clear(_firstChunk);
        // Verdicts belong to the statement (its parameters and snapshot): the next one judges anew.
        Array.Clear(_firstMarks);
        _moreMarks = null;
        _chunk = _firstChunk;
        _used = 0;
        _slots[0] = null;
        (_filter, _types, _typeTest) = (null!, null, null);
        Pool.Give(this);
    }
}
