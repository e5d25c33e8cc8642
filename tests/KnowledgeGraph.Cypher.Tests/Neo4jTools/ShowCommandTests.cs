using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Cypher.Tests.Neo4jTools;

/// <summary>SHOW FUNCTIONS / PROCEDURES / DATABASES / INDEXES / CONSTRAINTS with Neo4j 5's columns, and the system database.</summary>
public sealed class ShowCommandTests
{
    private static readonly string[] AllFunctionColumns =
        ["name", "category", "description", "signature", "isBuiltIn", "argumentDescription", "returnDescription", "aggregating", "rolesExecution", "rolesBoostedExecution", "isDeprecated"];

    [Fact]
    public async Task ShowFunctions_Should_ListEveryFunctionTheEngineRuns_When_Asked()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var r = await db.Q("SHOW FUNCTIONS");
        Assert.Equal(["name", "category", "description"], r.Keys);
        var names = r.Column("name").Cast<string>().ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        foreach (var expected in new[] { "toLower", "count", "collect", "date.truncate", "duration.between", "coalesce", "apoc.util.validatePredicate", "apoc.date.convertFormat", "apoc.version" })
            Assert.Contains(expected, names);
        // Every name listed runs: call each zero-argument one, and check the rest resolve at compile time.
        foreach (var name in names.Where(n => n is "pi" or "e" or "rand" or "randomUUID" or "timestamp" or "apoc.version"))
            Assert.Single((await db.Q($"RETURN {name}() AS v")).Records);
        Assert.True(names.Count > 100, $"only {names.Count} functions listed");
    }

    [Fact]
    public async Task ShowFunctions_Should_GiveSignaturesAndArgumentDescriptions_When_YieldingAll()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var r = await db.Q("SHOW FUNCTIONS YIELD *");
        Assert.Equal(AllFunctionColumns, r.Keys);
        var lower = r.Records.Single(x => (string)x["name"]! == "toLower");
        Assert.Equal("toLower(input :: STRING) :: STRING", lower["signature"]);
        Assert.Equal("String", lower["category"]);
        Assert.Equal(true, lower["isBuiltIn"]);
        Assert.Equal("STRING", lower["returnDescription"]);
        var arg = Assert.Single((IReadOnlyList<object?>)lower["argumentDescription"]!);
        Assert.Equal("input", ((IReadOnlyDictionary<string, object?>)arg!)["name"]);
        var count = r.Records.Single(x => (string)x["name"]! == "count");
        Assert.Equal(true, count["aggregating"]);
        var apoc = r.Records.Single(x => (string)x["name"]! == "apoc.util.validatePredicate");
        Assert.Equal(false, apoc["isBuiltIn"]);
        var range = r.Records.Single(x => (string)x["name"]! == "range");
        var step = ((IReadOnlyList<object?>)range["argumentDescription"]!).Cast<IReadOnlyDictionary<string, object?>>().Single(a => (string)a["name"]! == "step");
        Assert.Equal("1", step["default"]);
    }

    [Fact]
    public async Task ShowFunctions_Should_AnswerTheGraphQLLibraryCompatibilityCheck_When_AskedForApoc()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var r = await db.Q("""
            SHOW FUNCTIONS
            YIELD name
            WHERE name IN ["apoc.util.validatePredicate", "apoc.date.convertFormat"]
            RETURN collect(name) as functions
            """);
        Assert.Equal(["apoc.date.convertFormat", "apoc.util.validatePredicate"], ((IReadOnlyList<object?>)Assert.Single(r.Records)["functions"]!).Cast<string>().Order());
    }

    [Theory]
    [InlineData("SHOW BUILT IN FUNCTIONS", false)]
    [InlineData("SHOW USER DEFINED FUNCTIONS", true)]
    [InlineData("SHOW FUNCTIONS EXECUTABLE BY CURRENT USER", null)]
    [InlineData("SHOW ALL FUNCTIONS EXECUTABLE BY neo4j YIELD name", null)]
    public async Task ShowFunctions_Should_FilterByKind_When_AFilterIsWritten(string query, bool? onlyApoc)
    {
        await using var db = GraphDatabase.CreateInMemory();
        var names = (await db.Q(query)).Column("name").Cast<string>().ToList();
        Assert.NotEmpty(names);
        if (onlyApoc == true) Assert.All(names, n => Assert.StartsWith("apoc.", n, StringComparison.Ordinal));
        if (onlyApoc == false) Assert.DoesNotContain(names, n => n.StartsWith("apoc.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ShowProcedures_Should_ListEveryProcedureWithSignature_When_YieldingAll()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var plain = await db.Q("SHOW PROCEDURES");
        Assert.Equal(["name", "description", "mode", "worksOnSystem"], plain.Keys);
        var r = await db.Q("SHOW PROCEDURES EXECUTABLE BY CURRENT USER YIELD *");
        Assert.Equal(["name", "description", "mode", "worksOnSystem", "signature", "argumentDescription", "returnDescription", "admin", "rolesExecution", "rolesBoostedExecution", "isDeprecated", "option"], r.Keys);
        var names = r.Column("name").Cast<string>().ToList();
        foreach (var expected in new[] { "db.labels", "db.relationshipTypes", "db.propertyKeys", "db.ping", "db.info", "dbms.info", "dbms.components", "dbms.showCurrentUser", "dbms.clientConfig", "db.schema.visualization", "db.schema.nodeTypeProperties", "db.schema.relTypeProperties", "apoc.util.validate" })
            Assert.Contains(expected, names);
        var labels = r.Records.Single(x => (string)x["name"]! == "db.labels");
        Assert.Equal("db.labels() :: (label :: STRING)", labels["signature"]);
        Assert.Equal("READ", labels["mode"]);
        var validate = r.Records.Single(x => (string)x["name"]! == "apoc.util.validate");
        Assert.Equal("apoc.util.validate(predicate :: BOOLEAN, message :: STRING, params :: LIST<ANY>) :: VOID", validate["signature"]);
        Assert.Equal(true, r.Records.Single(x => (string)x["name"]! == "dbms.components")["worksOnSystem"]);
    }

    [Fact]
    public async Task ShowProcedures_Should_ListAUserProcedure_When_OneIsRegistered()
    {
        await using var db = GraphDatabase.CreateInMemory();
        db.RegisterProcedure(new ProcedureSignature("test.echo", [new("in", "INTEGER?")], [new("out", "INTEGER?")]), (a, _) => [[a[0]]]);
        var row = Assert.Single((await db.Q("SHOW PROCEDURES YIELD name, signature WHERE name = 'test.echo'")).Records);
        Assert.Equal("test.echo(in :: INTEGER) :: (out :: INTEGER)", row["signature"]);
    }

    [Fact]
    public async Task ShowDatabases_Should_ListNeo4jAndSystem_When_Asked()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var r = await db.Q("SHOW DATABASES");
        Assert.Equal(["name", "type", "aliases", "access", "address", "role", "writer", "requestedStatus", "currentStatus", "statusMessage", "default", "home", "constituents"], r.Keys);
        Assert.Equal(["neo4j", "system"], r.Column("name"));
        Assert.Equal([true, false], r.Column("default"));
        Assert.Equal(["standard", "system"], r.Column("type"));
        Assert.All(r.Column("currentStatus"), s => Assert.Equal("online", s));
    }

    [Theory]
    [InlineData("SHOW DEFAULT DATABASE")]
    [InlineData("SHOW HOME DATABASE")]
    [InlineData("SHOW DATABASE neo4j YIELD name, currentStatus RETURN name")]
    [InlineData("SHOW DATABASES YIELD * WHERE default RETURN name")]
    [InlineData("SHOW DATABASES WHERE name = 'neo4j'")]
    public async Task ShowDatabase_Should_GiveTheNeo4jDatabase_When_AskedForOne(string query)
    {
        await using var db = GraphDatabase.CreateInMemory();
        var r = await db.Q(query);
        Assert.Equal("neo4j", Assert.Single(r.Records)["name"]);
        Assert.DoesNotContain("default", r.Keys.Where(_ => query.StartsWith("SHOW DEFAULT", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ShowDatabase_Should_ReturnNoRow_When_TheNameIsUnknown()
    {
        await using var db = GraphDatabase.CreateInMemory();
        Assert.Empty((await db.Q("SHOW DATABASE nowhere")).Records);
        Assert.Equal(26, (await db.Q("SHOW DATABASES YIELD *")).Keys.Count);
    }

    [Fact]
    public async Task ShowIndexes_Should_GiveOptionsAndCreateStatement_When_YieldingAll()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("CREATE INDEX person_name FOR (p:Person) ON (p.name)");
        await db.Q("CREATE CONSTRAINT country_iso FOR (c:Country) REQUIRE c.iso IS UNIQUE");
        var plain = await db.Q("SHOW INDEXES");
        Assert.Equal(12, plain.Keys.Count);
        var r = await db.Q("SHOW INDEXES YIELD *");
        Assert.Equal(["id", "name", "state", "populationPercent", "type", "entityType", "labelsOrTypes", "properties", "indexProvider", "owningConstraint", "lastRead", "readCount", "trackedSince", "options", "failureMessage", "createStatement"], r.Keys);
        var person = r.Records.Single(x => (string)x["name"]! == "person_name");
        var options = (IReadOnlyDictionary<string, object?>)person["options"]!;
        Assert.Equal("range-1.0", options["indexProvider"]);
        Assert.Empty((IReadOnlyDictionary<string, object?>)options["indexConfig"]!);
        Assert.Equal("CREATE RANGE INDEX `person_name` FOR (n:`Person`) ON (n.`name`)", person["createStatement"]);
        var graphql = await db.Q("SHOW INDEXES YIELD name AS name, type AS type, entityType AS entityType, labelsOrTypes AS labelsOrTypes, properties AS properties, options AS options");
        // The two indexes, and the two token lookup indexes every Neo4j 5 database lists.
        Assert.Equal(["RANGE", "RANGE", "LOOKUP", "LOOKUP"], graphql.Column("type").Cast<string>().OrderByDescending(t => t, StringComparer.Ordinal));
        var constraints = await db.Q("SHOW CONSTRAINTS YIELD *");
        Assert.Equal(["id", "name", "type", "entityType", "labelsOrTypes", "properties", "ownedIndex", "propertyType", "options", "createStatement"], constraints.Keys);
        Assert.Equal("CREATE CONSTRAINT `country_iso` FOR (n:`Country`) REQUIRE (n.`iso`) IS UNIQUE", Assert.Single(constraints.Records)["createStatement"]);
        Assert.Single((await db.Q("SHOW UNIQUE CONSTRAINTS")).Records);
    }

    [Fact]
    public async Task SystemDatabase_Should_RunAdministrationCommandsAndSystemProcedures_When_TheSessionIsOnSystem()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("CREATE (:Person {name: 'Ann'})");
        await using var session = db.OpenSession(new SessionOptions { Database = "system" });
        async Task<EagerResult> Run(string q) => await (await session.RunAsync(q)).ToEagerAsync();
        Assert.Equal(2, (await Run("SHOW DATABASES")).Records.Count);
        Assert.Equal("system", (await Run("SHOW DATABASES")).Summary.Database);
        Assert.Single((await Run("CALL dbms.components() YIELD versions, edition UNWIND versions AS version RETURN version, edition")).Records);
        Assert.Single((await Run("CALL dbms.showCurrentUser()")).Records);
        Assert.Single((await Run("SHOW CURRENT USER")).Records);
        Assert.Equal("system", Assert.Single((await Run("CALL db.info()")).Records)["name"]);
        var self = Assert.Single((await Run("SHOW TRANSACTIONS YIELD database, currentQuery WHERE currentQuery STARTS WITH 'SHOW'")).Records);
        Assert.Equal("system", self["database"]);
        var e = await Assert.ThrowsAsync<GraphException>(() => Run("MATCH (n) RETURN n"));
        Assert.Equal("Neo.ClientError.Statement.NotSystemDatabaseError", e.Code);
        var labels = await Assert.ThrowsAsync<GraphException>(() => Run("CALL db.labels()"));
        Assert.Equal("Neo.ClientError.Statement.NotSystemDatabaseError", labels.Code);
        // The graph is untouched and still answers on neo4j.
        Assert.Single((await db.Q("MATCH (n:Person) RETURN n")).Records);
    }

    [Fact]
    public async Task ShowUsersAndSettings_Should_AnswerWithNeo4jColumns_When_Asked()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var users = await db.Q("SHOW USERS");
        Assert.Equal(["user", "roles", "passwordChangeRequired", "suspended", "home"], users.Keys);
        Assert.Equal("neo4j", Assert.Single(users.Records)["user"]);
        var settings = await db.Q("SHOW SETTINGS");
        Assert.Equal(["name", "value", "isDynamic", "defaultValue", "description"], settings.Keys);
    }

    [Fact]
    public async Task Session_Should_FailWithDatabaseNotFound_When_TheDatabaseIsUnknown()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await using var session = db.OpenSession(new SessionOptions { Database = "movies" });
        var e = await Assert.ThrowsAsync<GraphException>(async () => await (await session.RunAsync("RETURN 1")).ToEagerAsync());
        Assert.Equal(ErrorCodes.DatabaseNotFound, e.Code);
        Assert.Equal("Database does not exist. Database name: 'movies'.", e.Message);
    }
}
