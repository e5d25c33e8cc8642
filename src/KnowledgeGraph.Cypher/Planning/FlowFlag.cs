namespace KnowledgeGraph.Cypher.Planning;

/// <summary>
/// A flag scoped to the calling async flow, for the engine's internal switches (tests and benches, never user
/// settings): a test or bench that sets it does not affect statements running beside it.
/// </summary>
internal sealed class FlowFlag
{
    private readonly AsyncLocal<bool> _value = new();

    /// <summary>True while the current flow holds the flag set.</summary>
    public bool IsSet => _value.Value;

    /// <summary>Sets the flag for the current async flow until the returned scope is disposed.</summary>
    public IDisposable Set()
    {
        var previous = _value.Value;
        _value.Value = true;
        return new Restore(this, previous);
    }

    private sealed class Restore(FlowFlag flag, bool previous) : IDisposable
    {
        public void Dispose() => flag._value.Value = previous;
    }
}
