using KnowledgeGraph.Cypher.Runtime;

namespace KnowledgeGraph.Cypher.Planning;

/// <summary>
/// A physical operator of a planned query. It pulls batches of slot rows from its child and produces batches of
/// at most <see cref="BatchSize"/> rows, lazily: nothing is read before the consumer asks, and a consumer that stops
/// (LIMIT, a driver that discards) stops every operator below. A slot row is an <c>object?[]</c> as wide as the
/// plan's slot layout; a row array belongs to one batch position at a time, so an operator may write the slots it
/// defines in place. The operator's <see cref="Profile"/> node is what EXPLAIN and PROFILE print, counted (rows and
/// db hits) by this operator while it runs.
/// </summary>
internal abstract class PlanOperator
{
    public const int BatchSize = 1024;

    /// <summary>The first batch a producing operator fills; each next one doubles up to <see cref="BatchSize"/>, so
    /// a consumer that wants one row (LIMIT 1, a driver's first record) does not wait for a full batch.</summary>
    public const int FirstBatchSize = 16;

    /// <summary>The capacity after a batch of <paramref name="capacity"/> rows was produced.</summary>
    protected static int Grow(int capacity) => Math.Min(BatchSize, capacity * 2);

    protected PlanOperator(PlanOperator? child) => Child = child;

    public PlanOperator? Child { get; }

    /// <summary>Operator name as Neo4j prints it.</summary>
    public abstract string Name { get; }

    public string? Details { get; init; }

    public long EstimatedRows { get; init; }

    private ProfileNode? _profile;

    /// <summary>The plan node (made once): this operator over its children's nodes.</summary>
    public ProfileNode Profile => _profile ??= MakeProfile();

    protected virtual ProfileNode MakeProfile() =>
        new(Name, Child is null ? [] : [Child.Profile]) { Details = Details, EstimatedRows = EstimatedRows, Runtime = Pipelined };

    /// <summary>The runtime planned queries show (Neo4j's name for its batched runtime).</summary>
    public const string Pipelined = "PIPELINED";

    /// <summary>The batches of this operator; counted into <see cref="Profile"/> when the statement is profiled.</summary>
    public IEnumerable<List<object?[]>> Run(ExecContext ctx) => ctx.Profiling ? Counted(ctx) : Produce(ctx);

    protected abstract IEnumerable<List<object?[]>> Produce(ExecContext ctx);

    /// <summary>The child's batches, or for a leaf the single empty row the query starts from.</summary>
    protected IEnumerable<List<object?[]>> Input(ExecContext ctx, int width) =>
        Child is null ? [[new object?[width]]] : Child.Run(ctx);

    private IEnumerable<List<object?[]>> Counted(ExecContext ctx)
    {
        var profile = Profile;
        using var e = Produce(ctx).GetEnumerator();
        while (true)
        {
            var before = ctx.DbHits;
            var has = e.MoveNext();
            profile.InclusiveDbHits += ctx.DbHits - before;
            if (!has) yield break;
            profile.Rows += e.Current.Count;
            yield return e.Current;
        }
    }
}
