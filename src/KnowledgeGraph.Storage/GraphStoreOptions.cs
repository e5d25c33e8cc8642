namespace KnowledgeGraph.Storage;

/// <summary>Tuning knobs of a <see cref="GraphStore"/>; the defaults suit the service.</summary>
public sealed record GraphStoreOptions
{
    /// <summary>Log bytes written since the last checkpoint that trigger a background checkpoint (0 disables).</summary>
    public long CheckpointLogBytes { get; init; } = 64L * 1024 * 1024;
}
