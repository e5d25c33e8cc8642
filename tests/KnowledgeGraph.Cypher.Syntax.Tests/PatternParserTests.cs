using KnowledgeGraph.Cypher.Syntax.Ast;
using Xunit;
using static KnowledgeGraph.Cypher.Syntax.Tests.ParseHelpers;

namespace KnowledgeGraph.Cypher.Syntax.Tests;

public sealed class PatternParserTests
{
    [Theory]
    [InlineData("(a)-->(b)", RelationshipDirection.Outgoing)]
    [InlineData("(a)<--(b)", RelationshipDirection.Incoming)]
    [InlineData("(a)--(b)", RelationshipDirection.Both)]
    [InlineData("(a)<-->(b)", RelationshipDirection.Bidirectional)]
    [InlineData("(a)-[r]->(b)", RelationshipDirection.Outgoing)]
    [InlineData("(a)<-[r:T]-(b)", RelationshipDirection.Incoming)]
    [InlineData("(a)-[:T]-(b)", RelationshipDirection.Both)]
    public void Relationship_Should_HaveTheWrittenDirection_When_Parsed(string pattern, RelationshipDirection direction)
    {
        Assert.Equal(direction, Part(pattern).Path.Relationships.Single().Direction);
    }

    [Theory]
    [InlineData("*", null, null)]
    [InlineData("*2", 2L, 2L)]
    [InlineData("*1..5", 1L, 5L)]
    [InlineData("*..3", null, 3L)]
    [InlineData("*2..", 2L, null)]
    public void VariableLength_Should_KeepItsBounds_When_Parsed(string stars, long? min, long? max)
    {
        var rel = Part($"(a)-[r:T{stars}]->(b)").Path.Relationships.Single();
        Assert.Equal(new VariableLength(min, max), rel.Length);
        Assert.True(rel.IsVariableLength);
    }

    [Theory]
    [InlineData("{1,6}", 1L, 6L)]
    [InlineData("{3}", 3L, 3L)]
    [InlineData("{,4}", 0L, 4L)]
    [InlineData("{2,}", 2L, null)]
    [InlineData("+", 1L, null)]
    [InlineData("*", 0L, null)]
    public void QuantifiedRelationship_Should_KeepItsQuantifier_When_Parsed(string quantifier, long min, long? max)
    {
        var rel = Part($"(a)-[:T]->{quantifier}(b)").Path.Relationships.Single();
        Assert.Equal(new Quantifier(min, max), rel.Quantifier);
    }

    [Fact]
    public void QuantifiedPathPattern_Should_NestItsPathWhereAndQuantifier_When_Parsed()
    {
        var path = Part("(s) ((a)-[:T]->(b) WHERE a.x < b.x){1,3} (e)").Path;
        Assert.Equal(3, path.Elements.Count);
        var qpp = Assert.IsType<QuantifiedPathPattern>(path.Elements[1]);
        Assert.Equal(new Quantifier(1, 3), qpp.Quantifier);
        Assert.NotNull(qpp.Where);
        Assert.Equal(3, qpp.Path.Elements.Count);
        Assert.False(path.IsSimpleChain);
    }

    [Fact]
    public void LabelExpressions_Should_BuildTheirTree_When_Parsed()
    {
        var node = (NodePattern)Part("(n:A|B&!C)").Path.Elements[0];
        Assert.Equal(new LabelOr(new LabelName("A"), new LabelAnd(new LabelName("B"), new LabelNot(new LabelName("C")))), node.Labels);
        Assert.IsType<LabelWildcard>(((NodePattern)Part("(n:%)").Path.Elements[0]).Labels);
        Assert.Equal(["A", "B"], ((NodePattern)Part("(n:A:B)").Path.Elements[0]).Labels!.AsConjunction());
        Assert.Equal(["A", "B"], Part("()-[:A|:B]->()").Path.Relationships.Single().Types!.AsDisjunction());
        Assert.Null(((NodePattern)Part("(n:A|B)").Path.Elements[0]).Labels!.AsConjunction());
    }

    [Fact]
    public void NodePattern_Should_AcceptParameterPropertiesAndInlineWhere_When_Written()
    {
        var node = (NodePattern)Clause<CreateClause>("CREATE (n:L $props)").Pattern.Parts[0].Path.Elements[0];
        Assert.Equal(new Parameter("props"), node.Properties);
        var filtered = (NodePattern)Part("(n:L WHERE n.x > 1)").Path.Elements[0];
        Assert.NotNull(filtered.Where);
    }

    [Theory]
    [InlineData("SHORTEST 2 (a)-[:T]-+(b)", PathSelectorKind.Shortest, 2L)]
    [InlineData("ANY SHORTEST (a)-[:T]-+(b)", PathSelectorKind.Shortest, 1L)]
    [InlineData("ALL SHORTEST (a)-[:T]-+(b)", PathSelectorKind.AllShortest, null)]
    [InlineData("ANY (a)-[:T]-+(b)", PathSelectorKind.Any, 1L)]
    [InlineData("ANY 3 PATHS (a)-[:T]-+(b)", PathSelectorKind.Any, 3L)]
    [InlineData("SHORTEST 2 GROUPS (a)-[:T]-+(b)", PathSelectorKind.ShortestGroups, 2L)]
    [InlineData("shortestPath((a)-[*]-(b))", PathSelectorKind.ShortestPathFunction, 1L)]
    [InlineData("allShortestPaths((a)-[*..4]-(b))", PathSelectorKind.AllShortestPathsFunction, null)]
    public void PathSelector_Should_BeRecognised_When_Written(string pattern, PathSelectorKind kind, long? count)
    {
        var part = Part("p = " + pattern);
        Assert.Equal("p", part.PathVariable);
        Assert.Equal(new PathSelector(kind, count), part.Selector);
    }
}
