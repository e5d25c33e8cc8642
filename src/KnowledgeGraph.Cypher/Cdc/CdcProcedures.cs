using KnowledgeGraph.Cypher.Procedures;
using KnowledgeGraph.Errors;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher.Cdc;

/// <summary>
/// Neo4j's change data capture procedures over the store's commit stream: <c>db.cdc.current()</c>,
/// <c>db.cdc.earliest()</c> and <c>db.cdc.query(from, selectors)</c>, with Neo4j's columns and event shapes. The
/// retained window is the store's (<see cref="GraphStoreOptions.ChangeRetentionTransactions"/>); an identifier older
/// than it, from another database or malformed fails with <c>Neo.ClientError.ChangeDataCapture.InvalidIdentifier</c>.
/// </summary>
internal static class CdcProcedures
{
    /// <summary>Transactions one <c>db.cdc.query</c> call returns at most (whole transactions); callers page on with
    /// the id of the last row.</summary>
    public const int MaxTransactionsPerQuery = 1000;

    /// <summary>Registers the procedures over <paramref name="store"/>'s commit stream.</summary>
    public static void Register(ProcedureRegistry registry, GraphStore store)
    {
        registry.Add(new ProcedureSignature("db.cdc.current", [], [new("id", "STRING")]),
            (a, c) => [[new ChangeIdentifier(Enabled(store).LastCommittedTransactionId, ChangeIdentifier.AfterTransaction).Encode(store.DatabaseId)]]);
        registry.Add(new ProcedureSignature("db.cdc.earliest", [], [new("id", "STRING")]),
            (a, c) => [[new ChangeIdentifier(Enabled(store).ChangesFloor, ChangeIdentifier.AfterTransaction).Encode(store.DatabaseId)]]);
        registry.Add(new ProcedureSignature("db.cdc.query", [new("from", "STRING?"), new("selectors", "LIST<MAP>?")],
            [new("id", "STRING"), new("txId", "INTEGER"), new("seq", "INTEGER"), new("metadata", "MAP"), new("event", "MAP")]),
            (a, c) => Query(Enabled(store), a[0] as string, a[1] as IReadOnlyList<object?>));
    }

    private static GraphStore Enabled(GraphStore store)
    {
        if (!store.CapturesChanges)
            throw new GraphException(ErrorCodes.CdcDisabled, "Change data capture is currently disabled for this database (Graph:ChangeRetention:Transactions is 0).");
        return store;
    }

    private static IEnumerable<IReadOnlyList<object?>> Query(GraphStore store, string? from, IReadOnlyList<object?>? selectorList)
    {
        var selectors = CdcSelectors.Parse(selectorList);
        var position = string.IsNullOrEmpty(from)
            ? new ChangeIdentifier(store.LastCommittedTransactionId, ChangeIdentifier.AfterTransaction)
            : ChangeIdentifier.Decode(from, store.DatabaseId);
        // Mid-transaction positions re-read their transaction and skip what was already returned.
        var after = position.Seq == ChangeIdentifier.AfterTransaction ? position.TxId : position.TxId - 1;
        var window = store.ReadChanges(after, MaxTransactionsPerQuery)
            ?? throw ChangeIdentifier.Invalid(from ?? "", after < store.ChangesFloor
                ? $"the changes after it are no longer retained (the earliest change id is after transaction {store.ChangesFloor})"
                : "it names a transaction that was not committed");
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var tx in window.Transactions)
        {
            var metadata = CdcEvents.Metadata(tx, store.DatabaseId);
            for (var seq = 0; seq < tx.Changes.Count; seq++)
            {
                if (tx.TxId == position.TxId && seq <= position.Seq) continue;
                var change = tx.Changes[seq];
                if (!selectors.Matches(change)) continue;
                // The id of an event is the position after it; the last event's id is the position after the whole
                // transaction, so a reader resuming from it never re-reads that transaction.
                var id = new ChangeIdentifier(tx.TxId, seq == tx.Changes.Count - 1 ? ChangeIdentifier.AfterTransaction : seq);
                rows.Add([id.Encode(store.DatabaseId), tx.TxId, (long)seq, metadata, CdcEvents.Event(change)]);
            }
        }
        return rows;
    }
}
