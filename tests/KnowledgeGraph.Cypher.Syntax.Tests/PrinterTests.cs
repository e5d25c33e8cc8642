using KnowledgeGraph.Cypher.Syntax.Ast;
using Xunit;

namespace KnowledgeGraph.Cypher.Syntax.Tests;

public sealed class PrinterTests
{
    [Theory]
    [InlineData("MATCH (a:A|B&!C {x: 1})-[r:T|U*1..3]->(b WHERE b.y > 2) RETURN a")]
    [InlineData("MATCH p = SHORTEST 2 GROUPS (a) ((x)-[:T]->(y)){1,3} (b)-[:U]-+(c) RETURN p")]
    [InlineData("RETURN -x ^ 2, -2 ^ 2, NOT a = b, [x IN l WHERE x:A | x.n], reduce(s = 0, x IN l | s + x)")]
    [InlineData("RETURN CASE WHEN a THEN 1 ELSE 2 END, n {.a, .*, k: 1, v}, $p, $0, 'it\\'s', 1.5e10, 0x10")]
    [InlineData("CREATE CONSTRAINT person_key IF NOT EXISTS FOR (p:Person) REQUIRE p.key IS UNIQUE")]
    [InlineData("CREATE INDEX IF NOT EXISTS FOR ()-[r:KNOWS]-() ON (r.since, r.weight)")]
    [InlineData("SHOW INDEXES YIELD name, type WHERE type = 'RANGE' RETURN name")]
    [InlineData("MATCH (n) CALL (n) { MATCH (n)-->(m) RETURN count(*) AS c } IN TRANSACTIONS OF 10 ROWS RETURN c")]
    [InlineData("MATCH (n) WHERE n.x IS NOT :: INTEGER | LIST<STRING> AND n.y :: BOOL RETURN n")]
    [InlineData("EXPLAIN MATCH (`odd name`:`Label with space`) RETURN `odd name`.`key`")]
    public void Print_Should_ProduceTextThatParsesToTheSameTree_When_GivenAParsedStatement(string query)
    {
        var first = CypherParser.Parse(query) with { Text = "" };
        var printed = CypherPrinter.Print(first);
        var second = CypherParser.Parse(printed) with { Text = "" };
        Assert.Equal(first, second);
    }

    [Fact]
    public void Print_Should_QuoteNamesThatAreNotPlainIdentifiers_When_Needed()
    {
        Assert.Equal("`a b`", CypherPrinter.Name("a b"));
        Assert.Equal("`MATCH`", CypherPrinter.Name("MATCH"));
        Assert.Equal("`x``y`", CypherPrinter.Name("x`y"));
        Assert.Equal("plain_1", CypherPrinter.Name("plain_1"));
        Assert.Equal("'a\\'b\\n'", CypherPrinter.StringLiteral("a'b\n"));
    }

    [Fact]
    public void Print_Should_ParenthesiseBinaryExpressions_When_Nested()
    {
        var e = ((ReturnClause)((SingleQuery)((QueryStatement)CypherParser.Parse("RETURN 1 + 2 * 3")).Query).Clauses[0]).Body.Items[0].Expression;
        Assert.Equal("(1 + (2 * 3))", CypherPrinter.Print(e));
    }
}
