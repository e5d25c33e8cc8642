using Xunit;

namespace KnowledgeGraph.Cypher.Syntax.Tests;

public sealed class ExpressionFactsTests
{
    [Fact]
    public void Aggregates_Should_BeFoundAtAnyDepth_When_Present()
    {
        var e = ParseHelpers.Expr("1 + size(collect(x))");
        Assert.True(ExpressionFacts.ContainsAggregate(e));
        Assert.False(ExpressionFacts.IsAggregate(e));
        Assert.True(ExpressionFacts.IsAggregate(ParseHelpers.Expr("COUNT(*)")));
        Assert.False(ExpressionFacts.ContainsAggregate(ParseHelpers.Expr("COUNT { (n)-->() }")));
        Assert.Equal(2, ExpressionFacts.Children(e).Count());
        Assert.Equal(["a", "r", "b"], ExpressionFacts.Variables(ParseHelpers.Part("(a)-[r]->(b)").Path));
    }
}
