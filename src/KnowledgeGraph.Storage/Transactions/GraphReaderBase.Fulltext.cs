using KnowledgeGraph.Storage.Indexes.Fulltext;

namespace KnowledgeGraph.Storage.Transactions;

/// <summary>Fulltext index listing and querying on the reader's snapshot.</summary>
internal abstract partial class GraphReaderBase
{
    public IReadOnlyList<FulltextIndexDescriptor> FulltextIndexes => V.FulltextIndexes.Select(i => i.Descriptor).ToArray();

    public FulltextIndexDescriptor? FindFulltextIndex(string name) => V.FulltextIndexes.FirstOrDefault(i => i.Descriptor.Name == name)?.Descriptor;

    public IReadOnlyList<FulltextHit> QueryFulltext(string indexName, string query, string? analyzer = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var index = V.FulltextIndexes.FirstOrDefault(i => i.Descriptor.Name == indexName)
            ?? throw new KeyNotFoundException($"There is no such fulltext schema index: {indexName}");
        var queryAnalyzer = index.Analyzer;
        if (analyzer is not null && !FulltextAnalyzer.TryGet(analyzer, out queryAnalyzer))
        {
            throw new FulltextQueryException($"No such analyzer: '{analyzer}'.");
        }

        var parsed = FulltextQueryParser.Parse(query, queryAnalyzer);
        if (parsed is null) return [];
        var hits = FulltextSearcher.Evaluate(index, parsed);
        var result = new FulltextHit[hits.Count];
        var i = 0;
        foreach (var (id, score) in hits) result[i++] = new FulltextHit(id, score);
        Array.Sort(result, static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Id.CompareTo(b.Id));
        return result;
    }

    public IReadOnlyList<FulltextAnalyzerInfo> FulltextAnalyzers =>
        FulltextAnalyzer.Available.Select(a => new FulltextAnalyzerInfo(a.Name, a.Description, a.StopWords)).ToArray();
}
