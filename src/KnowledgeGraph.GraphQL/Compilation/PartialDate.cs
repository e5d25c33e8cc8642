using System.Globalization;
using System.Text.RegularExpressions;

namespace KnowledgeGraph.GraphQL.Compilation;

/// <summary>
/// A partial ISO date as stored (<c>2025</c>, <c>2025-11</c>, <c>2025-11-19</c>), meaning the whole interval it names:
/// <c>2025-11</c> is 2025-11-01..2025-11-30. Filters compare intervals by overlap. In Cypher the interval of a stored
/// string <c>s</c> is <c>[s padded with -01, s padded with -31]</c> compared as strings: "2025-11-31" sorts after
/// every real day of November and before December, so no calendar is needed (see <see cref="CypherStart"/>).
/// </summary>
internal sealed partial record PartialDate(int Year, int Month, int Day, int Precision)
{
    [GeneratedRegex(@"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    /// <summary>Parses a partial date; null when it is not one (or names no real month or day).</summary>
    public static PartialDate? Parse(string text)
    {
        var m = Shape().Match(text);
        if (!m.Success) return null;
        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        if (!m.Groups[2].Success) return new(year, 0, 0, 1);
        var month = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || year < 1) return null;
        if (!m.Groups[3].Success) return new(year, month, 0, 2);
        var day = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        if (day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new(year, month, day, 3);
    }

    /// <summary>First day of the interval, as YYYY-MM-DD.</summary>
    public string Start => Precision switch
    {
        1 => Year.ToString("D4", CultureInfo.InvariantCulture) + "-01-01",
        2 => Year.ToString("D4", CultureInfo.InvariantCulture) + "-" + Month.ToString("D2", CultureInfo.InvariantCulture) + "-01",
        _ => Text,
    };

    /// <summary>The end bound as Cypher computes it: the text padded with -12-31 or -31 (a string bound, see the type doc).</summary>
    public string End => Precision switch
    {
        1 => Year.ToString("D4", CultureInfo.InvariantCulture) + "-12-31",
        2 => Text + "-31",
        _ => Text,
    };

    /// <summary>The date as written.</summary>
    public string Text => Precision switch
    {
        1 => Year.ToString("D4", CultureInfo.InvariantCulture),
        2 => Year.ToString("D4", CultureInfo.InvariantCulture) + "-" + Month.ToString("D2", CultureInfo.InvariantCulture),
        _ => Year.ToString("D4", CultureInfo.InvariantCulture) + "-" + Month.ToString("D2", CultureInfo.InvariantCulture) + "-" + Day.ToString("D2", CultureInfo.InvariantCulture),
    };

    /// <summary>"24 Oct 2025", "Aug 2025", "2025".</summary>
    public string Display() => Precision switch
    {
        1 => Year.ToString(CultureInfo.InvariantCulture),
        2 => MonthName(Month) + " " + Year.ToString(CultureInfo.InvariantCulture),
        _ => Day.ToString(CultureInfo.InvariantCulture) + " " + MonthName(Month) + " " + Year.ToString(CultureInfo.InvariantCulture),
    };

    public static string MonthName(int month) => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(month);

    /// <summary>
    /// Whether a stored date matches <c>op value</c> by interval overlap: <c>eq</c> the intervals overlap, <c>neq</c>
    /// they do not, <c>gte</c> some day of the stored interval is on or after the value's first day, <c>gt</c> some
    /// day is after the value's last day, <c>lte</c> some day is on or before its last day, <c>lt</c> some day is
    /// before its first day. The C# twin of <see cref="CypherCondition"/>, for unit tests and documentation.
    /// </summary>
    public static bool Matches(string stored, string op, PartialDate value)
    {
        var s = Parse(stored) ?? throw new ArgumentException("Not a partial date: " + stored, nameof(stored));
        return op switch
        {
            "eq" => Cmp(s.Start, value.End) <= 0 && Cmp(s.End, value.Start) >= 0,
            "neq" => !(Cmp(s.Start, value.End) <= 0 && Cmp(s.End, value.Start) >= 0),
            "gte" => Cmp(s.End, value.Start) >= 0,
            "gt" => Cmp(s.End, value.End) > 0,
            "lte" => Cmp(s.Start, value.End) <= 0,
            "lt" => Cmp(s.Start, value.Start) < 0,
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown date operation."),
        };
    }

    private static int Cmp(string a, string b) => string.CompareOrdinal(a, b);

    /// <summary>Cypher for the start of a stored date expression's interval.</summary>
    public static string CypherStart(string x) =>
        "CASE size(" + x + ") WHEN 4 THEN " + x + " + '-01-01' WHEN 7 THEN " + x + " + '-01' ELSE " + x + " END";

    /// <summary>Cypher for the end bound of a stored date expression's interval.</summary>
    public static string CypherEnd(string x) =>
        "CASE size(" + x + ") WHEN 4 THEN " + x + " + '-12-31' WHEN 7 THEN " + x + " + '-31' ELSE " + x + " END";

    /// <summary>The Cypher condition of <see cref="Matches"/> on the stored expression <paramref name="x"/>, with the
    /// value's bounds as parameters <paramref name="start"/> and <paramref name="end"/>.</summary>
    public static string CypherCondition(string x, string op, string start, string end) => op switch
    {
        "eq" => "(" + CypherStart(x) + " <= " + end + " AND " + CypherEnd(x) + " >= " + start + ")",
        "neq" => "NOT (" + CypherStart(x) + " <= " + end + " AND " + CypherEnd(x) + " >= " + start + ")",
        "gte" => CypherEnd(x) + " >= " + start,
        "gt" => CypherEnd(x) + " > " + end,
        "lte" => CypherStart(x) + " <= " + end,
        "lt" => CypherStart(x) + " < " + start,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown date operation."),
    };
}
