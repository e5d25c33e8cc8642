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
