using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Matching;

/// <summary>
/// The part of a shortest-path predicate that tests each relationship or node on its own, so the search can apply it
/// while it expands instead of enumerating every path and filtering them: the conjuncts
/// <c>all(x IN relationships(p) WHERE f(x))</c>, <c>none(x IN relationships(p) WHERE f(x))</c> and the same over
/// <c>nodes(p)</c> (or over the relationship list variable), where <c>f</c> reads <c>x</c>, the end nodes and
/// variables bound before the MATCH, but not the path. An element passes when <c>f</c> is true (all) or false (none): null fails, as in WHERE.
/// </summary>
internal sealed class ElementFilters
{
    private readonly List<(string Variable, Expression Test, bool Expected)> _rels;
    private readonly List<(string Variable, Expression Test, bool Expected)> _nodes;

    private ElementFilters(List<(string, Expression, bool)> rels, List<(string, Expression, bool)> nodes)
    {
        _rels = rels;
        _nodes = nodes;
    }

    public static ElementFilters None { get; } = new([], []);

    /// <summary>The node tests for one search, which asks about each node only until it is settled.</summary>
    public NodeAdmission Admission(Row row, ExecContext ctx) => new(this, row, ctx);

    public bool RelOk(RelValue rel, Row row, ExecContext ctx) => Passes(_rels, rel, row, ctx);

    public bool NodeOk(long node, Row row, ExecContext ctx) => _nodes.Count == 0 || Passes(_nodes, new NodeValue(node), row, ctx);

    private static bool Passes(List<(string Variable, Expression Test, bool Expected)> tests, object element, Row row, ExecContext ctx)
    {
        foreach (var (variable, test, expected) in tests)
            if (Evaluator.Eval(test, row.With(variable, element), ctx) is not bool b || b != expected) return false;
        return true;
    }

    /// <summary>
    /// Splits the conjuncts of <paramref name="where"/> that read the path (or its relationship list): per-element
    /// tests become filters, the rest (say <c>length(p) &gt; 2</c>) are returned to be tested on whole paths.
    /// Conjuncts that do not read the path are left to the WHERE that runs after the match.
    /// </summary>
    public static (ElementFilters Filters, List<Expression> Residual) Split(Expression? where, PatternPart part, string? pathVar, RelationshipPattern rel)
    {
        var rels = new List<(string, Expression, bool)>();
        var nodes = new List<(string, Expression, bool)>();
        var residual = new List<Expression>();
        if (where is null) return (None, residual);
        var partVars = AstWalk.PartVariables(part).ToHashSet();
        var whole = new HashSet<string>(StringComparer.Ordinal);
        if (pathVar is not null) whole.Add(pathVar);
        if (rel.Variable is not null) whole.Add(rel.Variable);
        foreach (var conjunct in AstWalk.Conjuncts(where))
        {
            if (!AstWalk.VariablesIn(conjunct).Any(whole.Contains)) continue;
            if (conjunct is ListPredicate { Kind: ListPredicateKind.All or ListPredicateKind.None, Where: { } test } lp
                && !partVars.Contains(lp.Variable) && lp.Variable != pathVar
                && !AstWalk.VariablesIn(test).Any(whole.Contains))
            {
                var expected = lp.Kind == ListPredicateKind.All;
                if (IsListOf(lp.Source, "relationships", pathVar) || (lp.Source is Variable rv && rv.Name == rel.Variable))
                {
                    rels.Add((lp.Variable, test, expected));
                    continue;
                }
                if (IsListOf(lp.Source, "nodes", pathVar))
                {
                    nodes.Add((lp.Variable, test, expected));
                    continue;
                }
            }
            residual.Add(conjunct);
        }
        return (rels.Count + nodes.Count == 0 ? None : new ElementFilters(rels, nodes), residual);
    }

    private static bool IsListOf(Expression source, string function, string? pathVar) =>
        pathVar is not null && source is FunctionCall { Namespace.Count: 0, Arguments: [Variable v] } f
        && v.Name == pathVar && f.Name.Equals(function, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The node tests of one search, each node tested at most once while it fails: a rejected node is remembered (a node
/// that passes ends up in the search's own maps, so it is not asked about again).
/// </summary>
internal sealed class NodeAdmission(ElementFilters filters, Row row, ExecContext ctx)
{
    private readonly HashSet<long> _rejected = [];

    public bool Admits(long node)
    {
        if (_rejected.Contains(node)) return false;
        if (filters.NodeOk(node, row, ctx)) return true;
        _rejected.Add(node);
        return false;
    }
}
