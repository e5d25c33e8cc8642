using System.Globalization;
using System.Text;

namespace KnowledgeGraph.Ingestion.Text;

/// <summary>One word of a text: its folded form and where it is in the original (UTF-16 offsets).</summary>
/// <param name="Folded">Lower-case, accents removed, e.g. <c>etats</c> for <c>États</c>.</param>
/// <param name="Start">UTF-16 offset of the first character in the original text.</param>
/// <param name="End">UTF-16 offset just after the last character in the original text.</param>
/// <param name="Capitalized">The original word starts with an upper-case letter.</param>
/// <param name="AllCaps">Every letter of the original word is upper-case (acronyms: US, NATO).</param>
public sealed record Token(string Folded, int Start, int End, bool Capitalized, bool AllCaps);

/// <summary>
/// Folding and tokenizing: case- and accent-insensitive comparison keeps offsets into the original text. A word is a
/// maximal run of letters and digits; apostrophes, hyphens, dots and quotes separate words, so <c>l’Ukraine</c>,
/// <c>l'Ukraine</c> give <c>l</c>, <c>ukraine</c> and <c>J.D. Vance</c> gives <c>j</c>, <c>d</c>, <c>vance</c>.
/// </summary>
public static class Folding
{
    /// <summary>Lower-case, without diacritics (NFD, non-spacing marks dropped); œ and æ become oe and ae.</summary>
    public static string Fold(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var sb = new StringBuilder(s.Length);
        foreach (var c in s) AppendFolded(sb, c);
        return sb.ToString();
    }

    private static void AppendFolded(StringBuilder sb, char c)
    {
        switch (c)
        {
            case 'œ' or 'Œ': sb.Append("oe"); return;
            case 'æ' or 'Æ': sb.Append("ae"); return;
            case 'ß': sb.Append("ss"); return;
        }
        if (c < 128)
        {
            sb.Append(char.ToLowerInvariant(c));
            return;
        }
        foreach (var d in c.ToString().Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
                sb.Append(char.ToLowerInvariant(d));
    }

    /// <summary>The words of <paramref name="text"/>, in order, with their offsets.</summary>
    public static IReadOnlyList<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text, i))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && IsWordChar(text, i)) i += char.IsSurrogatePair(text, i) ? 2 : 1;
            var word = text[start..i];
            var letters = word.Where(char.IsLetter).ToList();
            tokens.Add(new Token(Fold(word), start, i, char.IsUpper(word[0]), letters.Count > 0 && letters.All(char.IsUpper)));
        }
        return tokens;
    }

    /// <summary>The folded words of a phrase (an alias or a lexicon entry).</summary>
    public static string[] Words(string phrase) => Tokenize(phrase).Select(t => t.Folded).ToArray();

    private static bool IsWordChar(string text, int i) => char.IsLetterOrDigit(text, i)
        || (char.GetUnicodeCategory(text, i) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark && i > 0);

    /// <summary>A lower-case slug (a-z, 0-9, '-') of at most <paramref name="max"/> characters, for keys and file names.</summary>
    public static string Slug(string s, int max = 60)
    {
        var words = Words(s).Select(w => new string(w.Where(c => c is >= 'a' and <= 'z' or >= '0' and <= '9').ToArray())).Where(w => w.Length > 0);
        var sb = new StringBuilder();
        foreach (var w in words)
        {
            if (sb.Length + w.Length + 1 > max) break;
            if (sb.Length > 0) sb.Append('-');
            sb.Append(w);
        }
        return sb.ToString();
    }
}
