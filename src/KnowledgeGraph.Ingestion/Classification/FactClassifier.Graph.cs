using KnowledgeGraph.Model;

namespace KnowledgeGraph.Ingestion.Classification;

public sealed partial class FactClassifier
{
    private const string MeetingByKeyQuery = """
        MATCH (m:Meeting {key: $key})
        OPTIONAL MATCH (m)-[:HELD_IN]->(p:Place)
        RETURN m.key AS meeting, m.startDate AS startDate, m.endDate AS endDate, p.key AS place
        """;

    private const string NodeFactQuery = """
        MATCH (:Meeting {key: $key})-[:HAS_FACT]->(f:Fact {property: $property})
        RETURN f.confidence AS confidence, f.chains AS chains, f.value AS value
        """;

    private async Task<(string Key, string? Start, string? End)?> MeetingByKeyAsync(string key)
    {
        var rows = await ReadAsync(MeetingByKeyQuery, new() { ["key"] = key }).ConfigureAwait(false);
        return rows.Count == 0 ? null : (key, rows[0]["startDate"] as string, rows[0]["endDate"] as string);
    }

    /// <summary>The stored meeting the participants attended at the place: at least two of them (all when fewer), same place when both say.</summary>
    private async Task<(string Key, string? Start, string? End)?> FindMeetingAsync(IReadOnlyList<string> participants, string? place)
    {
        if (participants.Count == 0) return null;
        var rows = await ReadAsync(MeetingsQuery, new() { ["participants"] = participants.Cast<object?>().ToList() }).ConfigureAwait(false);
        var needed = Math.Min(2, participants.Count);
        foreach (var row in rows)
        {
            var attendees = Strings(row["attendees"]);
            var storedPlace = row["place"] as string;
            if (attendees.Count < needed) continue;
            if (place is not null && storedPlace is not null && storedPlace != place) continue;
            return ((string)row["meeting"]!, row["startDate"] as string, row["endDate"] as string);
        }
        return null;
    }

    private async Task<ExistingFact?> NodeFactAsync(string meeting, string property)
    {
        var rows = await ReadAsync(NodeFactQuery, new() { ["key"] = meeting, ["property"] = property }).ConfigureAwait(false);
        if (rows.Count == 0) return null;
        var chains = Strings(rows[0]["chains"]);
        return new ExistingFact("Fact", meeting, property, rows[0]["confidence"] as string, chains, ProvenanceChains.Origins(chains).Count, rows[0]["value"] as string);
    }

    /// <summary>The best-sourced fact asserting the target (someone attended it, drafted it, it was held somewhere).</summary>
    private async Task<ExistingFact?> AssertedAsync(string target)
    {
        var rows = await ReadAsync(AssertedQuery, new() { ["to"] = target }).ConfigureAwait(false);
        if (rows.Count > 0)
        {
            var chains = Strings(rows[0]["chains"]);
            return new ExistingFact((string)rows[0]["type"]!, (string)rows[0]["from"]!, target, rows[0]["confidence"] as string, chains, ProvenanceChains.Origins(chains).Count);
        }
        rows = await ReadAsync(AssertedFromQuery, new() { ["to"] = target }).ConfigureAwait(false);
        if (rows.Count == 0) return null;
        var held = Strings(rows[0]["chains"]);
        return new ExistingFact("HELD_IN", target, (string)rows[0]["place"]!, rows[0]["confidence"] as string, held, ProvenanceChains.Origins(held).Count);
    }
}

/// <summary>Partial ISO dates (<c>2025</c>, <c>2025-10</c>, <c>2025-10-24</c>) as the intervals they stand for.</summary>
public static class PartialDates
{
    /// <summary>The first and last day of a partial date.</summary>
    public static (DateOnly First, DateOnly Last) Interval(string date)
    {
        ArgumentNullException.ThrowIfNull(date);
        var parts = date.Split('-');
        var year = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        if (parts.Length == 1) return (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var month = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        if (parts.Length == 2) return (new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)));
        var d = new DateOnly(year, month, int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
        return (d, d);
    }

    /// <summary>True when [start1, end1] and [start2, end2] share a day.</summary>
    public static bool Overlap(string start1, string end1, string start2, string end2) =>
        Interval(start1).First <= Interval(end2).Last && Interval(start2).First <= Interval(end1).Last;
}
