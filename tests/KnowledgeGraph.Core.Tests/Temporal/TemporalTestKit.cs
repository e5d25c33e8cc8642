using KnowledgeGraph.Temporal;

namespace KnowledgeGraph.Core.Tests.Temporal;

/// <summary>Small helpers so tests read like the Cypher they mirror.</summary>
internal static class TemporalTestKit
{
    public static readonly TemporalContext Context = new()
    {
        StatementTime = new DateTimeOffset(2017, 10, 29, 0, 30, 0, TimeSpan.Zero),
        TransactionTime = new DateTimeOffset(2017, 10, 28, 23, 0, 0, TimeSpan.Zero),
        DefaultTimeZone = "UTC",
    };

    public static object? Call(string function, params object?[] args) => TemporalFunctions.Invoke(function, args, Context);

    public static string Text(object? value) => TemporalFunctions.Format(value!);

    public static string CallText(string function, params object?[] args) => Text(Call(function, args));

    /// <summary>Builds a map from alternating key/value pairs: Map("year", 1984L, "month", 10L).</summary>
    public static Dictionary<string, object?> Map(params object?[] pairs)
    {
        var map = new Dictionary<string, object?>();
        for (int i = 0; i < pairs.Length; i += 2)
        {
            map[(string)pairs[i]!] = pairs[i + 1];
        }

        return map;
    }

    public static object Parse(string kind, string text) => TemporalFunctions.Parse(kind, text);
}
