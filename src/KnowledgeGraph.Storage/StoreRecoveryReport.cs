namespace KnowledgeGraph.Storage;

/// <summary>What opening a durable store found and did (for the log): the checkpoint it loaded, the transactions
/// it replayed, a torn last record it cut off, and any loss it accepted.</summary>
/// <param name="CheckpointTxId">Transaction of the checkpoint image loaded (0 when none).</param>
/// <param name="ReplayedTransactions">Log records applied after the checkpoint.</param>
/// <param name="LastTxId">The last committed transaction after recovery.</param>
/// <param name="TornTailBytes">Bytes of an incomplete last record that were cut off (never acknowledged).</param>
/// <param name="TornTailFile">The segment that had the torn record.</param>
/// <param name="Warnings">Things an operator should know: accepted data loss, a missing high-water mark.</param>
public sealed record StoreRecoveryReport(
    long CheckpointTxId,
    long ReplayedTransactions,
    long LastTxId,
    long TornTailBytes,
    string? TornTailFile,
    IReadOnlyList<string> Warnings);
