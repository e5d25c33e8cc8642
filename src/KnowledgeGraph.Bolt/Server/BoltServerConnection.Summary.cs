using System.Diagnostics;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Bolt.Server;

internal sealed partial class BoltServerConnection
{
    /// <summary>The metadata of the final PULL/DISCARD SUCCESS, named as Neo4j names it.</summary>
    private static Dictionary<string, object?> SummaryMetadata(ResultSummary summary, long startTicks)
    {
        var metadata = new Dictionary<string, object?>
        {
            ["type"] = summary.QueryType,
            ["t_last"] = (long)Stopwatch.GetElapsedTime(startTicks).TotalMilliseconds,
            ["db"] = string.IsNullOrEmpty(summary.Database) ? DefaultDatabase : summary.Database,
        };
        var c = summary.Counters;
        var stats = new Dictionary<string, object?>();
        void Add(string key, int value)
        {
            if (value != 0) stats[key] = (long)value;
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
        if (stats.Count > 0)
        {
            if (c.ContainsUpdates) stats["contains-updates"] = true;
            if (c.SystemUpdates > 0) stats["contains-system-updates"] = true;
            metadata["stats"] = stats;
        }
        if (summary.Plan is { } plan) metadata[summary.Profiled ? "profile" : "plan"] = PlanMap(plan, summary.Profiled);
        if (summary.Notifications.Count > 0)
        {
            metadata["notifications"] = summary.Notifications.Select(n => (object?)new Dictionary<string, object?>
            {
                ["code"] = n.Code,
                ["title"] = n.Title,
                ["description"] = n.Description,
                ["severity"] = n.Severity,
            }).ToList();
        }
        return metadata;
    }

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
