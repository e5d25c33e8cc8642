using System.Collections;
using System.Runtime.CompilerServices;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher.Matching;

/// <summary>
/// Warm graphs: what a statement's walks learnt (adjacency kept, verdicts, distance tables, last-hop indexes, values)
/// stays true for the next statement that walks the same committed snapshot of the same store with the same
/// predicates, when their verdicts depend on nothing but the element, the snapshot and parameters that have the same
/// values (<see cref="PathPredicates.StableParameters"/>). A repeated `paths` request then judges nothing again and
/// reads no adjacency twice. One warm graph per store: the last statement's that could leave one.
/// Invariants: a warm graph is handed to one statement at a time (taken from its slot by an atomic exchange, as from
/// the pool); it is taken only when the store, the snapshot's transaction id, the walks' direction and types, the
/// predicates' structure and every parameter they read are the same; a committed snapshot never changes, and a new
/// commit has a new transaction id, so every verdict and every kept record is what the new statement would compute.
/// PROFILE never takes one, so its db hits are the store reads the statement makes by itself.
/// </summary>
internal sealed partial class WalkGraph
{
    private sealed class WarmSlot
    {
        public WalkGraph? Graph;
    }

    private static readonly ConditionalWeakTable<object, WarmSlot> WarmSlots = new();

    /// <summary>What the contents hold true for: the store (null: not to be kept warm), its snapshot's transaction id,
    /// and the values of <see cref="PathPredicates.StableParameters"/>.</summary>
    private object? _warmStore;
    private long _warmSnapshot;
    private object?[] _warmParameters = [];

    /// <summary>True while a distance table grows: a statement that stopped there leaves one half built.</summary>
    private bool _extending;

    /// <summary>The store's warm graph when it holds what this statement's walks would learn, else null (a warm graph
    /// that does not fit is cleared and pooled).</summary>
    private static WalkGraph? TakeWarm(PathPredicates filter, Direction direction, IReadOnlyList<string>? types,
        LabelExpression? typeTest, ExecContext ctx)
    {
        if (ctx.Profiling || ctx.Reader.CommittedStore is not { } store || !WarmSlots.TryGetValue(store, out var slot)) return null;
        if (Interlocked.Exchange(ref slot.Graph, null) is not { } warm) return null;
        if (warm.Holds(store, filter, direction, types, typeTest, ctx)) return warm;
        warm.ClearIntoPool();
        return null;
    }

    private bool Holds(object store, PathPredicates filter, Direction direction, IReadOnlyList<string>? types, LabelExpression? typeTest, ExecContext ctx)
    {
        if (!ReferenceEquals(_warmStore, store) || _warmSnapshot != ctx.Reader.SnapshotTransactionId || _direction != direction) return false;
        if (!Equals(_typeTest, typeTest) || !SameTypes(_types, types)) return false;
        if (!ReferenceEquals(_filter, filter) && !_filter.Signature.Equals(filter.Signature)) return false;
        return filter.StableParameters is { } names && names.Length == _warmParameters.Length && ParametersMatch(names, _warmParameters, ctx);
    }

    /// <summary>Marks a graph just leased to a statement, cleared or new, as one to keep warm afterwards, when its verdicts
    /// can be.</summary>
    private void MaybeKeepWarm(PathPredicates filter, ExecContext ctx)
    {
        _warmStore = null;
        if (ctx.Profiling || ctx.Reader.CommittedStore is not { } store || filter.StableParameters is not { } names) return;
        // The values are the statement's own: the engine copied them from the caller's (Output.FromClient) and
        // never changes them, so they stay what this statement's predicates read for as long as the graph is warm.
        var values = names.Length == 0 ? [] : new object?[names.Length];
        for (var i = 0; i < names.Length; i++)
            if (!ctx.Parameters.TryGetValue(names[i], out values[i]) || !Owned(values[i])) return;
        (_warmStore, _warmSnapshot, _warmParameters) = (store, ctx.Reader.SnapshotTransactionId, values);
    }

    /// <summary>At the end of its statement: kept as its store's warm graph (the one there before is cleared and pooled)
    /// when it may be, else false.</summary>
    private bool KeepWarm()
    {
        if (_warmStore is not { } store || _extending) return false;
        var slot = WarmSlots.GetValue(store, static _ => new WarmSlot());
        Interlocked.Exchange(ref slot.Graph, this)?.ClearIntoPool();
        return true;
    }

    private static bool ParametersMatch(string[] names, object?[] values, ExecContext ctx)
    {
        for (var i = 0; i < names.Length; i++)
            if (!ctx.Parameters.TryGetValue(names[i], out var value) || !Same(value, values[i])) return false;
        return true;
    }

    private static bool SameTypes(IReadOnlyList<string>? a, IReadOnlyList<string>? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.SequenceEqual(b, StringComparer.Ordinal));

    /// <summary>False for a value holding a byte array: <c>FromClient</c> passes those through, so the caller still
    /// holds them and may change them after the statement.</summary>
    private static bool Owned(object? value)
    {
        switch (value)
        {
            case byte[]:
                return false;
            case IReadOnlyDictionary<string, object?> map:
                foreach (var entry in map)
                    if (!Owned(entry.Value)) return false;
                return true;
            case IList list:
                for (var i = 0; i < list.Count; i++)
                    if (!Owned(list[i])) return false;
                return true;
            default:
                return true;
        }
    }

    /// <summary>The same value: lists and maps element by element (whatever their .NET types), anything else of the
    /// same type and equal (1 and 1.0 are not the same here: a predicate may tell them apart).</summary>
    private static bool Same(object? a, object? b)
    {
        if (a is null || b is null) return a is null && b is null;
        switch (a)
        {
            case string:
                return a.Equals(b);
            case IReadOnlyDictionary<string, object?> map:
            {
                if (b is not IReadOnlyDictionary<string, object?> other || map.Count != other.Count) return false;
                foreach (var (key, value) in map)
                    if (!other.TryGetValue(key, out var o) || !Same(value, o)) return false;
                return true;
            }
            case IList list:
            {
                if (b is not IList other || b is string || list.Count != other.Count) return false;
                for (var i = 0; i < list.Count; i++)
                    if (!Same(list[i], other[i])) return false;
                return true;
            }
            default:
                return a.GetType() == b.GetType() && a.Equals(b);
        }
    }
}
