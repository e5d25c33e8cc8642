namespace KnowledgeGraph.Seeding.Hosting;

/// <summary>Where start-up seeding stands.</summary>
public enum SeedingState
{
    /// <summary>Not run yet.</summary>
    Pending,

    /// <summary>Running.</summary>
    Running,

    /// <summary><c>Seed:OnStartup</c> is false.</summary>
    Disabled,

    /// <summary>Every seed file loaded.</summary>
    Completed,

    /// <summary>Seeding ran but some files were rejected (see the report), or seeding could not run.</summary>
    Failed,
}

/// <summary>The state of start-up seeding, for health checks and diagnostics (a singleton).</summary>
public sealed class SeedingStatus
{
    private volatile SeedingState _state = SeedingState.Pending;

    /// <summary>The current state.</summary>
    public SeedingState State => _state;

    /// <summary>The last report, once seeding ran.</summary>
    public SeedReport? Report { get; private set; }

    /// <summary>Why seeding failed, when it could not run at all.</summary>
    public string? Error { get; private set; }

    internal void Set(SeedingState state, SeedReport? report = null, string? error = null)
    {
        Report = report ?? Report;
        Error = error;
        _state = state;
    }
}
