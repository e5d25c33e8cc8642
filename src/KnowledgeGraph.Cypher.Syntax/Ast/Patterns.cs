namespace KnowledgeGraph.Cypher.Syntax.Ast;

/// <summary>A comma-separated list of pattern parts, as in <c>MATCH (a)-->(b), (c)</c>.</summary>
public sealed record Pattern(AstList<PatternPart> Parts) : AstNode;

/// <summary>
/// One pattern part: <c>[p =] [selector] path</c>. <see cref="Selector"/> holds both Neo4j 5 selectors
/// (<c>SHORTEST 2</c>, <c>ALL SHORTEST</c>, <c>ANY</c>) and the legacy <c>shortestPath(...)</c> /
/// <c>allShortestPaths(...)</c> wrappers; null means "all matching paths".
/// </summary>
public sealed record PatternPart(string? PathVariable, PathSelector? Selector, PathPattern Path) : AstNode;

/// <summary>Kinds of path selector.</summary>
public enum PathSelectorKind
{
    /// <summary><c>ALL</c> written explicitly (same as no selector).</summary>
    All,

    /// <summary><c>ANY [k]</c>: any k paths per endpoint pair (k defaults to 1).</summary>
    Any,

    /// <summary><c>SHORTEST k</c> and <c>ANY SHORTEST</c> (k = 1): the k shortest paths per endpoint pair.</summary>
    Shortest,

    /// <summary><c>ALL SHORTEST</c>: every path of the minimal length.</summary>
    AllShortest,

    /// <summary><c>SHORTEST k GROUPS</c>: all paths of the k smallest lengths.</summary>
    ShortestGroups,

    /// <summary>Legacy <c>shortestPath((a)-[*]-(b))</c>: one shortest path.</summary>
    ShortestPathFunction,

    /// <summary>Legacy <c>allShortestPaths((a)-[*]-(b))</c>.</summary>
    AllShortestPathsFunction,
}

/// <summary>A path selector; <see cref="Count"/> is k (1 when not written; null for All / AllShortest).</summary>
public sealed record PathSelector(PathSelectorKind Kind, long? Count) : AstNode;

/// <summary>
/// A path: a sequence of <see cref="NodePattern"/>, <see cref="RelationshipPattern"/> and
/// <see cref="QuantifiedPathPattern"/> elements. Invariants: every relationship sits between two node patterns;
/// a quantified path pattern sits next to node patterns or other quantified patterns (or the ends).
/// A classic chain is node (rel node)*.
/// </summary>
public sealed record PathPattern(AstList<PathElement> Elements) : AstNode
{
    /// <summary>True when the path holds only node and relationship patterns (no parenthesised sub-paths).</summary>
    public bool IsSimpleChain => Elements.All(e => e is not QuantifiedPathPattern);

    /// <summary>The node patterns at top level, in order.</summary>
    public IEnumerable<NodePattern> Nodes => Elements.OfType<NodePattern>();

    /// <summary>The relationship patterns at top level, in order.</summary>
    public IEnumerable<RelationshipPattern> Relationships => Elements.OfType<RelationshipPattern>();
}

/// <summary>An element of a <see cref="PathPattern"/>.</summary>
public abstract record PathElement : AstNode;

/// <summary>
/// <c>(v :Labels {props} WHERE pred)</c>. <see cref="Properties"/> is a <see cref="MapLiteral"/> or a
/// <see cref="Parameter"/>; <see cref="Where"/> is the Neo4j 5 inline predicate.
/// </summary>
public sealed record NodePattern(string? Variable, LabelExpression? Labels, Expression? Properties, Expression? Where) : PathElement;

/// <summary>Direction of a relationship pattern as written, relative to left-to-right reading.</summary>
public enum RelationshipDirection
{
    /// <summary><c>-[]-&gt;</c></summary>
    Outgoing,

    /// <summary><c>&lt;-[]-</c></summary>
    Incoming,

    /// <summary><c>-[]-</c> (either way).</summary>
    Both,

    /// <summary><c>&lt;-[]-&gt;</c>: Neo4j treats it as undirected, like <see cref="Both"/>.</summary>
    Bidirectional,
}

/// <summary>
/// <c>-[v :T1|T2 *min..max {props} WHERE pred]-&gt;</c>. <see cref="Length"/> is the legacy variable length
/// (<c>*</c>, <c>*2</c>, <c>*1..5</c>); <see cref="Quantifier"/> is the Neo4j 5 quantifier written after the
/// relationship (<c>-[:T]-&gt;{1,3}</c>, <c>+</c>, <c>*</c>). At most one of them is set. With either, the
/// variable binds a list of relationships.
/// </summary>
public sealed record RelationshipPattern(
    string? Variable,
    RelationshipDirection Direction,
    LabelExpression? Types,
    VariableLength? Length,
    Expression? Properties,
    Expression? Where,
    Quantifier? Quantifier) : PathElement
{
    /// <summary>True when this relationship can match more (or fewer) than exactly one hop.</summary>
    public bool IsVariableLength => Length is not null || Quantifier is not null;
}

/// <summary>Legacy <c>*min..max</c>; null bounds are open (<c>*</c> = 1..unbounded, <c>*2</c> = 2..2).</summary>
public sealed record VariableLength(long? Min, long? Max) : AstNode;

/// <summary>
/// Neo4j 5 quantifier: <c>{m,n}</c>, <c>{n}</c> (Min = Max = n), <c>{,n}</c> (Min 0), <c>{m,}</c>,
/// <c>+</c> (1..), <c>*</c> (0..). Max null = unbounded.
/// </summary>
public sealed record Quantifier(long Min, long? Max) : AstNode;

/// <summary>
/// <c>((a)-[r]-&gt;(b) WHERE pred){1,3}</c>: a parenthesised path repeated <see cref="Quantifier"/> times
/// (null quantifier = a parenthesised path pattern matched exactly once). Variables inside become group
/// variables (lists) outside.
/// </summary>
public sealed record QuantifiedPathPattern(PathPattern Path, Quantifier? Quantifier, Expression? Where) : PathElement
{
    /// <summary>Path variable written inside the parentheses (<c>(p = (a)--&gt;(b))</c>), rarely used.</summary>
    public string? PathVariable { get; init; }
}

/// <summary>
/// Label / relationship type expression: <c>:A:B</c> (And), <c>:A|B</c> (Or; also the old <c>|:B</c> form),
/// <c>:A&amp;B</c> (And), <c>:!A</c> (Not), <c>:%</c> (any label), parentheses.
/// </summary>
public abstract record LabelExpression : AstNode
{
    /// <summary>The names when the expression is a plain conjunction (<c>:A:B</c> or <c>:A&amp;B</c>), else null.
    /// CREATE / MERGE / SET need this form.</summary>
    public IReadOnlyList<string>? AsConjunction()
    {
        var names = new List<string>();
        return Collect(this, names, and: true) ? names : null;
    }

    /// <summary>The names when the expression is a plain disjunction (<c>:A|B</c>, or one name), else null.
    /// Relationship types are usually written this way.</summary>
    public IReadOnlyList<string>? AsDisjunction()
    {
        var names = new List<string>();
        return Collect(this, names, and: false) ? names : null;
    }

    /// <summary>Every name mentioned anywhere in the expression.</summary>
    public IEnumerable<string> AllNames() => this switch
    {
        LabelName n => [n.Name],
        LabelNot n => n.Operand.AllNames(),
        LabelAnd a => a.Left.AllNames().Concat(a.Right.AllNames()),
        LabelOr o => o.Left.AllNames().Concat(o.Right.AllNames()),
        _ => [],
    };

    private static bool Collect(LabelExpression e, List<string> names, bool and)
    {
        switch (e)
        {
            case LabelName n:
                names.Add(n.Name);
                return true;
            case LabelAnd a when and:
                return Collect(a.Left, names, and) && Collect(a.Right, names, and);
            case LabelOr o when !and:
                return Collect(o.Left, names, and) && Collect(o.Right, names, and);
            default:
                return false;
        }
    }
}

/// <summary>A single label or type name.</summary>
public sealed record LabelName(string Name) : LabelExpression;

/// <summary><c>%</c>: any (at least one) label / any type.</summary>
public sealed record LabelWildcard : LabelExpression;

/// <summary><c>!expr</c>.</summary>
public sealed record LabelNot(LabelExpression Operand) : LabelExpression;

/// <summary><c>left &amp; right</c> or <c>:left:right</c>.</summary>
public sealed record LabelAnd(LabelExpression Left, LabelExpression Right) : LabelExpression
{
    /// <summary>True when written with colons (<c>:A:B</c>) rather than <c>&amp;</c>.</summary>
    public bool ColonForm { get; init; }
}

/// <summary><c>left | right</c> (also <c>left |:right</c>).</summary>
public sealed record LabelOr(LabelExpression Left, LabelExpression Right) : LabelExpression;
