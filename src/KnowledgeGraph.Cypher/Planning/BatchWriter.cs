namespace KnowledgeGraph.Cypher.Planning;

/// <summary>
/// The output batches of a producing operator: the first holds <see cref="PlanOperator.FirstBatchSize"/> rows, each
/// next one twice as many up to <see cref="PlanOperator.BatchSize"/>, so a consumer that wants one row does not wait
/// for a full batch. Invariant: <see cref="Current"/> is never yielded while it is still being filled — a full batch
/// is handed out by <see cref="Take"/>, which starts a fresh list, and only the last, partial batch is yielded as
/// <see cref="Current"/> when the input is done.
/// </summary>
internal sealed class BatchWriter
{
    private int _capacity = PlanOperator.FirstBatchSize;

    /// <summary>The batch being filled.</summary>
    public List<object?[]> Current { get; private set; } = new(PlanOperator.FirstBatchSize);

    /// <summary>Adds a row; true when the batch is now full (the caller yields <see cref="Take"/>).</summary>
    public bool Add(object?[] row)
    {
        Current.Add(row);
        return Current.Count == _capacity;
    }

    /// <summary>The full batch; the next one is twice as large, up to the maximum.</summary>
    public List<object?[]> Take()
    {
        var full = Current;
        _capacity = Math.Min(PlanOperator.BatchSize, _capacity * 2);
        Current = new List<object?[]>(_capacity);
        return full;
    }
}
