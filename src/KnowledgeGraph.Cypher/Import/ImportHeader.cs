using System.Globalization;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Import;

/// <summary>The role of one column of an import header.</summary>
internal enum ColumnKind
{
    Property,
    Id,
    Label,
    StartId,
    EndId,
    Type,
    Ignore,
}

/// <summary>One parsed header column: <c>name:type</c>, <c>name:ID(Group)</c>, <c>:LABEL</c>, ...</summary>
internal sealed record ImportColumn(ColumnKind Kind, string? Name, string ValueType, bool IsArray, string Group)
{
    private static readonly HashSet<string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        "string", "char", "int", "long", "short", "byte", "float", "double", "boolean",
    };

    /// <summary>Parses a header field; throws <see cref="InvalidDataException"/> for a type the import does not know.</summary>
    public static ImportColumn Parse(string field, string where)
    {
        var colon = field.LastIndexOf(':');
        if (colon < 0) return new ImportColumn(ColumnKind.Property, field, "string", false, "");
        var name = colon == 0 ? null : field[..colon];
        var spec = field[(colon + 1)..];
        var group = "";
        var open = spec.IndexOf('(');
        if (open >= 0 && spec.EndsWith(')'))
        {
            group = spec[(open + 1)..^1];
            spec = spec[..open];
        }
        switch (spec.ToUpperInvariant())
        {
            case "ID": return new ImportColumn(ColumnKind.Id, name, "string", false, group);
            case "START_ID": return new ImportColumn(ColumnKind.StartId, null, "string", false, group);
            case "END_ID": return new ImportColumn(ColumnKind.EndId, null, "string", false, group);
            case "LABEL": return new ImportColumn(ColumnKind.Label, null, "string", true, "");
            case "TYPE": return new ImportColumn(ColumnKind.Type, null, "string", false, "");
            case "IGNORE": return new ImportColumn(ColumnKind.Ignore, null, "string", false, "");
        }
        var isArray = spec.EndsWith("[]", StringComparison.Ordinal);
        var type = isArray ? spec[..^2] : spec;
        if (name is null || !Types.Contains(type))
            throw new InvalidDataException($"{where}: unsupported header field '{field}' (types: {string.Join(", ", Types.Order())}, with [] for arrays).");
        return new ImportColumn(ColumnKind.Property, name, type.ToLowerInvariant(), isArray, "");
    }

    /// <summary>The stored value of a non-empty field.</summary>
    public object Convert(ReadOnlySpan<char> text, char arrayDelimiter)
    {
        if (!IsArray) return One(text);
        var items = new List<object?>();
        foreach (var range in text.Split(arrayDelimiter)) items.Add(One(text[range]));
        return items;
    }

    private object One(ReadOnlySpan<char> text)
    {
        switch (ValueType)
        {
            case "int" or "long" or "short" or "byte":
                var number = long.Parse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);
                return Boxed.Of(number); // shared boxes for small numbers: ages, years, counts
            case "float" or "double":
                return double.Parse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture);
            case "boolean":
                var trimmed = text.Trim();
                if (trimmed.Equals("true", StringComparison.OrdinalIgnoreCase)) return Boxed.True;
                if (trimmed.Equals("false", StringComparison.OrdinalIgnoreCase)) return Boxed.False;
                throw new FormatException($"'{text}' is not a boolean");
            default:
                return text.ToString();
        }
    }
}
