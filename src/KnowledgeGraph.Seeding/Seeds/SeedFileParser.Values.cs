using System.Globalization;
using System.Text.Json;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.Seeding.Seeds;

public sealed partial class SeedFileParser
{
    private static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => e.ValueKind.ToString(),
    };

    private void CheckMembers(JsonElement e, string path, IReadOnlyCollection<string> allowed)
    {
        foreach (var member in e.EnumerateObject())
            if (!allowed.Contains(member.Name))
                Error($"{path}.{member.Name}", $"unknown member '{member.Name}'; expected one of {string.Join(", ", allowed)}");
    }

    /// <summary>Reports required properties absent from <paramref name="container"/> (present but invalid ones were reported already).</summary>
    private void CheckRequired(string path, IEnumerable<PropertyDefinition> definitions, JsonElement? container)
    {
        foreach (var def in definitions.Where(d => d.Required))
            if (container is not { ValueKind: JsonValueKind.Object } c || !c.TryGetProperty(def.Name, out _))
                Error(path, $"missing required property '{def.Name}'");
    }

    private string? MissingMember(string path, string member)
    {
        Error(path, $"missing required member '{member}'");
        return null;
    }

    private static void SetIfValid(Dictionary<string, object?> props, string name, object? value)
    {
        if (value is not null) props[name] = value;
    }

    private string? RequiredString(JsonElement e, string path, string member) =>
        e.TryGetProperty(member, out var value) ? ReadString(value, $"{path}.{member}") : MissingMember(path, member);

    private string? ReadString(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.String)
        {
            Error(path, $"expected a string, found {Describe(e)}");
            return null;
        }
        var s = e.GetString()!;
        if (string.IsNullOrWhiteSpace(s))
        {
            Error(path, "expected a non-empty string");
            return null;
        }
        if (s.Trim().Length != s.Length)
        {
            Error(path, "leading or trailing whitespace");
            return null;
        }
        return s;
    }

    private List<object?>? ReadStringList(JsonElement e, string path, bool allowEmpty)
    {
        if (e.ValueKind != JsonValueKind.Array)
        {
            Error(path, $"expected an array of strings, found {Describe(e)}");
            return null;
        }
        var result = new List<object?>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        var ok = true;
        foreach (var item in e.EnumerateArray())
        {
            var itemPath = $"{path}[{i++}]";
            var s = ReadString(item, itemPath);
            if (s is null) { ok = false; continue; }
            if (!seen.Add(s)) { Error(itemPath, $"duplicate value '{s}'"); ok = false; continue; }
            result.Add(s);
        }
        if (ok && !allowEmpty && result.Count == 0)
        {
            Error(path, "expected at least one value");
            return null;
        }
        return ok ? result : null;
    }

    private object? ReadValue(JsonElement e, string path, PropertyDefinition def)
    {
        switch (def.Kind)
        {
            case PropertyKind.String:
                return ReadString(e, path);
            case PropertyKind.StringList:
                return ReadStringList(e, path, allowEmpty: true);
            case PropertyKind.Integer:
                if (e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var n)) return n;
                Error(path, $"expected an integer, found {(e.ValueKind == JsonValueKind.Number ? e.GetRawText() : Describe(e))}");
                return null;
            case PropertyKind.PartialDate:
                var date = ReadString(e, path);
                if (date is null || IsPartialDate(date)) return date;
                Error(path, $"invalid date '{date}': expected YYYY, YYYY-MM or YYYY-MM-DD");
                return null;
            case PropertyKind.Enum:
                var value = ReadString(e, path);
                if (value is null || def.AllowedValues!.Contains(value)) return value;
                Error(path, $"invalid value '{value}': expected one of {string.Join(", ", def.AllowedValues!)}");
                return null;
            case PropertyKind.NodeKey:
                return ReadKey(e, path, null);
            case PropertyKind.SourceKeyList:
                return ReadKeyList(e, path, ["Source"], allowEmpty: false)?.Select(k => (object?)k.Key).ToList();
            case PropertyKind.NodeKeyList:
                return ReadKeyList(e, path, null, allowEmpty: true)?.Select(k => (object?)k.Key).ToList();
            default:
                throw new InvalidOperationException($"Unhandled property kind {def.Kind}.");
        }
    }

    private void ReadProperties(JsonElement e, string path, IReadOnlyList<PropertyDefinition> definitions, Dictionary<string, object?> props)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            Error(path, $"expected an object, found {Describe(e)}");
            return;
        }
        foreach (var member in e.EnumerateObject())
        {
            var def = definitions.FirstOrDefault(d => d.Name == member.Name);
            if (def is null)
            {
                var expected = definitions.Count == 0 ? "no properties are defined here" : "expected one of " + string.Join(", ", definitions.Select(d => d.Name));
                Error($"{path}.{member.Name}", $"unknown property '{member.Name}'; {expected}");
                continue;
            }
            SetIfValid(props, def.Name, ReadValue(member.Value, $"{path}.{member.Name}", def));
        }
    }

    /// <summary>True for YYYY, YYYY-MM or YYYY-MM-DD naming a real calendar date.</summary>
    public static bool IsPartialDate(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        string[] formats = ["yyyy", "yyyy-MM", "yyyy-MM-dd"];
        return value.Length is 4 or 7 or 10
            && DateTime.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    private string? LabelOf(string key) =>
        _declared.TryGetValue(key, out var label) ? label : _knownKeys.GetValueOrDefault(key);

    /// <summary>Reads a key that must be declared (here or earlier) with one of <paramref name="labels"/> (null: any).</summary>
    private string? ReadKey(JsonElement e, string path, IReadOnlyList<string>? labels)
    {
        var key = ReadString(e, path);
        if (key is null) return null;
        var label = LabelOf(key);
        if (label is null)
        {
            Error(path, $"unknown key '{key}' (not declared in this file or an earlier one)");
            return null;
        }
        if (labels is not null && !labels.Contains(label))
        {
            Error(path, $"'{key}' is a {label}; expected {string.Join(" or ", labels)}");
            return null;
        }
        return key;
    }

    private List<(string Key, string Path)>? ReadKeyList(JsonElement e, string path, IReadOnlyList<string>? labels, bool allowEmpty)
    {
        if (e.ValueKind != JsonValueKind.Array)
        {
            Error(path, $"expected an array of keys, found {Describe(e)}");
            return null;
        }
        var result = new List<(string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ok = true;
        var i = 0;
        foreach (var item in e.EnumerateArray())
        {
            var itemPath = $"{path}[{i++}]";
            var key = ReadKey(item, itemPath, labels);
            if (key is null) { ok = false; continue; }
            if (!seen.Add(key)) { Error(itemPath, $"duplicate key '{key}'"); ok = false; continue; }
            result.Add((key, itemPath));
        }
        if (ok && !allowEmpty && result.Count == 0)
        {
            Error(path, "expected at least one key");
            return null;
        }
        return ok ? result : null;
    }
}
