using System.Globalization;
using System.Text;

namespace KnowledgeGraph.Cypher.Catalog;

internal static partial class Apoc
{
    /// <summary>
    /// The date formats of apoc.date.convertFormat: Java's named ISO formatters (iso_zoned_date_time,
    /// iso_offset_date_time, iso_date_time, iso_local_date_time, iso_instant, iso_date, iso_local_date,
    /// basic_iso_date) and patterns of the letters y M d H m s S and X ('quoted' text kept).
    /// </summary>
    internal static class DateFormats
    {
        /// <summary>A parsed instant: local date-time and, where the text had one, its offset.</summary>
        public readonly record struct Parsed(DateTime Local, TimeSpan? Offset);

        public static Parsed Parse(string text, string format)
        {
            var name = format.ToLowerInvariant();
            if (name.StartsWith("iso_", StringComparison.Ordinal) || name == "basic_iso_date")
            {
                var t = text;
                var bracket = t.IndexOf('[', StringComparison.Ordinal);
                if (bracket >= 0) t = t[..bracket];
                if (name == "basic_iso_date")
                    return new(DateTime.ParseExact(t[..8], "yyyyMMdd", CultureInfo.InvariantCulture), null);
                var hasOffset = t.Length > 10 && (t.EndsWith('Z') || t.LastIndexOfAny(['+', '-']) > 10);
                if (name is "iso_local_date" or "iso_date" && t.Length >= 10)
                    return new(DateTime.ParseExact(t[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture), null);
                if (hasOffset)
                {
                    var dto = DateTimeOffset.Parse(t, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces);
                    return new(dto.DateTime, dto.Offset);
                }
                return new(DateTime.Parse(t, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces), null);
            }
            var pattern = DotNetPattern(format);
            if (DateTimeOffset.TryParseExact(text, pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) && format.Contains('X', StringComparison.Ordinal))
                return new(withOffset.DateTime, withOffset.Offset);
            return new(DateTime.ParseExact(text, pattern, CultureInfo.InvariantCulture), null);
        }

        public static string Format(Parsed p, string format)
        {
            var name = format.ToLowerInvariant();
            var date = p.Local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var time = p.Local.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + Fraction(p.Local);
            var offset = p.Offset is { } o ? Offset(o, colon: true) : "";
            return name switch
            {
                "iso_offset_date_time" or "iso_zoned_date_time" or "iso_date_time" => $"{date}T{time}{offset}",
                "iso_local_date_time" => $"{date}T{time}",
                "iso_instant" => (p.Offset is { } off ? p.Local - off : p.Local).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + Fraction(p.Local) + "Z",
                "iso_local_date" => date,
                "iso_date" => date + offset,
                "basic_iso_date" => p.Local.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (p.Offset is { } b ? Offset(b, colon: false) : ""),
                "iso_local_time" => time,
                "iso_time" or "iso_offset_time" => time + offset,
                _ when name.StartsWith("iso_", StringComparison.Ordinal) => throw new FormatException($"Unknown date format: {format}"),
                _ => p.Offset is { } zone
                    ? new DateTimeOffset(p.Local, zone).ToString(DotNetPattern(format), CultureInfo.InvariantCulture)
                    : p.Local.ToString(DotNetPattern(format), CultureInfo.InvariantCulture),
            };
        }

        /// <summary>Java prints the fraction of a second in as few digits as it needs, and none when it is zero.</summary>
        private static string Fraction(DateTime t)
        {
            var ticks = t.Ticks % TimeSpan.TicksPerSecond;
            if (ticks == 0) return "";
            var digits = (ticks * 100).ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0');
            while (digits.Length % 3 != 0) digits += "0";
            return "." + digits;
        }

        private static string Offset(TimeSpan o, bool colon)
        {
            if (o == TimeSpan.Zero) return "Z";
            var sign = o < TimeSpan.Zero ? "-" : "+";
            var a = o.Duration();
            return colon ? $"{sign}{a.Hours:D2}:{a.Minutes:D2}" : $"{sign}{a.Hours:D2}{a.Minutes:D2}";
        }

        /// <summary>A Java DateTimeFormatter pattern in .NET's letters (the common letters only).</summary>
        private static string DotNetPattern(string java)
        {
            var sb = new StringBuilder();
            for (var i = 0; i < java.Length; i++)
            {
                var ch = java[i];
                if (ch == '\'')
                {
                    var end = java.IndexOf('\'', i + 1);
                    if (end < 0) end = java.Length;
                    sb.Append('\'').Append(java, i + 1, Math.Max(0, end - i - 1)).Append('\'');
                    i = end;
                    continue;
                }
                var run = 1;
                while (i + run < java.Length && java[i + run] == ch) run++;
                sb.Append(ch switch
                {
                    'y' or 'u' => new string('y', run),
                    'M' or 'd' or 'H' or 'h' or 'm' or 's' => new string(ch, run),
                    'S' => new string('f', run),
                    'X' or 'x' or 'Z' => "zzz",
                    'a' => "tt",
                    _ when char.IsAsciiLetter(ch) => throw new FormatException($"Unsupported date pattern letter '{ch}' in {java}"),
                    _ => new string(ch, run),
                });
                i += run - 1;
            }
            return sb.ToString();
        }
    }
}
