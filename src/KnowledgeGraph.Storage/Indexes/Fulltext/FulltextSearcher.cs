using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace KnowledgeGraph.Storage.Indexes.Fulltext;

/// <summary>
/// Evaluates a parsed query against one index snapshot and scores matches with BM25 (k1 = 1.2, b = 0.75, Lucene's
/// formula <c>idf · tf / (tf + k1 · (1 − b + b · dl / avgdl))</c> with <c>idf = ln(1 + (N − n + 0.5) / (n + 0.5))</c>,
/// per property; exact lengths instead of Lucene's one-byte norms, so scores are close to Neo4j's, not identical).
/// A query without a field searches every property and sums the per-property scores. Prefix and wildcard
/// matches score a constant (their boost), as Lucene's constant-score rewrite; fuzzy matches score like the terms
/// they expand to (at most <see cref="MaxExpansions"/>, nearest first), scaled by <c>1 − edits / length</c>.
/// Cost: terms and phrases read only their postings; prefix seeks the sorted term set; wildcard and fuzzy scan the
/// property's term set (its vocabulary, not its documents).
/// </summary>
internal static class FulltextSearcher
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private const int MaxExpansions = 50;

    public static Dictionary<long, double> Evaluate(FulltextIndexState index, FulltextQuery query)
    {
        switch (query)
        {
            case TermQuery t:
            {
                var result = new Dictionary<long, double>();
                foreach (var f in FieldsOf(index, t.Field)) AddTerm(index, f, t.Term, t.Boost, result);
                return result;
            }

            case PhraseQuery p:
            {
                var result = new Dictionary<long, double>();
                foreach (var f in FieldsOf(index, p.Field)) AddPhrase(index, f, p, result);
                return result;
            }

            case PrefixQuery p:
            {
                var result = new Dictionary<long, double>();
                foreach (var f in FieldsOf(index, p.Field))
                {
                    var field = index.Fields[f];
                    var terms = field.Terms;
                    var i = terms.IndexOf(p.Prefix);
                    for (i = i >= 0 ? i : ~i; i < terms.Count && terms[i].StartsWith(p.Prefix, StringComparison.Ordinal); i++)
                    {
                        foreach (var id in field.Postings[terms[i]].Keys) result[id] = Math.Max(result.GetValueOrDefault(id), p.Boost);
                    }
                }

                return result;
            }

            case WildcardQuery w:
            {
                var regex = new Regex("^" + Regex.Escape(w.Pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
                    RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
                var literal = w.Pattern[..w.Pattern.IndexOfAny(['*', '?'])];
                var result = new Dictionary<long, double>();
                foreach (var f in FieldsOf(index, w.Field))
                {
                    var field = index.Fields[f];
                    var terms = field.Terms;
                    var i = terms.IndexOf(literal);
                    for (i = i >= 0 ? i : ~i; i < terms.Count && terms[i].StartsWith(literal, StringComparison.Ordinal); i++)
                    {
                        if (!regex.IsMatch(terms[i])) continue;
                        foreach (var id in field.Postings[terms[i]].Keys) result[id] = Math.Max(result.GetValueOrDefault(id), w.Boost);
                    }
                }

                return result;
            }

            case FuzzyQuery z:
            {
                var result = new Dictionary<long, double>();
                foreach (var f in FieldsOf(index, z.Field))
                {
                    var expansions = new List<(string Term, int Edits)>();
                    foreach (var term in index.Fields[f].Terms)
                    {
                        if (Math.Abs(term.Length - z.Term.Length) > z.MaxEdits) continue;
                        var d = Distance(z.Term, term, z.MaxEdits);
                        if (d <= z.MaxEdits) expansions.Add((term, d));
                    }

                    foreach (var (term, edits) in expansions.OrderBy(e => e.Edits).ThenBy(e => e.Term, StringComparer.Ordinal).Take(MaxExpansions))
                    {
                        var scale = edits == 0 ? 1.0 : Math.Max(0.0, 1.0 - (double)edits / Math.Min(term.Length, z.Term.Length));
                        AddTerm(index, f, term, z.Boost * scale, result);
                    }
                }

                return result;
            }

            case BooleanQuery b:
                return EvaluateBoolean(index, b);
            default:
                throw new InvalidOperationException($"Unknown query node {query.GetType().Name}.");
        }
    }

    private static Dictionary<long, double> EvaluateBoolean(FulltextIndexState index, BooleanQuery b)
    {
        Dictionary<long, double>? must = null;
        var should = new List<Dictionary<long, double>>();
        var mustNot = new List<Dictionary<long, double>>();
        foreach (var (occur, clause) in b.Clauses)
        {
            var hits = Evaluate(index, clause);
            switch (occur)
            {
                case Occur.Must:
                    if (must is null)
                    {
                        must = hits;
                    }
                    else
                    {
                        var next = new Dictionary<long, double>();
                        foreach (var (id, score) in must)
                        {
                            if (hits.TryGetValue(id, out var s)) next[id] = score + s;
                        }

                        must = next;
                    }

                    break;
                case Occur.Should: should.Add(hits); break;
                default: mustNot.Add(hits); break;
            }
        }

        Dictionary<long, double> result;
        if (must is not null)
        {
            result = must;
            foreach (var hits in should)
            {
                foreach (var (id, s) in hits)
                {
                    if (result.TryGetValue(id, out var score)) result[id] = score + s;
                }
            }
        }
        else
        {
            // Lucene: a query of prohibited clauses only matches nothing.
            result = [];
            foreach (var hits in should)
            {
                foreach (var (id, s) in hits) result[id] = result.GetValueOrDefault(id) + s;
            }
        }

        foreach (var hits in mustNot)
        {
            foreach (var id in hits.Keys) result.Remove(id);
        }

        if (b.Boost != 1.0)
        {
            foreach (var id in result.Keys.ToList()) result[id] *= b.Boost;
        }

        return result;
    }

    private static IEnumerable<int> FieldsOf(FulltextIndexState index, string? field)
    {
        if (field is null)
        {
            for (var f = 0; f < index.Fields.Count; f++) yield return f;
            yield break;
        }

        // An unknown field matches nothing, as in Lucene.
        for (var f = 0; f < index.Descriptor.Properties.Count; f++)
        {
            if (index.Descriptor.Properties[f] == field) yield return f;
        }
    }

    private static void AddTerm(FulltextIndexState index, int f, string term, double boost, Dictionary<long, double> result)
    {
        var field = index.Fields[f];
        if (!field.Postings.TryGetValue(term, out var postings)) return;
        var idf = Idf(field.DocCount, postings.Count);
        var avg = AverageLength(field);
        foreach (var (id, packed) in postings)
        {
            result[id] = result.GetValueOrDefault(id) + (boost * idf * TfNorm(FulltextField.Frequency(packed), FulltextField.Length(packed), avg));
        }
    }

    private static void AddPhrase(FulltextIndexState index, int f, PhraseQuery p, Dictionary<long, double> result)
    {
        var field = index.Fields[f];
        var lists = new List<ImmutableDictionary<long, long>>();
        foreach (var term in p.Terms)
        {
            if (!field.Postings.TryGetValue(term, out var postings)) return;
            lists.Add(postings);
        }

        var idf = p.Terms.Distinct(StringComparer.Ordinal).Sum(t => Idf(field.DocCount, field.Postings[t].Count));
        var avg = AverageLength(field);
        var rarest = lists.OrderBy(l => l.Count).First();
        foreach (var id in rarest.Keys)
        {
            if (!lists.All(l => l.ContainsKey(id))) continue;
            var tokens = index.Docs[id][f]!;
            var freq = PhraseFrequency(tokens, p.Terms, p.Slop);
            if (freq == 0) continue;
            result[id] = result.GetValueOrDefault(id) + (p.Boost * idf * TfNorm(freq, tokens.Length, avg));
        }
    }

    /// <summary>Occurrences of the phrase: each start of the first term followed, in order, by the others with at most
    /// <paramref name="slop"/> extra positions in all.</summary>
    private static int PhraseFrequency(string[] tokens, IReadOnlyList<string> terms, int slop)
    {
        var count = 0;
        for (var start = 0; start < tokens.Length; start++)
        {
            if (tokens[start] != terms[0]) continue;
            var pos = start;
            var gaps = 0;
            var ok = true;
            for (var k = 1; k < terms.Count && ok; k++)
            {
                var next = pos + 1;
                while (next < tokens.Length && tokens[next] != terms[k] && next - pos - 1 + gaps < slop) next++;
                if (next >= tokens.Length || tokens[next] != terms[k])
                {
                    ok = false;
                    break;
                }

                gaps += next - pos - 1;
                pos = next;
            }

            if (ok && gaps <= slop) count++;
        }

        return count;
    }

    private static double Idf(long docCount, long docFreq) => Math.Log(1 + ((docCount - docFreq + 0.5) / (docFreq + 0.5)));

    private static double AverageLength(FulltextField field) => field.DocCount == 0 ? 1 : Math.Max(1.0, (double)field.TotalLength / field.DocCount);

    private static double TfNorm(int tf, int length, double avg) => tf / (tf + (K1 * (1 - B + (B * length / avg))));

    /// <summary>Optimal-string-alignment distance (Levenshtein with transpositions, as Lucene's fuzzy default), with an
    /// early cut above <paramref name="max"/>; three rolling rows, no allocation for words up to 64 characters.</summary>
    internal static int Distance(string a, string b, int max)
    {
        if (b.Length > 64) return DistanceRows(a, b, max, new int[b.Length + 1], new int[b.Length + 1], new int[b.Length + 1]);
        return DistanceRows(a, b, max, stackalloc int[b.Length + 1], stackalloc int[b.Length + 1], stackalloc int[b.Length + 1]);
    }

    private static int DistanceRows(string a, string b, int max, Span<int> before, Span<int> previous, Span<int> current)
    {
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, before[j - 2] + 1);
                current[j] = v;
                rowMin = Math.Min(rowMin, v);
            }

            if (rowMin > max) return max + 1;
            var spare = before;
            before = previous;
            previous = current;
            current = spare;
        }

        return previous[b.Length];
    }
}
