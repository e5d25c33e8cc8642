using System.Globalization;

namespace KnowledgeGraph.Bolt.Client;

/// <summary>How a URI asks for TLS.</summary>
public enum BoltTlsMode
{
    /// <summary>Plain TCP (<c>bolt://</c>, <c>neo4j://</c>).</summary>
    None,

    /// <summary>TLS with full certificate validation (<c>+s</c>).</summary>
    Verified,

    /// <summary>TLS accepting self-signed certificates (<c>+ssc</c>).</summary>
    SelfSigned,
}

/// <summary>A host and port of a Bolt server.</summary>
public readonly record struct ServerAddress(string Host, int Port)
{
    /// <summary>Parses <c>host:port</c>, <c>host</c> or <c>[v6]:port</c>.</summary>
    public static ServerAddress Parse(string value, int defaultPort = 7687)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        if (value.StartsWith('['))
        {
            var close = value.IndexOf(']', StringComparison.Ordinal);
            var host6 = value[1..close];
            return value.Length > close + 2 && value[close + 1] == ':'
                ? new ServerAddress(host6, int.Parse(value[(close + 2)..], CultureInfo.InvariantCulture))
                : new ServerAddress(host6, defaultPort);
        }
        var colon = value.LastIndexOf(':');
        return colon > 0 && value.IndexOf(':', StringComparison.Ordinal) == colon
            ? new ServerAddress(value[..colon], int.Parse(value[(colon + 1)..], CultureInfo.InvariantCulture))
            : new ServerAddress(value, defaultPort);
    }

    /// <inheritdoc />
    public override string ToString() => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}

/// <summary>A parsed <c>bolt://</c>, <c>bolt+s://</c>, <c>bolt+ssc://</c>, <c>neo4j://</c>, <c>neo4j+s://</c> or <c>neo4j+ssc://</c> URI.</summary>
public sealed record BoltUri(bool Routing, BoltTlsMode Tls, ServerAddress Address, IReadOnlyDictionary<string, string> RoutingContext)
{
    /// <summary>Parses a URI; anything else throws <see cref="ArgumentException"/> naming the accepted forms.</summary>
    public static BoltUri Parse(string uri)
    {
        ArgumentException.ThrowIfNullOrEmpty(uri);
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed))
            throw new ArgumentException($"'{uri}' is not a URI; expected e.g. bolt://localhost:7687 or neo4j://host:7687.", nameof(uri));
        var (routing, tls) = parsed.Scheme.ToLowerInvariant() switch
        {
            "bolt" => (false, BoltTlsMode.None),
            "bolt+s" => (false, BoltTlsMode.Verified),
            "bolt+ssc" => (false, BoltTlsMode.SelfSigned),
            "neo4j" => (true, BoltTlsMode.None),
            "neo4j+s" => (true, BoltTlsMode.Verified),
            "neo4j+ssc" => (true, BoltTlsMode.SelfSigned),
            _ => throw new ArgumentException($"Unsupported URI scheme '{parsed.Scheme}'; expected bolt, bolt+s, bolt+ssc, neo4j, neo4j+s or neo4j+ssc.", nameof(uri)),
        };
        var port = parsed.IsDefaultPort || parsed.Port <= 0 ? 7687 : parsed.Port;
        var context = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in parsed.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new ArgumentException($"Invalid routing context '{pair}' in '{uri}'; expected key=value.", nameof(uri));
            context[Uri.UnescapeDataString(pair[..eq])] = Uri.UnescapeDataString(pair[(eq + 1)..]);
        }
        if (!routing && context.Count > 0)
            throw new ArgumentException($"A routing context is only allowed with neo4j:// URIs ('{uri}').", nameof(uri));
        return new BoltUri(routing, tls, new ServerAddress(parsed.IdnHost, port), context);
    }
}
