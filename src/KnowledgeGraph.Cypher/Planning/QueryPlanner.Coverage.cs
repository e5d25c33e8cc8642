using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Matching;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher.Planning;

/// <summary>
/// The clauses and pattern shapes planned beyond fixed-length MATCH: OPTIONAL MATCH (Apply / Optional over an
/// Argument), UNWIND, path variables (a Projection of the path), variable-length relationships (VarLengthExpand) and
/// shortest-path parts (ShortestPath). The last two delegate the walk to the pattern matcher, so their answers are
/// the interpreter's by construction.
/// </summary>
internal sealed partial class QueryPlanner
{
    /// <summary>True while the inner plan of an OPTIONAL MATCH is planned (PlanMatch then takes the clause).</summary>
    private bool _inOptional;

    /// <summary>Path variables of the chains of the MATCH being planned.</summary>
    private readonly Dictionary<Chain, string> _chainPaths = new(ReferenceEqualityComparer.Instance);

    /// <summary>Slots of the MATCH being planned holding variable-length relationship lists: a later Expand of the
    /// same clause must not reuse their relationships.</summary>
    private readonly List<(int Slot, string Name)> _listRels = [];

    /// <summary>Relationship slots of the MATCH being planned that a VarLengthExpand (as used relationships) or the
    /// uniqueness filter against its lists reads: their Expand must bind them even when they are anonymous.</summary>
    private readonly HashSet<int> _relSlotsReadByWalks = [];

    /// <summary>Relationships written in the chains of the MATCH being planned.</summary>
    private int _clauseRelCount;

    private void PlanOptionalMatch(MatchClause m)
    {
        var outer = _plan;
        var outerEstimate = _estimate;
        var before = new HashSet<string>(_scope.Keys, StringComparer.Ordinal);
        _shareable = false;
        var argument = new ArgumentOperator { EstimatedRows = 1 };
        _plan = argument;
        _estimate = 1;
        _inOptional = true;
        try
        {
            PlanMatch(m);
        }
        finally
        {
            _inOptional = false;
        }
        var inner = _plan;
        var newSlots = _scope.Where(kv => !before.Contains(kv.Key)).Select(kv => kv.Value).ToArray();
        _estimate = Math.Max(1, outerEstimate * Math.Max(1, _estimate));
        _plan = new OptionalApplyOperator(outer, argument, inner, newSlots, _layout) { EstimatedRows = _estimate };
    }

    private void PlanUnwind(UnwindClause u)
    {
        if (_scope.ContainsKey(u.Variable)) throw Decline();
        var list = Compile(u.Expression);
        var slot = _layout.Add();
        _scope[u.Variable] = slot;
        _estimate = Math.Max(1, _estimate * (u.Expression is ListLiteral l ? l.Items.Count : 10));
        Push(new UnwindOperator(_plan, list, slot, _layout) { Details = Text(u.Expression) + " AS " + u.Variable, EstimatedRows = _estimate });
    }

    /// <summary>Binds a chain's path variable once every element of the chain is bound.</summary>
    private void AfterChain(Chain chain, HashSet<string> bound, List<Pending> pending)
    {
        if (!_chainPaths.TryGetValue(chain, out var path)) return;
        if (_scope.ContainsKey(path)) throw Decline();
        var slot = _scope[path] = _layout.Add();
        var text = "(" + Shown(chain.NodeNames[0]) + ")" + string.Concat(chain.Rels.Select((r, i) =>
            RelText(null, chain.RelNames[i], r, LabelMatch.ToStorage(r.Direction), false, null) + "(" + Shown(chain.NodeNames[i + 1]) + ")"));
        Push(new PathProjectionOperator(_plan!, _scope[chain.NodeNames[0]], [.. chain.RelNames.Select(n => _scope[n])], [.. chain.NodeNames.Skip(1).Select(n => _scope[n])], slot)
        {
            Details = text + " AS " + path,
            EstimatedRows = _estimate,
        });
        bound.Add(path);
        Flush(pending, bound);
    }

    /// <summary>A variable-length relationship of a chain: VarLengthExpand(All), or (Into) when its far end is bound.</summary>
    private void ExpandVariable(Chain chain, int from, int rel, int to, bool reversed, HashSet<string> bound, List<int> clauseRels, List<Pending> pending)
    {
        var r = chain.Rels[rel];
        var relName = chain.RelNames[rel];
        if (bound.Contains(relName)) throw Decline();
        foreach (var e in new[] { r.Properties, r.Where })
            if (e is not null && !AstWalk.VariablesIn(e).All(v => bound.Contains(v) || v == relName)) throw Decline();
        var fromName = chain.NodeNames[from];
        var toName = chain.NodeNames[to];
        var into = bound.Contains(toName);
        // An anonymous list nobody reads (no path, no other relationship of the clause to keep unique) is not built.
        var keepList = !relName.StartsWith(' ') || _chainPaths.ContainsKey(chain) || _clauseRelCount > 1;
        var walked = (reversed ? PatternMatcher.Reversed(r) : r) with { Variable = keepList ? relName : null };
        var inputs = bound.Where(_scope.ContainsKey).Order(StringComparer.Ordinal).ToArray();
        var direction = LabelMatch.ToStorage(reversed ? PatternMatcher.Reversed(r).Direction : r.Direction);
        var (min, max) = PatternMatcher.Bounds(r);
        var estimate = min == 0 ? _estimate : 0;
        var hop = _estimate;
        for (var k = 1; k <= Math.Min(max ?? 3, 3); k++)
        {
            hop = CostModel.Expanded(hop, chain.Nodes[from], r.Types, direction, false, _ctx);
            if (k >= min) estimate += hop;
        }
        if (into) estimate = Math.Max(1, estimate / Math.Max(1, _ctx.Reader.NodeCount));
        _estimate = Math.Max(1, estimate);
        _relSlotsReadByWalks.UnionWith(clauseRels);
        Push(new VarLengthExpandOperator(_plan!, walked, reversed, _scope[fromName], fromName, _scope[toName], toName, into,
            keepList ? _scope[relName] : -1, inputs, [.. inputs.Select(n => _scope[n])], [.. clauseRels])
        {
            Details = RelText(fromName, relName, r, direction, true, toName),
            EstimatedRows = _estimate,
        });
        clauseRels.Add(_scope[relName]);
        _listRels.Add((_scope[relName], relName));
        bound.Add(relName);
        bound.Add(toName);
        AddNodeTests(chain.Nodes[to], toName, null, pending, typeCheck: false);
        Flush(pending, bound);
    }

    /// <summary>After a plain Expand of a clause that bound variable-length relationship lists: its relationship
    /// is none of theirs (relationship uniqueness across the whole MATCH, as the matcher keeps it).</summary>
    private void UniqueAgainstLists(int relSlot, string relName)
    {
        if (_listRels.Count == 0) return;
        _relSlotsReadByWalks.Add(relSlot);
        var lists = _listRels.Select(l => l.Slot).ToArray();
        Push(new FilterOperator(_plan!, (row, _) =>
        {
            if (row[relSlot] is not RelValue r) return Boxed.True;
            foreach (var slot in lists)
                if (row[slot] is IReadOnlyList<object?> list)
                    foreach (var x in list)
                        if (x is RelValue lr && lr.Id == r.Id) return Boxed.False;
            return Boxed.True;
        })
        {
            Details = string.Join(" AND ", _listRels.Select(l => $"NOT {Shown(relName)} IN {Shown(l.Name)}")),
            EstimatedRows = _estimate,
        });
    }

    /// <summary>A shortest-path (or other selector) part: ShortestPath, the matcher's BFS over the row's bound
    /// variables. Planned after the clause's chains; a clause mixing it with relationship chains is left to the
    /// interpreter (its part order decides which relationships the search must avoid).</summary>
    private void PlanWalk(PatternPart part, MatchClause m, HashSet<string> bound, List<int> clauseRels, List<Pending> pending)
    {
        if (clauseRels.Count > 0) throw Decline();
        var vars = AstWalk.PartVariables(part).Distinct().ToList();
        var outputs = vars.Where(v => !bound.Contains(v)).ToArray();
        foreach (var rp in part.Path.Elements.OfType<RelationshipPattern>())
            if (rp.Variable is not null && bound.Contains(rp.Variable)) throw Decline();
        if (part.Path.Elements.OfType<QuantifiedPathPattern>().Any()) throw Decline();
        foreach (var v in outputs) _scope[v] = _layout.Add();
        var inputs = bound.Where(_scope.ContainsKey).Order(StringComparer.Ordinal).ToArray();
        var hints = m.Where is null ? null : PatternMatcher.ExtractHints(m.Where, m.Pattern).ToList();
        var elements = PatternMatcher.Normalize(part.Path.Elements);
        var text = string.Concat(elements.Select((e, i) => e switch
        {
            NodePattern n => "(" + (n.Variable ?? "") + ")",
            RelationshipPattern r => RelText(null, r.Variable ?? "", r, LabelMatch.ToStorage(r.Direction), false, null),
            _ => "",
        }));
        var selector = part.Selector!.Kind is PathSelectorKind.AllShortestPathsFunction or PathSelectorKind.AllShortest ? "all " : "";
        _estimate = Math.Max(1, _estimate);
        Push(new ShortestPathOperator(_plan, part, inputs, [.. inputs.Select(n => _scope[n])], outputs, [.. outputs.Select(n => _scope[n])],
            [], m.Where, hints, _layout)
        {
            Details = (part.PathVariable is { } p ? p + " = " : "") + selector + text,
            EstimatedRows = _estimate,
        });
        foreach (var v in outputs) bound.Add(v);
        Flush(pending, bound);
    }

    /// <summary>A relationship as Neo4j's plans print it: <c>(a)-[r:T*1..3]-&gt;(b)</c>, or just the relationship part.</summary>
    private static string RelText(string? from, string relName, RelationshipPattern r, Direction direction, bool nodes, string? to)
    {
        var types = r.Types?.AllNames() is { } names && names.Any() ? ":" + string.Join("|", names) : "";
        var length = "";
        if (r.IsVariableLength)
        {
            var (min, max) = PatternMatcher.Bounds(r);
            length = "*" + (min == 1 && max is null ? "" : min + ".." + max);
        }
        var (open, close) = direction switch
        {
            Direction.Outgoing => ("-[", "]->"),
            Direction.Incoming => ("<-[", "]-"),
            _ => ("-[", "]-"),
        };
        var rel = open + Shown(relName) + types + length + close;
        return nodes ? $"({Shown(from!)}){rel}({Shown(to!)})" : rel;
    }
}
