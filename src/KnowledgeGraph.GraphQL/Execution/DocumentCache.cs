using System.Collections.Concurrent;
using GraphQLParser.AST;

namespace KnowledgeGraph.GraphQL.Execution;

/// <summary>
/// Parsed documents by query text, and the operations of each that passed the schema's static validation. A
/// document is immutable once parsed (GraphQL.NET executes cached documents concurrently), and the core validation
/// rules depend only on the document and the schema, so a repeated request skips parsing, the budget check and the
/// static rules; the complexity rule still runs every time because <c>first</c>/<c>last</c> may come from variables,
/// and variables are coerced every time. Bounded: when full, the cache starts over (no per-hit bookkeeping).
/// </summary>
internal sealed class DocumentCache(int capacity = 512)
{
    private sealed class Entry(GraphQLDocument document)
    {
        public GraphQLDocument Document { get; } = document;

        public ConcurrentDictionary<string, bool> Validated { get; } = new(StringComparer.Ordinal);
    }

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>A document parsed and within budget before, or null.</summary>
    public GraphQLDocument? Find(string query) => _entries.TryGetValue(query, out var e) ? e.Document : null;

    /// <summary>Keeps a document that parsed and passed the budget check.</summary>
    public void Add(string query, GraphQLDocument document)
    {
        if (_entries.Count >= capacity) _entries.Clear();
        _entries.TryAdd(query, new Entry(document));
    }

    /// <summary>True when <paramref name="operationName"/> of this exact document (same object) passed validation.</summary>
    public bool IsValidated(string query, GraphQLDocument document, string? operationName) =>
        _entries.TryGetValue(query, out var e) && ReferenceEquals(e.Document, document) && e.Validated.ContainsKey(operationName ?? "");

    /// <summary>Records that the operation of a cached document passed validation.</summary>
    public void MarkValidated(string query, GraphQLDocument document, string? operationName)
    {
        if (_entries.TryGetValue(query, out var e) && ReferenceEquals(e.Document, document)) e.Validated.TryAdd(operationName ?? "", true);
    }
}
