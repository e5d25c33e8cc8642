using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Errors;

using KnowledgeGraph.Cypher.Catalog;

namespace KnowledgeGraph.Cypher.Session;

/// <summary>
/// Which database a statement runs on (a leading <c>USE</c>, else the session's) and what the <c>system</c> database
/// accepts: administration commands (SHOW ..., TERMINATE TRANSACTIONS) and calls of procedures that work on system
/// (dbms.components, dbms.showCurrentUser, db.ping, ...), as in Neo4j. Anything else there is refused with Neo4j's
/// error.
/// </summary>
internal static class SystemDatabase
{
    public const string NotSystemDatabaseError = "Neo.ClientError.Statement.NotSystemDatabaseError";

    /// <summary>The canonical database name for the statement; DatabaseNotFound for an unknown one.</summary>
    public static string Resolve(Statement statement, string? sessionDatabase)
    {
        var requested = statement.UseDatabase ?? sessionDatabase;
        return DatabaseCatalog.Canonical(requested) ?? throw DatabaseCatalog.NotFound(requested!);
    }

    public static void Check(Statement statement, string database, GraphDatabase db)
    {
        if (database != DatabaseCatalog.SystemDatabase) return;
        var allowed = statement switch
        {
            ShowCommand or TerminateTransactionsCommand => true,
            QueryStatement { Query: SingleQuery q } => ProcedureCallsOnly(q, db),
            _ => false,
        };
        if (!allowed)
        {
            throw new GraphException(NotSystemDatabaseError,
                "Not a recognised system command or procedure. This Cypher command can only be executed in a user database: " + statement.Text.Trim())
            {
                Phase = ErrorPhase.CompileTime,
                Detail = "NotSystemDatabaseError",
            };
        }
    }

    private static bool ProcedureCallsOnly(SingleQuery q, GraphDatabase db)
    {
        var calls = 0;
        foreach (var clause in q.Clauses)
        {
            switch (clause)
            {
                case CallProcedureClause cp:
                    if (!db.Procedures.TryGetInfo(cp.QualifiedName, out var info) || !info.WorksOnSystem) return false;
                    calls++;
                    break;
                case WithClause or ReturnClause or UnwindClause:
                    break;
                default:
                    return false;
            }
        }
        return calls > 0;
    }
}
