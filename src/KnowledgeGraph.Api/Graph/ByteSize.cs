using System.Globalization;

namespace KnowledgeGraph.Api.Graph;

/// <summary>Byte sizes in configuration, as Neo4j writes them: <c>512MB</c>, <c>2GB</c>, <c>64k</c>, <c>1048576</c>, <c>0</c>.
/// Units are binary (1 KB = 1024 bytes), as in Neo4j's memory settings.</summary>
public static class ByteSize
{
    /// <summary>Parses a size; false for anything else (negative, fractional, unknown unit, overflow).</summary>
    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        var digits = 0;
        while (digits < s.Length && char.IsAsciiDigit(s[digits])) digits++;
        if (digits == 0 || !long.TryParse(s.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return false;
        long unit = s[digits..].Trim().ToUpperInvariant() switch
        {
            "" or "B" => 1,
            "K" or "KB" or "KIB" => 1L << 10,
            "M" or "MB" or "MIB" => 1L << 20,
            "G" or "GB" or "GIB" => 1L << 30,
            "T" or "TB" or "TIB" => 1L << 40,
            _ => 0,
        };
        if (unit == 0 || number > long.MaxValue / unit) return false;
        bytes = number * unit;
        return true;
    }

    /// <summary>Parses a size, throwing <see cref="FormatException"/> for a malformed one.</summary>
    public static long Parse(string text) =>
        TryParse(text, out var bytes) ? bytes : throw new FormatException($"'{text}' is not a byte size such as 512MB or 2GB.");
}
