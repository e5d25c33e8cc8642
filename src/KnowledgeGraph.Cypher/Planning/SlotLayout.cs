namespace KnowledgeGraph.Cypher.Planning;

/// <summary>
/// The slot layout of one plan: how wide every slot row is. Grows while planning; operators read the final width
/// when they run. Slots are reused by liveness, so rows are as wide as what is live at the widest point of the plan
/// rather than as every variable and expression local of the statement (each operator that copies a row copies
/// all of it):
/// <list type="bullet">
/// <item>A projection ends its input's scope (<see cref="EndScope"/>): once its own operators (ORDER BY, SKIP,
/// LIMIT, WHERE, which may still read the old variables) are planned, the old variables' slots are free for the
/// operators planned after it.</item>
/// <item>A local of an expression (comprehension, quantifier or reduce variable) is live only while that expression
/// is evaluated: after the expression is compiled (<see cref="LendLocals"/>) its slots may serve the locals of
/// other expressions of the same scope, and once the scope ends, anything.</item>
/// </list>
/// Invariants that make this safe: rows flow upwards, so an operator planned later sees a row only after every
/// operator planned before it is done with it, and no operator reads a row it has passed up — except one that keeps
/// rows it streams (Distinct's seen set reads its output rows' slots), whose slots are <see cref="Pin"/>ned. A local
/// is never handed a slot a variable of its own scope could get, since variables of a scope and the expressions over
/// them are planned in no fixed order (a MATCH compiles its predicates as it places them).
/// </summary>
internal sealed class SlotLayout
{
    /// <summary>Slots dead in the scope being planned: variables of ended scopes and locals of their expressions.</summary>
    private readonly Stack<int> _free = new();

    /// <summary>Slots of locals of expressions already compiled in the scope being planned.</summary>
    private readonly Stack<int> _locals = new();

    /// <summary>Slots handed out since <see cref="LendLocals"/> (null outside an expression).</summary>
    private List<int>? _lent;

    private HashSet<int>? _pinned;

    public int Width { get; private set; }

    /// <summary>A slot for a variable, or while an expression is compiled for one of its locals.</summary>
    public int Add()
    {
        var slot = _lent is not null && _locals.Count > 0 ? _locals.Pop() : _free.Count > 0 ? _free.Pop() : Width++;
        _lent?.Add(slot);
        return slot;
    }

    /// <summary>Starts compiling an expression: what <see cref="Add"/> hands out until the returned scope is disposed
    /// are the expression's locals, free for other expressions' locals afterwards. Nested calls join the outer one.</summary>
    public LocalsScope LendLocals()
    {
        if (_lent is not null) return default;
        _lent = [];
        return new LocalsScope(this);
    }

    /// <summary>Ends the expression started by <see cref="LendLocals"/>.</summary>
    public readonly struct LocalsScope(SlotLayout? layout) : IDisposable
    {
        public void Dispose()
        {
            if (layout?._lent is not { } lent) return;
            layout._lent = null;
            foreach (var slot in lent) layout._locals.Push(slot);
        }
    }

    /// <summary>The scope holding <paramref name="dead"/> has ended (every operator that reads them is planned): their
    /// slots and the locals of the scope's expressions are free for whatever is planned next.</summary>
    public void EndScope(IEnumerable<int> dead)
    {
        while (_locals.Count > 0) _free.Push(_locals.Pop());
        foreach (var slot in dead.Distinct())
            if (_pinned?.Contains(slot) != true) _free.Push(slot);
    }

    /// <summary>Keeps <paramref name="slot"/> from ever being reused: an operator reads it in rows it has passed up.</summary>
    public void Pin(int slot) => (_pinned ??= []).Add(slot);
}
