using System.Runtime.CompilerServices;
using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Cypher.Matching;

/// <summary>
/// WHERE conjuncts on a variable-length path that the walk checks as it goes, as the shortest-path search does, so a
/// branch that can no longer satisfy them is never extended. Recognised for a part of exactly one variable-length
/// relationship between two node patterns, <c>p = (a)-[*m..n]-(b)</c>, each a top-level AND-ed conjunct of the MATCH's
/// WHERE:
/// <list type="bullet">
/// <item><c>all(x IN nodes(p) WHERE P)</c>: every node of the walk must make P true;</item>
/// <item><c>all(x IN nodes(p)[1..-1] WHERE P)</c>: a node the walk goes on from (an inner node) must make P true;</item>
/// <item><c>all(r IN relationships(p) WHERE Q)</c>, or over the relationship list variable: every relationship;</item>
/// <item><c>all(x IN nodes(p) WHERE single(y IN nodes(p) WHERE y = x))</c>: no node twice.</item>
/// </list>
/// P and Q may read only their own variable and variables bound before the MATCH (and parameters), and call no
/// random function. These sets are the same whichever end the walk starts from.
/// Invariant: a walk is cut only when the conjunct is not true for every path that extends it (a WHERE keeps a row only
/// when each conjunct is true; <c>all</c> is true only when every element's predicate is true, so a false or null
/// element is enough). The WHERE is still evaluated on each complete path afterwards, so an element whose predicate
/// raises an error is not used to cut: the WHERE raises it, or not, exactly as without this.
/// </summary>
internal sealed partial class PathPredicates
{
    private PathPredicates(Predicate[] everyNode, Predicate[] innerNodes, Predicate[] everyRelationship, bool distinctNodes, string[] reads,
        HashSet<Expression> conjuncts)
    {
        _conjuncts = conjuncts;
        EveryNode = everyNode;
        InnerNodes = innerNodes;
        EveryRelationship = everyRelationship;
        DistinctNodes = distinctNodes;
        _reads = reads;
        StableParameters = Stability();
    }

    public Predicate[] EveryNode { get; }

    public Predicate[] InnerNodes { get; }

    public Predicate[] EveryRelationship { get; }

    /// <summary>The walk never steps onto a node already on the path.</summary>
    public bool DistinctNodes { get; }

    /// <summary>True when the predicates read no variable but their own element (parameters and literals only), so
    /// what they admit is the same for every row of the statement.</summary>
    public bool ReadsNothing => _reads.Length == 0;

    private Shape? _signature;

    /// <summary>The predicates compared structurally (two branches of one statement written alike are equal).</summary>
    public Shape Signature => _signature ??= new Shape(
        [.. EveryNode.Select(p => (p.Variable, p.Where))],
        [.. InnerNodes.Select(p => (p.Variable, p.Where))],
        [.. EveryRelationship.Select(p => (p.Variable, p.Where))]);

    /// <summary>The element variables and predicates of the three sets, with structural equality (syntax nodes
    /// compare by content, not by where they were written).</summary>
    internal sealed class Shape((string, Expression)[] everyNode, (string, Expression)[] innerNodes, (string, Expression)[] everyRelationship)
        : IEquatable<Shape>
    {
        private readonly (string, Expression)[][] _sets = [everyNode, innerNodes, everyRelationship];
        private int _hash;

        public bool Equals(Shape? other)
        {
            if (other is null) return false;
            if (ReferenceEquals(this, other)) return true;
            for (var i = 0; i < _sets.Length; i++)
                if (!_sets[i].AsSpan().SequenceEqual(other._sets[i])) return false;
            return true;
        }

        public override bool Equals(object? obj) => obj is Shape other && Equals(other);

        public override int GetHashCode()
        {
            if (_hash != 0) return _hash;
            var h = new HashCode();
            foreach (var set in _sets)
            {
                h.Add(set.Length);
                foreach (var item in set) h.Add(item);
            }
            return _hash = h.ToHashCode() | 1;
        }
    }

    /// <summary>Variables the predicates read besides their own: all must be bound in the row before the MATCH.</summary>
    private readonly string[] _reads;

    private sealed record Entry(Expression Where, PathPredicates? Value);

    // Keyed by the part's syntax node (statements are cached as trees, so a repeated statement analyses once); the
    // WHERE is compared by reference because one part belongs to one MATCH.
    private static readonly ConditionalWeakTable<PatternPart, Entry> Cache = new();

    /// <summary>The predicates of <paramref name="where"/> the walk of <paramref name="part"/> can check, or null.</summary>
    public static PathPredicates? For(PatternPart part, Expression? where, Row row)
    {
        if (where is null) return null;
        if (!Cache.TryGetValue(part, out var entry) || !ReferenceEquals(entry.Where, where))
        {
            entry = new Entry(where, Analyse(part, where));
            Cache.AddOrUpdate(part, entry);
        }
        if (entry.Value is not { } value) return null;
        foreach (var v in value._reads)
            if (!row.Has(v)) return null;
        return value;
    }

    /// <summary>The predicates of <paramref name="where"/> the walk of <paramref name="part"/> can check, whatever the
    /// row (the planner checks <see cref="Reads"/> against its scope), or null.</summary>
    public static PathPredicates? Of(PatternPart part, Expression? where) =>
        where is not null && Applies(part, where) && Cache.TryGetValue(part, out var entry) ? entry.Value : null;

    /// <summary>Variables the predicates read besides their own element, in slot order (slot i + 1).</summary>
    public IReadOnlyList<string> Reads => _reads;

    /// <summary>True when the walk of <paramref name="part"/> can check some of <paramref name="where"/> itself (the
    /// planner then leaves the MATCH to the matcher, whose walk cuts early).</summary>
    public static bool Applies(PatternPart part, Expression? where)
    {
        if (where is null) return false;
        if (!Cache.TryGetValue(part, out var entry) || !ReferenceEquals(entry.Where, where))
        {
            entry = new Entry(where, Analyse(part, where));
            Cache.AddOrUpdate(part, entry);
        }
        return entry.Value is not null;
    }

    /// <summary>The WHERE conjuncts this walk checks on every element (see <see cref="CheckedByWalk"/>).</summary>
    private readonly HashSet<Expression> _conjuncts;

    /// <summary>
    /// The WHERE conjuncts the walk of <paramref name="part"/> checks on every element of every path it finds, when it
    /// checks them at all: every variable the pushed predicates read is among <paramref name="rowNames"/> (the row
    /// handed to the matcher; otherwise <see cref="For"/> declines). Each such conjunct is true on a path found while
    /// no pushed predicate failed with an error (<see cref="ExecContext.PathPredicateErrors"/> unchanged since the
    /// walk began): the walk admitted each element only when its predicate was true. Empty when none.
    /// </summary>
    public static IReadOnlySet<Expression> CheckedByWalk(PatternPart part, Expression? where, IReadOnlyCollection<string> rowNames)
    {
        if (where is null || !Applies(part, where) || !Cache.TryGetValue(part, out var entry) || entry.Value is not { } value) return new HashSet<Expression>();
        if (value._reads.Any(r => !rowNames.Contains(r))) return new HashSet<Expression>();
        return value._conjuncts;
    }

    private static PathPredicates? Analyse(PatternPart part, Expression where)
    {
        if (part.Selector is { Kind: not PathSelectorKind.All }) return null;
        var elems = part.Path.Elements;
        if (elems.Count != 3 || elems[0] is not NodePattern || elems[2] is not NodePattern
            || elems[1] is not RelationshipPattern { IsVariableLength: true } rp) return null;
        var path = part.PathVariable;
        var everyNode = new List<(string, Expression)>();
        var inner = new List<(string, Expression)>();
        var rels = new List<(string, Expression)>();
        var distinct = false;
        var conjuncts = new HashSet<Expression>(ReferenceEqualityComparer.Instance);
        var reads = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in AstWalk.Conjuncts(where))
        {
            if (c is not ListPredicate { Kind: ListPredicateKind.All, Where: { } w } lp) continue;
            if (path is not null && IsNodes(lp.Source, path))
            {
                if (IsDistinctIdiom(w, lp.Variable, path))
                {
                    distinct = true;
                    conjuncts.Add(c);
                }
                else if (Pushable(w, lp.Variable, reads))
                {
                    everyNode.Add((lp.Variable, w));
                    conjuncts.Add(c);
                }
            }
            else if (path is not null && lp.Source is SliceAccess { From: { } from, To: { } to } s && IsNodes(s.Target, path) && IsInt(from, 1) && IsInt(to, -1))
            {
                if (Pushable(w, lp.Variable, reads))
                {
                    inner.Add((lp.Variable, w));
                    conjuncts.Add(c);
                }
            }
            else if ((path is not null && IsCall(lp.Source, "relationships", path)) || (rp.Variable is not null && lp.Source is Variable rv && rv.Name == rp.Variable))
            {
                if (Pushable(w, lp.Variable, reads))
                {
                    rels.Add((lp.Variable, w));
                    conjuncts.Add(c);
                }
            }
        }
        if (everyNode.Count == 0 && inner.Count == 0 && rels.Count == 0 && !distinct) return null;
        // The path, the relationship list and the far node are bound by the walk: a predicate reading one is never
        // pushed, because For finds it unbound in the row before the MATCH.
        string[] slots = [.. reads];
        Predicate[] Compiled(List<(string Variable, Expression Where)> list) =>
            [.. list.Select(x => new Predicate(x.Variable, x.Where, Compile(x.Where, x.Variable, slots)))];
        return new PathPredicates(Compiled(everyNode), Compiled(inner), Compiled(rels), distinct, slots, conjuncts);
    }

    private static bool IsNodes(Expression e, string path) => IsCall(e, "nodes", path);

    private static bool IsCall(Expression e, string name, string path) =>
        e is FunctionCall { Namespace.Count: 0, Distinct: false, Arguments: [Variable v] } f
        && f.Name.Equals(name, StringComparison.OrdinalIgnoreCase) && v.Name == path;

    private static bool IsInt(Expression e, long value) => e switch
    {
        Literal { Value: long l } => l == value,
        UnaryExpression { Operator: UnaryOperator.Negate, Operand: Literal { Value: long l } } => -l == value,
        _ => false,
    };

    /// <summary><c>single(y IN nodes(p) WHERE y = x)</c> (either operand order) inside <c>all(x IN nodes(p) …)</c>.
    /// Node equality is never null, so this is true exactly when no node occurs twice.</summary>
    private static bool IsDistinctIdiom(Expression w, string x, string path) =>
        w is ListPredicate { Kind: ListPredicateKind.Single, Variable: var y, Where: BinaryExpression { Operator: BinaryOperator.Equal } eq } single
        && y != x && IsNodes(single.Source, path)
        && ((eq.Left is Variable l1 && l1.Name == y && eq.Right is Variable r1 && r1.Name == x)
            || (eq.Left is Variable l2 && l2.Name == x && eq.Right is Variable r2 && r2.Name == y));

    /// <summary>A predicate the walk may evaluate early: it calls no random function; the variables it reads other
    /// than <paramref name="own"/> are added to <paramref name="reads"/> (checked against the row at run time).</summary>
    private static bool Pushable(Expression w, string own, HashSet<string> reads)
    {
        foreach (var n in SyntaxTree.Descendants(w))
            if (n is FunctionCall f && (f.Name.Equals("rand", StringComparison.OrdinalIgnoreCase) || f.Name.Equals("randomUUID", StringComparison.OrdinalIgnoreCase)))
                return false;
        foreach (var v in AstWalk.VariablesIn(w))
            if (v != own) reads.Add(v);
        return true;
    }

    /// <summary>The slots of the compiled predicates for one walk: slot 0 free for the element, then the values the
    /// predicates read from <paramref name="row"/> (the row before the MATCH).</summary>
    public object?[] Slots(Row row)
    {
        var slots = new object?[_reads.Length + 1];
        for (var i = 0; i < _reads.Length; i++) slots[i + 1] = row[_reads[i]];
        return slots;
    }

    /// <summary>False when some predicate is false or null for <paramref name="value"/> bound to its variable.</summary>
    public static bool Admits(Predicate[] predicates, object value, Row row, object?[] slots, ExecContext ctx)
    {
        foreach (var p in predicates)
        {
            object? result;
            try
            {
                if (p.Compiled is { } compiled)
                {
                    slots[0] = value;
                    result = compiled(slots, ctx);
                }
                else result = Evaluator.Eval(p.Where, row.With(p.Variable, value), ctx);
            }
            catch (GraphException e) when (e.Code is ErrorCodes.TypeError or ErrorCodes.ArgumentError or ErrorCodes.ArithmeticError or ErrorCodes.EntityNotFound)
            {
                // Not used to cut: the WHERE after the match raises it if the path gets there (and a filter that
                // relies on the walk's checks tests this walk's paths in full from now on).
                ctx.PathPredicateErrors++;
                continue;
            }
            if (result is not true) return false;
        }
        return true;
    }
}
