using System.IO.Hashing;
using System.Text;
using KnowledgeGraph.Errors;
using KnowledgeGraph.Storage.Indexes.Fulltext;

namespace KnowledgeGraph.Storage.Transactions;

/// <summary>CREATE FULLTEXT INDEX, with Neo4j's codes and wording for the failure cases.</summary>
internal sealed partial class WriteTransaction
{
    public FulltextIndexDescriptor? CreateFulltextIndex(string? name, bool relationships, IReadOnlyList<string> labelsOrTypes, IReadOnlyList<string> properties,
        string? analyzer, bool eventuallyConsistent, bool ifNotExists)
    {
        ArgumentNullException.ThrowIfNull(labelsOrTypes);
        ArgumentNullException.ThrowIfNull(properties);
        if (labelsOrTypes.Count == 0 || labelsOrTypes.Any(string.IsNullOrEmpty)) throw new ArgumentException("A fulltext index needs at least one label or type.", nameof(labelsOrTypes));
        if (properties.Count == 0 || properties.Any(string.IsNullOrEmpty)) throw new ArgumentException("A fulltext index needs at least one property.", nameof(properties));
        analyzer ??= FulltextAnalyzer.DefaultName;
        if (!FulltextAnalyzer.TryGet(analyzer, out _))
        {
            throw new GraphException(
                ErrorCodes.ArgumentError,
                $"Could not create fulltext index: no such analyzer: '{analyzer}'. Available analyzers: {string.Join(", ", FulltextAnalyzer.Available.Select(a => a.Name))}.");
        }

        var v = V;
        var kind = relationships ? "relationship" : "node";
        name ??= $"index_{Crc32.HashToUInt32(Encoding.UTF8.GetBytes($"fulltext:{kind}:{string.Join('|', labelsOrTypes)}:{string.Join(',', properties)}")):x8}";
        var equivalent = v.FulltextIndexes.FirstOrDefault(i => i.Descriptor.IsRelationshipIndex == relationships
            && i.Descriptor.LabelsOrTypes.SequenceEqual(labelsOrTypes) && i.Descriptor.Properties.SequenceEqual(properties));
        if (equivalent is not null)
        {
            if (ifNotExists) return null;
            var schema = relationships
                ? $"()-[:{string.Join("|", labelsOrTypes.Select(Quote))} {{{string.Join(", ", properties.Select(Quote))}}}]-()"
                : $"(:{string.Join("|", labelsOrTypes.Select(Quote))} {{{string.Join(", ", properties.Select(Quote))}}})";
            throw new GraphException(ErrorCodes.EquivalentSchemaRuleAlreadyExists,
                $"An equivalent index already exists, 'Index( name='{equivalent.Descriptor.Name}', type='FULLTEXT', schema={schema}, indexProvider='fulltext-1.0' )'.");
        }

        if (NameInUse(name))
        {
            if (ifNotExists) return null;
            throw new GraphException(ErrorCodes.IndexAlreadyExists, $"There already exists an index called '{name}'.");
        }

        var descriptor = new FulltextIndexDescriptor(name, relationships, [.. labelsOrTypes], [.. properties], analyzer, eventuallyConsistent);
        _log?.CreateFulltextIndex(descriptor);
        return v.ApplyCreateFulltextIndex(descriptor);
    }
}
