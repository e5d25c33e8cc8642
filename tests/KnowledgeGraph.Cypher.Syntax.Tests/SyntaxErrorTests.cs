using Xunit;
using static KnowledgeGraph.Cypher.Syntax.Tests.ParseHelpers;

namespace KnowledgeGraph.Cypher.Syntax.Tests;

public sealed class SyntaxErrorTests
{
    [Fact]
    public void Typo_Should_NameTheBadTokenAndItsPosition_When_AClauseKeywordIsMisspelled()
    {
        var e = SyntaxError("MATCH (n) RETRN n");
        Assert.StartsWith("Invalid input 'RETRN': expected ", e.Message, StringComparison.Ordinal);
        Assert.Contains("'RETURN'", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("(line 1, column 11 (offset: 10))", e.Message, StringComparison.Ordinal);
        Assert.Equal("UnexpectedSyntax", e.Detail);
    }

    [Fact]
    public void Position_Should_CountLinesAndColumns_When_TheErrorIsOnALaterLine()
    {
        var e = SyntaxError("MATCH (n)\nWHERE n.name = 'x'\n  RETRN n");
        Assert.EndsWith("(line 3, column 3 (offset: 31))", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_Should_ListWhatCouldFollow_When_APatternIsUnclosed()
    {
        var e = SyntaxError("MATCH (n RETURN n");
        Assert.Equal("Invalid input 'RETURN': expected ':', '{', '$', ')' or 'WHERE' (line 1, column 10 (offset: 9))", e.Message);
    }

    [Fact]
    public void Message_Should_ShowEmptyInput_When_TheQueryEndsTooEarly()
    {
        var e = SyntaxError("RETURN 1 +");
        Assert.StartsWith("Invalid input '': expected ", e.Message, StringComparison.Ordinal);
        Assert.Contains("an expression", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("(line 1, column 11 (offset: 10))", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RETURN 9223372036854775808", "IntegerOverflow")]
    [InlineData("RETURN -9223372036854775809", "IntegerOverflow")]
    [InlineData("RETURN 0x8000000000000000", "IntegerOverflow")]
    [InlineData("RETURN 0o1000000000000000000000", "IntegerOverflow")]
    [InlineData("RETURN 0x", "InvalidNumberLiteral")]
    [InlineData("RETURN 0x1G", "InvalidNumberLiteral")]
    [InlineData("RETURN 0o8", "InvalidNumberLiteral")]
    [InlineData("RETURN 1.34E999", "FloatingPointOverflow")]
    [InlineData(@"RETURN '\uH'", "InvalidUnicodeLiteral")]
    [InlineData(@"RETURN '\u12'", "InvalidUnicodeLiteral")]
    [InlineData("RETURN {1B2c3e67: 1}", "UnexpectedSyntax")]
    [InlineData("RETURN 'unterminated", "UnexpectedSyntax")]
    [InlineData("RETURN `unterminated", "UnexpectedSyntax")]
    [InlineData("RETURN 1 /* open comment", "UnexpectedSyntax")]
    [InlineData("RETURN 1 #", "UnexpectedSyntax")]
    [InlineData("MATCH (a)-[:T..]->(b) RETURN a", "InvalidRelationshipPattern")]
    [InlineData("MATCH (a)-[:T*-2]->(b) RETURN a", "InvalidRelationshipPattern")]
    [InlineData("MATCH (n) RETURN n n", "UnexpectedSyntax")]
    [InlineData("RETURN CASE WHEN true THEN 1", "UnexpectedSyntax")]
    [InlineData("CREATE CONSTRAINT FOR (n:L) REQUIRE m.p IS UNIQUE", "UndefinedVariable")]
    public void BadInput_Should_RaiseASyntaxErrorWithTheTckDetail_When_Parsed(string query, string detail)
    {
        Assert.Equal(detail, SyntaxError(query).Detail);
    }

    [Fact]
    public void IntegerOverflow_Should_PointAtTheLiteral_When_Raised()
    {
        var e = SyntaxError("RETURN 1, 99999999999999999999");
        Assert.EndsWith("(line 1, column 11 (offset: 10))", e.Message, StringComparison.Ordinal);
    }
}
