using KnowledgeGraph.Ingestion.Linking;
using KnowledgeGraph.Ingestion.Text;

namespace KnowledgeGraph.Ingestion.Extraction;

public sealed partial class CandidateExtractor
{
    private static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal) { "de", "di", "da", "del", "van", "von", "al", "bin", "le", "la" };

    /// <summary>
    /// Candidate entities: a title from the lexicon (<c>l'envoyé américain</c>) with the person it is given to (the
    /// nearest linked person within four words after it, else before it); an outlet a report chain names that the
    /// graph lacks; and runs of capitalised words that are not linked, not a stopword and not only the first word of
    /// a sentence. A run right after a title is proposed as a Person, after an outlet word or inside «…» as a Source;
    /// other runs carry no label (the curator decides). The first occurrence of each stands for the others.
    /// </summary>
    public IReadOnlyList<CandidateEntity> ExtractEntities(IReadOnlyList<Sentence> sentences, IReadOnlyList<Mention> mentions)
    {
        var result = new List<CandidateEntity>();
        var stop = Stopwords();
        var months = new HashSet<string>(_lexicon.Months(_language).Select(m => Folding.Fold(m.Name)), StringComparer.Ordinal);
        foreach (var sentence in sentences)
        {
            var tokens = sentence.Tokens;
            var inSentence = mentions.Where(m => m.Sentence == sentence.Index).ToList();
            bool Linked(int t) => inSentence.Any(m => t >= m.TokenIndex && t < m.TokenIndex + m.TokenCount);
            var titles = Find(sentence, "titles");
            var titleEnds = titles.ToDictionary(t => t.Index + t.Length, t => t);
            foreach (var (index, length) in titles)
            {
                var person = inSentence.Where(m => m.Label == "Person" && m.TokenIndex >= index + length && m.TokenIndex <= index + length + 4).MinBy(m => m.TokenIndex)
                    ?? inSentence.Where(m => m.Label == "Person" && m.TokenIndex + m.TokenCount <= index && m.TokenIndex + m.TokenCount >= index - 4).MaxBy(m => m.TokenIndex);
                var words = WordsAt(sentence, index, length);
                var (quote, offset) = MentionLinker.QuoteAround(_text, sentence, tokens[index].Start, tokens[index + length - 1].End);
                result.Add(new CandidateEntity("title", words, tokens[index].Start, null, null, person?.Key,
                    person is null ? "a title from the lexicon; no linked person next to it" : $"a title from the lexicon, next to {person.Text}", quote, offset));
            }
            for (var t = 0; t < tokens.Count; t++)
            {
                if (!tokens[t].Capitalized || Linked(t) || stop.Contains(tokens[t].Folded) || months.Contains(tokens[t].Folded)) continue;
                if (tokens[t].Folded.All(char.IsDigit)) continue;
                var last = t;
                while (last + 1 < tokens.Count && !Boundary(tokens[last], tokens[last + 1]) && !Linked(last + 1)
                    && (tokens[last + 1].Capitalized && !stop.Contains(tokens[last + 1].Folded)
                        || NameParticles.Contains(tokens[last + 1].Folded) && last + 2 < tokens.Count && tokens[last + 2].Capitalized && !Linked(last + 2)))
                    last++;
                var first = t;
                t = last;
                if (first == 0 && last == first) continue; // a lone capitalised first word is just a sentence start
                var name = _text[tokens[first].Start..tokens[last].End];
                var before = first > 0 ? _text[tokens[first - 1].End..tokens[first].Start] : "";
                var afterTitle = titleEnds.ContainsKey(first);
                var outlet = before.Contains('«') || before.Contains('“') || Find(sentence, "outletWords").Any(o => o.Index + o.Length == first);
                var source = NewSources.FirstOrDefault(s => s.Value == name).Key;
                // A guess only where the words say so: after a title a person, after an outlet word or as who says so an outlet.
                var label = source is not null || outlet ? "Source" : afterTitle ? "Person" : null;
                var key = label switch
                {
                    "Source" => source ?? "source:" + Folding.Slug(name),
                    "Person" => "person:" + Folding.Slug(name),
                    _ => null,
                };
                var evidence = source is not null ? "named as who says so (report marker) and not in the graph"
                    : outlet ? "after an outlet word or in quotation marks"
                    : afterTitle ? "after a title"
                    : "capitalised words not linked to any entity";
                var (quote, offset) = MentionLinker.QuoteAround(_text, sentence, tokens[first].Start, tokens[last].End);
                result.Add(new CandidateEntity(source is not null ? "outlet" : "name", name, tokens[first].Start, key, label, null, evidence, quote, offset));
            }
        }
        // One candidate per kind and words: the first occurrence stands for the others.
        return result.DistinctBy(c => (c.Kind, c.Text, c.Person)).ToList();
    }
}
