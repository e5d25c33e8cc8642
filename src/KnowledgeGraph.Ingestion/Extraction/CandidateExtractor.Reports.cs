using KnowledgeGraph.Ingestion.Linking;
using KnowledgeGraph.Ingestion.Text;

namespace KnowledgeGraph.Ingestion.Extraction;

public sealed partial class CandidateExtractor
{
    private const int PhraseWindow = 8;

    /// <summary>What a report marker introduces: an outlet or actor (key), unnamed sources, or a new outlet's name.</summary>
    private sealed record Element(string Kind, string? Key, int Index, int End, string Words);

    /// <summary>
    /// The sentence's report chain, in this order of rules: <c>X, citing Y[, citing Z]</c> (origin Z, relayed by Y
    /// then X); a report marker (<c>selon</c>, <c>according to</c>, <c>secondo</c>) followed by an outlet, an actor,
    /// or unnamed sources (then <c>cited by X</c> names their outlet); unnamed sources cited by an outlet; a
    /// statement verb (<c>said</c>, <c>a déclaré</c>) with its speaker; unnamed sources alone (the publisher's); else
    /// the publisher states it. The publisher ends every chain. Returns the chain and the token indexes of the
    /// mentions it used, which are who says so, not who acts.
    /// </summary>
    private (ReportChain Report, HashSet<int> Attribution) ReadReport(Sentence sentence, List<Mention> mentions)
    {
        var attribution = new HashSet<int>();
        var citing = Find(sentence, "citingMarkers");
        if (citing.Count > 0)
        {
            var head = mentions.LastOrDefault(m => m.TokenIndex < citing[0].Index && m.Label is "Source");
            if (head is not null)
            {
                var elements = new List<Element> { new("source", head.Key, head.TokenIndex, head.TokenIndex + head.TokenCount, head.Text) };
                foreach (var marker in citing)
                {
                    if (marker.Index < elements[^1].End) continue;
                    if (ElementAfter(sentence, mentions, marker.Index + marker.Length) is not { } next) break;
                    elements.Add(next);
                    if (next.Kind == "unnamed") break;
                }
                if (elements.Count > 1)
                {
                    foreach (var e in elements) attribution.Add(e.Index);
                    var words = _text[sentence.Tokens[head.TokenIndex].Start..sentence.Tokens[elements[^1].End - 1].End];
                    var last = elements[^1];
                    var relays = elements.Take(elements.Count - 1).Select(e => e.Key!).Reverse().ToList();
                    // Unnamed sources are cited by the element before them, which relays first.
                    var origin = last.Kind == "unnamed" ? "unnamed:" + elements[^2].Key : last.Key!;
                    return (Chain(origin, relays, words, sentence.Tokens[head.TokenIndex].Start, sentence), attribution);
                }
            }
        }

        foreach (var marker in Find(sentence, "reportMarkers"))
        {
            if (ElementAfter(sentence, mentions, marker.Index + marker.Length) is not { } element) continue;
            var start = sentence.Tokens[marker.Index].Start;
            attribution.Add(element.Index);
            if (element.Kind == "unnamed")
            {
                var outlet = CitedBy(sentence, mentions, element.End);
                var end = outlet?.End ?? element.End;
                if (outlet is not null) attribution.Add(outlet.Index);
                var words = _text[start..sentence.Tokens[end - 1].End];
                return outlet is null
                    ? (Chain("unnamed:" + _publisher, [], words, start, sentence), attribution)
                    : (Chain("unnamed:" + outlet.Key, [outlet.Key!], words, start, sentence), attribution);
            }
            return (Chain(element.Key!, [], _text[start..sentence.Tokens[element.End - 1].End], start, sentence), attribution);
        }

        var unnamed = Find(sentence, "unnamedSources");
        foreach (var u in unnamed)
        {
            if (CitedBy(sentence, mentions, u.Index + u.Length) is not { } outlet) continue;
            attribution.Add(outlet.Index);
            var start = sentence.Tokens[u.Index].Start;
            return (Chain("unnamed:" + outlet.Key, [outlet.Key!], _text[start..sentence.Tokens[outlet.End - 1].End], start, sentence), attribution);
        }

        var verbs = Find(sentence, "statementVerbs");
        if (verbs.Count > 0)
        {
            var verb = verbs[0];
            var verbEnd = verb.Index + verb.Length;
            var start = sentence.Tokens[verb.Index].Start;
            // "a déclaré une source au portail Axios": unnamed sources right after the verb, and the outlet they spoke to.
            var speakerUnnamed = unnamed.FirstOrDefault(u => u.Index >= verbEnd && u.Index <= verbEnd + 3);
            if (speakerUnnamed.Length > 0)
            {
                var outlet = ElementAfter(sentence, mentions, speakerUnnamed.Index + speakerUnnamed.Length);
                var end = outlet is { Kind: "source" } ? outlet.End : speakerUnnamed.Index + speakerUnnamed.Length;
                var words = _text[start..sentence.Tokens[end - 1].End];
                if (outlet is { Kind: "source" }) attribution.Add(outlet.Index);
                return outlet is { Kind: "source" }
                    ? (Chain("unnamed:" + outlet.Key, [outlet.Key!], words, start, sentence), attribution)
                    : (Chain("unnamed:" + _publisher, [], words, start, sentence), attribution);
            }
            var near = mentions.Where(m => Actors.Contains(m.Label) && Math.Abs(m.TokenIndex - verb.Index) <= 6).ToList();
            var speaker = near.Where(m => m.Label == "Person").MinBy(m => Math.Abs(m.TokenIndex - verb.Index))
                ?? near.MinBy(m => Math.Abs(m.TokenIndex - verb.Index));
            if (speaker is not null)
            {
                attribution.Add(speaker.TokenIndex);
                var a = Math.Min(speaker.TokenIndex, verb.Index);
                var b = Math.Max(speaker.TokenIndex + speaker.TokenCount, verbEnd) - 1;
                var from = sentence.Tokens[a].Start;
                return (Chain(speaker.Key!, [], _text[from..sentence.Tokens[b].End], from, sentence), attribution);
            }
        }
        if (unnamed.Count > 0)
        {
            var start = sentence.Tokens[unnamed[0].Index].Start;
            return (Chain("unnamed:" + _publisher, [], WordsAt(sentence, unnamed[0].Index, unnamed[0].Length), start, sentence), attribution);
        }
        return (new ReportChain(_publisher, [], "", sentence.Start, sentence.Index), attribution);
    }

    /// <summary>A chain ending with the publisher: it relays everything the document reports.</summary>
    private ReportChain Chain(string origin, List<string> relays, string words, int offset, Sentence sentence)
    {
        var via = relays.Where(r => r != origin).ToList();
        if (origin == "unnamed:" + _publisher && via.Count == 0) via.Add(_publisher);
        if (origin != _publisher && (via.Count == 0 || via[^1] != _publisher)) via.Add(_publisher);
        return new ReportChain(origin, via, words, offset, sentence.Index);
    }

    /// <summary>"cited by X" right after unnamed sources (a few words later at most).</summary>
    private Element? CitedBy(Sentence sentence, List<Mention> mentions, int from)
    {
        var marker = Find(sentence, "citedByMarkers").FirstOrDefault(m => m.Index >= from && m.Index <= from + 4);
        if (marker.Length == 0) return null;
        var element = ElementAfter(sentence, mentions, marker.Index + marker.Length);
        return element is { Kind: "source" } ? element : null;
    }

    /// <summary>
    /// What follows a marker, up to the next comma or colon: the first linked outlet or actor if it comes before any
    /// unnamed-sources word (a state right before them only qualifies them: "US officials"); else the unnamed
    /// sources; else capitalised words not linked (a new outlet).
    /// </summary>
    private Element? ElementAfter(Sentence sentence, List<Mention> mentions, int from)
    {
        var tokens = sentence.Tokens;
        var end = from;
        while (end < tokens.Count && end < from + PhraseWindow && (end == from || !Boundary(tokens[end - 1], tokens[end]))) end++;
        var mention = mentions.FirstOrDefault(m => m.TokenIndex >= from && m.TokenIndex < end && (m.Label == "Source" || Actors.Contains(m.Label)));
        var unnamed = Find(sentence, "unnamedSources").FirstOrDefault(u => u.Index >= from && u.Index < end);
        // "US officials", "fonti russe": a state right before unnamed sources says whose they are, it is not the source.
        var qualifier = mention is { Label: "Country" } && unnamed.Length > 0 && unnamed.Index >= mention.TokenIndex + mention.TokenCount
            && unnamed.Index - (mention.TokenIndex + mention.TokenCount) <= 2;
        if (mention is not null && !qualifier && (unnamed.Length == 0 || mention.TokenIndex < unnamed.Index))
            return new Element(mention.Label == "Source" ? "source" : "actor", mention.Key, mention.TokenIndex, mention.TokenIndex + mention.TokenCount, mention.Text);
        if (unnamed.Length > 0)
            return new Element("unnamed", null, unnamed.Index, unnamed.Index + unnamed.Length, WordsAt(sentence, unnamed.Index, unnamed.Length));
        var stop = Stopwords();
        var outletWords = Find(sentence, "outletWords").Where(o => o.Index >= from && o.Index < end).Select(o => o.Index + o.Length).ToHashSet();
        for (var t = from; t < end; t++)
        {
            if (!tokens[t].Capitalized || stop.Contains(tokens[t].Folded) && !outletWords.Contains(t)) continue;
            if (mentions.Any(m => t >= m.TokenIndex && t < m.TokenIndex + m.TokenCount)) return null;
            var last = t;
            while (last + 1 < end && tokens[last + 1].Capitalized && !Boundary(tokens[last], tokens[last + 1])) last++;
            var name = _text[tokens[t].Start..tokens[last].End];
            var key = "source:" + Folding.Slug(name);
            NewSources.TryAdd(key, name);
            return new Element("source", key, t, last + 1, name);
        }
        return null;
    }

    private HashSet<string> Stopwords() => new(_lexicon.Words(_language, "stopwords").Select(Folding.Fold), StringComparer.Ordinal);

    private bool Boundary(Token a, Token b)
    {
        var between = _text.AsSpan(a.End, b.Start - a.End);
        return between.IndexOfAny(",;:()") >= 0;
    }
}
