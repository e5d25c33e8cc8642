using KnowledgeGraph.Cypher.Syntax.Semantics;
using KnowledgeGraph.Errors;
using Xunit;
using static KnowledgeGraph.Cypher.Syntax.Tests.ParseHelpers;

namespace KnowledgeGraph.Cypher.Syntax.Tests;

public sealed class SemanticAnalyzerTests
{
    [Theory]
    [InlineData("MATCH (n) RETURN m", "UndefinedVariable")]
    [InlineData("MATCH (a) WITH a.x AS x RETURN a", "UndefinedVariable")]
    [InlineData("MATCH (a) RETURN DISTINCT a.name ORDER BY a.age", "UndefinedVariable")]
    [InlineData("MATCH (n) WHERE (m)-->(n) RETURN n", "UndefinedVariable")]
    [InlineData("MATCH (a) CALL { RETURN a.x AS x } RETURN x", "UndefinedVariable")]
    [InlineData("MATCH (a) CALL (b) { RETURN 1 AS x } RETURN x", "UndefinedVariable")]
    [InlineData("MATCH (a) CREATE (a)", "VariableAlreadyBound")]
    [InlineData("MATCH (a) MERGE (a:L)", "VariableAlreadyBound")]
    [InlineData("MATCH p = ()-->() MATCH p = ()-->() RETURN p", "VariableAlreadyBound")]
    [InlineData("UNWIND [1] AS x UNWIND [2] AS x RETURN x", "VariableAlreadyBound")]
    [InlineData("WITH 1 AS x CALL { RETURN 2 AS x } RETURN x", "VariableAlreadyBound")]
    [InlineData("MATCH ()-[r]-() MATCH (r) RETURN r", "VariableTypeConflict")]
    [InlineData("WITH true AS r MATCH ()-[r]-() RETURN r", "VariableTypeConflict")]
    [InlineData("MATCH (a)-[r]->()-[r]->(a) RETURN r", "RelationshipUniquenessViolation")]
    [InlineData("MATCH () RETURN *", "NoVariablesInScope")]
    [InlineData("RETURN 1 AS a UNION RETURN 2 AS b", "DifferentColumnsInUnion")]
    [InlineData("RETURN 1 AS a UNION RETURN 2 AS a UNION ALL RETURN 3 AS a", "InvalidClauseComposition")]
    [InlineData("MATCH (n) WHERE count(n) > 1 RETURN n", "InvalidAggregation")]
    [InlineData("MATCH (n) RETURN n.x ORDER BY max(n.y)", "InvalidAggregation")]
    [InlineData("RETURN [x IN [1] | count(*)]", "InvalidAggregation")]
    [InlineData("RETURN count(count(*))", "NestedAggregation")]
    [InlineData("MATCH (a)--(b) RETURN a.x + count(b)", "AmbiguousAggregationExpression")]
    [InlineData("MATCH (n) RETURN n LIMIT n.x", "NonConstantExpression")]
    [InlineData("RETURN count(rand())", "NonConstantExpression")]
    [InlineData("MATCH (n) RETURN n SKIP -1", "NegativeIntegerArgument")]
    [InlineData("MATCH (n) RETURN n LIMIT 1.5", "InvalidArgumentType")]
    [InlineData("CREATE ()-->()", "NoSingleRelationshipType")]
    [InlineData("CREATE ()-[:A|B]->()", "NoSingleRelationshipType")]
    [InlineData("CREATE ()-[:T]-()", "RequiresDirectedRelationship")]
    [InlineData("CREATE ()-[:T*2]->()", "CreatingVarLength")]
    [InlineData("MATCH (n $p) RETURN n", "InvalidParameterUse")]
    [InlineData("MERGE (a)-[r:T $p]->(b)", "InvalidParameterUse")]
    [InlineData("MATCH (n) DELETE n:L", "InvalidDelete")]
    [InlineData("MATCH (n) DELETE 1 + 1", "InvalidArgumentType")]
    [InlineData("RETURN 1 AND true", "InvalidArgumentType")]
    [InlineData("RETURN 1 IN true", "InvalidArgumentType")]
    [InlineData("MATCH (n) RETURN type(n)", "InvalidArgumentType")]
    [InlineData("RETURN none(x IN ['a'] WHERE x % 2 = 0)", "InvalidArgumentType")]
    [InlineData("RETURN toUpper()", "InvalidNumberOfArguments")]
    [InlineData("RETURN substring('a', 1, 2, 3)", "InvalidNumberOfArguments")]
    [InlineData("MATCH (n) RETURN n.x AS a, n.y AS a", "ColumnNameConflict")]
    [InlineData("MATCH (n) RETURN (n)-->()", "UnexpectedSyntax")]
    [InlineData("MATCH (n) WHERE EXISTS { MATCH (n)-->(m) SET m.x = 1 } RETURN n", "InvalidClauseComposition")]
    [InlineData("MATCH (n)", "InvalidClauseComposition")]
    [InlineData("RETURN 1 AS x WITH x RETURN x", "InvalidClauseComposition")]
    [InlineData("MATCH (n) WITH n.x RETURN 1", "NoExpressionAlias")]
    [InlineData("WITH 123 AS nonMap RETURN nonMap.num", "InvalidArgumentType")]
    [InlineData("WITH 'text' AS s RETURN s.size", "InvalidArgumentType")]
    [InlineData("WITH [1, true] AS l RETURN l.first", "InvalidArgumentType")]
    [InlineData("MATCH p = ()-->() RETURN p.length", "InvalidArgumentType")]
    public void InvalidQuery_Should_RaiseTheTckDetail_When_Analyzed(string query, string detail)
    {
        var e = SemanticError(query);
        Assert.Equal(detail, e.Detail);
        Assert.Equal(ErrorCodes.SyntaxError, e.Code);
        Assert.Matches(@"\(line \d+, column \d+ \(offset: \d+\)\)$", e.Message);
    }

    [Theory]
    [InlineData("MATCH (n:Person {name: $name}) RETURN n.name, count(*) AS c ORDER BY c DESC LIMIT $l")]
    [InlineData("MATCH (me)--(you) RETURN me, me.age + count(you) AS x")]
    [InlineData("MATCH (a) WITH a, count(*) AS c WHERE c > 1 RETURN a ORDER BY a.name")]
    [InlineData("MATCH p = shortestPath((a)-[*]-(b)) RETURN nodes(p), length(p)")]
    [InlineData("MATCH (a) CALL (a) { MATCH (a)-->(b) RETURN b } RETURN a, b")]
    [InlineData("MATCH (a) CALL { WITH a MATCH (a)-->(b) RETURN b } RETURN a, b")]
    [InlineData("UNWIND $rows AS row MERGE (n:K {key: row.key}) ON CREATE SET n += row.props")]
    [InlineData("MATCH (n) RETURN n {.name, .*, degree: COUNT { (n)--() }}")]
    [InlineData("MATCH (s) ((a)-[:T]->(b)){1,3} (e) RETURN s, e, a, b")]
    [InlineData("MATCH p = SHORTEST 2 (a)-[:T]-+(b) RETURN p")]
    [InlineData("MATCH (n) FOREACH (x IN [1, 2] | CREATE (:L {v: x}))")]
    [InlineData("MATCH (n) WHERE (n)-->() AND NOT exists((n)<--()) RETURN n")]
    [InlineData("MATCH (n) RETURN [(n)-->(m) | m.name] AS names")]
    [InlineData("CALL db.labels() YIELD label RETURN label")]
    [InlineData("WITH 1 AS `a b` WITH `a b` RETURN `a b`")]
    [InlineData("WITH $p AS x, {k: 1} AS m, [{k: 1}][0] AS e RETURN x.k, m.k, e.k, date().year, (null).k")]
    public void ValidQuery_Should_PassAnalysis_When_WellFormed(string query)
    {
        SemanticAnalyzer.Check(CypherParser.Parse(query));
    }

    [Fact]
    public void ProcedureResolver_Should_CheckArgumentsAndOutputs_When_Provided()
    {
        var signature = new ProcedureSignature("test.proc", [new ProcedureField("in", "INTEGER?")], [new ProcedureField("out", "STRING?")]);
        ProcedureSignature? Resolve(string name) => name == "test.proc" ? signature : null;

        SemanticAnalyzer.Check(CypherParser.Parse("CALL test.proc(1) YIELD out RETURN out"), Resolve);
        string Detail(string q) => Assert.Throws<GraphException>(() => SemanticAnalyzer.Check(CypherParser.Parse(q), Resolve)).Detail!;
        Assert.Equal("InvalidNumberOfArguments", Detail("CALL test.proc(1, 2)"));
        Assert.Equal("InvalidArgumentType", Detail("CALL test.proc('x')"));
        Assert.Equal("ProcedureNotFound", Detail("CALL test.missing()"));
        Assert.Equal("InvalidArgumentPassingMode", Detail("CALL test.proc YIELD out RETURN out"));
        Assert.Equal("UndefinedVariable", Detail("CALL test.proc(1) YIELD nope RETURN nope"));
    }

    [Fact]
    public void FunctionResolver_Should_RejectUnknownFunctions_When_Provided()
    {
        static bool Known(string name) => name is "toUpper" or "date.truncate";
        SemanticAnalyzer.Check(CypherParser.Parse("RETURN toUpper('a'), date.truncate('day', x), count(*)".Replace(", x", ", null", StringComparison.Ordinal)), null, Known);
        var e = Assert.Throws<GraphException>(() => SemanticAnalyzer.Check(CypherParser.Parse("RETURN nope(1)"), null, Known));
        Assert.Equal("UnknownFunction", e.Detail);
        Assert.StartsWith("Unknown function 'nope'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ColumnsOf_Should_NameColumnsAsNeo4jDoes_When_Unaliased()
    {
        var q = ((Ast.QueryStatement)CypherParser.Parse("MATCH (n) RETURN n.name, count( * ), n AS node")).Query;
        Assert.Equal(["n.name", "count( * )", "node"], SemanticAnalyzer.ColumnsOf(q)!);
        var star = ((Ast.QueryStatement)CypherParser.Parse("MATCH (b), (a) RETURN *")).Query;
        Assert.Equal(["a", "b"], SemanticAnalyzer.ColumnsOf(star)!);
        var quoted = ((Ast.QueryStatement)CypherParser.Parse("WITH 1 AS `x y` RETURN `x y`")).Query;
        Assert.Equal(["x y"], SemanticAnalyzer.ColumnsOf(quoted)!);
    }
}
