using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.QueryErrors;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Matching;

/// <summary>Mutable search state; every step undoes its changes when the enumeration resumes.</summary>
internal sealed class MatchState
{
    public MatchState(Row row, HashSet<long> used)
    {
        Row = row;
        Used = used;
    }

    public Row Row;
    public readonly List<long> Nodes = [];
    public readonly List<RelValue> Rels = [];
    public readonly HashSet<long> Used;

    /// <summary>WHERE conjuncts the variable-length walk checks as it goes (see <see cref="PathPredicates"/>), with the
    /// row before the MATCH they are evaluated against.</summary>
    public PathPredicates? Filter;
    public Row? FilterRow;
    public object?[]? FilterSlots;

    /// <summary>Starts a new search from <paramref name="start"/> (the anchor) with the input row.</summary>
    public void StartAt(Row row, long start)
    {
        Row = row;
        Nodes.Clear();
        Rels.Clear();
        Nodes.Add(start);
    }
}

/// <summary>
/// Matches patterns against the graph for MATCH, pattern predicates, comprehensions and subqueries.
/// Each part is anchored at its most selective node (bound variable, index seek, smallest label scan, or all
/// nodes; see PatternMatcher.Planning.cs) and expanded through adjacency; relationships are unique within one MATCH
/// pattern (trail semantics).
/// </summary>
internal static partial class PatternMatcher
{
    /// <summary>Seek hints extracted from a MATCH's WHERE: variable → (property, value expression, kind).</summary>
    /// <remarks><see cref="Op"/> is <see cref="BinaryOperator.Equal"/> for equality / IN hints (see <see cref="IsList"/>);
    /// a comparison or STARTS WITH for range / prefix hints, normalised so the property is the left operand.
    /// <see cref="Spatial"/> marks a bounding-box or distance hint on a point property (<see cref="Op"/> is then a
    /// placeholder range operator and <see cref="Value"/> the lower-left corner or the centre).</remarks>
    internal sealed record SeekHint(string Variable, string Property, Expression Value, bool IsList, BinaryOperator Op = BinaryOperator.Equal,
        SpatialBound? Spatial = null);

    public static IEnumerable<Row> MatchPattern(Pattern pattern, Row row, ExecContext ctx, Expression? where = null)
    {
        var hints = where is null ? [] : HintsOnce(where, pattern);
        if (TryMatchBoundPair(pattern, row, ctx, hints) is { } pair) return pair;
        return MatchParts(OrderParts(pattern.Parts, row, ctx, hints), 0, row, ctx, new HashSet<long>(), hints, where);
    }

    private static IEnumerable<Row> MatchParts(IReadOnlyList<PatternPart> parts, int i, Row row, ExecContext ctx, HashSet<long> used, List<SeekHint> hints, Expression? where)
    {
        if (i == parts.Count)
        {
            yield return row;
            yield break;
        }
        foreach (var r in MatchPart(parts[i], row, ctx, used, null, hints, where))
        {
            // Relationships bound by this part stay reserved while later parts match.
            List<long>? added = null;
            if (parts.Count > i + 1)
            {
                added = [];
                foreach (var v in AstWalk.PartVariables(parts[i]))
                    foreach (var rel in RelsOf(r[v]))
                        if (used.Add(rel.Id)) added.Add(rel.Id);
            }
            foreach (var x in MatchParts(parts, i + 1, r, ctx, used, hints, where)) yield return x;
            if (added is not null) foreach (var id in added) used.Remove(id);
        }
    }

    private static IEnumerable<RelValue> RelsOf(object? v) => v switch
    {
        RelValue r => [r],
        IReadOnlyList<object?> l => l.OfType<RelValue>(),
        _ => [],
    };

    public static IEnumerable<Row> MatchPath(PathPattern path, string? pathVar, Row row, ExecContext ctx) =>
        MatchPart(new PatternPart(pathVar, null, path), row, ctx, new HashSet<long>(), null);

    public static IEnumerable<Row> MatchPart(PatternPart part, Row row, ExecContext ctx, HashSet<long> used, string? pathVarOverride, List<SeekHint>? hints = null, Expression? where = null)
    {
        var pathVar = pathVarOverride ?? part.PathVariable;
        if (part.Selector is { Kind: not PathSelectorKind.All } sel)
        {
            // Predicates on the path itself are applied during the search (as Neo4j does), not after selection.
            var partVars = AstWalk.PartVariables(part).ToHashSet();
            var pathPredicate = where is not null && AstWalk.VariablesIn(where).Any(v => partVars.Contains(v) && v != FirstNodeVar(part) && v != LastNodeVar(part))
                ? where : null;
            return ShortestPaths.Match(part, sel, pathVar, row, ctx, used, hints, pathPredicate);
        }
        var filter = pathVarOverride is null ? PathPredicates.For(part, where, row) : null;
        return MatchPlain(part.Path, pathVar, row, ctx, used, hints, filter);
    }

    private static string? FirstNodeVar(PatternPart part) => part.Path.Elements.Count > 0 && part.Path.Elements[0] is NodePattern n ? n.Variable : null;

    private static string? LastNodeVar(PatternPart part) => part.Path.Elements.Count > 0 && part.Path.Elements[^1] is NodePattern n ? n.Variable : null;

    internal static IEnumerable<Row> MatchPlain(PathPattern path, string? pathVar, Row row, ExecContext ctx, HashSet<long> used, List<SeekHint>? hints,
        PathPredicates? filter = null)
    {
        var elems = NormalizedOnce(path);
        var anchorIndex = AnchorIndex(elems, row, ctx, hints);
        if (anchorIndex > 0 && anchorIndex < elems.Count - 1)
            return MatchFromMiddle(elems, anchorIndex, pathVar, row, ctx, used, hints);
        return MatchFromEnd(elems, reverse: anchorIndex > 0 || IntoFromLastEnd(elems, row, ctx), pathVar, row, ctx, used, hints, filter);
    }

    private static IEnumerable<Row> MatchFromEnd(List<PathElement> elems, bool reverse, string? pathVar, Row row, ExecContext ctx, HashSet<long> used, List<SeekHint>? hints,
        PathPredicates? filter)
    {
        if (reverse) elems = Reverse(elems);
        var anchor = (NodePattern)elems[0];
        var reversedVars = reverse ? ListVariables(elems) : null;
        // One search state per call: every step restores it on backtracking, and results are copied out.
        var st = new MatchState(row, used) { Filter = filter, FilterRow = row, FilterSlots = filter?.Slots(row) };
        foreach (var start in Candidates(anchor, row, ctx, hints))
        {
            ctx.Tick();
            st.StartAt(row, start);
            foreach (var _ in MatchElements(elems, 0, start, st, ctx))
            {
                var result = st.Row;
                if (reversedVars is not null) result = ReverseLists(result, reversedVars);
                if (pathVar is not null)
                {
                    var p = new PathValue([.. st.Nodes], [.. st.Rels]);
                    result = result.With(pathVar, reverse ? p.Reverse() : p);
                }
                yield return result;
            }
        }
    }

    /// <summary>Puts the lists a backward match bound (relationship lists, group variables) back in written order.</summary>
    private static Row ReverseLists(Row result, List<string> listVars) =>
        listVars.Count == 0 ? result : result.WithMany(listVars.Where(result.Has).Select(v =>
            new KeyValuePair<string, object?>(v, result[v] is IReadOnlyList<object?> l ? l.Reverse().ToList() : result[v])));

    /// <summary>Variables bound to lists by a part (var-length relationships and group variables).</summary>
    private static List<string> ListVariables(List<PathElement> elems)
    {
        var vars = new List<string>();
        foreach (var e in elems)
        {
            if (e is RelationshipPattern { IsVariableLength: true, Variable: { } v }) vars.Add(v);
            if (e is QuantifiedPathPattern q) vars.AddRange(AstWalk.PathVariables(q.Path));
        }
        return vars;
    }

    private static bool IsBound(NodePattern np, Row row) => np.Variable is not null && row.Has(np.Variable);

    private sealed record HintsEntry(Pattern Pattern, List<SeekHint> Hints);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Expression, HintsEntry> HintsCache = new();

    /// <summary>The seek hints of a MATCH's WHERE, extracted once per syntax tree rather than once per input row (they
    /// depend on the syntax only). Callers never modify the list.</summary>
    private static List<SeekHint> HintsOnce(Expression where, Pattern pattern)
    {
        if (HintsCache.TryGetValue(where, out var entry) && ReferenceEquals(entry.Pattern, pattern)) return entry.Hints;
        entry = new HintsEntry(pattern, ExtractHints(where, pattern).ToList());
        HintsCache.AddOrUpdate(where, entry);
        return entry.Hints;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PathPattern, List<PathElement>> NormalizedCache = new();

    /// <summary><see cref="Normalize"/> once per path pattern (a MATCH runs once per input row with the same
    /// pattern). Callers never modify the list.</summary>
    private static List<PathElement> NormalizedOnce(PathPattern path) => NormalizedCache.GetValue(path, p => Normalize(p.Elements));

    /// <summary>Inserts anonymous node patterns so elements alternate node, connector, node, ... node.</summary>
    internal static List<PathElement> Normalize(IReadOnlyList<PathElement> elements)
    {
        var result = new List<PathElement>();
        foreach (var e in elements)
        {
            var wantNode = result.Count % 2 == 0;
            if (wantNode && e is not NodePattern) result.Add(new NodePattern(null, null, null, null));
            else if (!wantNode && e is NodePattern) throw Err.Semantic("Invalid pattern: two adjacent node patterns", "InvalidPattern", true);
            result.Add(e);
        }
        if (result.Count % 2 == 0) result.Add(new NodePattern(null, null, null, null));
        return result;
    }

    internal static List<PathElement> Reverse(List<PathElement> elems)
    {
        var r = new List<PathElement>(elems.Count);
        for (var i = elems.Count - 1; i >= 0; i--) r.Add(Flip(elems[i]));
        return r;
    }

    private static PathElement Flip(PathElement e) => e switch
    {
        RelationshipPattern rp => Reversed(rp),
        QuantifiedPathPattern q => q with { Path = new PathPattern(AstList.From(Reverse(Normalize(q.Path.Elements)))) },
        _ => e,
    };

    /// <summary>The relationship pattern followed from its far end.</summary>
    internal static RelationshipPattern Reversed(RelationshipPattern rp) => rp with
    {
        Direction = rp.Direction switch
        {
            RelationshipDirection.Outgoing => RelationshipDirection.Incoming,
            RelationshipDirection.Incoming => RelationshipDirection.Outgoing,
            _ => rp.Direction,
        },
    };

    /// <summary>Checks a node pattern against a node (labels, property map, inline WHERE) and binds its variable.</summary>
    private static bool NodeOk(NodePattern np, long node, MatchState st, ExecContext ctx)
    {
        if (np.Variable is not null && st.Row.TryGet(np.Variable, out var bound))
        {
            if (bound is not NodeValue bn || bn.Id != node) return false;
        }
        if (!LabelMatch.NodeLabelsMatch(node, np.Labels, ctx)) return false;
        if (np.Properties is not null && !PropsMatch(np.Properties, st.Row, ctx, k => Output.CheckedNodeProperty(node, k, ctx))) return false;
        if (np.Variable is not null && !st.Row.Has(np.Variable)) st.Row = st.Row.With(np.Variable, new NodeValue(node));
        if (np.Where is not null && Evaluator.Eval(np.Where, st.Row, ctx) is not true) return false;
        return true;
    }

    private static bool PropsMatch(Expression props, Row row, ExecContext ctx, Func<string, object?> get)
    {
        var map = Evaluator.Eval(props, row, ctx);
        if (map is null) return true;
        if (map is not IReadOnlyDictionary<string, object?> m) throw Err.Type("Property map expected", "InvalidArgumentType");
        foreach (var (k, v) in m)
            if (CypherValues.Equal(get(k), v) != true) return false;
        return true;
    }

    private static IEnumerable<long> MatchElements(List<PathElement> elems, int idx, long node, MatchState st, ExecContext ctx)
    {
        var np = (NodePattern)elems[idx];
        var saved = st.Row;
        if (!NodeOk(np, node, st, ctx))
        {
            st.Row = saved;
            yield break;
        }
        if (idx == elems.Count - 1)
        {
            yield return node;
        }
        else
        {
            var next = elems[idx + 1] switch
            {
                RelationshipPattern { IsVariableLength: false } rp => ExpandOne(rp, node, st, ctx, BoundNode((NodePattern)elems[idx + 2], st.Row)),
                RelationshipPattern rp => ExpandVar(rp, node, st, ctx, ReachTowards(rp, (NodePattern)elems[idx + 2], st)),
                QuantifiedPathPattern q => ExpandQpp(q, node, st, ctx),
                _ => throw new InvalidOperationException("malformed pattern"),
            };
            var lastNext = idx + 2 == elems.Count - 1;
            foreach (var n in next)
            {
                if (lastNext)
                {
                    // The chain's last node: checked here rather than through one more iterator per row.
                    var before = st.Row;
                    if (NodeOk((NodePattern)elems[idx + 2], n, st, ctx)) yield return n;
                    st.Row = before;
                    continue;
                }
                foreach (var end in MatchElements(elems, idx + 2, n, st, ctx))
                    yield return end;
            }
        }
        st.Row = saved;
    }

    /// <summary>A type expression's names as a plain disjunction (null when it is not one), computed once per
    /// syntax node rather than once per expansion: a walk expands thousands of times with the same pattern.</summary>
    private sealed class TypeNames(IReadOnlyList<string>? names)
    {
        public readonly IReadOnlyList<string>? Names = names;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<LabelExpression, TypeNames> Disjunctions = new();

    private static IReadOnlyList<string>? Disjunction(LabelExpression? types) =>
        types is null ? null : Disjunctions.GetValue(types, t => new TypeNames(t.AsDisjunction())).Names;

    internal static IEnumerable<RelValue> Rels(long node, RelationshipPattern rp, ExecContext ctx)
    {
        foreach (var r in RelRecords(node, rp, ctx)) yield return RelValue.Of(r);
    }

    /// <summary><see cref="Rels"/> as the store's records: a walk that skips most relationships (the last hop
    /// towards a bound node) makes a relationship value only for those it keeps.</summary>
    private static IEnumerable<Storage.RelationshipRecord> RelRecords(long node, RelationshipPattern rp, ExecContext ctx)
    {
        var types = Disjunction(rp.Types);
        var filter = types is null && rp.Types is not null;
        foreach (var r in ctx.Reader.Adjacency(node, LabelMatch.ToStorage(rp.Direction), types))
        {
            ctx.DbHits++;
            if (filter && !LabelMatch.TypeMatches(r.Type, rp.Types)) continue;
            if (ctx.DeletedRels.Contains(r.Id)) continue;
            yield return r;
        }
    }

    private static bool RelOk(RelationshipPattern rp, long id, Row row, ExecContext ctx) =>
        rp.Properties is null || PropsMatch(rp.Properties, row, ctx, k => Output.CheckedRelProperty(id, k, ctx));

    /// <summary>The node a node pattern's variable is bound to in <paramref name="row"/>, if any.</summary>
    private static long? BoundNode(NodePattern np, Row row) =>
        np.Variable is not null && row.TryGet(np.Variable, out var v) && v is NodeValue n ? n.Id : null;

    /// <summary>One relationship from <paramref name="node"/>. When the node pattern after it is bound
    /// (<paramref name="farBound"/>), a relationship to any other node is skipped before its variable is bound or its
    /// property map and inline WHERE are evaluated: the far node's check would reject it anyway.</summary>
    private static IEnumerable<long> ExpandOne(RelationshipPattern rp, long node, MatchState st, ExecContext ctx, long? farBound)
    {
        object? bound = null;
        var isBound = rp.Variable is not null && st.Row.TryGet(rp.Variable, out bound);
        foreach (var record in RelRecords(node, rp, ctx))
        {
            ctx.Tick();
            if (farBound is { } far && record.OtherNode(node) != far) continue;
            if (st.Used.Contains(record.Id)) continue;
            if (isBound && (bound is not RelValue br || br.Id != record.Id)) continue;
            if (!RelOk(rp, record.Id, st.Row, ctx)) continue;
            var r = RelValue.Of(record);
            var saved = st.Row;
            if (rp.Variable is not null && !isBound) st.Row = st.Row.With(rp.Variable, r);
            if (rp.Where is not null && Evaluator.Eval(rp.Where, st.Row, ctx) is not true)
            {
                st.Row = saved;
                continue;
            }
            var other = r.Other(node);
            st.Used.Add(r.Id);
            st.Rels.Add(r);
            st.Nodes.Add(other);
            yield return other;
            st.Nodes.RemoveAt(st.Nodes.Count - 1);
            st.Rels.RemoveAt(st.Rels.Count - 1);
            st.Used.Remove(r.Id);
            st.Row = saved;
        }
    }

    internal static (long Min, long? Max) Bounds(RelationshipPattern rp) =>
        rp.Quantifier is { } q ? (q.Min, q.Max) : rp.Length is { } l ? (l.Min ?? 1, l.Max) : (1, 1);

    private static IEnumerable<long> ExpandVar(RelationshipPattern rp, long node, MatchState st, ExecContext ctx, ReachSearch? reach)
    {
        var (min, max) = Bounds(rp);
        var acc = new List<RelValue>();
        object? bound = null;
        var isBound = rp.Variable is not null && st.Row.TryGet(rp.Variable, out bound);
        // The walk's first node is on every path it finds.
        if (st.Filter is { EveryNode.Length: > 0 } f && !PathPredicates.Admits(f.EveryNode, new NodeValue(node), st.FilterRow!, st.FilterSlots!, ctx)) yield break;
        foreach (var end in VarStep(rp, node, 0, min, max ?? long.MaxValue, acc, st, ctx, reach))
        {
            var saved = st.Row;
            if (rp.Variable is not null)
            {
                var list = acc.Cast<object?>().ToList();
                if (isBound)
                {
                    if (CypherValues.Equal(bound, list) != true) continue;
                }
                else st.Row = st.Row.With(rp.Variable, list);
            }
            yield return end;
            st.Row = saved;
        }
    }

    /// <summary>Whether a walk at <paramref name="depth"/> may step on to <paramref name="other"/>: not a node the path
    /// already holds when the path's nodes must be distinct, and able to reach the bound far end in the hops left.</summary>
    private static bool MayGoOn(long other, long depth, long max, MatchState st, ExecContext ctx, ReachSearch? reach) =>
        !(st.Filter is { DistinctNodes: true } && st.Nodes.Contains(other)) && (reach is null || reach.MayReach(other, max - depth - 1, ctx));

    private static IEnumerable<long> VarStep(RelationshipPattern rp, long node, long depth, long min, long max, List<RelValue> acc, MatchState st, ExecContext ctx,
        ReachSearch? reach)
    {
        // One nested enumerator per hop: an unbounded pattern over a long chain of relationships would otherwise
        // recurse until the stack overflows.
        if (!System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw new Errors.GraphException(Errors.ErrorCodes.MemoryPoolOutOfMemory,
                $"A variable-length pattern reached {depth} relationships, deeper than the engine can enumerate; give the pattern an upper bound such as [*..100].");
        if (depth >= min) yield return node;
        if (depth >= max) yield break;
        var filter = st.Filter;
        // Going on from a node makes it an inner node of every longer path.
        if (depth >= 1 && filter is { InnerNodes.Length: > 0 } && !PathPredicates.Admits(filter.InnerNodes, new NodeValue(node), st.FilterRow!, st.FilterSlots!, ctx)) yield break;
        foreach (var record in RelRecords(node, rp, ctx))
        {
            ctx.Tick();
            var other = record.OtherNode(node);
            // The last hop towards a bound far node can only end there (its end check would reject any other node).
            if (reach is not null && depth + 1 == max && other != reach.Target) continue;
            if (st.Used.Contains(record.Id) || !RelOk(rp, record.Id, st.Row, ctx)) continue;
            // Without an inline WHERE (which sees the relationship first), the checks on the far node's id come before
            // the relationship value is made: most candidates of a bounded walk fail them.
            var idChecked = rp.Where is null;
            if (idChecked && !MayGoOn(other, depth, max, st, ctx, reach)) continue;
            var r = RelValue.Of(record);
            if (rp.Where is not null && rp.Variable is not null && Evaluator.Eval(rp.Where, st.Row.With(rp.Variable, r), ctx) is not true) continue;
            if (!idChecked && !MayGoOn(other, depth, max, st, ctx, reach)) continue;
            if (filter is not null)
            {
                if (filter.EveryRelationship.Length > 0 && !PathPredicates.Admits(filter.EveryRelationship, r, st.FilterRow!, st.FilterSlots!, ctx)) continue;
                if (filter.EveryNode.Length > 0 && !PathPredicates.Admits(filter.EveryNode, new NodeValue(other), st.FilterRow!, st.FilterSlots!, ctx)) continue;
            }
            st.Used.Add(r.Id);
            st.Rels.Add(r);
            st.Nodes.Add(other);
            acc.Add(r);
            foreach (var x in VarStep(rp, other, depth + 1, min, max, acc, st, ctx, reach)) yield return x;
            acc.RemoveAt(acc.Count - 1);
            st.Nodes.RemoveAt(st.Nodes.Count - 1);
            st.Rels.RemoveAt(st.Rels.Count - 1);
            st.Used.Remove(r.Id);
        }
    }
}
