using System.Diagnostics;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Bolt.Server;

internal sealed partial class BoltServerConnection
{
    /// <summary>The metadata of the final PULL/DISCARD SUCCESS, named as Neo4j names it.</summary>
    private static Dictionary<string, object?> SummaryMetadata(ResultSummary summary, long startTicks, int minor, bool hasKeys, bool streamed)
    {
        var metadata = new Dictionary<string, object?>
        {
            ["type"] = summary.QueryType,
            ["t_last"] = (long)Stopwatch.GetElapsedTime(startTicks).TotalMilliseconds,
            ["db"] = string.IsNullOrEmpty(summary.Database) ? DefaultDatabase : summary.Database,
        };
        var c = summary.Counters;
        Dictionary<string, object?>? stats = null; // most results change nothing: no map for them
        void Add(string key, int value)
        {
            if (value != 0) (stats ??= [])[key] = (long)value;
        }
        Add("nodes-created", c.NodesCreated);
        Add("nodes-deleted", c.NodesDeleted);
        Add("relationships-created", c.RelationshipsCreated);
        Add("relationships-deleted", c.RelationshipsDeleted);
        Add("properties-set", c.PropertiesSet);
        Add("labels-added", c.LabelsAdded);
        Add("labels-removed", c.LabelsRemoved);
        Add("indexes-added", c.IndexesAdded);
        Add("indexes-removed", c.IndexesRemoved);
        Add("constraints-added", c.ConstraintsAdded);
        Add("constraints-removed", c.ConstraintsRemoved);
        Add("system-updates", c.SystemUpdates);
        if (stats is not null)
        {
            if (c.ContainsUpdates) stats["contains-updates"] = true;
            if (c.SystemUpdates > 0) stats["contains-system-updates"] = true;
            metadata["stats"] = stats;
        }
        if (summary.Plan is { } plan) metadata[summary.Profiled ? "profile" : "plan"] = PlanMap(plan, summary.Profiled);
        if (minor >= 5)
        {
            // Bolt 5.5+: GQL status objects replace notifications (the drivers derive notifications from them).
            metadata["statuses"] = Statuses(summary.Notifications, minor, hasKeys, streamed);
        }
        else if (summary.Notifications.Count > 0)
        {
            metadata["notifications"] = summary.Notifications.Select(n => (object?)NotificationMap(n)).ToList();
        }
        return metadata;
    }

    /// <summary>A Bolt &lt; 5.5 notification: code, title, description, severity, and Neo4j 5's category and position.</summary>
    private static Dictionary<string, object?> NotificationMap(Notification n)
    {
        var map = new Dictionary<string, object?>
        {
            ["code"] = n.Code,
            ["title"] = n.Title,
            ["description"] = n.Description,
            ["severity"] = n.Severity,
        };
        if (n.Category is { } category) map["category"] = category;
        if (n.Position is { } position) map["position"] = PositionMap(position);
        return map;
    }

    private static Dictionary<string, object?> PositionMap(NotificationPosition p) =>
        new() { ["offset"] = p.Offset, ["line"] = p.Line, ["column"] = p.Column };

    /// <summary>
    /// Bolt 5.5+'s <c>statuses</c>, in Neo4j's order (no data, then warnings, then success, then information): the
    /// outcome (<c>00000</c> records were streamed, <c>02000</c> no data, <c>00001</c> a result without columns),
    /// then one per notification with its GQL status, Neo4j code, title, and a diagnostic record holding
    /// <c>_severity</c>, <c>_classification</c> and <c>_position</c>. From 5.6 on the classic description travels
    /// as <c>description</c> beside <c>status_description</c>.
    /// </summary>
    private static List<object?> Statuses(IReadOnlyList<Notification> notifications, int minor, bool hasKeys, bool streamed)
    {
        // Most statements have no notification: their statuses are one of three constant lists, shared (only read
        // by the packer) instead of built for every result.
        if (notifications.Count == 0) return !hasKeys ? OmittedResultStatuses : streamed ? CompletedStatuses : NoDataStatuses;
        return BuildStatuses(notifications, minor, hasKeys, streamed);
    }

    private static readonly List<object?> OmittedResultStatuses = BuildStatuses([], 5, hasKeys: false, streamed: false);
    private static readonly List<object?> CompletedStatuses = BuildStatuses([], 5, hasKeys: true, streamed: true);
    private static readonly List<object?> NoDataStatuses = BuildStatuses([], 5, hasKeys: true, streamed: false);

    private static List<object?> BuildStatuses(IReadOnlyList<Notification> notifications, int minor, bool hasKeys, bool streamed)
    {
        var outcome = !hasKeys ? ("00001", "note: successful completion - omitted result")
            : streamed ? ("00000", "note: successful completion")
            : ("02000", "note: no data");
        var statuses = new List<(string Status, Dictionary<string, object?> Map)>
        {
            (outcome.Item1, new Dictionary<string, object?>
            {
                ["gql_status"] = outcome.Item1,
                ["status_description"] = outcome.Item2,
                ["diagnostic_record"] = DiagnosticRecord(),
            }),
        };
        foreach (var n in notifications)
        {
            var gql = n.GqlStatus ?? (n.Severity == "WARNING" ? "01N42" : "03N42");
            var record = DiagnosticRecord();
            record["_severity"] = n.Severity;
            if (n.Category is { } category) record["_classification"] = category;
            if (n.Position is { } position) record["_position"] = PositionMap(position);
            var map = new Dictionary<string, object?>
            {
                ["gql_status"] = gql,
                ["status_description"] = n.StatusDescription ?? n.Description,
                ["neo4j_code"] = n.Code,
                ["title"] = n.Title,
                ["diagnostic_record"] = record,
            };
            if (minor >= 6) map["description"] = n.Description;
            statuses.Add((gql, map));
        }

        return statuses.OrderBy(s => Precedence(s.Status)).Select(s => (object?)s.Map).ToList();

        static int Precedence(string status) => status[..2] switch
        {
            "02" => 0,
            "01" => 1,
            "00" => 2,
            _ => 3,
        };
    }

    private static Dictionary<string, object?> DiagnosticRecord() =>
        new() { ["OPERATION"] = "", ["OPERATION_CODE"] = "0", ["CURRENT_SCHEMA"] = "/" };

    private static Dictionary<string, object?> PlanMap(PlanNode plan, bool profiled)
    {
        var map = new Dictionary<string, object?>
        {
            ["operatorType"] = plan.OperatorType,
            ["args"] = plan.Arguments,
            ["identifiers"] = plan.Identifiers.Cast<object?>().ToList(),
            ["children"] = plan.Children.Select(child => (object?)PlanMap(child, profiled)).ToList(),
        };
        if (profiled)
        {
            map["dbHits"] = plan.DbHits;
            map["rows"] = plan.Rows;
        }
        return map;
    }
}
