using KnowledgeGraph.Driver;
using KnowledgeGraph.Ingestion.Extraction;
using KnowledgeGraph.Ingestion.Text;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.Ingestion.Classification;

/// <summary>
/// Compares candidate facts with the graph through <see cref="IGraphDriver"/> (read-only, fixed Cypher, values as
/// parameters only). The same relationship already stored is the same fact: its origins decide between
/// <c>repeats</c> (the candidate's origin is among them) and <c>corroborates</c> (a new origin); a stored fact graded
/// denied, a meeting stored with dates that do not overlap, or a denial of a stored fact is <c>contradicts</c>;
/// anything else is <c>new</c>. A meeting the text does not name is the stored meeting attended by the same
/// participants (at least two, or all when fewer) at the same place.
/// </summary>
public sealed partial class FactClassifier
{
    private const string RelationshipQuery = """
        MATCH (a {key: $from})-[r]->(b {key: $to})
        WHERE type(r) = $type
        RETURN r.confidence AS confidence, r.chains AS chains
        """;

    private const string MeetingsQuery = """
        UNWIND $participants AS participant
        MATCH (a {key: participant})-[:ATTENDED]->(m:Meeting)
        WITH m, collect(DISTINCT a.key) AS attendees
        OPTIONAL MATCH (m)-[:HELD_IN]->(p:Place)
        RETURN m.key AS meeting, m.startDate AS startDate, m.endDate AS endDate, p.key AS place, attendees
        ORDER BY size(attendees) DESC, meeting
        """;

    private const string AssertedQuery = """
        MATCH (a)-[r]->(b {key: $to})
        WHERE type(r) IN ['ATTENDED', 'DRAFTED', 'HELD_IN'] AND r.confidence <> 'denied'
        RETURN type(r) AS type, a.key AS from, r.confidence AS confidence, r.chains AS chains
        ORDER BY size(r.chains) DESC, from
        LIMIT 1
        """;

    private const string AssertedFromQuery = """
        MATCH (b {key: $to})-[r:HELD_IN]->(a)
        WHERE r.confidence <> 'denied'
        RETURN 'HELD_IN' AS type, a.key AS place, r.confidence AS confidence, r.chains AS chains
        LIMIT 1
        """;

    private readonly IGraphDriver _driver;
    private readonly CancellationToken _cancellationToken;

    /// <summary>Creates a classifier reading <paramref name="driver"/>.</summary>
    public FactClassifier(IGraphDriver driver, CancellationToken cancellationToken = default)
    {
        _driver = driver;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Classifies every candidate; meetings also yield their HELD_IN fact.</summary>
    public async Task<IReadOnlyList<ClassifiedFact>> ClassifyAsync(IReadOnlyList<CandidateFact> facts)
    {
        var result = new List<ClassifiedFact>();
        foreach (var group in facts.GroupBy(f => (f.Sentence, f.Kind)))
        {
            var first = group.First();
            switch (first.Kind)
            {
                case "meeting":
                    result.AddRange(await MeetingAsync(group.ToList()).ConfigureAwait(false));
                    break;
                case "drafting":
                    foreach (var f in group)
                        result.Add(await SameRelationshipAsync(f, f.To!, false, null).ConfigureAwait(false));
                    break;
                case "denial":
                    foreach (var f in group) result.Add(await DenialAsync(f).ConfigureAwait(false));
                    break;
            }
        }
        return result;
    }

    private async Task<IEnumerable<ClassifiedFact>> MeetingAsync(List<CandidateFact> facts)
    {
        var f = facts[0];
        var meeting = f.To is { } named ? await MeetingByKeyAsync(named).ConfigureAwait(false) : await FindMeetingAsync(f.Participants, f.Place).ConfigureAwait(false);
        var result = new List<ClassifiedFact>();
        if (meeting is null)
        {
            var key = NewMeetingKey(f);
            foreach (var p in facts)
                result.Add(Make(p, "ATTENDED", p.From, key, Classifications.New, "the graph holds no meeting of these participants at this place", null, newEntity: true));
            if (f.Place is not null)
                result.Add(Make(f, "HELD_IN", key, f.Place, Classifications.New, "a new meeting", null, newEntity: true));
            return result;
        }
        string? conflict = null;
        ExistingFact? dates = null;
        if (f.StartDate is not null && meeting.Value.Start is not null
            && !PartialDates.Overlap(f.StartDate, f.EndDate ?? f.StartDate, meeting.Value.Start, meeting.Value.End ?? meeting.Value.Start))
        {
            conflict = $"the text dates it {Range(f.StartDate, f.EndDate)}; the graph holds {Range(meeting.Value.Start, meeting.Value.End)}";
            dates = await NodeFactAsync(meeting.Value.Key, "startDate").ConfigureAwait(false)
                ?? new ExistingFact("Fact", meeting.Value.Key, "startDate", null, [], 0, meeting.Value.Start);
        }
        foreach (var p in facts)
        {
            var c = await SameRelationshipAsync(p with { Type = "ATTENDED" }, meeting.Value.Key, false, null).ConfigureAwait(false);
            if (conflict is not null && c.Classification != Classifications.Contradicts)
                c = c with { Classification = Classifications.Contradicts, Reason = conflict, Related = dates, InDraft = false };
            result.Add(c);
        }
        if (f.Place is not null)
        {
            var held = await SameRelationshipAsync(f with { Type = "HELD_IN" }, f.Place, false, meeting.Value.Key).ConfigureAwait(false);
            result.Add(held);
        }
        return result;
    }

    private async Task<ClassifiedFact> DenialAsync(CandidateFact f)
    {
        var target = f.To;
        if (target is null)
            target = (await FindMeetingAsync(f.Participants, f.Place).ConfigureAwait(false))?.Key;
        if (target is null)
            return Make(f, f.Type, f.From, null, Classifications.New, "denies a meeting the graph does not hold; not drafted", null, inDraft: false);
        var same = await SameRelationshipAsync(f, target, true, null).ConfigureAwait(false);
        if (same.Related is not null) return same;
        var asserted = await AssertedAsync(target).ConfigureAwait(false);
        if (asserted is not null)
            return Make(f, f.Type, f.From, target, Classifications.Contradicts,
                $"denies what the graph holds as {asserted.Confidence}: ({asserted.From})-[:{asserted.Type}]->({asserted.To})", asserted,
                before: asserted.IndependentSources, after: asserted.IndependentSources);
        return same;
    }

    /// <summary>The same relationship already stored: repeats or corroborates by origin, contradicts when it was denied.</summary>
    private async Task<ClassifiedFact> SameRelationshipAsync(CandidateFact f, string to, bool denial, string? fromOverride)
    {
        var from = fromOverride ?? f.From;
        var rows = await ReadAsync(RelationshipQuery, new() { ["from"] = from, ["to"] = to, ["type"] = f.Type }).ConfigureAwait(false);
        if (rows.Count == 0)
            return Make(f, f.Type, from, to, Classifications.New, $"the graph has no ({from})-[:{f.Type}]->({to})", null);
        var chains = Strings(rows[0]["chains"]);
        var existing = new ExistingFact(f.Type, from, to, rows[0]["confidence"] as string, chains, ProvenanceChains.Origins(chains).Count);
        if (!denial && existing.Confidence == "denied")
            return Make(f, f.Type, from, to, Classifications.Contradicts, "the graph holds this fact as denied", existing,
                before: existing.IndependentSources, after: existing.IndependentSources, inDraft: false);
        var origin = f.Report.Origin;
        if (ProvenanceChains.Origins(chains).Contains(origin))
            return Make(f, f.Type, from, to, Classifications.Repeats,
                $"the graph already counts origin {origin}; this relays it again ({f.Report.Chain})", existing,
                before: existing.IndependentSources, after: existing.IndependentSources);
        return Make(f, f.Type, from, to, Classifications.Corroborates,
            $"a new independent origin, {origin}: independent sources {existing.IndependentSources} -> {existing.IndependentSources + 1}", existing,
            before: existing.IndependentSources, after: existing.IndependentSources + 1);
    }

    private ClassifiedFact Make(CandidateFact f, string type, string from, string? to, string classification, string reason, ExistingFact? related,
        int? before = null, int? after = null, bool newEntity = false, bool inDraft = true) =>
        new(f.Kind, type, from, to, classification, reason, related, before ?? 0, after ?? (classification == Classifications.New ? 1 : before ?? 0),
            f.Report.Chain, f.Confidence, f.Quote, f.QuoteOffset, f.Words, f.StartDate, f.EndDate, f.Place, newEntity, inDraft)
        {
            Via = f.Report.Via,
            MeetingType = f.MeetingType,
        };

    private static string NewMeetingKey(CandidateFact f)
    {
        var where = f.Place is not null ? f.Place[(f.Place.IndexOf(':', StringComparison.Ordinal) + 1)..]
            : string.Join("-", f.Participants.Take(2).Select(p => p[(p.IndexOf(':', StringComparison.Ordinal) + 1)..].Split('-')[^1]));
        var when = f.StartDate is { Length: >= 7 } d ? "-" + d[..7] : "";
        return $"meeting:{where}-{f.MeetingType ?? "talks"}{when}";
    }

    private static string Range(string start, string? end) => end is null || end == start ? start : $"{start}..{end}";

    private static IReadOnlyList<string> Strings(object? value) =>
        (value as IEnumerable<object?>)?.OfType<string>().ToList() ?? [];

    private async Task<IReadOnlyList<Record>> ReadAsync(string query, Dictionary<string, object?> parameters)
    {
        var result = await _driver.ExecuteQueryAsync(query, parameters, AccessMode.Read, cancellationToken: _cancellationToken).ConfigureAwait(false);
        return result.Records;
    }
}
