namespace KnowledgeGraph.Cypher.Syntax.Ast;

/// <summary>One clause of a <see cref="SingleQuery"/>.</summary>
public abstract record Clause : AstNode;

/// <summary><c>[OPTIONAL] MATCH pattern [USING ...] [WHERE predicate]</c>.</summary>
public sealed record MatchClause(bool Optional, Pattern Pattern, Expression? Where) : Clause
{
    /// <summary>Planner hints (<c>USING INDEX n:L(p)</c>, <c>USING SCAN n:L</c>, <c>USING JOIN ON n</c>), in order.</summary>
    public AstList<UsingHint> Hints { get; init; } = AstList<UsingHint>.Empty;
}

/// <summary>Kinds of <c>USING</c> hint.</summary>
public enum UsingHintKind
{
    Index,
    IndexSeek,
    Scan,
    Join,
}

/// <summary>A planner hint; the engine may ignore it but must accept it.</summary>
public sealed record UsingHint(UsingHintKind Kind, AstList<string> Variables, string? Label, AstList<string> Properties) : AstNode;

/// <summary><c>UNWIND expression AS variable</c>.</summary>
public sealed record UnwindClause(Expression Expression, string Variable) : Clause;

/// <summary><c>WITH [DISTINCT] items [ORDER BY] [SKIP] [LIMIT] [WHERE]</c>.</summary>
public sealed record WithClause(ProjectionBody Body, Expression? Where) : Clause;

/// <summary><c>RETURN [DISTINCT] items [ORDER BY] [SKIP] [LIMIT]</c>.</summary>
public sealed record ReturnClause(ProjectionBody Body) : Clause;

/// <summary>
/// The shared body of WITH and RETURN. <see cref="IncludeExisting"/> is the leading <c>*</c> (all variables in
/// scope, in Neo4j's column order: sorted by name); explicit <see cref="Items"/> follow it.
/// </summary>
public sealed record ProjectionBody(
    bool Distinct,
    bool IncludeExisting,
    AstList<ProjectionItem> Items,
    AstList<SortItem> OrderBy,
    Expression? Skip,
    Expression? Limit) : AstNode;

/// <summary>
/// <c>expression [AS alias]</c>. <see cref="Text"/> is the expression exactly as written (trimmed), which Neo4j
/// uses as the column name when there is no alias, e.g. <c>n.name</c> or <c>count(*)</c>.
/// </summary>
public sealed record ProjectionItem(Expression Expression, string? Alias, string Text) : AstNode
{
    /// <summary>The column / variable name this item produces: the alias, else a variable's own (unquoted) name,
    /// else the expression text.</summary>
    public string Name => Alias ?? (Expression is Variable v ? v.Name : Text);
}

/// <summary><c>expression [ASC|DESC]</c> in ORDER BY.</summary>
public sealed record SortItem(Expression Expression, bool Descending) : AstNode;

/// <summary><c>CREATE pattern</c>.</summary>
public sealed record CreateClause(Pattern Pattern) : Clause;

/// <summary><c>MERGE part [ON CREATE SET ...] [ON MATCH SET ...]</c>.</summary>
public sealed record MergeClause(PatternPart Pattern, AstList<MergeAction> Actions) : Clause;

/// <summary><c>ON CREATE SET items</c> (<see cref="OnCreate"/> true) or <c>ON MATCH SET items</c>.</summary>
public sealed record MergeAction(bool OnCreate, AstList<SetItem> Items) : AstNode;

/// <summary><c>SET item, item, ...</c>.</summary>
public sealed record SetClause(AstList<SetItem> Items) : Clause;

/// <summary>One assignment of SET (or of MERGE's ON CREATE / ON MATCH).</summary>
public abstract record SetItem : AstNode;

/// <summary><c>entity.key = value</c>; <see cref="Entity"/> is usually a variable but may be any expression,
/// e.g. <c>(n).key</c> or <c>n.map.key</c> is not allowed by Neo4j (it wants a node/relationship).</summary>
public sealed record SetPropertyItem(Expression Entity, string Key, Expression Value) : SetItem;

/// <summary><c>entity[keyExpression] = value</c> (Neo4j 5 dynamic property).</summary>
public sealed record SetDynamicPropertyItem(Expression Entity, Expression Key, Expression Value) : SetItem;

/// <summary><c>entity = map</c> (replace all properties) or, with <see cref="Merge"/>, <c>entity += map</c>.</summary>
public sealed record SetPropertiesItem(Expression Entity, Expression Value, bool Merge) : SetItem;

/// <summary><c>n:A:B</c> in SET (labels are added).</summary>
public sealed record SetLabelsItem(string Variable, AstList<string> Labels) : SetItem;

/// <summary><c>REMOVE item, item, ...</c>.</summary>
public sealed record RemoveClause(AstList<RemoveItem> Items) : Clause;

/// <summary>One item of REMOVE.</summary>
public abstract record RemoveItem : AstNode;

/// <summary><c>REMOVE entity.key</c>.</summary>
public sealed record RemovePropertyItem(Expression Entity, string Key) : RemoveItem;

/// <summary><c>REMOVE entity[keyExpression]</c>.</summary>
public sealed record RemoveDynamicPropertyItem(Expression Entity, Expression Key) : RemoveItem;

/// <summary><c>REMOVE n:A:B</c>.</summary>
public sealed record RemoveLabelsItem(string Variable, AstList<string> Labels) : RemoveItem;

/// <summary><c>[DETACH] DELETE expr, expr, ...</c>.</summary>
public sealed record DeleteClause(bool Detach, AstList<Expression> Expressions) : Clause;

/// <summary><c>FOREACH (variable IN list | clause ...)</c>; the inner clauses are updating clauses.</summary>
public sealed record ForeachClause(string Variable, Expression List, AstList<Clause> Clauses) : Clause;

/// <summary>
/// <c>CALL ns.name(args) [YIELD ...] [WHERE ...]</c>. <see cref="Arguments"/> is null when the parentheses are
/// omitted (implicit arguments: taken from parameters of the same names, standalone calls only).
/// <see cref="Standalone"/> is true when the call is the whole query (optionally followed by nothing), which
/// lets it omit YIELD and return all result columns.
/// </summary>
public sealed record CallProcedureClause(
    AstList<string> Namespace,
    string Name,
    AstList<Expression>? Arguments,
    bool YieldAll,
    AstList<YieldItem>? Yield,
    Expression? Where) : Clause
{
    /// <summary>True when this CALL is the only clause of the query.</summary>
    public bool Standalone { get; init; }

    /// <summary>Dotted full name, e.g. <c>db.labels</c>.</summary>
    public string QualifiedName => Namespace.Count == 0 ? Name : string.Join('.', Namespace) + "." + Name;
}

/// <summary><c>field [AS alias]</c> in a YIELD list.</summary>
public sealed record YieldItem(string Field, string? Alias) : AstNode
{
    /// <summary>The variable this item binds.</summary>
    public string Variable => Alias ?? Field;
}

/// <summary>
/// <c>CALL { query }</c> subquery. <see cref="ScopeVariables"/> is null for the classic form (variables imported
/// by a leading <c>WITH a, b</c> inside <see cref="Body"/>); for the Neo4j 5 form <c>CALL (a, b) { ... }</c> it holds the
/// imported names, and <see cref="ScopeAll"/> is true for <c>CALL (*) { ... }</c>.
/// </summary>
public sealed record CallSubqueryClause(Query Body, AstList<string>? ScopeVariables, bool ScopeAll, InTransactions? InTransactions) : Clause
{
    /// <summary>True for <c>OPTIONAL CALL { ... }</c> (Neo4j 5.24+).</summary>
    public bool Optional { get; init; }
}

/// <summary>What <c>IN TRANSACTIONS ... ON ERROR</c> does.</summary>
public enum OnErrorBehavior
{
    Fail,
    Continue,
    Break,
}

/// <summary><c>IN [n CONCURRENT] TRANSACTIONS [OF m ROWS] [ON ERROR ...] [REPORT STATUS AS v]</c>.</summary>
public sealed record InTransactions(Expression? Concurrency, Expression? BatchSize, OnErrorBehavior OnError, string? ReportStatusAs) : AstNode;

/// <summary><c>FINISH</c> (Neo4j 5): ends a query without returning rows.</summary>
public sealed record FinishClause : Clause;
