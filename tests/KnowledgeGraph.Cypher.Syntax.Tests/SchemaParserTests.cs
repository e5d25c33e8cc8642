using KnowledgeGraph.Cypher.Syntax.Ast;
using Xunit;

namespace KnowledgeGraph.Cypher.Syntax.Tests;

public sealed class SchemaParserTests
{
    private static T Parse<T>(string text)
        where T : SchemaCommand => Assert.IsType<T>(CypherParser.Parse(text) with { Text = "" });

    [Fact]
    public void CreateIndex_Should_ReadNameTargetAndProperties_When_Written()
    {
        var c = Parse<CreateIndexCommand>("CREATE INDEX person_name IF NOT EXISTS FOR (p:Person) ON (p.name, p.born)");
        Assert.Equal(new CreateIndexCommand("person_name", true, IndexKind.Range, SchemaEntityKind.Node, "p", "Person", ["name", "born"], null), c);
        var rel = Parse<CreateIndexCommand>("CREATE TEXT INDEX FOR ()-[r:KNOWS]-() ON (r.note)");
        Assert.Equal((IndexKind.Text, SchemaEntityKind.Relationship, "KNOWS"), (rel.Kind, rel.EntityKind, rel.LabelOrType));
        var legacy = Parse<CreateIndexCommand>("CREATE INDEX ON :Person(name)");
        Assert.Null(legacy.Variable);
        Assert.Equal(["name"], legacy.Properties);
        Assert.Equal(IndexKind.Lookup, Parse<CreateIndexCommand>("CREATE LOOKUP INDEX FOR (n) ON EACH labels(n)").Kind);
    }

    [Fact]
    public void CreateConstraint_Should_ReadEveryKind_When_Written()
    {
        var unique = Parse<CreateConstraintCommand>("CREATE CONSTRAINT person_key IF NOT EXISTS FOR (p:Person) REQUIRE p.key IS UNIQUE");
        Assert.Equal(new CreateConstraintCommand("person_key", true, ConstraintKind.Unique, SchemaEntityKind.Node, "p", "Person", ["key"], null, null), unique);
        Assert.Equal(ConstraintKind.NotNull, Parse<CreateConstraintCommand>("CREATE CONSTRAINT FOR (p:Person) REQUIRE p.name IS NOT NULL").Kind);
        var key = Parse<CreateConstraintCommand>("CREATE CONSTRAINT FOR (p:Person) REQUIRE (p.a, p.b) IS NODE KEY");
        Assert.Equal((ConstraintKind.Key, 2), (key.Kind, key.Properties.Count));
        Assert.Equal(ConstraintKind.Unique, Parse<CreateConstraintCommand>("CREATE CONSTRAINT ON (p:Person) ASSERT p.key IS UNIQUE").Kind);
        var typed = Parse<CreateConstraintCommand>("CREATE CONSTRAINT FOR (p:Person) REQUIRE p.age IS :: INTEGER");
        Assert.Equal((ConstraintKind.PropertyType, "INTEGER"), (typed.Kind, typed.PropertyType));
    }

    [Fact]
    public void Drop_Should_ReadNameAndIfExists_When_Written()
    {
        Assert.Equal(new DropIndexCommand("idx", true, null, []), Parse<DropIndexCommand>("DROP INDEX idx IF EXISTS"));
        Assert.Equal(new DropConstraintCommand("c", false), Parse<DropConstraintCommand>("DROP CONSTRAINT c"));
        Assert.Equal(new DropIndexCommand(null, false, "L", ["p"]), Parse<DropIndexCommand>("DROP INDEX ON :L(p)"));
    }

    [Theory]
    [InlineData("SHOW INDEXES", ShowTarget.Indexes, null, null)]
    [InlineData("SHOW RANGE INDEXES", ShowTarget.Indexes, "RANGE", null)]
    [InlineData("SHOW ALL CONSTRAINTS", ShowTarget.Constraints, "ALL", null)]
    [InlineData("SHOW PROCEDURES", ShowTarget.Procedures, null, null)]
    [InlineData("SHOW DATABASES", ShowTarget.Databases, null, null)]
    [InlineData("SHOW DATABASE neo4j", ShowTarget.Databases, null, "neo4j")]
    [InlineData("SHOW DEFAULT DATABASE", ShowTarget.Databases, "DEFAULT", null)]
    [InlineData("SHOW TRANSACTIONS", ShowTarget.Transactions, null, null)]
    public void Show_Should_ReadTargetFilterAndName_When_Written(string text, ShowTarget target, string? filter, string? name)
    {
        var show = Parse<ShowCommand>(text);
        Assert.Equal((target, filter, name), (show.Target, show.Filter, show.Name));
        Assert.Equal(show with { Text = "" }, CypherParser.Parse(CypherPrinter.Print(show)) with { Text = "" });
    }

    [Fact]
    public void Show_Should_KeepYieldWhereAndReturn_When_Written()
    {
        var show = Parse<ShowCommand>("SHOW INDEXES YIELD name, type ORDER BY name WHERE type = 'RANGE' RETURN name");
        Assert.Equal(["name", "type"], show.Yield!.Items.Select(i => i.Name));
        Assert.NotNull(show.Where);
        Assert.Single(show.Return!.Body.Items);
    }
}
