namespace KnowledgeGraph.Cypher.Syntax.Ast;

/// <summary>An expression. Equality is structural (spans ignored).</summary>
public abstract record Expression : AstNode;

/// <summary>
/// A literal value in the project's value model: <c>long</c>, <c>double</c>, <c>string</c>, <c>bool</c> or null.
/// </summary>
public sealed record Literal(object? Value) : Expression;

/// <summary><c>[a, b, ...]</c>.</summary>
public sealed record ListLiteral(AstList<Expression> Items) : Expression;

/// <summary><c>{k: v, ...}</c>; keys in written order (duplicates: last wins at runtime).</summary>
public sealed record MapLiteral(AstList<MapEntry> Entries) : Expression;

/// <summary>One <c>key: value</c> entry of a map literal.</summary>
public sealed record MapEntry(string Key, Expression Value) : AstNode;

/// <summary><c>$name</c> or <c>$0</c> (Name is "0").</summary>
public sealed record Parameter(string Name) : Expression;

/// <summary>A variable reference.</summary>
public sealed record Variable(string Name) : Expression;

/// <summary><c>target.key</c>.</summary>
public sealed record PropertyAccess(Expression Target, string Key) : Expression;

/// <summary><c>target[index]</c>: list index, map key, or dynamic property of a node / relationship.</summary>
public sealed record IndexAccess(Expression Target, Expression Index) : Expression;

/// <summary><c>target[from..to]</c>; either bound may be omitted.</summary>
public sealed record SliceAccess(Expression Target, Expression? From, Expression? To) : Expression;

/// <summary>Binary operators. Comparison chains <c>a &lt; b &lt; c</c> are parsed as <c>a &lt; b AND b &lt; c</c>.</summary>
public enum BinaryOperator
{
    Or,
    Xor,
    And,
    Equal,
    NotEqual,
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
    RegexMatch,
    StartsWith,
    EndsWith,
    Contains,
    In,
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
    Power,
}

/// <summary><c>left op right</c>.</summary>
public sealed record BinaryExpression(BinaryOperator Operator, Expression Left, Expression Right) : Expression;

/// <summary>Unary operators.</summary>
public enum UnaryOperator
{
    Not,
    Negate,
    Plus,
}

/// <summary><c>NOT x</c>, <c>-x</c>, <c>+x</c>. A negated integer literal is folded into a <see cref="Literal"/>
/// (so <c>-9223372036854775808</c> is valid).</summary>
public sealed record UnaryExpression(UnaryOperator Operator, Expression Operand) : Expression;

/// <summary><c>x IS NULL</c> or (Negated) <c>x IS NOT NULL</c>.</summary>
public sealed record IsNullExpression(Expression Operand, bool Negated) : Expression;

/// <summary><c>n:A:B</c>, <c>n:A|B</c>, <c>r:T</c> used as a predicate.</summary>
public sealed record LabelPredicate(Expression Target, LabelExpression Labels) : Expression;

/// <summary>
/// <c>ns.name([DISTINCT] args)</c>. <see cref="Name"/> keeps the case written; function names are
/// case-insensitive (compare with <see cref="QualifiedName"/> lower-cased). <c>exists(n.prop)</c> is a call
/// named <c>exists</c>.
/// </summary>
public sealed record FunctionCall(AstList<string> Namespace, string Name, bool Distinct, AstList<Expression> Arguments) : Expression
{
    /// <summary>Dotted full name as written, e.g. <c>duration.between</c>.</summary>
    public string QualifiedName => Namespace.Count == 0 ? Name : string.Join('.', Namespace) + "." + Name;
}

/// <summary><c>count(*)</c>.</summary>
public sealed record CountStar : Expression;

/// <summary>
/// <c>CASE [subject] WHEN a THEN b ... [ELSE c] END</c>. With a subject (simple form) each When is compared
/// for equality with the subject; without (generic form) each When is a predicate.
/// </summary>
public sealed record CaseExpression(Expression? Subject, AstList<CaseAlternative> Alternatives, Expression? Else) : Expression;

/// <summary><c>WHEN when THEN then</c>.</summary>
public sealed record CaseAlternative(Expression When, Expression Then) : AstNode;

/// <summary><c>[v IN source WHERE pred | projection]</c>; Where and Projection optional.</summary>
public sealed record ListComprehension(string Variable, Expression Source, Expression? Where, Expression? Projection) : Expression;

/// <summary><c>[p = (a)--&gt;(b) WHERE pred | projection]</c>.</summary>
public sealed record PatternComprehension(string? PathVariable, PathPattern Pattern, Expression? Where, Expression Projection) : Expression;

/// <summary>A relationship pattern used as a boolean predicate, e.g. <c>WHERE (a)--&gt;(:B)</c>: true when it matches.</summary>
public sealed record PatternPredicate(PathPattern Pattern) : Expression;

/// <summary>List predicate functions.</summary>
public enum ListPredicateKind
{
    All,
    Any,
    None,
    Single,
}

/// <summary><c>all(v IN source WHERE pred)</c> and friends. Where may be absent (Neo4j 4 style), then it tests the element itself.</summary>
public sealed record ListPredicate(ListPredicateKind Kind, string Variable, Expression Source, Expression? Where) : Expression;

/// <summary><c>reduce(acc = initial, v IN source | expression)</c>.</summary>
public sealed record ReduceExpression(string Accumulator, Expression Initial, string Variable, Expression Source, Expression Expression) : Expression;

/// <summary>Kinds of subquery expression.</summary>
public enum SubqueryKind
{
    Exists,
    Count,
    Collect,
}

/// <summary>
/// <c>EXISTS { ... }</c>, <c>COUNT { ... }</c>, <c>COLLECT { ... }</c>. Either <see cref="Query"/> is set (a full
/// subquery, possibly with UNION), or <see cref="Pattern"/> (+ optional <see cref="Where"/>) for the short form
/// <c>EXISTS { (a)--&gt;(b) WHERE ... }</c>.
/// </summary>
public sealed record SubqueryExpression(SubqueryKind Kind, Query? Query, Pattern? Pattern, Expression? Where) : Expression;

/// <summary><c>subject { .a, .*, k: expr, v }</c>; subject is a variable in practice.</summary>
public sealed record MapProjection(Expression Subject, AstList<MapProjectionItem> Items) : Expression;

/// <summary>An item of a map projection.</summary>
public abstract record MapProjectionItem : AstNode;

/// <summary><c>.key</c>: the subject's property.</summary>
public sealed record PropertySelector(string Key) : MapProjectionItem;

/// <summary><c>.*</c>: all of the subject's properties.</summary>
public sealed record AllPropertiesSelector : MapProjectionItem;

/// <summary><c>key: expression</c>.</summary>
public sealed record LiteralEntry(string Key, Expression Value) : MapProjectionItem;

/// <summary><c>v</c>: the variable v under key "v".</summary>
public sealed record VariableSelector(string Name) : MapProjectionItem;

/// <summary><c>shortestPath((a)-[*]-(b))</c> / <c>allShortestPaths(...)</c> used as an expression (not in MATCH).</summary>
public sealed record ShortestPathExpression(bool All, PathPattern Pattern) : Expression;

/// <summary>
/// Neo4j 5 type predicate: <c>x IS :: INTEGER</c>, <c>x :: STRING NOT NULL</c>, <c>x IS TYPED LIST&lt;INTEGER&gt;</c>,
/// <c>x IS NOT :: INTEGER | FLOAT</c>. <see cref="Type"/> is the type as normalised text: upper case, single spaces,
/// synonyms kept as written (e.g. <c>INT</c>, <c>BOOL</c>), alternatives joined by <c> | </c>.
/// </summary>
public sealed record TypePredicate(Expression Operand, string Type, bool Negated) : Expression;
