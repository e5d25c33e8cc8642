using System.Globalization;
using KnowledgeGraph.Ingestion.Lexicon;
using KnowledgeGraph.Ingestion.Text;

namespace KnowledgeGraph.Ingestion.Extraction;

/// <summary>A date or date range found in a sentence, as partial ISO dates (<c>2025-10</c>, <c>2025-10-24</c>).</summary>
public sealed record FoundDate(string Start, string? End, string Words, int Offset);

/// <summary>
/// Finds the first date expression of a sentence with the lexicon's month names and range words:
/// <c>du 24 au 26 octobre</c>, <c>from 24 to 26 October</c>, <c>dal 24 al 26 ottobre</c>, <c>October 24-26</c>,
/// <c>24 octobre 2025</c>, <c>October 24</c>, or a month alone (<c>en août</c>: month precision). A missing year
/// is the publication's year, or the year before when the month lies after the publication month.
/// </summary>
public sealed class DateFinder
{
    private readonly Dictionary<string, int> _months = new(StringComparer.Ordinal);
    private readonly HashSet<string> _rangeTo;

    // Months a language capitalises (English): lower-case "may" is then the verb, not the month.
    private readonly HashSet<string> _capitalised = new(StringComparer.Ordinal);

    /// <summary>Creates a finder for one language.</summary>
    public DateFinder(IngestionLexicon lexicon, string? language)
    {
        foreach (var (name, month) in lexicon.Months(language))
        {
            _months.TryAdd(Folding.Fold(name), month);
            if (char.IsUpper(name[0])) _capitalised.Add(Folding.Fold(name));
        }
        _rangeTo = new HashSet<string>(lexicon.Words(language, "rangeTo").Select(Folding.Fold), StringComparer.Ordinal);
    }

    /// <summary>The first date in <paramref name="tokens"/>, or null.</summary>
    public FoundDate? Find(string text, IReadOnlyList<Token> tokens, DateOnly? published)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!_months.TryGetValue(tokens[i].Folded, out var month)) continue;
            if (_capitalised.Contains(tokens[i].Folded) && !tokens[i].Capitalized) continue;
            // Days before the month: "24 octobre", "du 24 au 26 octobre", "24-26 October".
            int? d1 = null, d2 = null;
            var first = i;
            if (Day(tokens, i - 1) is { } before)
            {
                d2 = before;
                first = i - 1;
                var j = i - 2;
                if (j >= 0 && _rangeTo.Contains(tokens[j].Folded)) j--;
                else if (j >= 0 && !IsAdjacentByDash(text, tokens, j)) j = -1;
                if (j >= 0 && Day(tokens, j) is { } start)
                {
                    d1 = start;
                    first = j;
                }
            }
            var last = i;
            // Days after the month: "October 24", "October 24-26", "October 24 to 26".
            if (d2 is null && Day(tokens, i + 1) is { } after)
            {
                d1 = after;
                last = i + 1;
                var j = i + 2;
                if (j < tokens.Count && _rangeTo.Contains(tokens[j].Folded)) j++;
                else if (j < tokens.Count && !IsAdjacentByDash(text, tokens, j - 1)) j = tokens.Count;
                if (Day(tokens, j) is { } end)
                {
                    d2 = end;
                    last = j;
                }
            }
            int? year = null;
            if (last + 1 < tokens.Count && tokens[last + 1].Folded.Length == 4 && int.TryParse(tokens[last + 1].Folded, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is > 1900 and < 2200)
            {
                year = y;
                last++;
            }
            year ??= published is { } p ? (month > p.Month ? p.Year - 1 : p.Year) : null;
            if (year is null) return null;
            string Format(int? day) => day is null
                ? $"{year:D4}-{month:D2}"
                : $"{year:D4}-{month:D2}-{day:D2}";
            var words = text[tokens[first].Start..tokens[last].End];
            if (d1 is not null && d2 is not null && d1 != d2)
                return new FoundDate(Format(Math.Min(d1.Value, d2.Value)), Format(Math.Max(d1.Value, d2.Value)), words, tokens[first].Start);
            return new FoundDate(Format(d1 ?? d2), null, words, tokens[first].Start);
        }
        return null;
    }

    // Two numbers written "24-26" or "24–26" are two tokens with a dash between them.
    private static bool IsAdjacentByDash(string text, IReadOnlyList<Token> tokens, int j)
    {
        if (j < 0 || j + 1 >= tokens.Count) return false;
        var between = text[tokens[j].End..tokens[j + 1].Start].Trim();
        return between is "-" or "–" or "—";
    }

    private static int? Day(IReadOnlyList<Token> tokens, int i)
    {
        if (i < 0 || i >= tokens.Count) return null;
        var w = tokens[i].Folded;
        if (w is "1er" or "1st") return 1;
        foreach (var suffix in new[] { "st", "nd", "rd", "th" })
            if (w.Length > suffix.Length && w.EndsWith(suffix, StringComparison.Ordinal) && char.IsDigit(w[0])) w = w[..^suffix.Length];
        return w.Length <= 2 && int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 31 ? d : null;
    }
}
