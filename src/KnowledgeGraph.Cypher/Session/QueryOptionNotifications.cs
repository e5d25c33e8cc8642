using System.Text.RegularExpressions;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Session;

/// <summary>
/// The notifications a statement's <c>CYPHER ...</c> options earn: the embedded engine has one planner and one
/// (interpreted) runtime, so an option asking for another is accepted, ignored, and said so in the summary. Each
/// carries Neo4j 5.26's category, the position of the option in the query text, and its GQL status.
/// </summary>
internal static partial class QueryOptionNotifications
{
    private static readonly string[] RuntimesRun = ["default", "interpreted", "legacy"];

    public static IReadOnlyList<Notification> For(QueryOptions options, string text)
    {
        if (options.Options.Count == 0) return [];
        var notes = new List<Notification>();
        foreach (var (key, value) in options.Options)
        {
            if (value == "default") continue;
            var position = PositionOf(text, key);
            switch (key)
            {
                case "runtime" when RuntimesRun.Contains(value):
                    break;
                case "runtime":
                    // Neo4j's code, wording and GQL status for a runtime that cannot run the query, with what happened instead.
                    notes.Add(new Notification("Neo.ClientNotification.Statement.RuntimeUnsupported",
                        "This query is not supported by the chosen runtime.",
                        $"Selected runtime is unsupported for this query, please use a different runtime instead or fallback to default. (runtime={value} is not available in the embedded engine; the query ran with its interpreted runtime.)",
                        "WARNING")
                    {
                        Category = "UNSUPPORTED",
                        Position = position,
                        GqlStatus = "01N40",
                        StatusDescription = $"warn: unsupported runtime. The query cannot be executed with `runtime={value}`, `runtime=interpreted` is used. Cause: `{value} is not available in the embedded engine`.",
                    });
                    break;
                case "connectComponentsPlanner":
                    notes.Add(new Notification("Neo.ClientNotification.Statement.FeatureDeprecationWarning",
                        "This feature is deprecated and will be removed in future versions.",
                        "The Cypher query option `connectComponentsPlanner` is deprecated and will be removed without a replacement. The product's default behavior of using a cost-based IDP search algorithm when combining sub-plans will be kept.",
                        "WARNING")
                    {
                        Category = "DEPRECATION",
                        Position = position,
                        GqlStatus = "01N02",
                        StatusDescription = "warn: feature deprecated without replacement. `connectComponentsPlanner` is deprecated and will be removed without a replacement.",
                    });
                    break;
                default:
                    // Neo4j has no code for this (its own options always take effect there), so the GQL status is the
                    // one Neo4j's drivers use for a notification they cannot name: 03N42, "info: unknown notification".
                    notes.Add(new Notification("Neo.ClientNotification.Statement.QueryOptionIgnored",
                        "The query option was ignored.",
                        $"The query option {key}={value} has no effect in the embedded engine: it plans and runs every query one way.",
                        "INFORMATION")
                    {
                        Category = "GENERIC",
                        Position = position,
                        GqlStatus = "03N42",
                        StatusDescription = $"info: unknown notification. The query option {key}={value} has no effect in the embedded engine: it plans and runs every query one way.",
                    });
                    break;
            }
        }
        return notes;
    }

    /// <summary>Where <c>key=</c> stands in the statement's <c>CYPHER</c> prefix (the first occurrence), or null.</summary>
    private static NotificationPosition? PositionOf(string text, string key)
    {
        foreach (Match m in OptionKey().Matches(text))
        {
            if (string.Equals(m.Groups[1].Value, key, StringComparison.OrdinalIgnoreCase)) return NotificationPosition.At(text, m.Groups[1].Index);
        }

        return null;
    }

    [GeneratedRegex(@"\b([A-Za-z]+)\s*=", RegexOptions.CultureInvariant)]
    private static partial Regex OptionKey();
}
