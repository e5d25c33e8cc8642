using KnowledgeGraph.Model;

namespace KnowledgeGraph.Seeding.Tests;

public class KnowledgeModelTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepoPaths.Cypher, "README.md"));

    [Fact]
    public void Readme_Should_DocumentEveryLabelWithItsGraphQLNames()
    {
        foreach (var label in KnowledgeModel.Labels)
            Assert.Contains($"| `{label.Name}` | `{label.KeyPrefix}:` | `{label.GraphQLTypeName}` | `{label.ListFieldName}` |", Readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_Should_DocumentEveryRelationshipTypeWithDirectionAndFieldNames()
    {
        foreach (var type in KnowledgeModel.RelationshipTypes)
        {
            var line = Readme.Split('\n').SingleOrDefault(l => l.StartsWith($"| `{type.Name}` |", StringComparison.Ordinal));
            Assert.True(line is not null, $"{type.Name} is not in cypher/README.md");
            var cells = line!.Split('|').Select(c => c.Trim()).ToArray();
            var from = cells[2].Split(',').Select(s => s.Trim()).ToList();
            var to = cells[3] == "any label" ? KnowledgeModel.Labels.Where(l => !l.Structural).Select(l => l.Name).ToList() : cells[3].Split(',').Select(s => s.Trim()).ToList();
            Assert.Equal(type.FromLabels.Order(), from.Order());
            Assert.Equal(type.ToLabels.Order(), to.Order());
            Assert.Equal($"`{type.OutFieldName}`", cells[5]);
            Assert.Equal($"`{type.InFieldName}`", cells[6]);
        }
    }

    [Fact]
    public void Model_Should_UseNeo4jNamingAndUniqueGraphQLFieldNames()
    {
        Assert.All(KnowledgeModel.Labels, l => Assert.Matches("^[A-Z][a-zA-Z]+$", l.Name));
        Assert.All(KnowledgeModel.RelationshipTypes, t => Assert.Matches("^[A-Z]+(_[A-Z0-9]+)*$", t.Name));
        Assert.All(KnowledgeModel.Labels.SelectMany(l => l.AllProperties).Concat(KnowledgeModel.RelationshipTypes.SelectMany(t => t.AllProperties)),
            p => Assert.Matches("^[a-z][a-zA-Z0-9]*$", p.Name));
        // On each label, the relationship fields GraphQL generates must not collide with each other.
        foreach (var label in KnowledgeModel.Labels)
        {
            var fields = KnowledgeModel.OutgoingOf(label.Name).Select(t => t.OutFieldName)
                .Concat(KnowledgeModel.IncomingOf(label.Name).Select(t => t.InFieldName)).ToList();
            Assert.True(fields.Count == fields.Distinct().Count(), $"{label.Name}: duplicate relationship field names {string.Join(", ", fields.GroupBy(f => f).Where(g => g.Count() > 1).Select(g => g.Key))}");
        }
    }

    [Theory]
    [InlineData("person:steve-witkoff", "Person")]
    [InlineData("org:nato", "Organization")]
    [InlineData("country:us", "Country")]
    [InlineData("nation:us", null)]
    [InlineData("nokey", null)]
    public void FindLabelOfKey_Should_MapPrefixToLabel(string key, string? label) =>
        Assert.Equal(label, KnowledgeModel.FindLabelOfKey(key)?.Name);
}

public class ProvenanceModelTests
{
    [Fact]
    public void Confidence_Should_BeOrderedStrongestFirst()
    {
        Assert.Equal(["confirmed", "reported", "claimed", "rumoured", "denied"], Vocabularies.Confidence.Values);
        Assert.True(Vocabularies.Confidence.Ordered);
        Assert.True(Vocabularies.Confidence.RankOf("confirmed") < Vocabularies.Confidence.RankOf("claimed"));
        Assert.Equal(-1, Vocabularies.Confidence.RankOf("likely"));
    }

    [Fact]
    public void EveryEnumProperty_Should_NameAVocabularyListedInAll()
    {
        var properties = KnowledgeModel.Labels.SelectMany(l => l.AllProperties)
            .Concat(KnowledgeModel.RelationshipTypes.SelectMany(t => t.AllProperties)).ToList();

        Assert.All(properties.Where(p => p.Kind == PropertyKind.Enum), p =>
        {
            Assert.NotNull(p.Vocabulary);
            Assert.Contains(p.Vocabulary, Vocabularies.All);
            Assert.Equal(p.Vocabulary!.Values, p.AllowedValues);
        });
        Assert.All(properties.Where(p => p.Kind != PropertyKind.Enum), p => Assert.Null(p.Vocabulary));
        Assert.Equal(Vocabularies.All.Count, Vocabularies.All.Select(v => v.Name).Distinct().Count());
    }

    [Fact]
    public void Provenance_Should_BeStoredOnEveryFactKind_UnderTheSameNames()
    {
        var names = KnowledgeModel.ProvenanceProperties.Select(p => p.Name).ToList();

        Assert.Equal(["confidence", "tier", "chains", "origins", "independentSources", "sources", "document", "quote", "quoteOffset",
                      "supportedBy", "contradictedBy", "date"], names);
        Assert.All(["Claim", "Fact"], l => Assert.Superset(names.ToHashSet(), KnowledgeModel.FindLabel(l)!.Properties.Select(p => p.Name).ToHashSet()));
        Assert.All(KnowledgeModel.RelationshipTypes.Where(t => !t.Structural),
            t => Assert.Superset(names.ToHashSet(), t.AllProperties.Select(p => p.Name).ToHashSet()));
        var hasFact = KnowledgeModel.FindRelationshipType("HAS_FACT")!;
        Assert.True(hasFact.Structural && KnowledgeModel.FindLabel("Fact")!.Structural);
        Assert.Empty(hasFact.AllProperties);
        Assert.Equal("fact:meeting:miami-talks-2025-10:startDate", Provenance.FactKey("meeting:miami-talks-2025-10", "startDate"));
    }

    [Fact]
    public void Chains_Should_DeriveOriginsAndSources_CountingARelayChainOnce()
    {
        string[] chains =
        [
            ProvenanceChains.Join("unnamed:source:axios", ["source:axios", "source:il-giornale", "source:mena-news"]),
            ProvenanceChains.Join("source:reuters", ["source:il-giornale", "source:mena-news"]),
            ProvenanceChains.Join("source:reuters", ["source:mena-news"]),
        ];

        Assert.Equal("unnamed:source:axios > source:axios > source:il-giornale > source:mena-news", chains[0]);
        Assert.Equal(["source:reuters", "unnamed:source:axios"], ProvenanceChains.Origins(chains));
        Assert.Equal(["source:axios", "source:il-giornale", "source:mena-news", "source:reuters"], ProvenanceChains.Sources(chains));
        Assert.Equal(["person:kirill-dmitriev"], ProvenanceChains.Origins(["person:kirill-dmitriev > source:il-giornale > source:mena-news"]));
        Assert.Equal(["a", "b", "c"], ProvenanceChains.Union(["a", "b"], ["b", "c"]));
    }
}
