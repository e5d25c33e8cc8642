using System.Globalization;
using System.Text;

namespace KnowledgeGraph.Storage.Indexes.Fulltext;

/// <summary>
/// Turns text into index terms, under the analyzer names Neo4j lists. Index and query text go through the same
/// analyzer, so a query term matches exactly the terms the indexed text produced. Invariant: <see cref="Normalize"/>
/// of a single word equals the one token <see cref="Tokens"/> makes of it (prefix and fuzzy terms rely on it).
/// </summary>
internal sealed class FulltextAnalyzer
{
    private enum Tokenizer
    {
        /// <summary>Runs of letters and digits (apostrophes and periods inside a word kept), like Lucene's standard tokenizer for Latin and Cyrillic text.</summary>
        Standard,

        /// <summary>Runs of letters only (Lucene's LetterTokenizer).</summary>
        Letter,

        /// <summary>Runs of non-whitespace.</summary>
        Whitespace,

        /// <summary>The whole value is one term.</summary>
        Keyword,
    }

    /// <summary>Lucene's English stop words (the set Neo4j's <c>standard</c> and <c>english</c> analyzers use).</summary>
    private static readonly string[] EnglishStopWords =
    [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not", "of", "on", "or",
        "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will", "with",
    ];

    private static readonly Dictionary<string, FulltextAnalyzer> ByName = new FulltextAnalyzer[]
    {
        new("standard-no-stop-words", Tokenizer.Standard, lower: true, fold: false, stop: null,
            "The default analyzer. Similar to the 'standard' analyzer, but filters no stop words."),
        new("standard", Tokenizer.Standard, lower: true, fold: false, stop: EnglishStopWords,
            "The standard analyzer. Tokenizes on non-letter and filters out English stop words and punctuation. Does no stemming, but takes care to keep likely product names, URLs and email addresses as single terms."),
        new("standard-folding", Tokenizer.Standard, lower: true, fold: true, stop: null,
            "Analyzer that uses ASCIIFoldingFilter to remove accents (diacritics). Otherwise behaves as the 'standard-no-stop-words' analyzer."),
        new("english", Tokenizer.Standard, lower: true, fold: false, stop: EnglishStopWords,
            "English analyzer with stop words (this engine does no stemming)."),
        new("simple", Tokenizer.Letter, lower: true, fold: false, stop: null,
            "A simple analyzer that tokenizes at non-letter characters, and lowercases."),
        new("whitespace", Tokenizer.Whitespace, lower: false, fold: false, stop: null,
            "Breaks text into terms by characters that are considered \"Java whitespace\"."),
        new("keyword", Tokenizer.Keyword, lower: false, fold: false, stop: null,
            "Keyword analyzer \"tokenizes\" the text as a single term. Useful for zip-codes, ids, etc. Situations where complete and exact matches are desired."),
    }.ToDictionary(a => a.Name, StringComparer.Ordinal);

    private readonly Tokenizer _tokenizer;
    private readonly bool _lower;
    private readonly bool _fold;
    private readonly HashSet<string>? _stop;

    private FulltextAnalyzer(string name, Tokenizer tokenizer, bool lower, bool fold, string[]? stop, string description)
    {
        Name = name;
        _tokenizer = tokenizer;
        _lower = lower;
        _fold = fold;
        _stop = stop is null ? null : new HashSet<string>(stop, StringComparer.Ordinal);
        StopWords = stop ?? [];
        Description = description;
    }

    /// <summary>The analyzer of new indexes when none is named.</summary>
    public const string DefaultName = "standard-no-stop-words";

    public string Name { get; }

    public string Description { get; }

    public IReadOnlyList<string> StopWords { get; }

    public static IEnumerable<FulltextAnalyzer> Available => ByName.Values.OrderBy(a => a.Name, StringComparer.Ordinal);

    public static bool TryGet(string name, out FulltextAnalyzer analyzer) => ByName.TryGetValue(name, out analyzer!);

    public static FulltextAnalyzer Get(string name) =>
        ByName.TryGetValue(name, out var a) ? a : throw new ArgumentException($"Unknown fulltext analyzer '{name}'.", nameof(name));

    /// <summary>The terms of <paramref name="text"/>, in order (stop words dropped).</summary>
    public List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        if (_tokenizer == Tokenizer.Keyword)
        {
            if (text.Length > 0) tokens.Add(Normalize(text));
            return tokens;
        }

        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !IsWordChar(text, i)) i++;
            var start = i;
            while (i < text.Length && (IsWordChar(text, i) || IsInnerJoiner(text, i))) i++;
            if (i > start)
            {
                var term = Normalize(text[start..i]);
                if (term.Length > 0 && (_stop is null || !_stop.Contains(term))) tokens.Add(term);
            }
        }

        return tokens;
    }

    /// <summary>Case and accent folding of one word, without splitting it.</summary>
    public string Normalize(string word)
    {
        var s = _lower ? word.ToLowerInvariant() : word;
        return _fold ? Fold(s) : s;
    }

    private bool IsWordChar(string text, int i)
    {
        var c = text[i];
        return _tokenizer switch
        {
            Tokenizer.Whitespace => !char.IsWhiteSpace(c),
            Tokenizer.Letter => char.IsLetter(c) || IsMark(c) || char.IsSurrogate(c),
            _ => char.IsLetterOrDigit(c) || IsMark(c) || char.IsSurrogate(c),
        };
    }

    /// <summary>An apostrophe or period between two word characters stays inside the word (o'neil, u.s.a), as in Lucene.</summary>
    private bool IsInnerJoiner(string text, int i)
    {
        if (_tokenizer != Tokenizer.Standard) return false;
        var c = text[i];
        if (c is not ('\'' or '’' or '.')) return false;
        return i > 0 && i + 1 < text.Length && char.IsLetterOrDigit(text[i - 1]) && char.IsLetterOrDigit(text[i + 1]);
    }

    private static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    /// <summary>ASCII folding: decomposes and drops combining marks, then maps the letters that do not decompose.</summary>
    public static string Fold(string s)
    {
        var ascii = true;
        foreach (var c in s)
        {
            if (c > 0x7F)
            {
                ascii = false;
                break;
            }
        }

        if (ascii) return s;
        var decomposed = s.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            switch (c)
            {
                case 'ı': sb.Append('i'); break;
                case 'ø': sb.Append('o'); break;
                case 'Ø': sb.Append('O'); break;
                case 'đ': sb.Append('d'); break;
                case 'Đ': sb.Append('D'); break;
                case 'ł': sb.Append('l'); break;
                case 'Ł': sb.Append('L'); break;
                case 'ß': sb.Append("ss"); break;
                case 'æ': sb.Append("ae"); break;
                case 'Æ': sb.Append("AE"); break;
                case 'œ': sb.Append("oe"); break;
                case 'Œ': sb.Append("OE"); break;
                case 'þ': sb.Append("th"); break;
                case 'ð': sb.Append('d'); break;
                case '’': sb.Append('\''); break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
