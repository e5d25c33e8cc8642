using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Matching;
using KnowledgeGraph.Cypher.QueryErrors;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher.Planning;

internal sealed partial class QueryPlanner
{
    /// <summary>A predicate waiting for its variables to be bound: a WHERE conjunct or a pattern element's own test
    /// (labels, property map, inline WHERE).</summary>
    private sealed record Pending(IReadOnlySet<string> Variables, Func<SlotExpression> Compile, string Text, double Selectivity)
    {
        public Expression? Source { get; init; }
    }

    /// <summary>One chain of a MATCH: nodes at even positions, relationships at odd ones; every element named (the
    /// anonymous ones by hidden names).</summary>
    private sealed record Chain(List<NodePattern> Nodes, List<RelationshipPattern> Rels, List<string> NodeNames, List<string> RelNames);

    private void PlanMatch(MatchClause m)
    {
        if ((m.Optional && !_inOptional) || m.Hints.Count > 0 || InterpreterAnchorsBetter(m)) throw Decline();
        // A variable-length walk checks path predicates of the WHERE (all over nodes(p) / relationships(p), node
        // uniqueness) while it walks (Matching/PathPredicates); VarLengthExpand would filter whole paths afterwards.
        if (m.Pattern.Parts.Any(p => PathPredicates.Applies(p, m.Where)))
        {
            PlanPatternWalk(m);
            return;
        }
        _chainPaths.Clear();
        _listRels.Clear();
        _relSlotsReadByWalks.Clear();
        var walks = m.Pattern.Parts.Where(p => p.Selector is { Kind: not PathSelectorKind.All }).ToList();
        var chains = m.Pattern.Parts.Except(walks).Select(ToChain).ToList();
        _clauseRelCount = chains.Sum(c => c.Rels.Count);
        var bound = new HashSet<string>(_scope.Keys, StringComparer.Ordinal);
        var clauseRels = new List<int>();
        var pending = new List<Pending>();
        _whereEqualities.Clear();
        _seekHints = m.Where is null ? null : PatternMatcher.ExtractHints(m.Where, m.Pattern).ToList();
        _clauseNames = AstWalk.PatternVariables(m.Pattern).ToHashSet(StringComparer.Ordinal);
        _clauseExpands.Clear();
        _readRels.Clear();
        foreach (var c in AstWalk.Conjuncts(m.Where))
        {
            pending.Add(Predicate(c));
            if (c is BinaryExpression { Operator: BinaryOperator.Equal } eq)
            {
                if (eq.Left is PropertyAccess { Target: Variable lv } lp && !AstWalk.VariablesIn(eq.Right).Contains(lv.Name))
                    _whereEqualities.Add((lv.Name, lp.Key, eq.Right, false));
                if (eq.Right is PropertyAccess { Target: Variable rv } rp && !AstWalk.VariablesIn(eq.Left).Contains(rv.Name))
                    _whereEqualities.Add((rv.Name, rp.Key, eq.Left, false));
            }
            else if (c is BinaryExpression { Operator: BinaryOperator.In, Left: PropertyAccess { Target: Variable iv } ip } inList
                && !AstWalk.VariablesIn(inList.Right).Contains(iv.Name))
                _whereEqualities.Add((iv.Name, ip.Key, inList.Right, true));
        }
        // Every name of the pattern gets its slot now; a name is bound once an operator has written it.
        foreach (var chain in chains)
        {
            foreach (var name in chain.NodeNames.Concat(chain.RelNames))
                if (!_scope.ContainsKey(name)) _scope[name] = _layout.Add();
            foreach (var name in chain.RelNames)
                if (bound.Contains(name)) throw Decline();
        }
        while (chains.Count > 0)
        {
            // A chain touching a bound node goes first (no cartesian product); otherwise the cheapest start.
            var best = chains
                .Select(c => (Chain: c, Start: ChooseStart(c, bound, pending)))
                .OrderBy(x => x.Start.Cost)
                .First();
            chains.Remove(best.Chain);
            PlanChain(best.Chain, best.Start, bound, clauseRels, pending);
            AfterChain(best.Chain, bound, pending);
        }
        foreach (var walk in walks) PlanWalk(walk, m, bound, clauseRels, pending);
        if (pending.Count > 0)
        {
            // Conjuncts naming variables no pattern binds (or bound only inside the expression) are not covered.
            Flush(pending, bound);
            if (pending.Count > 0) throw Decline();
        }
        ReleaseUnreadRelationships(m);
    }

    /// <summary>
    /// Access paths the planner has no operator for yet, which the interpreter's matcher takes: id / elementId seeks,
    /// range, prefix, IN-list and spatial index seeks, and value-hash joins (an equality valued from another
    /// variable with no index to seek). A query whose WHERE offers one of them stays interpreted rather than
    /// scanning.
    /// </summary>
    private bool InterpreterAnchorsBetter(MatchClause m)
    {
        var labels = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var part in m.Pattern.Parts)
            foreach (var np in part.Path.Elements.OfType<NodePattern>())
                if (np.Labels?.AsConjunction() is { } names)
                {
                    // POINT and TEXT indexes serve only values of their type: the matcher chooses them per value.
                    if (np.Properties is MapLiteral map && names.Any(l => map.Entries.Any(e => HasTypedIndex(l, e.Key)))) return true;
                    if (np.Variable is null) continue;
                    if (!labels.TryGetValue(np.Variable, out var list)) labels[np.Variable] = list = [];
                    list.AddRange(names);
                }
        if (m.Where is null) return false;
        var patternVars = AstWalk.PatternVariables(m.Pattern).ToHashSet(StringComparer.Ordinal);
        foreach (var h in PatternMatcher.ExtractHints(m.Where, m.Pattern))
        {
            if (h.Property is PatternMatcher.IdKey or PatternMatcher.ElementIdKey) continue; // NodeByIdSeek / NodeByElementIdSeek
            if (labels.TryGetValue(h.Variable, out var typed) && typed.Any(l => HasTypedIndex(l, h.Property))) return true;
            var indexed = labels.TryGetValue(h.Variable, out var ls) && ls.Any(l => _ctx.Reader.FindIndex(l, h.Property) is not null);
            if (h.Op != BinaryOperator.Equal || h.Spatial is not null)
            {
                // A range valued from the same pattern's variables is a filter after expanding, in either engine.
                // Comparisons and prefixes are NodeIndexSeekByRange; spatial bounds stay with the matcher.
                if (indexed && h.Spatial is not null && !AstWalk.VariablesIn(h.Value).Any(v => patternVars.Contains(v))) return true;
                continue;
            }
            if (indexed) continue;
            // No index: a join unless the value's variables lie on the hinted variable's own chain, or that chain
            // starts from a node bound earlier (then it is reached by expanding, not by a probe).
            var part = m.Pattern.Parts.First(p => AstWalk.PartVariables(p).Contains(h.Variable));
            var partVars = AstWalk.PartVariables(part).ToHashSet(StringComparer.Ordinal);
            var reads = AstWalk.VariablesIn(h.Value).ToList();
            if (reads.Count > 0 && !reads.All(partVars.Contains) && !partVars.Any(_scope.ContainsKey)) return true;
        }
        return false;
    }

    private bool HasTypedIndex(string label, string property) =>
        _ctx.Reader.FindIndex(label, property, IndexType.Point) is not null || _ctx.Reader.FindIndex(label, property, IndexType.Text) is not null;

    private Chain ToChain(PatternPart part)
    {
        if (part.Selector is not null) throw Decline();
        var elems = PatternMatcher.Normalize(part.Path.Elements);
        var chain = new Chain([], [], [], []);
        for (var i = 0; i < elems.Count; i++)
        {
            switch (elems[i])
            {
                case NodePattern n when i % 2 == 0:
                    if (n.Properties is not (null or MapLiteral)) throw Decline();
                    chain.Nodes.Add(n);
                    chain.NodeNames.Add(n.Variable ?? $" anon_{_anonymous++}");
                    break;
                case RelationshipPattern { Properties: null or MapLiteral } r:
                    chain.Rels.Add(r);
                    var name = r.Variable ?? $" anon_{_anonymous++}";
                    if (chain.RelNames.Contains(name)) throw Decline();
                    chain.RelNames.Add(name);
                    break;
                default:
                    throw Decline();
            }
        }
        if (part.PathVariable is { } path) _chainPaths[chain] = path;
        return chain;
    }

    /// <summary>Where a chain starts: the node position, the leaf (null: already bound) and its estimated rows.</summary>
    private sealed record Start(int Position, double Cost, LeafPlan? Leaf);

    private sealed record LeafPlan(LeafKind Kind, string? Label, string? Property, Expression? Value, long Estimate, bool IsList = false);

    private Start ChooseStart(Chain chain, HashSet<string> bound, List<Pending> pending)
    {
        Start? best = null;
        for (var i = 0; i < chain.Nodes.Count; i++)
        {
            var name = chain.NodeNames[i];
            if (bound.Contains(name)) return new Start(i, 0, null);
            var leaf = LeafFor(chain.Nodes[i], name, bound);
            var cost = leaf.Estimate * OwnSelectivity(chain.Nodes[i], name, leaf, pending);
            if (best is null || cost < best.Cost) best = new Start(i, cost, leaf);
        }
        return best!;
    }

    /// <summary>The cheapest way to find a node pattern's nodes: an equality index seek on a property (from its map
    /// or a WHERE conjunct, valued from what is already bound), else a scan of its rarest label, else all nodes.</summary>
    private LeafPlan LeafFor(NodePattern np, string name, HashSet<string> bound)
    {
        if (SeekLeaf(np, name, bound, idOnly: true) is { } byId) return byId;
        var labels = np.Labels?.AsConjunction();
        LeafPlan? best = null;
        if (labels is { Count: > 0 })
        {
            foreach (var label in labels)
            {
                foreach (var (property, value, isList) in EqualityCandidates(np, name))
                {
                    if (!AstWalk.VariablesIn(value).All(bound.Contains) || _ctx.Reader.FindIndex(label, property) is null) continue;
                    var unique = _ctx.Reader.Constraints.Any(c => c.Label == label && c.Property == property);
                    var estimate = unique ? 1 : CostModel.IndexEquality(_ctx.Reader.CountNodes(label));
                    if (isList) estimate *= value is ListLiteral l ? Math.Max(1, l.Items.Count) : 10;
                    if (best is null || estimate < best.Estimate)
                        best = new LeafPlan(unique ? LeafKind.NodeUniqueIndexSeek : LeafKind.NodeIndexSeek, label, property, value, estimate, isList);
                }
            }
            if (best is not null) return best;
            if (SeekLeaf(np, name, bound, idOnly: false) is { } range) return range;
            var rarest = labels.MinBy(_ctx.Reader.CountNodes)!;
            return new LeafPlan(LeafKind.NodeByLabelScan, rarest, null, null, _ctx.Reader.CountNodes(rarest));
        }
        return new LeafPlan(LeafKind.AllNodesScan, null, null, null, _ctx.Reader.NodeCount);
    }

    /// <summary>The share of a start's rows its own tests keep: property map entries the leaf does not seek on and
    /// WHERE conjuncts about the node alone (the seek itself is already in the leaf's estimate).</summary>
    private static double OwnSelectivity(NodePattern np, string name, LeafPlan leaf, List<Pending> pending)
    {
        var s = 1.0;
        if (leaf.Kind is LeafKind.AllNodesScan or LeafKind.NodeByLabelScan)
        {
            if (np.Properties is MapLiteral map) s *= Math.Pow(CostModel.EqualitySelectivity, map.Entries.Count);
            foreach (var p in pending)
                if (p.Variables.Count == 1 && p.Variables.Contains(name)) s *= p.Selectivity;
        }
        if (np.Where is not null) s *= CostModel.DefaultSelectivity;
        return s;
    }

    private IEnumerable<(string Property, Expression Value, bool IsList)> EqualityCandidates(NodePattern np, string name)
    {
        if (np.Properties is MapLiteral map)
            foreach (var entry in map.Entries) yield return (entry.Key, entry.Value, false);
        // WHERE equalities and IN lists stay as filters too (the seek only narrows the candidates).
        foreach (var w in _whereEqualities.Where(w => w.Variable == name))
            yield return (w.Property, w.Value, w.IsList);
    }

    /// <summary>WHERE conjuncts <c>v.p = value</c> of the MATCH being planned, usable as index seeks.</summary>
    private readonly List<(string Variable, string Property, Expression Value, bool IsList)> _whereEqualities = [];

    private Pending Predicate(Expression e) =>
        // Names outside the scope are the expression's own locals (comprehensions, patterns, subqueries).
        new(NamesIn(e).Where(v => _scope.ContainsKey(v) || _clauseNames.Contains(v)).ToHashSet(StringComparer.Ordinal), () => Compile(e), Text(e), CostModel.Selectivity(e, _ctx)) { Source = e };

    private void PlanChain(Chain chain, Start start, HashSet<string> bound, List<int> clauseRels, List<Pending> pending)
    {
        var position = start.Position;
        var name = chain.NodeNames[position];
        if (start.Leaf is { Kind: LeafKind.NodeByIdSeek or LeafKind.NodeByElementIdSeek or LeafKind.NodeIndexSeekByRange } seek)
        {
            PushSeekLeaf(chain.Nodes[position], name, seek, bound);
            bound.Add(name);
            AddNodeTests(chain.Nodes[position], name, seek, pending, typeCheck: false);
        }
        else if (start.Leaf is { } leaf)
        {
            var value = leaf.Value is null ? null : Compile(leaf.Value);
            var shown = Shown(name);
            var details = leaf.Kind switch
            {
                LeafKind.AllNodesScan => shown,
                LeafKind.NodeByLabelScan => $"{shown}:{leaf.Label}",
                LeafKind.NodeUniqueIndexSeek => $"UNIQUE {shown}:{leaf.Label}({leaf.Property}) WHERE {leaf.Property} = {Text(leaf.Value!)}",
                _ => $"RANGE INDEX {shown}:{leaf.Label}({leaf.Property}) WHERE {leaf.Property} = {Text(leaf.Value!)}",
            };
            _estimate = _plan is null ? leaf.Estimate : _estimate * Math.Max(1, leaf.Estimate);
            if (leaf.IsList) details = details.Replace($"{leaf.Property} = ", $"{leaf.Property} IN ", StringComparison.Ordinal);
            Push(new NodeLeafOperator(_plan, leaf.Kind, _scope[name], _layout, leaf.Label, leaf.Property, value, details, leaf.Estimate) { IsList = leaf.IsList });
            bound.Add(name);
            AddNodeTests(chain.Nodes[position], name, leaf, pending, typeCheck: false);
        }
        else AddNodeTests(chain.Nodes[position], name, null, pending, typeCheck: chain.Rels.Count == 0);
        Flush(pending, bound);
        for (var i = position; i < chain.Rels.Count; i++) Expand(chain, i, i, i + 1, false, bound, clauseRels, pending);
        for (var i = position - 1; i >= 0; i--) Expand(chain, i + 1, i, i, true, bound, clauseRels, pending);
    }

    private void Expand(Chain chain, int from, int rel, int to, bool reversed, HashSet<string> bound, List<int> clauseRels, List<Pending> pending)
    {
        var r = chain.Rels[rel];
        if (r.IsVariableLength)
        {
            ExpandVariable(chain, from, rel, to, reversed, bound, clauseRels, pending);
            return;
        }
        var relName = chain.RelNames[rel];
        if (bound.Contains(relName)) throw Decline();
        var fromName = chain.NodeNames[from];
        var toName = chain.NodeNames[to];
        var direction = LabelMatch.ToStorage(reversed ? PatternMatcher.Reversed(r).Direction : r.Direction);
        var into = bound.Contains(toName);
        var types = r.Types?.AllNames() is { } names && names.Any() ? ":" + string.Join("|", names) : "";
        var arrow = direction switch
        {
            Storage.Direction.Outgoing => ("-[", "]->"),
            Storage.Direction.Incoming => ("<-[", "]-"),
            _ => ("-[", "]-"),
        };
        _estimate = CostModel.Expanded(_estimate, chain.Nodes[from], r.Types, direction, into, _ctx);
        var relSlot = _scope[relName];
        var expand = new ExpandOperator(_plan!, _scope[fromName], relSlot, _scope[toName], into, direction, r.Types, [.. clauseRels], fromName)
        {
            Details = $"({Shown(fromName)}){arrow.Item1}{Shown(relName)}{types}{arrow.Item2}({Shown(toName)})",
            EstimatedRows = _estimate,
            RelName = relName,
            ToName = toName,
        };
        _clauseExpands.Add(expand);
        if (r.Properties is not null || r.Where is not null) _readRels.Add(relName);
        Push(expand);
        UniqueAgainstLists(relSlot, relName);
        clauseRels.Add(relSlot);
        bound.Add(relName);
        bound.Add(toName);
        if (r.Properties is MapLiteral map)
            foreach (var entry in map.Entries)
                pending.Add(Predicate(new BinaryExpression(BinaryOperator.Equal, new PropertyAccess(new Variable(relName), entry.Key), entry.Value)));
        if (r.Where is not null) pending.Add(Predicate(r.Where));
        AddNodeTests(chain.Nodes[to], toName, null, pending, typeCheck: false);
        Flush(pending, bound);
    }

    /// <summary>A node pattern's own tests: labels (unless the leaf found exactly that label), property map entries
    /// (unless the seek used it), inline WHERE; for a bound node matched on its own, that it is a node.</summary>
    private void AddNodeTests(NodePattern np, string name, LeafPlan? leaf, List<Pending> pending, bool typeCheck)
    {
        if (typeCheck)
        {
            var slot = _scope[name];
            var shown = Shown(name);
            pending.Add(new Pending(new HashSet<string>([name], StringComparer.Ordinal), () => (row, _) => row[slot] switch
            {
                NodeValue => true,
                null => false,
                var other => throw Err.Type($"Variable `{shown}` already declared as {CypherValues.TypeName(other)}", "VariableTypeConflict"),
            }, shown + " IS NODE", 1));
        }
        var leafLabel = leaf is { Kind: not LeafKind.AllNodesScan } ? leaf.Label : null;
        if (np.Labels is not null && !(np.Labels is LabelName only && only.Name == leafLabel))
            pending.Add(Predicate(new LabelPredicate(new Variable(name), np.Labels)));
        if (np.Properties is MapLiteral map)
        {
            foreach (var entry in map.Entries)
            {
                if (leaf is { Kind: LeafKind.NodeIndexSeek or LeafKind.NodeUniqueIndexSeek } && leaf.Property == entry.Key && ReferenceEquals(leaf.Value, entry.Value)) continue;
                pending.Add(Predicate(new BinaryExpression(BinaryOperator.Equal, new PropertyAccess(new Variable(name), entry.Key), entry.Value)));
            }
        }
        if (np.Where is not null) pending.Add(Predicate(np.Where));
    }

    /// <summary>One Filter with every pending predicate whose variables are all bound now.</summary>
    private void Flush(List<Pending> pending, HashSet<string> bound)
    {
        var ready = pending.Where(p => p.Variables.All(bound.Contains)).ToList();
        if (ready.Count == 0 || _plan is null) return;
        foreach (var p in ready) pending.Remove(p);
        var tests = ready.Select(p => p.Compile()).ToArray();
        SlotExpression all = tests.Length == 1 ? tests[0] : (row, ctx) =>
        {
            foreach (var t in tests)
                if (t(row, ctx) is not true) return Boxed.False;
            return Boxed.True;
        };
        // Conjuncts on the relationship an Expand(Into) just bound, and on nothing else: a walk of the statement may
        // have judged it with the same predicate already (a `paths` statement's hops; Matching/RelationshipVerdicts).
        if (_plan is ExpandOperator { Into: true, RelName: var relName, Rel: var relSlot } && ready.All(p => p.Source is not null && p.Variables.SetEquals([relName]))
            && RelationshipVerdicts.For(relName, [.. ready.Select(p => p.Source!)]) is { } verdicts)
        {
            var evaluate = all;
            all = (row, ctx) => row[relSlot] is RelValue rel && verdicts.Of(rel, ctx) is { } verdict ? Boxed.Of(verdict) : evaluate(row, ctx);
        }
        _estimate = Math.Max(1, (long)(_estimate * ready.Aggregate(1.0, (s, p) => s * p.Selectivity)));
        Push(new FilterOperator(_plan, all)
        {
            Details = string.Join(" AND ", ready.Select(p => p.Text)),
            EstimatedRows = _estimate,
            Sources = ready.All(p => p.Source is not null) ? [.. ready.Select(p => p.Source!)] : null,
        });
    }
}
