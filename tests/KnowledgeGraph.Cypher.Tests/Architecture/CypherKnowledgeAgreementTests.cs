using KnowledgeGraph.Cypher.Syntax;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Cypher.Tests.Architecture;

/// <summary>
/// Each piece of Cypher knowledge has one home, and the analyzer and the engine agree on it: the aggregate functions
/// the analyzer knows are the ones the engine runs, and whether a statement writes is decided once (procedures by
/// their declared mode, as Neo4j does) for access-mode checks, write transactions and the query type alike.
/// </summary>
public sealed class CypherKnowledgeAgreementTests
{
    [Fact]
    public async Task EveryAggregateTheAnalyzerKnows_Should_RunInTheEngine()
    {
        await using var db = GraphDatabase.CreateInMemory();
        Assert.True(ExpressionFacts.AggregateFunctions.Count >= 10);
        foreach (var name in ExpressionFacts.AggregateFunctions)
        {
            var call = name.StartsWith("percentile", StringComparison.OrdinalIgnoreCase) ? $"{name}(x, 0.5)" : $"{name}(x)";
            var r = await db.Q($"UNWIND [1, 2, 3] AS x RETURN {call} AS v");
            Assert.Single(r.Records);
            Assert.NotNull(r.Records[0]["v"]);
            // Outside a projection the same name is refused as an aggregate, not as an unknown function.
            var e = await db.Fails($"UNWIND [1, 2, 3] AS x WITH x WHERE {call} > 0 RETURN x");
            Assert.Equal(ErrorCodes.SyntaxError, e.Code);
        }
    }

    [Fact]
    public async Task WriteModeProcedure_Should_BeRefused_When_TheSessionOnlyReads()
    {
        await using var db = GraphDatabase.CreateInMemory();
        db.RegisterProcedure(new ProcedureSignature("test.touch", [], [new("done", "BOOLEAN?")]) { Mode = ProcedureMode.Write },
            (_, _) => [[true]]);
        db.RegisterProcedure(new ProcedureSignature("test.look", [], [new("done", "BOOLEAN?")]), (_, _) => [[true]]);

        var e = await db.Fails("CALL test.touch() YIELD done RETURN done", mode: AccessMode.Read);
        Assert.Equal(ErrorCodes.AccessMode, e.Code);
        var written = await db.Q("CALL test.touch() YIELD done RETURN done");
        Assert.Equal("rw", written.Summary.QueryType);
        var read = await db.Q("CALL test.look() YIELD done RETURN done", mode: AccessMode.Read);
        Assert.Equal("r", read.Summary.QueryType);
    }

    [Fact]
    public void StatementFacts_Should_JudgeProcedureCallsByTheirMode_And_ClausesAlike()
    {
        var call = (QueryStatement)CypherParser.Parse("CALL test.touch() YIELD done RETURN done");
        Assert.False(StatementFacts.Updates(call));
        Assert.True(StatementFacts.Updates(call, name => name == "test.touch"));
        Assert.False(StatementFacts.Updates(call, _ => false));
        Assert.True(StatementFacts.Updates(CypherParser.Parse("MATCH (n) CALL (n) { SET n.x = 1 } RETURN n")));
        Assert.True(StatementFacts.Updates(CypherParser.Parse("CREATE INDEX i FOR (n:L) ON (n.p)")));
        Assert.False(StatementFacts.Updates(CypherParser.Parse("SHOW TRANSACTIONS")));
        Assert.False(StatementFacts.Updates(CypherParser.Parse("MATCH (n) RETURN n UNION MATCH (n) RETURN n")));
    }
}
