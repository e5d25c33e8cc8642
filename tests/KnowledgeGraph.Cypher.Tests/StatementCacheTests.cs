using KnowledgeGraph.Cypher.Session;

namespace KnowledgeGraph.Cypher.Tests;

/// <summary>
/// Parsed statements kept by text (<see cref="StatementRunner.Parse"/>): the same string instance finds its statement
/// by reference (<see cref="RecentStatements"/>), an equal copy by contents; both give the one parsed statement.
/// Registering a procedure forgets both (<c>SubqueryFastPathTests</c> checks the answers then).
/// </summary>
public sealed class StatementCacheTests
{
    [Fact]
    public async Task Parse_Should_GiveTheSameStatement_When_TheTextIsTheSameInstanceOrAnEqualCopy()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var text = "MATCH (n:Person {key: $k}) RETURN n.name AS name";
        var first = StatementRunner.Parse(text, db);
        Assert.Same(first, StatementRunner.Parse(text, db));
        Assert.Same(first, db.RecentStatements.Find(text));
        var copy = new string(text.AsSpan());
        Assert.Null(db.RecentStatements.Find(copy));
        Assert.Same(first, StatementRunner.Parse(copy, db));
        Assert.Same(first, db.RecentStatements.Find(copy));
    }

    [Fact]
    public async Task RegisterProcedure_Should_ForgetRecentStatements_When_ItClearsTheStatementCache()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var text = "RETURN 1 AS x";
        var first = StatementRunner.Parse(text, db);
        Assert.Same(first, StatementRunner.Parse(text, db));
        db.RegisterProcedure(new ProcedureSignature("test.q", [], [new("y", "INTEGER?")]), (_, _) => [[1L]]);
        Assert.Null(db.RecentStatements.Find(text));
        Assert.NotSame(first, StatementRunner.Parse(text, db));
    }
}
