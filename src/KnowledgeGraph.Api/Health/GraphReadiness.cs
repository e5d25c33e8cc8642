namespace KnowledgeGraph.Api.Health;

/// <summary>Where the graph is in its start-up: the service answers 503 on /health until <see cref="GraphState.Ready"/>.</summary>
public enum GraphState
{
    Starting,
    Ready,
    Failed,
}

/// <summary>The graph's start-up state, shared by the start-up service (writer) and /health (reader).</summary>
public sealed class GraphReadiness
{
    private volatile GraphState _state = GraphState.Starting;

    /// <summary>The current state.</summary>
    public GraphState State => _state;

    /// <summary>Why start-up failed, when it did.</summary>
    public string? Error { get; private set; }

    /// <summary>Moves to a new state (clearing any earlier error when ready).</summary>
    public void Set(GraphState state)
    {
        if (state == GraphState.Ready) Error = null;
        _state = state;
    }

    /// <summary>Records a start-up failure.</summary>
    public void Fail(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        Error = exception.Message;
        _state = GraphState.Failed;
    }
}
