using System.Security.Cryptography;
using System.Text;

namespace KnowledgeGraph.Bolt.Server.Transport;

/// <summary>
/// The HTTP/1.1 request a browser sends to open a WebSocket (RFC 6455 §4.1): request line and headers, parsed from
/// at most <see cref="MaxBytes"/> bytes. Only what the upgrade needs is kept; <see cref="Refusal"/> says why a
/// request cannot be upgraded (with the HTTP status to answer), or is null for a valid upgrade.
/// </summary>
internal sealed class HttpUpgradeRequest
{
    /// <summary>Largest request head accepted (request line and headers); browsers send well under 2 KiB.</summary>
    public const int MaxBytes = 8 * 1024;

    // RFC 6455 §1.3: the accept key is base64(SHA-1(key + this GUID)).
    private const string AcceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private readonly Dictionary<string, string> _headers;

    private HttpUpgradeRequest(string method, string target, string version, Dictionary<string, string> headers)
    {
        Method = method;
        Target = target;
        Version = version;
        _headers = headers;
    }

    public string Method { get; }

    public string Target { get; }

    public string Version { get; }

    /// <summary>A header's value (repeated headers joined with ", "), or null.</summary>
    public string? Header(string name) => _headers.GetValueOrDefault(name);

    /// <summary>Null when this is a valid WebSocket upgrade; otherwise the HTTP status and reason to answer with.</summary>
    public (int Status, string Reason)? Refusal
    {
        get
        {
            if (!Version.StartsWith("HTTP/1.", StringComparison.Ordinal) || Version == "HTTP/1.0")
                return (505, "HTTP Version Not Supported");
            if (Method != "GET") return (405, "Method Not Allowed");
            if (!HasToken(Header("Upgrade"), "websocket") || !HasToken(Header("Connection"), "upgrade"))
                return (426, "Upgrade Required");
            if (Header("Sec-WebSocket-Version") != "13") return (426, "Upgrade Required");
            var key = Header("Sec-WebSocket-Key");
            if (key is null || !IsNonce(key)) return (400, "Bad Request");
            return null;
        }
    }

    /// <summary>The <c>Sec-WebSocket-Accept</c> value for this request's key.</summary>
    public string AcceptKey()
    {
        var key = Header("Sec-WebSocket-Key") ?? throw new InvalidOperationException("The request has no Sec-WebSocket-Key.");
        return Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + AcceptGuid)));
    }

    /// <summary>
    /// Parses a request head (without the terminating blank line). Returns null when it is not HTTP at all (no
    /// three-part request line, a header line without a colon, or non-ASCII bytes).
    /// </summary>
    public static HttpUpgradeRequest? Parse(ReadOnlySpan<byte> head)
    {
        foreach (var b in head)
        {
            if (b > 0x7E || (b < 0x20 && b is not ((byte)'\r' or (byte)'\n' or (byte)'\t'))) return null;
        }
        var lines = Encoding.ASCII.GetString(head).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3 || requestLine[0].Length == 0) return null;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.AsSpan(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) return null;
            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var earlier) ? $"{earlier}, {value}" : value;
        }
        return new HttpUpgradeRequest(requestLine[0], requestLine[1], requestLine[2], headers);
    }

    /// <summary>Where the head ends in <paramref name="buffer"/>: the index just past <c>\r\n\r\n</c>, or -1.</summary>
    public static int EndOfHead(ReadOnlySpan<byte> buffer)
    {
        var at = buffer.IndexOf("\r\n\r\n"u8);
        return at < 0 ? -1 : at + 4;
    }

    private static bool HasToken(string? value, string token) =>
        value is not null && value.Split(',').Any(t => t.Trim().Equals(token, StringComparison.OrdinalIgnoreCase));

    // RFC 6455 §4.1: the key is a base64-encoded 16-byte nonce.
    private static bool IsNonce(string key)
    {
        Span<byte> decoded = stackalloc byte[24];
        return Convert.TryFromBase64String(key, decoded, out var length) && length == 16;
    }
}
