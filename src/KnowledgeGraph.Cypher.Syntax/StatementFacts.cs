using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Syntax;

/// <summary>
/// What the session asks of a parsed statement before it runs, answered once per (immutable, cached) tree.
/// Whether a clause, query or statement writes: the one answer the analyzer, the executor (its eager barrier) and the
/// session (access mode, query type) all use. A procedure call writes when its declared mode does, as in Neo4j:
/// the <c>procedureWrites</c> argument answers that by qualified name (without it, procedure calls count as reads, which
/// is what the analyzer's grammar rules want: a YIELDing CALL never ends a query, whatever the procedure does).
/// </summary>
public static class StatementFacts
{
    /// <summary>True for CREATE, MERGE, SET, REMOVE, DELETE, FOREACH, a CALL subquery that writes, and a call of a
    /// procedure whose declared mode writes.</summary>
    public static bool IsUpdating(Clause clause, Func<string, bool>? procedureWrites = null)
    {
        ArgumentNullException.ThrowIfNull(clause);
        return clause switch
        {
            CreateClause or MergeClause or SetClause or RemoveClause or DeleteClause or ForeachClause => true,
            CallSubqueryClause c => Updates(c.Body, procedureWrites),
            CallProcedureClause p => procedureWrites?.Invoke(p.QualifiedName) ?? false,
            _ => false,
        };
    }

    /// <summary>True when any clause of the query (any UNION part, nested CALL subqueries included) writes.</summary>
    public static bool Updates(Query query, Func<string, bool>? procedureWrites = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        // Statements are cached as immutable trees and asked again for every run: the answer is kept per tree when
        // no procedure's mode can change it (the same with no procedure writing and with every one writing).
        var known = Known.GetValue(query, static q => new ProcedureIndependence(Walk(q, static _ => false), Walk(q, static _ => true)));
        return known.WhenNone == known.WhenAll ? known.WhenNone : Walk(query, procedureWrites);
    }

    private static bool Walk(Query query, Func<string, bool>? procedureWrites) => query switch
    {
        SingleQuery s => s.Clauses.Any(c => IsUpdating(c, procedureWrites)),
        UnionQuery u => Updates(u.Left, procedureWrites) || Updates(u.Right, procedureWrites),
        _ => false,
    };

    /// <summary>Whether a query writes when no procedure writes and when every procedure does.</summary>
    private sealed record ProcedureIndependence(bool WhenNone, bool WhenAll);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Query, ProcedureIndependence> Known = new();

    /// <summary>True when the statement writes: an updating query, or a schema command (SHOW and TERMINATE
    /// TRANSACTIONS read).</summary>
    public static bool Updates(Statement statement, Func<string, bool>? procedureWrites = null)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return statement switch
        {
            QueryStatement q => Updates(q.Query, procedureWrites),
            ShowCommand or TerminateTransactionsCommand => false,
            SchemaCommand => true,
            _ => false,
        };
    }

    /// <summary>True when the statement holds a <c>CALL { … } IN TRANSACTIONS</c> (only such a statement needs the
    /// session's hook that commits a batch and continues in a new transaction).</summary>
    public static bool UsesInTransactions(Statement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return InTransactionsKnown.GetValue(statement,
            static s => new System.Runtime.CompilerServices.StrongBox<bool>(SyntaxTree.Descendants(s).OfType<InTransactions>().Any())).Value;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Statement, System.Runtime.CompilerServices.StrongBox<bool>> InTransactionsKnown = new();
}
