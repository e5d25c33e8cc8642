using KnowledgeGraph.Bolt.Protocol.PackStream;

namespace KnowledgeGraph.Bolt.Protocol.Messages;

/// <summary>A Bolt message: a PackStream structure whose signature names the message.</summary>
public interface IBoltMessage
{
    /// <summary>The structure signature.</summary>
    byte Signature { get; }

    /// <summary>Writes the message as one structure (header and fields).</summary>
    void Write(PackStreamWriter writer);
}

/// <summary>Helpers shared by the message serializers.</summary>
internal static class MessageFields
{
    public static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();

    public static void ExpectFields(int actual, int expected, string message)
    {
        if (actual != expected)
            throw new BoltProtocolException($"{message} has {actual} fields; expected {expected}.");
    }

    public static IReadOnlyDictionary<string, object?> ReadMap(PackStreamReader reader, string what) =>
        reader.ReadValue() as IReadOnlyDictionary<string, object?> ?? throw new BoltProtocolException($"{what} must be a map.");

    public static string? GetString(this IReadOnlyDictionary<string, object?> map, string key) =>
        map.TryGetValue(key, out var v) && v is string s ? s : null;

    public static long? GetLong(this IReadOnlyDictionary<string, object?> map, string key) =>
        map.TryGetValue(key, out var v) && v is long l ? l : null;

    public static IReadOnlyList<string> GetStrings(this IReadOnlyDictionary<string, object?> map, string key) =>
        map.TryGetValue(key, out var v) && v is IReadOnlyList<object?> list ? list.OfType<string>().ToList() : [];

    public static IReadOnlyDictionary<string, object?>? GetMap(this IReadOnlyDictionary<string, object?> map, string key) =>
        map.TryGetValue(key, out var v) ? v as IReadOnlyDictionary<string, object?> : null;
}
