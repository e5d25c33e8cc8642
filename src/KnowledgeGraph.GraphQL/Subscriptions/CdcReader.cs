using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.GraphQL.Subscriptions;

/// <summary>
/// Reads changes with Neo4j's change data capture procedures through the graph driver, so the same code serves the
/// embedded engine, our Bolt server and Neo4j Enterprise with CDC enabled. Only Cypher parameters carry the cursor.
/// </summary>
internal sealed class CdcReader(Func<IGraphDriver> driver)
{
    internal const string CurrentQuery = "CALL db.cdc.current() YIELD id RETURN id";
    internal const string ChangesQuery = "CALL db.cdc.query($from, []) YIELD id, txId, seq, event RETURN id, txId, seq, event";
    internal const string KeysQuery = "MATCH (n) WHERE elementId(n) IN $ids RETURN elementId(n) AS id, n.key AS key";

    public async Task<string> CurrentAsync(CancellationToken ct)
    {
        var result = await driver().ExecuteQueryAsync(CurrentQuery, null, AccessMode.Read, null, ct).ConfigureAwait(false);
        return result.Records.Count > 0 && result.Records[0]["id"] is string id
            ? id
            : throw new GraphException(ErrorCodes.UnknownError, "db.cdc.current() returned no id.");
    }

    /// <summary>The transactions after <paramref name="from"/>, whole, in commit order.</summary>
    public async Task<IReadOnlyList<ChangeBatch>> ChangesAsync(string from, CancellationToken ct)
    {
        var result = await driver().ExecuteQueryAsync(ChangesQuery, new Dictionary<string, object?> { ["from"] = from }, AccessMode.Read, null, ct)
            .ConfigureAwait(false);
        var batches = new List<ChangeBatch>();
        var changes = new List<GraphChange>();
        long? tx = null;
        string? cursor = null;
        foreach (var row in result.Records)
        {
            var txId = Convert.ToInt64(row["txId"], System.Globalization.CultureInfo.InvariantCulture);
            if (tx is { } current && current != txId)
            {
                batches.Add(new ChangeBatch(current, cursor!, changes));
                changes = [];
            }
            tx = txId;
            cursor = (string)row["id"]!;
            if (ChangeEvents.Parse(row["event"] as IReadOnlyDictionary<string, object?>) is { } change) changes.Add(change);
        }
        if (tx is { } last) batches.Add(new ChangeBatch(last, cursor!, changes));
        await FillEndpointKeysAsync(batches, ct).ConfigureAwait(false);
        return batches;
    }

    /// <summary>Relationship events name their endpoints' keys only where key constraints exist (Neo4j); otherwise the
    /// keys are looked up by element id (endpoints deleted since cannot be, and keep a null key).</summary>
    private async Task FillEndpointKeysAsync(IReadOnlyList<ChangeBatch> batches, CancellationToken ct)
    {
        var missing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in batches.SelectMany(b => b.Changes).Where(c => !c.IsNode))
        {
            if (c.StartKey is null && c.StartElementId is not null) missing.Add(c.StartElementId);
            if (c.EndKey is null && c.EndElementId is not null) missing.Add(c.EndElementId);
        }
        if (missing.Count == 0) return;
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in batches.SelectMany(b => b.Changes).Where(c => c.IsNode && c.Key is not null)) keys[c.ElementId] = c.Key!;
        var unknown = missing.Where(id => !keys.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            var result = await driver().ExecuteQueryAsync(KeysQuery, new Dictionary<string, object?> { ["ids"] = unknown }, AccessMode.Read, null, ct)
                .ConfigureAwait(false);
            foreach (var row in result.Records)
                if (row["id"] is string id && row["key"] is string key) keys[id] = key;
        }
        foreach (var c in batches.SelectMany(b => b.Changes).Where(c => !c.IsNode))
        {
            c.StartKey ??= c.StartElementId is { } s ? keys.GetValueOrDefault(s) : null;
            c.EndKey ??= c.EndElementId is { } e ? keys.GetValueOrDefault(e) : null;
        }
    }
}
