using KnowledgeGraph.Ingestion.Lexicon;
using KnowledgeGraph.Ingestion.Linking;
using KnowledgeGraph.Ingestion.Text;

namespace KnowledgeGraph.Ingestion.Extraction;

/// <summary>
/// Reads candidate facts and entities sentence by sentence with the lexicon's word lists:
/// <list type="bullet">
/// <item>a <b>meeting</b>: a meeting word and at least two linked actors (people first; states and bodies when fewer
/// than two people), with the place after a locative and the first date expression;</item>
/// <item>a <b>drafting</b>: a drafting word, a linked proposal and the actors;</item>
/// <item>a <b>denial</b>: a denial word, the actor who denies (the nearest before it, else after it) and what is
/// denied: a linked meeting, proposal or claim, or a meeting the sentence describes (participants, place).</item>
/// </list>
/// Each carries the sentence's report chain (see <c>CandidateExtractor.Reports.cs</c>) and its confidence.
/// </summary>
public sealed partial class CandidateExtractor
{
    private static readonly string[] Actors = ["Person", "Country", "Organization"];

    private readonly string _text;
    private readonly IngestionLexicon _lexicon;
    private readonly string? _language;
    private readonly string _publisher;
    private readonly DateOnly? _published;
    private readonly DateFinder _dates;
    private readonly PhraseMatcher<string> _words = new();

    /// <summary>New outlets met in report chains: key to name (the draft declares them).</summary>
    public Dictionary<string, string> NewSources { get; } = new(StringComparer.Ordinal);

    /// <summary>Creates an extractor for one text.</summary>
    public CandidateExtractor(string text, IngestionLexicon lexicon, string? language, string publisherKey, DateOnly? published)
    {
        _text = text;
        _lexicon = lexicon;
        _language = language;
        _publisher = publisherKey;
        _published = published;
        _dates = new DateFinder(lexicon, language);
        foreach (var list in LanguageLexicon.Lists.Keys)
            foreach (var phrase in lexicon.Words(language, list))
                _words.Add(phrase, list);
    }

    /// <summary>The lexicon words of one list found in a sentence: (token index, length).</summary>
    private List<(int Index, int Length)> Find(Sentence sentence, string list) =>
        _words.MatchAll(sentence.Tokens).Where(m => m.Values.Contains(list)).Select(m => (m.Index, m.Length)).ToList();

    private string WordsAt(Sentence sentence, int index, int length) =>
        _text[sentence.Tokens[index].Start..sentence.Tokens[index + length - 1].End];

    /// <summary>Every candidate fact of the text, and the report chain of every sentence that has one.</summary>
    public (IReadOnlyList<CandidateFact> Facts, IReadOnlyList<ReportChain> Reports) ExtractFacts(
        IReadOnlyList<Sentence> sentences, IReadOnlyList<Mention> mentions)
    {
        var facts = new List<CandidateFact>();
        var reports = new List<ReportChain>();
        foreach (var sentence in sentences)
        {
            var inSentence = mentions.Where(m => m.Sentence == sentence.Index && m.IsLinked).ToList();
            var (report, attribution) = ReadReport(sentence, inSentence);
            if (report.Words.Length > 0) reports.Add(report);
            var hedged = Find(sentence, "hedges").Count > 0;
            var confidence = Grade(report, hedged);
            // Mentions inside the attribution ("selon Dmitriev") name who says so, not who acts; a state after a
            // locative ("la guerre en Ukraine", "in Kyiv") is where something happens, not who acts.
            // A state inside a title ("the US envoy") qualifies the person, it does not act.
            var locatives = Find(sentence, "locatives").Select(l => l.Index + l.Length).ToHashSet();
            var titles = Find(sentence, "titles");
            var actors = inSentence.Where(m => Actors.Contains(m.Label) && !attribution.Contains(m.TokenIndex) && !locatives.Contains(m.TokenIndex)
                && !titles.Any(t => m.TokenIndex >= t.Index && m.TokenIndex < t.Index + t.Length)).ToList();
            var denials = Find(sentence, "denialWords");
            if (denials.Count > 0)
            {
                facts.AddRange(Denials(sentence, inSentence, actors, denials[0], report));
                continue; // what is denied is not asserted
            }
            facts.AddRange(Meetings(sentence, inSentence, actors, report, confidence));
            facts.AddRange(Draftings(sentence, inSentence, actors, report, confidence));
        }
        return (facts, reports);
    }

    private string Grade(ReportChain report, bool hedged)
    {
        if (report.Origin == _publisher) return hedged ? "reported" : "confirmed";
        if (report.Origin.StartsWith("unnamed:", StringComparison.Ordinal) || report.Origin.StartsWith("source:", StringComparison.Ordinal)) return "reported";
        return "claimed";
    }

    private IEnumerable<CandidateFact> Meetings(Sentence sentence, List<Mention> all, List<Mention> actors, ReportChain report, string confidence)
    {
        var words = Find(sentence, "meetingWords");
        if (words.Count == 0) return [];
        var meeting = all.FirstOrDefault(m => m.Label == "Meeting");
        var participants = Participants(actors);
        if (participants.Count < 2 && !(meeting is not null && participants.Count >= 1)) return [];
        var place = all.FirstOrDefault(m => m.Label == "Place");
        var date = _dates.Find(_text, sentence.Tokens, _published);
        var summit = Find(sentence, "summitWords").Count > 0;
        var support = new List<string> { WordsAt(sentence, words[0].Index, words[0].Length) };
        support.AddRange(actors.Where(a => participants.Contains(a.Key!)).Select(a => a.Text).Distinct());
        if (place is not null) support.Add(place.Text);
        if (meeting is not null) support.Add(meeting.Text);
        if (date is not null) support.Add(date.Words);
        var (quote, offset) = Quote(sentence, all, words[0]);
        return participants.Select(p => new CandidateFact("meeting", "ATTENDED", p, meeting?.Key, participants, place?.Key,
            date?.Start, date?.End, summit ? "summit" : "talks", report, confidence, quote, offset, support, sentence.Index));
    }

    private IEnumerable<CandidateFact> Draftings(Sentence sentence, List<Mention> all, List<Mention> actors, ReportChain report, string confidence)
    {
        var words = Find(sentence, "draftingWords");
        var proposal = all.FirstOrDefault(m => m.Label == "Proposal");
        if (words.Count == 0 || proposal is null) return [];
        var drafters = Participants(actors);
        var (quote, offset) = Quote(sentence, all, words[0]);
        var support = new List<string> { WordsAt(sentence, words[0].Index, words[0].Length), proposal.Text };
        support.AddRange(actors.Where(a => drafters.Contains(a.Key!)).Select(a => a.Text).Distinct());
        return drafters.Select(d => new CandidateFact("drafting", "DRAFTED", d, proposal.Key, [], null, null, null, null,
            report, confidence, quote, offset, support, sentence.Index));
    }

    private IEnumerable<CandidateFact> Denials(Sentence sentence, List<Mention> all, List<Mention> actors, (int Index, int Length) word, ReportChain report)
    {
        var denier = actors.LastOrDefault(a => a.TokenIndex < word.Index) ?? actors.FirstOrDefault(a => a.TokenIndex > word.Index);
        if (denier is null) return [];
        var target = all.FirstOrDefault(m => m.Label is "Meeting" or "Proposal" or "Claim" && m.TokenIndex > word.Index)
            ?? all.FirstOrDefault(m => m.Label is "Meeting" or "Proposal" or "Claim");
        var others = Participants(actors.Where(a => a.Key != denier.Key).ToList());
        var describesMeeting = Find(sentence, "meetingWords").Count > 0 && others.Count >= 2;
        if (target is null && !describesMeeting) return [];
        var place = all.FirstOrDefault(m => m.Label == "Place");
        var date = _dates.Find(_text, sentence.Tokens, _published);
        // That the actor denies is stated by the document; the actor is the origin of the denial.
        var chain = report.Origin == _publisher || report.Origin == denier.Key
            ? new ReportChain(denier.Key!, Via(_publisher), report.Words, report.Offset, sentence.Index)
            : report;
        var support = new List<string> { WordsAt(sentence, word.Index, word.Length), denier.Text };
        if (target is not null) support.Add(target.Text);
        else support.AddRange(actors.Where(a => others.Contains(a.Key!)).Select(a => a.Text).Distinct());
        if (place is not null) support.Add(place.Text);
        var (quote, offset) = Quote(sentence, all, word);
        return [new CandidateFact("denial", "DENIES", denier.Key!, target?.Key, target is null ? others : [], place?.Key,
            date?.Start, date?.End, null, chain, "confirmed", quote, offset, support, sentence.Index)];
    }

    /// <summary>Two or more people; else, when no person is named, two or more states or bodies. A single person with a
    /// state ("Poutine ... la Russie") is too weak to make a meeting.</summary>
    private static List<string> Participants(List<Mention> actors)
    {
        var people = actors.Where(a => a.Label == "Person").Select(a => a.Key!).Distinct().ToList();
        return people.Count > 0 ? people : actors.Select(a => a.Key!).Distinct().ToList();
    }

    private List<string> Via(string? outlet) => outlet is null || outlet == _publisher ? [_publisher] : [outlet, _publisher];

    /// <summary>The sentence as the quote, cut around the supporting word when longer than a seed quote allows.</summary>
    private (string Quote, int Offset) Quote(Sentence sentence, List<Mention> all, (int Index, int Length) word)
    {
        var start = sentence.Tokens[word.Index].Start;
        var end = sentence.Tokens[word.Index + word.Length - 1].End;
        return MentionLinker.QuoteAround(_text, sentence, start, end);
    }
}
