namespace KnowledgeGraph.Ingestion.Text;

/// <summary>
/// Finds phrases in a token sequence, longest first, word by word on folded forms. A phrase written as an acronym
/// (<c>US</c>, <c>NATO</c>: at most five letters, all upper-case) matches only upper-case text, so the English
/// pronoun "us" is not the United States.
/// </summary>
public sealed class PhraseMatcher<T>
{
    private readonly Dictionary<string, List<(string[] Words, bool Acronym, T Value)>> _byFirst = new(StringComparer.Ordinal);

    /// <summary>Adds a phrase with its value (the same phrase may carry several values).</summary>
    public void Add(string phrase, T value)
    {
        var words = Folding.Words(phrase);
        if (words.Length == 0) return;
        var letters = phrase.Where(char.IsLetter).ToList();
        var acronym = letters.Count is > 0 and <= 5 && letters.All(char.IsUpper);
        if (!_byFirst.TryGetValue(words[0], out var list)) _byFirst[words[0]] = list = [];
        list.Add((words, acronym, value));
    }

    /// <summary>The longest phrase starting at <paramref name="index"/>: its length in tokens and every value it carries.</summary>
    public (int Length, IReadOnlyList<T> Values) Match(IReadOnlyList<Token> tokens, int index)
    {
        if (index >= tokens.Count || !_byFirst.TryGetValue(tokens[index].Folded, out var list)) return (0, []);
        var best = 0;
        var values = new List<T>();
        foreach (var (words, acronym, value) in list)
        {
            if (words.Length < best || index + words.Length > tokens.Count) continue;
            var ok = true;
            for (var k = 0; k < words.Length && ok; k++)
                ok = tokens[index + k].Folded == words[k] && (!acronym || tokens[index + k].AllCaps);
            if (!ok) continue;
            if (words.Length > best)
            {
                best = words.Length;
                values.Clear();
            }
            values.Add(value);
        }
        return (best, values);
    }

    /// <summary>Every non-overlapping match in <paramref name="tokens"/>, left to right: (token index, length, values).</summary>
    public IEnumerable<(int Index, int Length, IReadOnlyList<T> Values)> MatchAll(IReadOnlyList<Token> tokens)
    {
        for (var i = 0; i < tokens.Count;)
        {
            var (length, values) = Match(tokens, i);
            if (length == 0)
            {
                i++;
                continue;
            }
            yield return (i, length, values);
            i += length;
        }
    }
}
