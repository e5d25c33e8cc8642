namespace KnowledgeGraph.Ingestion.Text;

/// <summary>A sentence of the text: its UTF-16 span in the original and its words.</summary>
public sealed record Sentence(int Index, int Start, int End, IReadOnlyList<Token> Tokens)
{
    /// <summary>The sentence's text, cut from the original.</summary>
    public string TextOf(string text) => text[Start..End];
}

/// <summary>
/// Splits a text into sentences: at a line break, or after <c>.</c>, <c>!</c>, <c>?</c> or <c>…</c> (and closing
/// quotes) followed by white space and an upper-case letter, a digit or an opening quote — except after a single
/// letter (initials such as <c>J.D. Vance</c>) or a short abbreviation (<c>Mr.</c>, <c>Dr.</c>, <c>St.</c>).
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
        { "mr", "mrs", "ms", "dr", "st", "m", "mme", "mgr", "sig", "gen", "col", "lt", "sen", "rep", "gov", "prof", "jr" };

    /// <summary>The sentences of <paramref name="text"/>, with the tokens of <paramref name="tokens"/> each holds.</summary>
    public static IReadOnlyList<Sentence> Split(string text, IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var bounds = new List<(int Start, int End)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                Add(bounds, text, start, i);
                start = i + 1;
                continue;
            }
            if (c is not ('.' or '!' or '?' or '…')) continue;
            var j = i + 1;
            while (j < text.Length && text[j] is '»' or '”' or '"' or '\'' or ')' or '’') j++;
            if (j >= text.Length || !char.IsWhiteSpace(text[j]) || text[j] is '\n' or '\r') continue;
            var k = j;
            while (k < text.Length && text[k] is ' ' or '\t' or '\u00A0') k++;
            if (k >= text.Length || !(char.IsUpper(text[k]) || char.IsDigit(text[k]) || text[k] is '«' or '“' or '"')) continue;
            if (c == '.' && IsAbbreviation(text, i)) continue;
            Add(bounds, text, start, j);
            start = j;
        }
        Add(bounds, text, start, text.Length);

        var sentences = new List<Sentence>();
        var t = 0;
        foreach (var (s, e) in bounds)
        {
            while (t < tokens.Count && tokens[t].Start < s) t++;
            var first = t;
            while (t < tokens.Count && tokens[t].End <= e) t++;
            if (t > first) sentences.Add(new Sentence(sentences.Count, s, e, tokens.Skip(first).Take(t - first).ToList()));
        }
        return sentences;
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        var b = dot;
        while (b > 0 && char.IsLetter(text[b - 1])) b--;
        var word = text[b..dot];
        return word.Length == 1 || Abbreviations.Contains(word);
    }

    private static void Add(List<(int, int)> bounds, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) bounds.Add((start, end));
    }
}
