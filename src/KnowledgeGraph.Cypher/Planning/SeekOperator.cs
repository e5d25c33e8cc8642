using KnowledgeGraph.Cypher.Matching;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Planning;

/// <summary>
/// NodeByIdSeek, NodeByElementIdSeek and NodeIndexSeekByRange (comparisons and STARTS WITH on a RANGE index): the
/// nodes come from the pattern matcher's own candidate search (<see cref="PatternMatcher.Candidates"/>) over the
/// row's bound variables, so the seek, its value rules (an id as integer, float or element id; a range bound of
/// another type matching nothing) and its fallback (a bound the index cannot order scans the label instead) are
/// the interpreter's. The WHERE conjuncts stay as filters above: the seek only narrows the candidates. Over a child
/// other than an Apply's Argument it runs once per input row and shows as CartesianProduct, as the other leaves do.
/// </summary>
internal sealed class NodeSeekOperator : PlanOperator
{
    private readonly ProfileNode _leaf;
    private readonly string _kind;
    private readonly NodePattern _probe;
    private readonly string[] _names;
    private readonly int[] _slots;
    private readonly int _slot;
    private readonly List<PatternMatcher.SeekHint> _hints;
    private readonly SlotLayout _layout;

    public NodeSeekOperator(PlanOperator? child, string kind, NodePattern probe, string[] names, int[] slots, int slot,
        List<PatternMatcher.SeekHint> hints, SlotLayout layout, string details, long estimate) : base(child)
    {
        _kind = kind;
        _probe = probe;
        _names = names;
        _slots = slots;
        _slot = slot;
        _hints = hints;
        _layout = layout;
        Details = details;
        EstimatedRows = estimate;
        _leaf = new ProfileNode(kind, []) { Details = details, EstimatedRows = estimate, Runtime = Pipelined };
    }

    private bool Nested => Child is not (null or ArgumentOperator);

    public override string Name => Nested ? "CartesianProduct" : _kind;

    protected override ProfileNode MakeProfile() => !Nested
        ? _leaf
        : new ProfileNode("CartesianProduct", [Child!.Profile, _leaf]) { EstimatedRows = EstimatedRows * Math.Max(1, Child.EstimatedRows), Runtime = Pipelined };

    protected override IEnumerable<List<object?[]>> Produce(ExecContext ctx)
    {
        var capacity = FirstBatchSize;
        var output = new List<object?[]>(capacity);
        foreach (var batch in Input(ctx, _layout.Width))
        {
            foreach (var input in batch)
            {
                var values = new object?[_names.Length];
                for (var i = 0; i < values.Length; i++) values[i] = input[_slots[i]];
                var before = ctx.DbHits;
                foreach (var id in PatternMatcher.Candidates(_probe, Row.FromArrays(_names, values), ctx, _hints))
                {
                    ctx.Tick();
                    var row = ExpandOperator.Copy(input);
                    row[_slot] = new NodeValue(id);
                    output.Add(row);
                    if (Nested && ctx.Profiling) _leaf.Rows++;
                    if (output.Count == capacity)
                    {
                        if (Nested) _leaf.InclusiveDbHits += ctx.DbHits - before;
                        yield return output;
                        before = ctx.DbHits;
                        capacity = Grow(capacity);
                        output = new List<object?[]>(capacity);
                    }
                }
                if (Nested) _leaf.InclusiveDbHits += ctx.DbHits - before;
            }
        }
        if (output.Count > 0) yield return output;
    }
}
