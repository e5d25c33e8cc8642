using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Planning;

/// <summary>How a leaf finds its nodes.</summary>
internal enum LeafKind
{
    AllNodesScan,
    NodeByLabelScan,
    NodeIndexSeek,
    NodeUniqueIndexSeek,

    // Planned by QueryPlanner.Seeks (NodeSeekOperator).
    NodeByIdSeek,
    NodeByElementIdSeek,
    NodeIndexSeekByRange,
}

/// <summary>
/// AllNodesScan, NodeByLabelScan, NodeIndexSeek and NodeUniqueIndexSeek: binds <see cref="Slot"/> to each node found.
/// Over the single start row it is a plain leaf; over a child (a second, unconnected pattern part) it runs once per
/// input row and shows as <c>CartesianProduct</c> over the child and the scan, as Neo4j prints it.
/// </summary>
internal sealed class NodeLeafOperator : PlanOperator
{
    private readonly ProfileNode _leaf;

    public NodeLeafOperator(PlanOperator? child, LeafKind kind, int slot, SlotLayout layout, string? label, string? property, SlotExpression? value, string details, long estimate)
        : base(child)
    {
        Kind = kind;
        Slot = slot;
        Layout = layout;
        Label = label;
        Property = property;
        Value = value;
        Details = details;
        EstimatedRows = estimate;
        _leaf = new ProfileNode(kind.ToString(), []) { Details = details, EstimatedRows = estimate, Runtime = Pipelined };
    }

    public LeafKind Kind { get; }

    public int Slot { get; }

    public SlotLayout Layout { get; }

    public string? Label { get; }

    public string? Property { get; }

    public SlotExpression? Value { get; }

    /// <summary>The seek value is a list (<c>n.p IN list</c>): one seek per distinct element.</summary>
    public bool IsList { get; init; }

    /// <summary>Over a child other than an Apply's Argument: a cartesian product (the Argument's row is just the
    /// context the leaf runs in, as Neo4j shows it).</summary>
    private bool Nested => Child is not (null or ArgumentOperator);

    /// <summary>True when no operator above keeps this operator's row arrays past the next pull (set by
    /// <see cref="RowReuse"/>): the rows of a batch are then refilled in place for the next batch.</summary>
    public bool ReuseRows { get; set; }

    public override string Name => !Nested ? Kind.ToString() : "CartesianProduct";

    protected override ProfileNode MakeProfile() => !Nested
        ? _leaf
        : new ProfileNode("CartesianProduct", [Child!.Profile, _leaf]) { EstimatedRows = EstimatedRows * Math.Max(1, Child.EstimatedRows), Runtime = Pipelined };

    protected override IEnumerable<List<object?[]>> Produce(ExecContext ctx)
    {
        var capacity = FirstBatchSize;
        var output = new List<object?[]>(capacity);
        var reuse = ReuseRows;
        var pool = default(RowPool);
        foreach (var batch in Input(ctx, Layout.Width))
        {
            foreach (var input in batch)
            {
                var before = ctx.DbHits;
                foreach (var id in Ids(input, ctx))
                {
                    ctx.Tick();
                    var row = reuse ? pool.Next(input) : ExpandOperator.Copy(input);
                    row[Slot] = new NodeValue(id);
                    output.Add(row);
                    if (Nested && ctx.Profiling) _leaf.Rows++;
                    if (output.Count == capacity)
                    {
                        if (Nested) _leaf.InclusiveDbHits += ctx.DbHits - before;
                        yield return output;
                        before = ctx.DbHits;
                        capacity = Grow(capacity);
                        if (!reuse) output = new List<object?[]>(capacity);
                        else
                        {
                            // The consumer is done with the batch once it pulls again: refill the same rows.
                            pool.Reset(output);
                            output.Clear();
                        }
                    }
                }
                if (Nested) _leaf.InclusiveDbHits += ctx.DbHits - before;
            }
        }
        if (output.Count > 0) yield return output;
    }

    private IEnumerable<long> Ids(object?[] input, ExecContext ctx)
    {
        switch (Kind)
        {
            case LeafKind.AllNodesScan:
                foreach (var id in ctx.Reader.AllNodes())
                {
                    ctx.AnchorHit();
                    yield return id;
                }
                break;
            case LeafKind.NodeByLabelScan:
                foreach (var id in ctx.Reader.NodesByLabel(Label!))
                {
                    ctx.AnchorHit();
                    yield return id;
                }
                break;
            default:
                {
                    // Equality under Cypher's rules (the index compares 1 = 1.0); null equals nothing. An IN list
                    // seeks each distinct value once.
                    var v = Value!(input, ctx);
                    IEnumerable<object?> values = !IsList ? [v] : v is IReadOnlyList<object?> list && v is not string ? list.Distinct(Equivalence.Instance) : [];
                    foreach (var one in values)
                    {
                        if (one is null) continue;
                        foreach (var id in ctx.Reader.IndexSeek(Label!, Property!, one))
                        {
                            ctx.AnchorHit();
                            yield return id;
                        }
                    }
                    break;
                }
        }
    }
}
