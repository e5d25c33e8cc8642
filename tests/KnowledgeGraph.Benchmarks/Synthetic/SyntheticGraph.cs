using KnowledgeGraph.Storage;
using KnowledgeGraph.Temporal;

namespace KnowledgeGraph.Benchmarks.Synthetic;

/// <summary>
/// A deterministic, knowledge-graph-shaped synthetic graph shared by the storage and Cypher benchmarks:
/// <c>:Person</c> (50 %), <c>:Organization</c> (10 %), <c>:Meeting</c> (20 %) and <c>:Document</c> (20 %) nodes, each
/// with a unique <c>key</c> such as <c>person:42</c> and a <c>name</c>/<c>title</c>; relationships
/// <c>WORKS_FOR</c>, <c>ATTENDED</c>, <c>HOSTED</c>, <c>AUTHORED</c>, <c>MENTIONS</c>, <c>KNOWS</c>, <c>PRODUCED</c>
/// whose endpoints are drawn from a power law (a few hubs, a long tail). Same options, same graph.
/// </summary>
public sealed class SyntheticGraph
{
    public static readonly string[] Labels = ["Person", "Organization", "Meeting", "Document"];

    private readonly SyntheticGraphOptions _options;

    public SyntheticGraph(SyntheticGraphOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Nodes, 10);
        _options = options;
        People = options.Nodes / 2;
        Organizations = options.Nodes / 10;
        Meetings = options.Nodes / 5;
        Documents = options.Nodes - People - Organizations - Meetings;
    }

    public long People { get; }

    public long Organizations { get; }

    public long Meetings { get; }

    public long Documents { get; }

    public long NodeCount => _options.Nodes;

    public long RelationshipCount => _options.Relationships;

    /// <summary>The label and per-label index of a node given its position in creation order.</summary>
    public (string Label, long Index) NodeAt(long position)
    {
        if (position < People) return ("Person", position);
        position -= People;
        if (position < Organizations) return ("Organization", position);
        position -= Organizations;
        if (position < Meetings) return ("Meeting", position);
        return ("Document", position - Meetings);
    }

    /// <summary>The unique <c>key</c> of a node, e.g. <c>person:42</c>.</summary>
    public static string Key(string label, long index) => $"{label.ToLowerInvariant()}:{index}";

    /// <summary>Nodes in creation order: label and properties.</summary>
    public IEnumerable<(string Label, Dictionary<string, object?> Properties)> Nodes()
    {
        for (long position = 0; position < NodeCount; position++)
        {
            var (label, index) = NodeAt(position);
            var props = new Dictionary<string, object?>(3) { ["key"] = Key(label, index) };
            switch (label)
            {
                case "Person":
                    props["name"] = $"Person {index}";
                    props["born"] = 1940L + index % 60;
                    break;
                case "Organization":
                    props["name"] = $"Organization {index}";
                    break;
                case "Meeting":
                    props["title"] = $"Meeting {index}";
                    props["on"] = new CypherDate(17_500 + index % 3_000);
                    break;
                default:
                    props["title"] = $"Document {index}";
                    props["year"] = 1991L + index % 34;
                    break;
            }

            yield return (label, props);
        }
    }

    /// <summary>Relationships as (start position, end position, type); positions index <see cref="Nodes"/>.</summary>
    public IEnumerable<(long Start, long End, string Type)> Relationships()
    {
        var random = new Random(_options.Seed);
        var personBase = 0L;
        var orgBase = People;
        var meetingBase = orgBase + Organizations;
        var documentBase = meetingBase + Meetings;
        for (long i = 0; i < RelationshipCount; i++)
        {
            var roll = random.Next(100);
            yield return roll switch
            {
                < 10 => (personBase + PowerLaw(random, People), orgBase + PowerLaw(random, Organizations), "WORKS_FOR"),
                < 35 => (personBase + PowerLaw(random, People), meetingBase + PowerLaw(random, Meetings), "ATTENDED"),
                < 40 => (orgBase + PowerLaw(random, Organizations), meetingBase + PowerLaw(random, Meetings), "HOSTED"),
                < 55 => (personBase + PowerLaw(random, People), documentBase + PowerLaw(random, Documents), "AUTHORED"),
                < 75 => (documentBase + PowerLaw(random, Documents), random.Next(2) == 0 ? personBase + PowerLaw(random, People) : orgBase + PowerLaw(random, Organizations), "MENTIONS"),
                < 95 => (personBase + PowerLaw(random, People), personBase + PowerLaw(random, People), "KNOWS"),
                _ => (meetingBase + PowerLaw(random, Meetings), documentBase + PowerLaw(random, Documents), "PRODUCED"),
            };
        }
    }

    /// <summary>An index in [0, n) with density proportional to x^(-2/3): low indexes are hubs.</summary>
    public static long PowerLaw(Random random, long n)
    {
        var u = random.NextDouble();
        return Math.Min(n - 1, (long)(n * u * u * u));
    }

    /// <summary>Loads the graph into <paramref name="store"/> in one bulk load; returns the node ids by position.</summary>
    public async Task<long[]> LoadAsync(GraphStore store, bool withProperties = true, CancellationToken ct = default)
    {
        await using var bulk = await store.BeginBulkLoadAsync(ct);
        var ids = AddNodes(bulk, withProperties);
        AddRelationships(bulk, ids, ct);
        await bulk.CompleteAsync(ct);
        return ids;
    }

    /// <summary>Adds the nodes to a bulk load; returns their ids by position.</summary>
    public long[] AddNodes(GraphBulkLoader bulk, bool withProperties = true)
    {
        var ids = new long[NodeCount];
        var position = 0;
        foreach (var (label, props) in Nodes())
        {
            ids[position++] = bulk.CreateNode([label], withProperties ? props : null);
        }

        return ids;
    }

    /// <summary>Adds the relationships to a bulk load, given the node ids by position.</summary>
    public void AddRelationships(GraphBulkLoader bulk, long[] ids, CancellationToken ct = default)
    {
        var count = 0;
        foreach (var (start, end, type) in Relationships())
        {
            bulk.CreateRelationship(ids[start], ids[end], type);
            if (++count % 1_000_000 == 0) ct.ThrowIfCancellationRequested();
        }
    }
}

/// <summary>Size and seed of a <see cref="SyntheticGraph"/>.</summary>
public sealed record SyntheticGraphOptions(long Nodes = 1_000_000, long Relationships = 5_000_000, int Seed = 42);
