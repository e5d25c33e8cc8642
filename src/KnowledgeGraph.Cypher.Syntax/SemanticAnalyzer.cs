using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Syntax.Semantics;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Cypher.Syntax;

/// <summary>
/// Compile-time checks of a parsed statement, raising the errors Neo4j raises before running a query and the
/// openCypher TCK expects (variable scoping and types, aggregation rules, CREATE/MERGE pattern rules, SKIP/LIMIT,
/// UNION columns ...). Errors are <see cref="GraphException"/>s with <see cref="ErrorPhase.CompileTime"/> and a
/// TCK <see cref="GraphException.Detail"/>.
/// </summary>
public static class SemanticAnalyzer
{
    /// <summary>Checks <paramref name="statement"/>; <paramref name="resolveProcedure"/> (optional) returns the signature
    /// of a procedure by its dotted name, or null when it does not exist.</summary>
    public static void Check(Statement statement, Func<string, ProcedureSignature?>? resolveProcedure = null)
    {
        ArgumentNullException.ThrowIfNull(statement);
        if (statement is QueryStatement q)
        {
            new Analyzer(resolveProcedure).TopLevel(q.Query);
        }
    }

    /// <summary>The result column names of a query, as Neo4j names them (null when the query returns nothing).</summary>
    public static IReadOnlyList<string>? ColumnsOf(Query query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var single = query is UnionQuery u ? u.Parts().First() : (SingleQuery)query;
        var analyzer = new Analyzer(null);
        return analyzer.AnalyzeSingle(single, new Scope(), SubqueryMode.None).Columns;
    }
}
