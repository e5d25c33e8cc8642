using KnowledgeGraph.Bolt.Protocol.Messages;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Bolt.Client;

/// <summary>A routing table as ROUTE returned it: routers, readers, writers and an expiry.</summary>
public sealed record RoutingTable(
    IReadOnlyList<ServerAddress> Routers,
    IReadOnlyList<ServerAddress> Readers,
    IReadOnlyList<ServerAddress> Writers,
    DateTime ExpiresUtc,
    string Database)
{
    /// <summary>True when the table must be fetched again before serving <paramref name="mode"/>.</summary>
    public bool IsStaleFor(AccessMode mode) =>
        DateTime.UtcNow >= ExpiresUtc || Routers.Count == 0 || (mode == AccessMode.Read ? Readers.Count == 0 : Writers.Count == 0);

    /// <summary>Parses the <c>rt</c> map of a ROUTE SUCCESS.</summary>
    public static RoutingTable Parse(IReadOnlyDictionary<string, object?> metadata)
    {
        var rt = metadata.GetMap("rt") ?? throw new GraphException(ErrorCodes.ProtocolError, "ROUTE response has no 'rt' map.");
        var ttl = rt.GetLong("ttl") ?? 300;
        List<ServerAddress> routers = [], readers = [], writers = [];
        if (rt.TryGetValue("servers", out var s) && s is IReadOnlyList<object?> servers)
        {
            foreach (var server in servers.OfType<IReadOnlyDictionary<string, object?>>())
            {
                var addresses = server.GetStrings("addresses").Select(a => ServerAddress.Parse(a)).ToList();
                var target = server.GetString("role") switch
                {
                    "ROUTE" => routers,
                    "READ" => readers,
                    "WRITE" => writers,
                    _ => null,
                };
                target?.AddRange(addresses);
            }
        }
        var expires = DateTime.UtcNow.AddSeconds(Math.Clamp(ttl, 0, 7 * 24 * 3600));
        return new RoutingTable(routers, readers, writers, expires, rt.GetString("db") ?? "neo4j");
    }

    /// <summary>This table without <paramref name="address"/> as reader or writer (it failed).</summary>
    public RoutingTable Without(ServerAddress address) => this with
    {
        Readers = Readers.Where(a => a != address).ToList(),
        Writers = Writers.Where(a => a != address).ToList(),
    };

    /// <summary>This table without <paramref name="address"/> as writer (it said it is not the leader).</summary>
    public RoutingTable WithoutWriter(ServerAddress address) => this with { Writers = Writers.Where(a => a != address).ToList() };
}
