using System.Text;

namespace KnowledgeGraph.GraphQL.Schema;

/// <summary>
/// Relay global ids, opaque as HotChocolate makes them: base64 of <c>TypeName\nkey</c>. Decoding never trusts the
/// type name: callers check it against the model whitelist before it reaches Cypher.
/// </summary>
public static class GlobalIds
{
    /// <summary>Encodes a type name and a key.</summary>
    public static string Encode(string typeName, string key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(typeName + "\n" + key));

    /// <summary>Decodes an id; false when it is not one of ours.</summary>
    public static bool TryDecode(string id, out string typeName, out string key)
    {
        typeName = key = "";
        var bytes = new byte[id.Length];
        if (!Convert.TryFromBase64String(id, bytes, out var written)) return false;
        var text = Encoding.UTF8.GetString(bytes, 0, written);
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        if (newline <= 0 || newline == text.Length - 1) return false;
        typeName = text[..newline];
        key = text[(newline + 1)..];
        return true;
    }
}
