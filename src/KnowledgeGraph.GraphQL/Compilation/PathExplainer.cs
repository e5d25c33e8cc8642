using System.Collections;
using System.Globalization;
using GraphQL.Resolvers;

namespace KnowledgeGraph.GraphQL.Compilation;

/// <summary>
/// Writes a path as one plain-language line from the data the compiled statement returns under
/// <see cref="DataKey"/>: "Steve Witkoff, US envoy, met Kirill Dmitriev, Russian representative, in Miami,
/// 24–26 Oct 2025: claimed, per Kirill Dmitriev, reported by Il Giornale via Mena News". Two ATTENDED hops through
/// a meeting read as one meeting; any other hop reads as "start verb end" in the relationship's own direction.
/// </summary>
internal static class PathExplainer
{
    public const string DataKey = "__explain";

    public static IFieldResolver Resolver { get; } = new FuncFieldResolver<object?>(context =>
        context.Source is IReadOnlyDictionary<string, object?> path && path.GetValueOrDefault(DataKey) is IReadOnlyDictionary<string, object?> data
            ? Explain(data)
            : null);

    private static readonly Dictionary<string, string> Verbs = new(StringComparer.Ordinal)
    {
        ["LEADS"] = "leads", ["REPRESENTS"] = "represents", ["SPEAKS_FOR"] = "speaks for", ["MEMBER_OF"] = "is a member of",
        ["PART_OF"] = "is part of", ["CITIZEN_OF"] = "is a citizen of", ["ALLY_OF"] = "is an ally of",
        ["NEGOTIATES_WITH"] = "negotiates with", ["ATTENDED"] = "attended", ["HELD_IN"] = "was held in",
        ["LOCATED_IN"] = "is located in", ["CAPITAL_OF"] = "is the capital of", ["PARTY_TO"] = "is party to",
        ["MEDIATES"] = "mediates", ["DRAFTED"] = "drafted", ["BRIEFED"] = "briefed", ["BRIEFED_ON"] = "was briefed on",
        ["COVERS"] = "covers", ["DEMANDS"] = "demands", ["PRECEDED_BY"] = "was preceded by", ["DISCUSSED"] = "discussed",
        ["STANCE_ON"] = "took a stance on", ["DENIES"] = "denies", ["STATED"] = "stated", ["ABOUT"] = "is about",
    };

    /// <summary>The explanation of one path.</summary>
    public static string Explain(IReadOnlyDictionary<string, object?> data)
    {
        var nodes = Maps(data.GetValueOrDefault("nodes"));
        var hops = (data.GetValueOrDefault("hops") as IEnumerable)?.Cast<object?>().Select(Maps).ToList() ?? [];
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (data.GetValueOrDefault("names") as IEnumerable)?.Cast<object?>() ?? [])
            if (pair is IList { Count: 2 } l && l[0] is string k && l[1] is string n) names[k] = n;
        string NameOf(string key) =>
            names.TryGetValue(key, out var n) ? n
            : nodes.FirstOrDefault(x => x.GetValueOrDefault("key") as string == key)?.GetValueOrDefault("name") as string ?? key;

        var clauses = new List<string>();
        for (var i = 0; i < hops.Count; i++)
        {
            var node = nodes.ElementAtOrDefault(i + 1);
            if (node is not null && i + 1 < hops.Count && IsMeeting(node)
                && Attended(hops[i]) is { } left && Attended(hops[i + 1]) is { } right)
            {
                var a = nodes[i];
                var b = nodes[i + 2];
                var place = node.GetValueOrDefault("place") as string;
                var when = DateRange(node.GetValueOrDefault("startDate") as string, node.GetValueOrDefault("endDate") as string);
                var text = Named(a, left, trailingComma: true) + " met " + Named(b, right, trailingComma: false)
                    + (place is null ? "" : ", in " + place) + (when is null ? "" : ", " + when)
                    + ": " + Provenance(Weaker(left, right), NameOf);
                clauses.Add(text);
                i++;
                continue;
            }
            var rels = hops[i];
            if (rels.Count == 0) continue;
            var r = rels[0];
            var from = NameOf(r.GetValueOrDefault("from") as string ?? "");
            var to = NameOf(r.GetValueOrDefault("to") as string ?? "");
            var type = r.GetValueOrDefault("type") as string ?? "";
            var more = rels.Count > 1 ? " (and " + (rels.Count - 1) + " more relationship" + (rels.Count > 2 ? "s" : "") + ")" : "";
            clauses.Add(from + " " + Verbs.GetValueOrDefault(type, type.ToLowerInvariant().Replace('_', ' ')) + " " + to + more + ": " + Provenance(r, NameOf));
        }
        return string.Join("; ", clauses);
    }

    private static List<IReadOnlyDictionary<string, object?>> Maps(object? value) =>
        (value as IEnumerable)?.Cast<object?>().OfType<IReadOnlyDictionary<string, object?>>().ToList() ?? [];

    private static bool IsMeeting(IReadOnlyDictionary<string, object?> node) =>
        node.GetValueOrDefault("labels") is IEnumerable labels && labels.Cast<object?>().Contains("Meeting");

    private static IReadOnlyDictionary<string, object?>? Attended(List<IReadOnlyDictionary<string, object?>> rels) =>
        rels.FirstOrDefault(r => r.GetValueOrDefault("type") as string == "ATTENDED");

    private static IReadOnlyDictionary<string, object?> Weaker(IReadOnlyDictionary<string, object?> a, IReadOnlyDictionary<string, object?> b) =>
        Evidence.ConfidenceWeights.GetValueOrDefault(b.GetValueOrDefault("confidence") as string ?? "")
        < Evidence.ConfidenceWeights.GetValueOrDefault(a.GetValueOrDefault("confidence") as string ?? "") ? b : a;

    // "Steve Witkoff, US envoy": the role the relationship gives, else the person's title.
    private static string Named(IReadOnlyDictionary<string, object?> node, IReadOnlyDictionary<string, object?> rel, bool trailingComma)
    {
        var name = node.GetValueOrDefault("name") as string ?? node.GetValueOrDefault("key") as string ?? "?";
        var role = rel.GetValueOrDefault("role") as string ?? node.GetValueOrDefault("title") as string;
        return string.IsNullOrWhiteSpace(role) ? name : name + ", " + role + (trailingComma ? "," : "");
    }

    /// <summary>"claimed, per Kirill Dmitriev, reported by Il Giornale via Mena News" from the first report chain.</summary>
    internal static string Provenance(IReadOnlyDictionary<string, object?> rel, Func<string, string> nameOf)
    {
        var confidence = rel.GetValueOrDefault("confidence") as string ?? "unknown";
        var chains = (rel.GetValueOrDefault("chains") as IEnumerable)?.Cast<object?>().OfType<string>().ToList() ?? [];
        if (chains.Count == 0)
        {
            var sources = (rel.GetValueOrDefault("sources") as IEnumerable)?.Cast<object?>().OfType<string>().Select(nameOf).ToList() ?? [];
            return sources.Count == 0 ? confidence : confidence + ", reported by " + string.Join(", ", sources);
        }
        var chain = chains[0].Split(" > ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (chain.Length == 1 && chain[0] == "source:reference") return confidence + ", background knowledge";
        string Token(string t) => t.StartsWith("unnamed:", StringComparison.Ordinal) ? "unnamed sources of " + nameOf(t["unnamed:".Length..]) : nameOf(t);
        var text = confidence + ", per " + Token(chain[0]);
        if (chain.Length > 1) text += ", reported by " + string.Join(" via ", chain.Skip(1).Select(Token));
        if (chains.Count > 1) text += " (+" + (chains.Count - 1) + " other report chain" + (chains.Count > 2 ? "s" : "") + ")";
        return text;
    }

    /// <summary>"24–26 Oct 2025", "30 Oct – 2 Nov 2025", "Aug 2025", "2025"; null without a start date.</summary>
    internal static string? DateRange(string? start, string? end)
    {
        if (start is null) return null;
        var s = PartialDate.Parse(start);
        var e = end is null ? null : PartialDate.Parse(end);
        if (s is null) return start;
        if (e is null || e == s) return s.Display();
        if (s.Precision == 3 && e.Precision == 3 && s.Year == e.Year)
            return s.Month == e.Month
                ? s.Day.ToString(CultureInfo.InvariantCulture) + "–" + e.Display()
                : s.Day.ToString(CultureInfo.InvariantCulture) + " " + PartialDate.MonthName(s.Month) + " – " + e.Display();
        return s.Display() + " – " + e.Display();
    }
}
