namespace KnowledgeGraph.Cypher.Syntax.Ast;

/// <summary>A schema command (index / constraint management or inspection).</summary>
public abstract record SchemaCommand : Statement;

/// <summary>Whether a schema rule targets nodes (<c>FOR (n:Label)</c>) or relationships (<c>FOR ()-[r:TYPE]-()</c>).</summary>
public enum SchemaEntityKind
{
    Node,
    Relationship,
}

/// <summary>Index kinds; RANGE is the default of <c>CREATE INDEX</c>.</summary>
public enum IndexKind
{
    Range,
    Text,
    Point,
    Lookup,
    Fulltext,
    Vector,
}

/// <summary>
/// <c>CREATE [RANGE|TEXT|...] INDEX [name] [IF NOT EXISTS] FOR (v:Label) ON (v.p1, v.p2) [OPTIONS {...}]</c>,
/// also the legacy <c>CREATE INDEX ON :Label(p)</c> (then <see cref="Variable"/> is null).
/// For LOOKUP indexes <see cref="LabelOrType"/> is null and <see cref="Properties"/> empty.
/// </summary>
public sealed record CreateIndexCommand(
    string? Name,
    bool IfNotExists,
    IndexKind Kind,
    SchemaEntityKind EntityKind,
    string? Variable,
    string? LabelOrType,
    AstList<string> Properties,
    Expression? Options) : SchemaCommand
{
    /// <summary>The labels or types after the first of a FULLTEXT index (<c>FOR (n:A|B|C)</c>: B and C).</summary>
    public AstList<string> AdditionalLabelsOrTypes { get; init; } = AstList<string>.Empty;
}

/// <summary><c>DROP INDEX name [IF EXISTS]</c>, or legacy <c>DROP INDEX ON :Label(p)</c> (Name null).</summary>
public sealed record DropIndexCommand(string? Name, bool IfExists, string? Label, AstList<string> Properties) : SchemaCommand;

/// <summary>Constraint kinds.</summary>
public enum ConstraintKind
{
    /// <summary><c>REQUIRE v.p IS UNIQUE</c> (or <c>IS NODE UNIQUE</c> / <c>IS RELATIONSHIP UNIQUE</c>).</summary>
    Unique,

    /// <summary><c>REQUIRE v.p IS NOT NULL</c>.</summary>
    NotNull,

    /// <summary><c>REQUIRE (v.a, v.b) IS NODE KEY</c> / <c>IS KEY</c>.</summary>
    Key,

    /// <summary><c>REQUIRE v.p IS :: TYPE</c>.</summary>
    PropertyType,
}

/// <summary>
/// <c>CREATE CONSTRAINT [name] [IF NOT EXISTS] FOR (v:Label) REQUIRE v.p IS UNIQUE</c> (and the other kinds;
/// legacy <c>ON (v:Label) ASSERT v.p IS UNIQUE</c> is accepted too). <see cref="PropertyType"/> is the type text
/// of a property-type constraint.
/// </summary>
public sealed record CreateConstraintCommand(
    string? Name,
    bool IfNotExists,
    ConstraintKind Kind,
    SchemaEntityKind EntityKind,
    string Variable,
    string LabelOrType,
    AstList<string> Properties,
    string? PropertyType,
    Expression? Options) : SchemaCommand;

/// <summary><c>DROP CONSTRAINT name [IF EXISTS]</c>.</summary>
public sealed record DropConstraintCommand(string Name, bool IfExists) : SchemaCommand;

/// <summary>What SHOW lists.</summary>
public enum ShowTarget
{
    Indexes,
    Constraints,
    Procedures,
    Functions,
    Databases,
    Transactions,
    Settings,
    Users,
}

/// <summary>
/// <c>SHOW [ALL|RANGE|...] INDEXES | CONSTRAINTS [YIELD * | items [ORDER BY] [SKIP] [LIMIT]] [WHERE pred] [RETURN ...]</c>.
/// <see cref="Filter"/> is the upper-cased type filter word (e.g. <c>RANGE</c>, <c>UNIQUE</c>) or null for all.
/// <see cref="Yield"/> is null when no YIELD was written; <see cref="Return"/> the optional trailing RETURN.
/// </summary>
public sealed record ShowCommand(
    ShowTarget Target,
    string? Filter,
    ProjectionBody? Yield,
    Expression? Where,
    ReturnClause? Return) : SchemaCommand
{
    /// <summary>The name in <c>SHOW DATABASE name</c> (null when listing all).</summary>
    public string? Name { get; init; }

    /// <summary>The ids in <c>SHOW TRANSACTIONS 'neo4j-transaction-1', ...</c> (empty when listing all); each is
    /// a string, a list of strings, or a parameter holding either.</summary>
    public AstList<Expression> Ids { get; init; } = AstList<Expression>.Empty;
}

/// <summary><c>TERMINATE TRANSACTIONS 'neo4j-transaction-42'[, ...] [YIELD ...] [WHERE ...] [RETURN ...]</c>.</summary>
public sealed record TerminateTransactionsCommand(
    AstList<Expression> Ids,
    ProjectionBody? Yield,
    Expression? Where,
    ReturnClause? Return) : SchemaCommand;
