using KnowledgeGraph.Ingestion.Lexicon;
using KnowledgeGraph.Ingestion.Text;

namespace KnowledgeGraph.Ingestion.Linking;

/// <summary>
/// Links every name or alias of a known entity in a text (longest match first, case- and accent-insensitive), with
/// the lexicon's extra aliases and metonyms. A name several entities share is settled only by a stated rule:
/// after a locative preposition (<c>à Kiev</c>, <c>in Miami</c>) it is the place; without one, a capital or seat
/// recorded as a metonym stands for its state (<c>Doha</c> for Qatar) when that leaves one entity; a surname shared
/// by several people goes to the one whose full name came earlier in the text. Anything else stays ambiguous,
/// returned with its candidates and the reason, never guessed.
/// </summary>
public sealed class MentionLinker
{
    /// <summary>Longest quote around a mention, as seed quotes allow.</summary>
    public const int MaxQuote = 200;

    private readonly GraphCatalog _catalog;
    private readonly IngestionLexicon _lexicon;
    private readonly PhraseMatcher<(string Key, bool Metonym, bool IsName)> _names = new();

    /// <summary>Creates a linker over the catalog's entities and the lexicon's aliases.</summary>
    public MentionLinker(GraphCatalog catalog, IngestionLexicon lexicon)
    {
        _catalog = catalog;
        _lexicon = lexicon;
        foreach (var e in catalog.Entities.Values)
        {
            _names.Add(e.Name, (e.Key, false, true));
            foreach (var a in e.Aliases) _names.Add(a, (e.Key, false, false));
        }
        foreach (var alias in lexicon.Aliases.Where(a => catalog.Entities.ContainsKey(a.Entity)))
            foreach (var name in alias.Names)
                _names.Add(name, (alias.Entity, alias.Metonym, false));
    }

    /// <summary>The mentions of <paramref name="text"/>, in text order.</summary>
    public IReadOnlyList<Mention> Link(string text, IReadOnlyList<Sentence> sentences, string? language)
    {
        var locatives = new HashSet<string>(_lexicon.Words(language, "locatives").Select(Folding.Fold), StringComparer.Ordinal);
        var mentions = new List<Mention>();
        foreach (var sentence in sentences)
        {
            var tokens = sentence.Tokens;
            foreach (var (index, length, values) in _names.MatchAll(tokens))
            {
                var start = tokens[index].Start;
                var end = tokens[index + length - 1].End;
                var keys = values.Select(v => v.Key).Distinct(StringComparer.Ordinal).ToList();
                var candidates = keys.Select(k => _catalog.Entities[k]).Select(e => new MentionCandidate(e.Key, e.Label, e.Name)).ToList();
                var locative = index > 0 && locatives.Contains(tokens[index - 1].Folded);
                var (key, rule, reason) = Resolve(text[start..end], candidates, values, locative, locative ? tokens[index - 1] : null, mentions, text);
                var (quote, quoteOffset) = QuoteAround(text, sentence, start, end);
                var label = key is null ? null : _catalog.Entities[key].Label;
                mentions.Add(new Mention(text[start..end], start, end - start, key, label, rule, candidates, reason, quote, quoteOffset, sentence.Index)
                {
                    TokenIndex = index,
                    TokenCount = length,
                });
            }
        }
        return mentions;
    }

    private (string? Key, string Rule, string? Reason) Resolve(
        string words, List<MentionCandidate> candidates, IReadOnlyList<(string Key, bool Metonym, bool IsName)> values,
        bool locative, Token? preposition, List<Mention> earlier, string text)
    {
        if (candidates.Count == 1)
            return (candidates[0].Key, values.Any(v => v.IsName) ? "name" : values.Any(v => v.Metonym) ? "metonym" : "alias", null);
        var places = candidates.Where(c => c.Label == "Place").ToList();
        var names = string.Join(", ", candidates.Select(c => $"{c.Name} ({c.Label})"));
        if (locative && places.Count == 1)
            return (places[0].Key, "locative", $"'{words}' after '{text[preposition!.Start..preposition.End]}' is the place; it may also name {names}");
        var others = candidates.Where(c => c.Label != "Place").ToList();
        if (!locative && places.Count > 0)
        {
            // A place name standing for something else: the lexicon's metonyms and the graph's capitals say for what.
            var stateReadings = others.Where(c => values.Any(v => v.Key == c.Key && v.Metonym)
                || places.Any(p => _catalog.Capitals.TryGetValue(p.Key, out var country) && country == c.Key)).ToList();
            if (others.Count == 1 && stateReadings.Count == 1)
                return (others[0].Key, "metonym", $"'{words}' stands for {others[0].Name}, not the city (no locative before it)");
            if (others.Count > 1)
                return (null, "ambiguous", $"'{words}' without a locative is not the place, but may stand for {string.Join(" or ", others.Select(c => $"{c.Name} ({c.Label})"))}");
        }
        var people = candidates.Where(c => c.Label == "Person").ToList();
        if (people.Count == candidates.Count && people.Count > 1)
        {
            var named = people.Where(p => earlier.Any(m => m.Key == p.Key && m.Length > words.Length)).ToList();
            if (named.Count == 1)
                return (named[0].Key, "earlier-full-name", $"'{words}' is {named[0].Name}, named in full earlier; it may also name {string.Join(", ", people.Where(p => p != named[0]).Select(p => p.Name))}");
            return (null, "ambiguous", $"{people.Count} people are called '{words}': {string.Join(", ", people.Select(p => p.Name))}");
        }
        return (null, "ambiguous", $"'{words}' names {candidates.Count} entities: {names}");
    }

    /// <summary>The sentence around [start, end), cut to <see cref="MaxQuote"/> characters centred on the mention.</summary>
    internal static (string Quote, int Offset) QuoteAround(string text, Sentence sentence, int start, int end)
    {
        var s = sentence.Start;
        var e = sentence.End;
        if (e - s > MaxQuote)
        {
            var room = Math.Max(0, MaxQuote - (end - start)) / 2;
            s = Math.Max(sentence.Start, start - room);
            e = Math.Min(sentence.End, s + MaxQuote);
            s = Math.Max(sentence.Start, e - MaxQuote);
            // Whole words only.
            while (s > sentence.Start && s < start && !char.IsWhiteSpace(text[s - 1])) s++;
            while (e < sentence.End && e > end && !char.IsWhiteSpace(text[e])) e--;
            while (s < start && char.IsWhiteSpace(text[s])) s++;
            while (e > end && char.IsWhiteSpace(text[e - 1])) e--;
        }
        if (e > s && char.IsHighSurrogate(text[e - 1])) e--;
        return (text[s..e], s);
    }
}
