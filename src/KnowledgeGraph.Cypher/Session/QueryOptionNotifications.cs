using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Session;

/// <summary>
/// The notifications a statement's <c>CYPHER ...</c> options earn: the embedded engine has one planner and one
/// (interpreted) runtime, so an option asking for another is accepted, ignored, and said so in the summary.
/// </summary>
internal static class QueryOptionNotifications
{
    private static readonly string[] RuntimesRun = ["default", "interpreted", "legacy"];

    public static IReadOnlyList<Notification> For(QueryOptions options)
    {
        if (options.Options.Count == 0) return [];
        var notes = new List<Notification>();
        foreach (var (key, value) in options.Options)
        {
            if (value == "default") continue;
            switch (key)
            {
                case "runtime" when RuntimesRun.Contains(value):
                    break;
                case "runtime":
                    // Neo4j's code and wording for a runtime that cannot run the query, with what happened instead.
                    notes.Add(new Notification("Neo.ClientNotification.Statement.RuntimeUnsupported",
                        "This query is not supported by the chosen runtime.",
                        $"Selected runtime is unsupported for this query, please use a different runtime instead or fallback to default. (runtime={value} is not available in the embedded engine; the query ran with its interpreted runtime.)",
                        "WARNING"));
                    break;
                case "connectComponentsPlanner":
                    notes.Add(new Notification("Neo.ClientNotification.Statement.FeatureDeprecationWarning",
                        "This feature is deprecated and will be removed in future versions.",
                        "The Cypher query option `connectComponentsPlanner` is deprecated and will be removed without a replacement. The product's default behavior of using a cost-based IDP search algorithm when combining sub-plans will be kept.",
                        "WARNING"));
                    break;
                default:
                    // Neo4j has no code for this: its own options always take effect there.
                    notes.Add(new Notification("Neo.ClientNotification.Statement.QueryOptionIgnored",
                        "The query option was ignored.",
                        $"The query option {key}={value} has no effect in the embedded engine: it plans and runs every query one way.",
                        "INFORMATION"));
                    break;
            }
        }
        return notes;
    }
}
