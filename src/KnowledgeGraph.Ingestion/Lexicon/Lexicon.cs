namespace KnowledgeGraph.Ingestion.Lexicon;

/// <summary>The word lists of one language (<c>seeds/lexicon/&lt;language&gt;.json</c>); every entry is a phrase
/// compared case- and accent-insensitively, word by word.</summary>
public sealed class LanguageLexicon
{
    /// <summary>The members a language file holds, with what each means (the schema's descriptions).</summary>
    public static IReadOnlyDictionary<string, string> Lists { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["reportMarkers"] = "introduce who says so: 'selon', 'according to', 'secondo'",
        ["citingMarkers"] = "X, citing Y: 'citing', 'citant', 'citando'",
        ["citedByMarkers"] = "Y cited by X: 'cited by', 'citées par', 'citate da'",
        ["unnamedSources"] = "words naming unnamed sources: 'sources', 'officials', 'fonti'",
        ["statementVerbs"] = "a named speaker's statement: 'said', 'a déclaré', 'ha detto'",
        ["denialWords"] = "a denial: 'denied', 'a démenti', 'ha smentito'",
        ["meetingWords"] = "a meeting: 'talks', 'réunion', 'colloqui'",
        ["summitWords"] = "a summit (a meeting of leaders): 'summit', 'sommet', 'vertice'",
        ["draftingWords"] = "drafting a proposal: 'drafting', 'rédaction', 'stesura'",
        ["hedges"] = "conditional or hedged wording (reported, not confirmed): 'reportedly', 'auraient', 'sarebbero'",
        ["locatives"] = "prepositions before a place: 'in', 'à', 'a'",
        ["titles"] = "people's titles: 'US envoy', 'l'envoyé américain', 'il portavoce'",
        ["outletWords"] = "words before an outlet's name: 'portail', 'agency', 'quotidiano'",
        ["months"] = "the twelve month names, January first",
        ["rangeFrom"] = "opens a date range: 'from', 'du', 'dal'",
        ["rangeTo"] = "closes a date range: 'to', 'au', 'al', 'and'",
        ["stopwords"] = "capitalised words that are not names: 'The', 'Selon', 'Secondo'",
    };

    /// <summary>The ISO 639-1 code.</summary>
    public required string Language { get; init; }

    /// <summary>The lists by member name (every member of <see cref="Lists"/>, possibly empty).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Words { get; init; }

    /// <summary>The list named <paramref name="name"/>.</summary>
    public IReadOnlyList<string> this[string name] => Words.TryGetValue(name, out var list) ? list : [];
}

/// <summary>An alias the graph does not record (a metonym or a foreign name), from <c>seeds/lexicon/aliases.json</c>.</summary>
/// <param name="Entity">The key it names, e.g. <c>country:russia</c>; ignored while the graph does not hold it.</param>
/// <param name="Names">The names.</param>
/// <param name="Metonym">A place name standing for the state or body (Doha for Qatar): outside a locative
/// (<c>à Doha</c>) it names <paramref name="Entity"/>, not the place.</param>
public sealed record LexiconAlias(string Entity, IReadOnlyList<string> Names, bool Metonym);

/// <summary>Everything of <c>seeds/lexicon/</c>: one lexicon per language and the extra aliases.</summary>
public sealed class IngestionLexicon
{
    /// <summary>Creates a lexicon.</summary>
    public IngestionLexicon(IReadOnlyDictionary<string, LanguageLexicon> languages, IReadOnlyList<LexiconAlias> aliases)
    {
        Languages = languages;
        Aliases = aliases;
    }

    /// <summary>The languages, by ISO 639-1 code.</summary>
    public IReadOnlyDictionary<string, LanguageLexicon> Languages { get; }

    /// <summary>Extra aliases and metonyms.</summary>
    public IReadOnlyList<LexiconAlias> Aliases { get; }

    /// <summary>
    /// The list <paramref name="name"/> for a text in <paramref name="language"/>; an unknown or missing language uses
    /// every language's list (a text in a language the lexicon lacks still links names).
    /// </summary>
    public IReadOnlyList<string> Words(string? language, string name) =>
        language is not null && Languages.TryGetValue(language, out var lexicon)
            ? lexicon[name]
            : Languages.Values.SelectMany(l => l[name]).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The month names of every language, with the month number (1-12).</summary>
    public IEnumerable<(string Name, int Month)> Months(string? language)
    {
        var sets = language is not null && Languages.TryGetValue(language, out var l) ? [l] : Languages.Values;
        foreach (var set in sets)
        {
            var months = set["months"];
            for (var i = 0; i < months.Count; i++) yield return (months[i], i + 1);
        }
    }
}
