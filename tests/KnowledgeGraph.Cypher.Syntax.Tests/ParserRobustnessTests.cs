using Xunit;
using static KnowledgeGraph.Cypher.Syntax.Tests.ParseHelpers;

namespace KnowledgeGraph.Cypher.Syntax.Tests;

public sealed class ParserRobustnessTests
{
    [Fact]
    public void DeepNesting_Should_RaiseAClearError_When_TheQueryIsNestedBeyondTheLimit()
    {
        var query = "RETURN " + new string('(', 5000) + "1" + new string(')', 5000);
        var e = SyntaxError(query);
        Assert.Equal("QueryTooComplex", e.Detail);
    }

    [Fact]
    public void NestedAlternatives_Should_ParseWithoutBlowingUp_When_EveryLevelCouldBeAPattern()
    {
        // Each level could start a pattern ("(x {a: ...})") or an expression; memoised backtracking keeps this linear-ish.
        const int levels = 60;
        var query = "RETURN " + string.Concat(Enumerable.Repeat("({a: ", levels)) + "1" + string.Concat(Enumerable.Repeat("}) - 1", levels));
        var statement = CypherParser.Parse(query);
        Assert.NotNull(statement);
        var list = "RETURN " + string.Concat(Enumerable.Repeat("[(", levels)) + "1" + string.Concat(Enumerable.Repeat(")]", levels));
        Assert.NotNull(CypherParser.Parse(list));
    }

    [Fact]
    public void DeepButAllowedNesting_Should_Parse_When_WithinTheLimit()
    {
        var query = "RETURN " + new string('(', 150) + "1" + new string(')', 150) + " AS x";
        SemanticAnalyzer.Check(CypherParser.Parse(query));
    }
}
