using System.Text.Json;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.Seeding.Seeds;

/// <summary>
/// Parses and fully validates one seed file (format in <c>cypher/README.md</c>). Validation is complete before
/// anything is returned: a file with any error yields no nodes or relationships. Keys may reference nodes
/// declared in the same file or in earlier files (<c>knownKeys</c>).
/// </summary>
public sealed partial class SeedFileParser
{
    /// <summary>The seed format this parser reads (root member <c>format</c>).</summary>
    public const int FormatVersion = 2;

    // Static initializers of a partial class run in an unspecified order across files: every array another
    // initializer uses is declared above it in this file.

    /// <summary>Members a fact (relation, claim, node fact) may carry to state its provenance.</summary>
    private static readonly string[] ProvenanceMembers = ["tier", "confidence", "reports", "document", "quote", "date"];

    private static readonly string[] EvidenceMembers = ["supportedBy", "contradictedBy"];
    private static readonly string[] RootMembers = ["$schema", "$comment", "format", "document", "documents", "entities", "relations", "claims", "facts"];
    private static readonly string[] EntityMembers = ["label", "key", "name", "aliases", "description", "props"];
    private static readonly string[] RelationMembers =
        ["type", "from", "to", "note", "props", .. ProvenanceMembers, .. EvidenceMembers];
    private static readonly string[] ClaimMembers =
        ["key", "name", "aliases", "description", "text", "stance", "attribution", "statedBy", "about", .. ProvenanceMembers];
    private static readonly string[] FactMembers = ["entity", "property", .. ProvenanceMembers, .. EvidenceMembers];
    private static readonly string[] DocumentMembers =
        ["key", "name", "aliases", "description", "publishedDate", "language", "dateline", "sourceFile", "url", "textHash", "publishedBy", "authors", "cites", "mentions"];

    private readonly string _fileName;
    private readonly IReadOnlyDictionary<string, string> _knownKeys;
    private readonly Dictionary<string, string> _declared = new(StringComparer.Ordinal);
    private readonly List<SeedError> _errors = [];
    private readonly List<SeedNode> _nodes = [];
    private readonly List<SeedRelationship> _relationships = [];
    private readonly HashSet<(string, string, string)> _relationshipIdentities = [];
    private string? _rootDocument;
    private bool _rootDocumentInvalid;

    private SeedFileParser(string fileName, IReadOnlyDictionary<string, string> knownKeys)
    {
        _fileName = fileName;
        _knownKeys = knownKeys;
    }

    /// <summary>Parses <paramref name="json"/>; <paramref name="knownKeys"/> maps keys from earlier files to their labels.</summary>
    public static SeedFile Parse(string fileName, string json, IReadOnlyDictionary<string, string> knownKeys)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(knownKeys);
        var parser = new SeedFileParser(fileName, knownKeys);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}" : "";
            return new SeedFile(fileName, [], [], [new SeedError(fileName, "$", $"invalid JSON{where}: {e.Message}")]);
        }
        using (document)
            parser.ParseRoot(document.RootElement);
        return parser._errors.Count == 0
            ? new SeedFile(fileName, parser._nodes, parser._relationships, [])
            : new SeedFile(fileName, [], [], parser._errors);
    }

    private void Error(string path, string message) => _errors.Add(new SeedError(_fileName, path, message));

    private void ParseRoot(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            Error("$", $"expected an object, found {Describe(root)}");
            return;
        }
        CheckMembers(root, "$", RootMembers);
        if (!root.TryGetProperty("format", out var format))
            Error("$", $"missing required member 'format': this parser reads seed format {FormatVersion} (cypher/README.md)");
        else if (format.ValueKind != JsonValueKind.Number || !format.TryGetInt32(out var version) || version != FormatVersion)
        {
            Error("$.format", $"unsupported seed format {format.GetRawText()}; expected {FormatVersion} (cypher/README.md)");
            return;
        }

        // Pass 1: every key this file declares, so references may point forward within the file.
        DeclareKeys(root, "documents", "Document");
        DeclareKeys(root, "claims", "Claim");
        if (root.TryGetProperty("entities", out var entities) && entities.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var entity in entities.EnumerateArray())
            {
                var path = $"$.entities[{i++}]";
                if (entity.ValueKind == JsonValueKind.Object
                    && entity.TryGetProperty("label", out var label) && label.ValueKind == JsonValueKind.String
                    && entity.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String)
                    Declare(path, key.GetString()!, label.GetString()!);
            }
        }

        if (root.TryGetProperty("document", out var doc))
        {
            _rootDocument = ReadKey(doc, "$.document", ["Document"]);
            _rootDocumentInvalid = _rootDocument is null;
        }

        // Pass 2: validate and build rows. Relations before claims, so a claim's supportedBy / contradictedBy can be
        // derived from the SUPPORTS / CONTRADICTS relations.
        ForEachObject(root, "documents", ParseDocument);
        ForEachObject(root, "entities", ParseEntity);
        ForEachObject(root, "relations", ParseRelation);
        ForEachObject(root, "claims", ParseClaim);
        ForEachObject(root, "facts", ParseFact);
    }

    private void DeclareKeys(JsonElement root, string section, string label)
    {
        if (!root.TryGetProperty(section, out var items) || items.ValueKind != JsonValueKind.Array) return;
        var i = 0;
        foreach (var item in items.EnumerateArray())
        {
            var path = $"$.{section}[{i++}]";
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String)
                Declare(path, key.GetString()!, label);
        }
    }

    private void Declare(string path, string key, string label)
    {
        if (_declared.ContainsKey(key))
            Error($"{path}.key", $"duplicate key '{key}' (already declared earlier in this file)");
        else if (_knownKeys.TryGetValue(key, out var earlier) && earlier != label)
            Error($"{path}.key", $"key '{key}' was declared as {earlier} in an earlier file, not {label}");
        else
            _declared[key] = label;
    }

    private void ForEachObject(JsonElement root, string section, Action<JsonElement, string> parse)
    {
        if (!root.TryGetProperty(section, out var items)) return;
        if (items.ValueKind != JsonValueKind.Array)
        {
            Error($"$.{section}", $"expected an array, found {Describe(items)}");
            return;
        }
        var i = 0;
        foreach (var item in items.EnumerateArray())
        {
            var path = $"$.{section}[{i++}]";
            if (item.ValueKind != JsonValueKind.Object)
                Error(path, $"expected an object, found {Describe(item)}");
            else
                parse(item, path);
        }
    }

    private void ParseEntity(JsonElement e, string path)
    {
        CheckMembers(e, path, EntityMembers);
        var labelName = RequiredString(e, path, "label");
        if (labelName is null) return;
        var label = KnowledgeModel.FindLabel(labelName);
        if (label is null)
        {
            Error($"{path}.label", $"unknown label '{labelName}'; expected one of {string.Join(", ", KnowledgeModel.Labels.Select(l => l.Name))}");
            return;
        }
        if (label.Name is "Document" or "Claim" or "Fact")
        {
            Error($"{path}.label", $"{label.Name} nodes are declared in the '{label.Name.ToLowerInvariant() + "s"}' section");
            return;
        }
        var props = new Dictionary<string, object?>(StringComparer.Ordinal);
        var key = ReadCommon(e, path, label, props);
        JsonElement? extraProps = e.TryGetProperty("props", out var extra) ? extra : null;
        if (extraProps is { } x)
            ReadProperties(x, $"{path}.props", label.Properties, props);
        CheckRequired(path, label.Properties, extraProps);
        AddNode(label, key, props);
    }

    private void AddNode(LabelDefinition label, string? key, Dictionary<string, object?> props, IReadOnlyList<string>? chains = null)
    {
        if (key is null) return;
        var aliases = props.Remove("aliases", out var a) && a is List<object?> list ? list.Cast<string>().ToList() : [];
        _nodes.Add(new SeedNode(label.Name, key, aliases, props, chains));
    }

    /// <summary>Reads key, name, aliases and description; returns the key when valid.</summary>
    private string? ReadCommon(JsonElement e, string path, LabelDefinition label, Dictionary<string, object?> props)
    {
        var key = RequiredString(e, path, "key");
        if (key is not null && !IsValidKey(key, label))
        {
            Error($"{path}.key", $"invalid key '{key}': expected '{label.KeyPrefix}:' followed by a lowercase slug (a-z, 0-9, '-')");
            key = null;
        }
        var name = RequiredString(e, path, "name");
        if (name is not null) props["name"] = name;
        props["aliases"] = e.TryGetProperty("aliases", out var aliases)
            ? ReadStringList(aliases, $"{path}.aliases", allowEmpty: true) ?? []
            : new List<object?>();
        if (e.TryGetProperty("description", out var description))
            SetIfValid(props, "description", ReadString(description, $"{path}.description"));
        return key;
    }

    private static bool IsValidKey(string key, LabelDefinition label)
    {
        var prefix = label.KeyPrefix + ":";
        if (!key.StartsWith(prefix, StringComparison.Ordinal) || key.Length == prefix.Length) return false;
        var slug = key.AsSpan(prefix.Length);
        if (slug[0] == '-' || slug[^1] == '-') return false;
        foreach (var c in slug)
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-')) return false;
        return true;
    }
}
