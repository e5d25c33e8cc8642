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

    public static TheoryData<string, string> MillionDeepInputs() => new()
    {
        { "unary minus", "RETURN " + new string('-', 1_000_000) + "1" },
        { "unary plus", "RETURN " + new string('+', 1_000_000) + "1" },
        { "mixed unary", "RETURN " + string.Concat(Enumerable.Repeat("- +", 500_000)) + "1" },
        { "NOT", "RETURN " + string.Concat(Enumerable.Repeat("NOT ", 1_000_000)) + "true" },
        { "parentheses", "RETURN " + new string('(', 1_000_000) + "1" + new string(')', 1_000_000) },
        { "lists", "RETURN " + new string('[', 1_000_000) + "1" + new string(']', 1_000_000) },
        { "maps", "RETURN " + string.Concat(Enumerable.Repeat("{a: ", 1_000_000)) + "1" + new string('}', 1_000_000) },
        { "CASE", "RETURN " + string.Concat(Enumerable.Repeat("CASE WHEN true THEN ", 1_000_000)) + "1" + string.Concat(Enumerable.Repeat(" END", 1_000_000)) },
        { "list comprehensions", "RETURN " + string.Concat(Enumerable.Repeat("[x IN ", 1_000_000)) + "[1]" + string.Concat(Enumerable.Repeat(" | x]", 1_000_000)) },
        { "subqueries", "RETURN " + string.Concat(Enumerable.Repeat("COUNT { RETURN ", 1_000_000)) + "1" + new string('}', 1_000_000) },
        { "label negation", "MATCH (n:" + new string('!', 1_000_000) + "A) RETURN n" },
        { "label parentheses", "MATCH (n:" + new string('(', 1_000_000) + "A" + new string(')', 1_000_000) + ") RETURN n" },
        { "FOREACH", string.Concat(Enumerable.Repeat("FOREACH (x IN [1] | ", 1_000_000)) + "CREATE ()" + new string(')', 1_000_000) },
        { "addition chain", "RETURN 1" + string.Concat(Enumerable.Repeat(" + 1", 1_000_000)) },
        { "AND chain", "RETURN true" + string.Concat(Enumerable.Repeat(" AND true", 1_000_000)) },
        { "OR chain", "RETURN true" + string.Concat(Enumerable.Repeat(" OR true", 1_000_000)) },
        { "concatenation chain", "RETURN 'a'" + string.Concat(Enumerable.Repeat(" || 'a'", 1_000_000)) },
        { "property chain", "WITH {} AS m RETURN m" + string.Concat(Enumerable.Repeat(".a", 1_000_000)) },
        { "index chain", "WITH [] AS l RETURN l" + string.Concat(Enumerable.Repeat("[0]", 1_000_000)) },
        { "comparison chain", "RETURN 1" + string.Concat(Enumerable.Repeat(" < 2", 1_000_000)) },
    };

    [Theory]
    [MemberData(nameof(MillionDeepInputs))]
    public async Task MillionDeepInput_Should_RaiseNestedTooDeeply_When_ParsedOnAThreadPoolThread(string shape, string query)
    {
        // Thread-pool threads have the small stacks the service's requests run on.
        var e = await Task.Run(() => SyntaxError(query));
        Assert.True(e.Detail == "QueryTooComplex", $"{shape}: {e.Message}");
        Assert.Matches(@"nested too deeply \(more than \d+ levels\) \(line \d+, column \d+ \(offset: \d+\)\)", e.Message);
    }

    [Fact]
    public async Task LongButBoundedChain_Should_ParseAnalyseAndPrint_When_WithinTheLimit()
    {
        var query = "RETURN 1" + string.Concat(Enumerable.Repeat(" + 1", 900)) + " AS x";
        var statement = await Task.Run(() => CypherParser.ParseAndCheck(query));
        var printed = await Task.Run(() => CypherPrinter.Print(statement));
        Assert.StartsWith("RETURN ", printed, StringComparison.Ordinal);
    }
}
