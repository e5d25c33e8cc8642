using System.Runtime.CompilerServices;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher.Planning;

/// <summary>
/// Built plans kept across statements, as Neo4j's query plan cache: the GraphQL layer sends the same statement text
/// with other parameters on every request, and planning it (chains, seeks, compiled expressions) cost more than
/// running it. Keyed by the query's syntax tree: statements are cached as trees by their text
/// (<c>GraphDatabase.StatementCache</c>, bounded), so an entry lives exactly as long as its statement stays cached.
/// <para>A cached plan is used only when everything the planner read still holds:</para>
/// <list type="bullet">
/// <item>the same indexes and uniqueness constraints (any schema change plans again);</item>
/// <item>the store's counts it estimated from have not diverged: total nodes and relationships and the count of
/// every label and relationship type the query names, each within half of its value then (small counts within
/// <see cref="CountSlack"/>);</item>
/// <item>the same values of what it evaluated while planning (SKIP and LIMIT, usually parameters).</item>
/// </list>
/// Schema and counts are read once per committed snapshot: readers of the same store at the same transaction see the
/// same ones, so the statements after the first skip the count per label and type they name (a writing
/// transaction's reader, which sees its own changes, is always checked).
/// Only plans that keep no state between runs are shared: operators keep per-run state in their enumerators, so
/// one plan may run on many threads at once; a plan with an Argument leaf fed by its Apply (OPTIONAL MATCH sets the
/// outer row on it) or a procedure call is planned per statement. Subquery plans (SubqueryPlan) are shared with their
/// statement's plan: their Arguments read the row from the running statement's own cell, and the SKIP / LIMIT values
/// they evaluated are checked with the statement's. Statements that write, or are explained or profiled
/// (whose operators count rows into their plan nodes), are planned afresh and not cached.
/// </summary>
internal static class PlanCache
{
    /// <summary>Counts closer than this to the planned ones never count as diverged (estimates on tiny graphs
    /// choose the same plans).</summary>
    internal const long CountSlack = 64;

    private static readonly ConditionalWeakTable<SingleQuery, Entry> Entries = new();

    /// <summary>One query's slot: the latest shareable plan, swapped whole (readers see an immutable snapshot).</summary>
    private sealed class Entry(SingleQuery query)
    {
        public readonly string[] Labels = [.. NamedLabels(query, relationships: false)];

        public readonly string[] Types = [.. NamedLabels(query, relationships: true)];

        public volatile Cached? Current;
    }

    /// <summary>A plan and what it was planned from.</summary>
    private sealed record Cached(PlannedQuery Plan, IndexDescriptor[] Indexes, ConstraintDescriptor[] Constraints, long[] Counts,
        PlanArgument[] Arguments)
    {
        /// <summary>The committed snapshot the schema and counts last held for (then they hold for every reader of
        /// it, and a statement skips reading a count per label and type it names), or null.</summary>
        public volatile Snapshot? HeldFor;
    }

    /// <summary>A committed snapshot: its store and the last transaction in it.</summary>
    private sealed record Snapshot(object Store, long TransactionId);

    /// <summary>A value the planner evaluated into the plan (SKIP / LIMIT) and what it was.</summary>
    internal sealed record PlanArgument(Expression Expression, string What, long Value);

    /// <summary>Whether <paramref name="ctx"/>'s statement may use and fill the cache.</summary>
    public static bool Applies(ExecContext ctx) => !ctx.Describing && ctx.Writer is null && !PlanCacheSwitch.IsBypassed;

    /// <summary>The cached plan of <paramref name="q"/> when it is still valid for <paramref name="ctx"/>.</summary>
    public static PlannedQuery? Find(SingleQuery q, ExecContext ctx)
    {
        if (!Entries.TryGetValue(q, out var entry) || entry.Current is not { } cached) return null;
        var reader = ctx.Reader;
        var store = reader.CommittedStore;
        if (store is null || cached.HeldFor is not { } held || !ReferenceEquals(held.Store, store) || held.TransactionId != reader.SnapshotTransactionId)
        {
            if (!SameSchema(cached, reader) || Diverged(cached.Counts, Counts(entry, reader))) return null;
            if (store is not null) cached.HeldFor = new Snapshot(store, reader.SnapshotTransactionId);
        }
        foreach (var argument in cached.Arguments)
        {
            try
            {
                if (SkipLimitOperator.Count(argument.Expression, ctx, argument.What) != argument.Value) return null;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Planning again raises the error where the planner meets it.
                return null;
            }
        }
        return cached.Plan;
    }

    /// <summary>Keeps a plan just made for <paramref name="ctx"/>'s snapshot (replacing an outdated one).</summary>
    public static void Store(SingleQuery q, ExecContext ctx, PlannedQuery plan, IReadOnlyList<PlanArgument> arguments)
    {
        var entry = Entries.GetValue(q, static query => new Entry(query));
        var reader = ctx.Reader;
        entry.Current = new Cached(plan, [.. reader.Indexes], [.. reader.Constraints], Counts(entry, reader), [.. arguments]);
    }

    private static readonly ConditionalWeakTable<SingleQuery, DeclinedPlan> Declines = new();

    /// <summary>A statement the planner did not cover, and the schema it was planned against.</summary>
    private sealed record DeclinedPlan(IndexDescriptor[] Indexes, ConstraintDescriptor[] Constraints);

    /// <summary>True when the planner declined <paramref name="q"/> before under the same indexes and constraints:
    /// it runs interpreted without a second attempt (a decline found deep in a statement, say in a CALL's branch,
    /// cost a quarter of the `paths` statement's CPU per run). What a decline depends on besides the schema (a
    /// subquery's SKIP / LIMIT value that failed) only keeps the statement interpreted, whose answers are the same.</summary>
    public static bool Declined(SingleQuery q, ExecContext ctx) =>
        Declines.TryGetValue(q, out var d) && ctx.Reader.Indexes.SequenceEqual(d.Indexes) && ctx.Reader.Constraints.SequenceEqual(d.Constraints);

    /// <summary>Remembers that the planner declined <paramref name="q"/> under <paramref name="ctx"/>'s schema.</summary>
    public static void Decline(SingleQuery q, ExecContext ctx) =>
        Declines.AddOrUpdate(q, new DeclinedPlan([.. ctx.Reader.Indexes], [.. ctx.Reader.Constraints]));

    /// <summary>Whether a decline of <paramref name="q"/> is remembered, for any schema (tests look at what is kept).</summary>
    internal static bool PeekDeclined(SingleQuery q) => Declines.TryGetValue(q, out _);

    /// <summary>The plan cached for <paramref name="q"/> now, valid or not (tests look at what is kept).</summary>
    internal static PlannedQuery? Peek(SingleQuery q) => Entries.TryGetValue(q, out var entry) ? entry.Current?.Plan : null;

    private static bool SameSchema(Cached cached, IGraphReader reader) =>
        reader.Indexes.SequenceEqual(cached.Indexes) && reader.Constraints.SequenceEqual(cached.Constraints);

    private static long[] Counts(Entry entry, IGraphReader reader)
    {
        var counts = new long[2 + entry.Labels.Length + entry.Types.Length];
        counts[0] = reader.NodeCount;
        counts[1] = reader.RelationshipCount;
        for (var i = 0; i < entry.Labels.Length; i++) counts[2 + i] = reader.CountNodes(entry.Labels[i]);
        for (var i = 0; i < entry.Types.Length; i++) counts[2 + entry.Labels.Length + i] = reader.CountRelationships(entry.Types[i]);
        return counts;
    }

    /// <summary>True when some count moved by more than half of the larger of then and now (and more than the slack).</summary>
    internal static bool Diverged(long[] then, long[] now)
    {
        for (var i = 0; i < then.Length; i++)
        {
            var change = Math.Abs(now[i] - then[i]);
            if (change > CountSlack && change * 2 > Math.Max(then[i], now[i])) return true;
        }
        return false;
    }

    /// <summary>The label (or relationship type) names the query's patterns and label predicates mention, subqueries included.</summary>
    private static IEnumerable<string> NamedLabels(SingleQuery q, bool relationships) => SyntaxTree.Descendants(q)
        .SelectMany(n => n switch
        {
            NodePattern { Labels: { } l } when !relationships => l.AllNames(),
            LabelPredicate { Labels: var l } when !relationships => l.AllNames(),
            RelationshipPattern { Types: { } t } when relationships => t.AllNames(),
            _ => [],
        })
        .Distinct(StringComparer.Ordinal);
}
