using KnowledgeGraph.Bolt.Protocol.Messages;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Bolt.Client;

/// <summary>Builds a <see cref="ResultSummary"/> from RUN and final PULL/DISCARD metadata.</summary>
internal static class SummaryReader
{
    public static ResultSummary Read(string query, IReadOnlyDictionary<string, object?> run, IReadOnlyDictionary<string, object?> final)
    {
        var stats = final.GetMap("stats") ?? MessageFields.Empty;
        int Stat(string key) => (int)(stats.GetLong(key) ?? 0);
        var plan = final.GetMap("profile") ?? final.GetMap("plan");
        return new ResultSummary
        {
            Query = query,
            QueryType = final.GetString("type") ?? "r",
            Database = final.GetString("db") ?? "neo4j",
            ResultAvailableAfter = TimeSpan.FromMilliseconds(run.GetLong("t_first") ?? 0),
            ResultConsumedAfter = TimeSpan.FromMilliseconds(final.GetLong("t_last") ?? 0),
            Counters = new Counters
            {
                NodesCreated = Stat("nodes-created"),
                NodesDeleted = Stat("nodes-deleted"),
                RelationshipsCreated = Stat("relationships-created"),
                RelationshipsDeleted = Stat("relationships-deleted"),
                PropertiesSet = Stat("properties-set"),
                LabelsAdded = Stat("labels-added"),
                LabelsRemoved = Stat("labels-removed"),
                IndexesAdded = Stat("indexes-added"),
                IndexesRemoved = Stat("indexes-removed"),
                ConstraintsAdded = Stat("constraints-added"),
                ConstraintsRemoved = Stat("constraints-removed"),
                SystemUpdates = Stat("system-updates"),
            },
            Plan = plan is null ? null : ReadPlan(plan),
            Profiled = final.GetMap("profile") is not null,
            Notifications = ReadNotifications(final),
        };
    }

    /// <summary>Bolt &lt; 5.5 sends <c>notifications</c>; 5.5+ sends GQL <c>statuses</c>, of which those with a
    /// <c>neo4j_code</c> are notifications (the others are the outcome, 00000 / 02000 / 00001).</summary>
    private static List<Notification> ReadNotifications(IReadOnlyDictionary<string, object?> final)
    {
        if (final.TryGetValue("notifications", out var n) && n is IReadOnlyList<object?> list)
        {
            return list.OfType<IReadOnlyDictionary<string, object?>>().Select(m => new Notification(
                m.GetString("code") ?? "", m.GetString("title") ?? "", m.GetString("description") ?? "", m.GetString("severity") ?? "")
            {
                Category = m.GetString("category"),
                Position = ReadPosition(m.GetMap("position")),
            }).ToList();
        }

        if (final.TryGetValue("statuses", out var s) && s is IReadOnlyList<object?> statuses)
        {
            return statuses.OfType<IReadOnlyDictionary<string, object?>>().Where(m => m.GetString("neo4j_code") is not null).Select(m =>
            {
                var record = m.GetMap("diagnostic_record");
                return new Notification(m.GetString("neo4j_code")!, m.GetString("title") ?? "", m.GetString("description") ?? m.GetString("status_description") ?? "",
                    record?.GetString("_severity") ?? "")
                {
                    Category = record?.GetString("_classification"),
                    Position = ReadPosition(record?.GetMap("_position")),
                    GqlStatus = m.GetString("gql_status"),
                    StatusDescription = m.GetString("status_description"),
                };
            }).ToList();
        }

        return [];
    }

    private static NotificationPosition? ReadPosition(IReadOnlyDictionary<string, object?>? p) =>
        p is null ? null : new NotificationPosition(Long(p, "offset"), Long(p, "line"), Long(p, "column"));

    private static long Long(IReadOnlyDictionary<string, object?> map, string key) => map.TryGetValue(key, out var v) && v is long l ? l : 0;

    private static PlanNode ReadPlan(IReadOnlyDictionary<string, object?> map) =>
        new(
            map.GetString("operatorType") ?? "",
            map.GetMap("args") ?? MessageFields.Empty,
            map.GetStrings("identifiers"),
            map.TryGetValue("children", out var c) && c is IReadOnlyList<object?> children
                ? children.OfType<IReadOnlyDictionary<string, object?>>().Select(ReadPlan).ToList()
                : [])
        {
            DbHits = map.GetLong("dbHits") ?? 0,
            Rows = map.GetLong("rows") ?? 0,
        };
}
