using System.Runtime.CompilerServices;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Execution;

/// <summary>
/// A prepared plan for the statement shapes bulk loads use, run row by row without the general path's per-clause
/// Eager buffers and per-row pattern planning:
/// <code>
/// [LOAD CSV … AS row | UNWIND expr AS row]
/// [MATCH (a:L {key: expr, …}), (b:M {key: expr, …})]       -- every part one node, found through an index
/// CREATE pattern | MERGE (n:L {key: expr, …}) [ON CREATE SET … | ON MATCH SET …] | MERGE (a)-[:T {…}]->(b)
/// [SET n.p = expr, …]*
/// </code>
/// (also as the body of <c>CALL { … } IN TRANSACTIONS</c>, where the row comes from the outer query).
/// Streaming gives the same graph as the Eager path only when no clause can observe a later row's writes to an
/// earlier clause; the shape guarantees it: (1) MATCH finds nodes by labels and map properties only, and the write
/// clause creates no node carrying a MATCH label; (2) SET never writes a key used in any pattern's property map, nor
/// a label; (3) every value expression reads only the row's values (the LOAD CSV / UNWIND variable, parameters and
/// imported outer variables holding no node, relationship or path), never the graph: no pattern, no subquery, no
/// property of a matched or written entity. Under (1)-(3) each row's reads see the same graph in both orders, and the
/// writes happen in the same row order, so the resulting graph, counters and errors-that-roll-back are the same.
/// Anything else takes the general path.
/// </summary>
internal sealed partial class BulkWritePlan
{
    private static readonly ConditionalWeakTable<SingleQuery, Holder> Cache = new();

    private BulkWritePlan(Clause? source, IReadOnlyList<SeekPart> seeks, Clause write, IReadOnlyList<SetPropertyItem> sets, SeekPart? mergeSeek,
        IReadOnlySet<string> valueVariables, IReadOnlySet<string> newVariables)
    {
        Source = source;
        Seeks = seeks;
        Write = write;
        Sets = sets;
        MergeSeek = mergeSeek;
        ValueVariables = valueVariables;
        NewVariables = newVariables;
    }

    /// <summary>LOAD CSV, UNWIND, or null (the input rows are the rows).</summary>
    public Clause? Source { get; }

    public IReadOnlyList<SeekPart> Seeks { get; }

    /// <summary>A CREATE or MERGE clause.</summary>
    public Clause Write { get; }

    public IReadOnlyList<SetPropertyItem> Sets { get; }

    /// <summary>For a MERGE of one node: how to find it (through an index).</summary>
    public SeekPart? MergeSeek { get; }

    /// <summary>Variables the value expressions read other than the source's: they must come from the outer scope.</summary>
    private IReadOnlySet<string> ValueVariables { get; }

    /// <summary>Variables the MATCH, CREATE and MERGE bind (and the source's): the outer scope must not hold them.</summary>
    private IReadOnlySet<string> NewVariables { get; }

    /// <summary>One MATCH part (or the MERGE node): a node with labels and a map literal, found by an index seek.</summary>
    internal sealed record SeekPart(string? Variable, IReadOnlyList<string> Labels, IReadOnlyList<MapEntry> Entries);

    private sealed class Holder(BulkWritePlan? plan)
    {
        public BulkWritePlan? Plan { get; } = plan;
    }

    /// <summary>The plan for <paramref name="q"/> with these input rows, or null when the general path must run it.</summary>
    public static BulkWritePlan? TryPrepare(SingleQuery q, IEnumerable<Row> input, ExecContext ctx, IReadOnlyList<string> outerScope)
    {
        if (ctx.Describing || ctx.Writer is null) return null;
        var plan = Cache.GetValue(q, static query => new Holder(Analyse(query))).Plan;
        if (plan is null || plan.NewVariables.Any(outerScope.Contains) || !plan.ValueVariables.All(outerScope.Contains)) return null;
        // Imported outer variables must hold plain values (rule 3): checked on the actual rows.
        if (outerScope.Count > 0)
        {
            if (input is not IReadOnlyList<Row> rows) return null;
            foreach (var row in rows)
                foreach (var value in row.Values)
                    if (HoldsEntity(value)) return null;
        }
        // Every seek must be able to use an index (otherwise each row would scan a label).
        foreach (var seek in plan.Seeks)
            if (!HasIndex(seek, ctx)) return null;
        if (plan.MergeSeek is { } merge && !HasIndex(merge, ctx)) return null;
        return plan;
    }

    private static bool HasIndex(SeekPart part, ExecContext ctx) =>
        part.Labels.Any(l => part.Entries.Any(e => ctx.Reader.FindIndex(l, e.Key) is not null));

    private static bool HoldsEntity(object? value) => value switch
    {
        NodeValue or RelValue or PathValue => true,
        IReadOnlyDictionary<string, object?> map => map.Values.Any(HoldsEntity),
        IReadOnlyList<object?> list when value is not string => list.Any(HoldsEntity),
        _ => false,
    };

    /// <summary>The static part of the shape check, cached per parsed query (the scope is checked per call).</summary>
    private static BulkWritePlan? Analyse(SingleQuery q)
    {
        var clauses = q.Clauses;
        var i = 0;
        Clause? source = null;
        if (i < clauses.Count && clauses[i] is LoadCsvClause or UnwindClause)
            source = clauses[i++];
        MatchClause? match = null;
        if (i < clauses.Count && clauses[i] is MatchClause m)
        {
            match = m;
            i++;
        }
        if (i >= clauses.Count || clauses[i] is not (CreateClause or MergeClause)) return null;
        var write = clauses[i++];
        var sets = new List<SetPropertyItem>();
        for (; i < clauses.Count; i++)
        {
            if (clauses[i] is not SetClause set) return null;
            foreach (var item in set.Items)
            {
                if (item is not SetPropertyItem { Entity: Variable } sp) return null;
                sets.Add(sp);
            }
        }
        return Shape.Check(source, match, write, sets);
    }
}
