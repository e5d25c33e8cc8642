using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Functions;
using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Planning;

/// <summary>
/// Common subexpressions: an expression written again where its first copy has certainly been evaluated just before,
/// with the same variables, reads that value from a slot instead of evaluating again. The GraphQL <c>paths</c> ranking
/// writes <c>p * coalesce(size(r.origins), size(r.sources), 0) / (coalesce(size(r.origins), size(r.sources), 0) + 1.0)</c>
/// per hop (two property reads saved) and <c>j + 1</c>, <c>size(l) - 1</c>, <c>l[j]</c> several times per loop step.
/// <para>What makes reading the slot give the value evaluating would: (1) a copy is only shared when its subtree is
/// deterministic and reads nothing but its variables, parameters and the graph, which a statement's own expressions
/// do not change (<see cref="Pure"/>: no subquery, pattern, CASE, loop, or function outside a fixed list); (2) the
/// first copy (the store) dominates the later one (the load): walking the tree in the order the compiled delegates
/// evaluate it (<see cref="MemoWalk"/>), every evaluation that reaches the load has evaluated the store since it last
/// entered the scope binding the copies' variables, so no local the copy mentions was rebound in between; a branch
/// (CASE alternative, a loop body, a map projection's entries) sees what was evaluated before it, and what it
/// evaluates is forgotten after it. An error in the store's evaluation stops the expression before the load, as it
/// would have stopped it before the second evaluation.</para>
/// <para>Memo slots are lent by the <see cref="SlotLayout"/> like the locals of loops, and the same invariant holds:
/// only this expression reads them, and always after writing them in the same evaluation.</para>
/// </summary>
internal static partial class ExpressionCompiler
{
    /// <summary>The memo plan of the top-level expression being compiled on this thread (compiling is synchronous).</summary>
    [ThreadStatic] private static MemoPlan? t_memo;

    /// <summary>Functions whose value depends only on their arguments (and the graph), each argument evaluated: a
    /// call of one may be shared. <c>range</c> is left out: as a loop source it is never compiled as a call.</summary>
    private static readonly HashSet<string> PureFunctions = new(StringComparer.Ordinal)
    {
        "size", "coalesce", "head", "last", "tail", "type", "labels", "id", "elementid", "keys", "properties", "length",
        "nodes", "relationships", "startnode", "endnode", "tointeger", "tofloat", "tostring", "toboolean", "tolower",
        "toupper", "trim", "ltrim", "rtrim", "abs", "ceil", "floor", "round", "sign", "sqrt", "exp", "log", "log10",
        "substring", "left", "right", "replace", "split", "reverse", "isempty",
    };

    private sealed class MemoPlan
    {
        /// <summary>Per node object that shares: its memo slot, and whether it writes (first copy) or reads it.</summary>
        public readonly Dictionary<Expression, (int Slot, bool Store)> Roles = new(ReferenceEqualityComparer.Instance);

        /// <summary>Stores that were compiled; a plan whose store was not reached through <see cref="Compile"/>
        /// (a node some case compiles by itself) is dropped.</summary>
        public readonly HashSet<Expression> Compiled = new(ReferenceEqualityComparer.Instance);

        public bool Complete => Roles.Where(r => r.Value.Store).All(r => Compiled.Contains(r.Key));
    }

    /// <summary>Marks a top-level compile without a plan, so that the nested calls do not plan again.</summary>
    private static readonly MemoPlan NoMemo = new();

    /// <summary>Compiles a top-level expression with its memo plan (or none, when nothing repeats, or when the plan
    /// could not be honoured).</summary>
    private static SlotExpression? CompileMemoised(Expression e, Func<string, int?> resolve, SlotLayout layout)
    {
        var plan = PlanMemo(e, layout) ?? NoMemo;
        t_memo = plan;
        try
        {
            var compiled = Compile(e, resolve, null, layout);
            if (compiled is null || plan.Complete) return compiled;
            t_memo = NoMemo;
            return Compile(e, resolve, null, layout);
        }
        finally
        {
            t_memo = null;
        }
    }

    /// <summary>A node with a role in the plan being compiled, as a delegate: a load, or the node compiled and its
    /// value stored (null when the node is not covered).</summary>
    private static SlotExpression? Memoised(MemoPlan memo, Expression e, Func<string, int?> resolve, SlotLayout? layout)
    {
        var (slot, store) = memo.Roles[e];
        if (!store) return (row, _) => row[slot];
        var inner = CompileNode(e, resolve, null, layout);
        if (inner is null) return null;
        memo.Compiled.Add(e);
        return (row, ctx) => row[slot] = inner(row, ctx);
    }

    /// <summary>The memo plan of <paramref name="root"/>, or null when nothing repeats.</summary>
    private static MemoPlan? PlanMemo(Expression root, SlotLayout layout)
    {
        // A node object reached twice in the tree (a rewrite sharing it) has two positions but one identity: it
        // takes no role.
        var seen = new HashSet<AstNode>(ReferenceEqualityComparer.Instance);
        var shared = new HashSet<AstNode>(ReferenceEqualityComparer.Instance);
        foreach (var n in SyntaxTree.Descendants(root).Prepend(root))
            if (!seen.Add(n)) shared.Add(n);
        var walk = new MemoWalk(shared);
        walk.Walk(root, new Scope(null, []));
        if (walk.Loads.Count == 0) return null;
        // A store's value is needed from the store to its last load, or, for a load inside a branch or loop body of
        // the store's scope, to the end of that branch (a loop body runs again: the load with it). Two such spans
        // that do not overlap in the walk do not overlap in any evaluation either (a scope's part of the expression
        // is evaluated as one stretch, once per loop step for a body, and a store runs again before its loads), so
        // they share a slot: rows get only as many memo slots as are live at once.
        var plan = new MemoPlan();
        var ends = new Dictionary<Expression, int>(ReferenceEqualityComparer.Instance);
        foreach (var (_, store, time, at) in walk.Loads)
        {
            var home = walk.Spans[store].Scope;
            var end = time;
            if (at != home)
            {
                var outer = at;
                while (outer.Parent != home) outer = outer.Parent!;
                end = outer.End;
            }
            ends[store] = Math.Max(end, ends.GetValueOrDefault(store));
        }
        var slots = new List<(int Slot, int FreeAfter)>();
        foreach (var (store, end) in ends.OrderBy(x => walk.Spans[x.Key].Start))
        {
            var start = walk.Spans[store].Start;
            var k = slots.FindIndex(s => s.FreeAfter < start);
            if (k < 0)
            {
                slots.Add((layout.Add(), 0));
                k = slots.Count - 1;
            }
            slots[k] = (slots[k].Slot, end);
            plan.Roles[store] = (slots[k].Slot, true);
        }
        foreach (var (load, store, _, _) in walk.Loads) plan.Roles[load] = (plan.Roles[store].Slot, false);
        return plan;
    }

    /// <summary>Expressions evaluated so far in one scope (by structure), with the locals the scope binds: a lookup
    /// does not look past a scope binding a name the expression mentions.</summary>
    private sealed class Scope(Scope? parent, string[] binds)
    {
        private readonly Dictionary<Expression, Expression> _done = [];

        public Expression? Find(Expression e, HashSet<string> names)
        {
            for (var s = this; s is not null; s = s.Parent)
            {
                if (s._done.TryGetValue(e, out var first)) return first;
                if (s.Binds.Any(names.Contains)) return null;
            }
            return null;
        }

        public bool Add(Expression e) => _done.TryAdd(e, e);

        public Scope? Parent { get; } = parent;

        public string[] Binds { get; } = binds;

        /// <summary>When the walk left this scope (the root scope is never left).</summary>
        public int End { get; set; } = int.MaxValue;

        public Scope Branch(params string[] locals) => new(this, locals);
    }

    /// <summary>The walk in evaluation order (see the class summary); each case follows the compiled form's order.</summary>
    private sealed class MemoWalk(HashSet<AstNode> shared)
    {
        /// <summary>Each later copy, the first copy it reads, when the walk met it and in which scope.</summary>
        public readonly List<(Expression Load, Expression Store, int Time, Scope At)> Loads = [];

        /// <summary>Per first copy: when the walk finished it, and the scope it was evaluated in.</summary>
        public readonly Dictionary<Expression, (int Start, Scope Scope)> Spans = new(ReferenceEqualityComparer.Instance);

        private int _time;

        public void Walk(Expression e, Scope scope)
        {
            _time++;
            var pure = !shared.Contains(e) && Pure(e) && e is not (Literal or Variable or Parameter or ListLiteral or MapLiteral);
            HashSet<string>? names = null;
            if (pure)
            {
                names = [.. AstWalk.VariablesIn(e)];
                if (scope.Find(e, names) is { } first)
                {
                    Loads.Add((e, first, _time, scope));
                    return;
                }
            }
            Children(e, scope);
            if (pure && scope.Add(e)) Spans[e] = (_time, scope);
        }

        /// <summary>Walks <paramref name="e"/> in a branch of <paramref name="scope"/> binding <paramref name="locals"/>.</summary>
        private void InBranch(Expression e, Scope scope, params string[] locals) => Close(Walked(e, scope.Branch(locals)));

        private Scope Walked(Expression e, Scope scope)
        {
            Walk(e, scope);
            return scope;
        }

        private Scope Close(Scope scope)
        {
            scope.End = ++_time;
            return scope;
        }

        private void Children(Expression e, Scope scope)
        {
            switch (e)
            {
                case PropertyAccess pa: Walk(pa.Target, scope); break;
                case IndexAccess ia:
                    Walk(ia.Target, scope);
                    Walk(ia.Index, scope);
                    break;
                case SliceAccess sa:
                    Walk(sa.Target, scope);
                    if (sa.From is not null) Walk(sa.From, scope);
                    if (sa.To is not null) Walk(sa.To, scope);
                    break;
                case BinaryExpression { Operator: BinaryOperator.And } chain when Conjuncts(chain) is { Count: > 2 } parts:
                    // A chain of ANDs is compiled as its operands (AllOf): the inner ANDs are never evaluated alone.
                    foreach (var part in parts) Walk(part, scope);
                    break;
                case BinaryExpression b:
                    // Every binary operator of the compiled form evaluates both sides, left first (Binary).
                    Walk(b.Left, scope);
                    Walk(b.Right, scope);
                    break;
                case UnaryExpression u: Walk(u.Operand, scope); break;
                case IsNullExpression n: Walk(n.Operand, scope); break;
                case LabelPredicate lp: Walk(lp.Target, scope); break;
                case ListLiteral list:
                    foreach (var item in list.Items) Walk(item, scope);
                    break;
                case MapLiteral map:
                    foreach (var entry in map.Entries) Walk(entry.Value, scope);
                    break;
                case FunctionCall f:
                    foreach (var arg in f.Arguments) Walk(arg, scope);
                    break;
                case CaseExpression c:
                    {
                        if (c.Subject is not null) Walk(c.Subject, scope);
                        // The first WHEN always runs; each later one only when those before it failed.
                        var chain = scope;
                        for (var i = 0; i < c.Alternatives.Count; i++)
                        {
                            Walk(c.Alternatives[i].When, chain);
                            if (i == 0) chain = scope.Branch();
                            InBranch(c.Alternatives[i].Then, chain);
                        }
                        if (c.Else is not null) InBranch(c.Else, chain);
                        if (chain != scope) Close(chain);
                        break;
                    }
                case ListComprehension lc:
                    {
                        Source(lc.Source, scope);
                        var body = scope.Branch(lc.Variable);
                        if (lc.Where is not null) Walk(lc.Where, body);
                        if (lc.Projection is not null)
                        {
                            if (lc.Where is null) Walk(lc.Projection, body);
                            else InBranch(lc.Projection, body);
                        }
                        Close(body);
                        break;
                    }
                case ListPredicate lp:
                    Source(lp.Source, scope);
                    if (lp.Where is not null) InBranch(lp.Where, scope, lp.Variable);
                    break;
                case ReduceExpression r:
                    {
                        Walk(r.Initial, scope);
                        Source(r.Source, scope);
                        var body = scope.Branch(r.Accumulator, r.Variable);
                        // The appending form evaluates only the pieces of acc + e1 + … + ek, in order (Appending).
                        if (Appended(r) is { } pieces)
                            foreach (var piece in pieces.Items) Walk(piece, body);
                        else Walk(r.Expression, body);
                        Close(body);
                        break;
                    }
                case MapProjection mp:
                    {
                        Walk(mp.Subject, scope);
                        // Entries are evaluated only for a subject that is not null.
                        var entries = scope.Branch();
                        foreach (var item in mp.Items)
                            if (item is LiteralEntry le) Walk(le.Value, entries);
                        Close(entries);
                        break;
                    }
                // Anything else (subqueries, patterns) is opaque: nothing inside it is shared or seen.
            }
        }

        /// <summary>A loop's source as <see cref="LoopSource"/> evaluates it: a <c>range(…)</c> call's arguments
        /// (the call itself is never evaluated), else the expression.</summary>
        private void Source(Expression source, Scope scope)
        {
            if (source is FunctionCall { Namespace.Count: 0, Distinct: false } f && f.Arguments.Count is 2 or 3 && FunctionRegistry.LowerName(f) == "range")
                foreach (var arg in f.Arguments) Walk(arg, scope);
            else Walk(source, scope);
        }
    }

    /// <summary>True when <paramref name="e"/>'s value is fixed by its variables, parameters and the graph, and
    /// evaluating it evaluates each of its parts (no CASE, loop, subquery or pattern inside).</summary>
    private static bool Pure(Expression e) => e switch
    {
        Literal or Variable or Parameter => true,
        ListLiteral list => list.Items.All(Pure),
        MapLiteral map => map.Entries.All(x => Pure(x.Value)),
        PropertyAccess pa => Pure(pa.Target),
        IndexAccess ia => Pure(ia.Target) && Pure(ia.Index),
        SliceAccess sa => Pure(sa.Target) && (sa.From is null || Pure(sa.From)) && (sa.To is null || Pure(sa.To)),
        BinaryExpression b => Pure(b.Left) && Pure(b.Right),
        UnaryExpression u => Pure(u.Operand),
        IsNullExpression n => Pure(n.Operand),
        LabelPredicate lp => Pure(lp.Target),
        FunctionCall f => f.Namespace.Count == 0 && !f.Distinct && PureFunctions.Contains(FunctionRegistry.LowerName(f)) && f.Arguments.All(Pure),
        _ => false,
    };
}
