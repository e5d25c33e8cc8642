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
    /// <summary>
    /// Checks <paramref name="statement"/>. <paramref name="resolveProcedure"/> (optional) returns the signature of a
    /// procedure by its dotted name, or null when it does not exist. <paramref name="functionExists"/> (optional)
    /// tells whether a function name (dotted, as written) is known; unknown ones raise UnknownFunction.
    /// </summary>
    public static void Check(Statement statement, Func<string, ProcedureSignature?>? resolveProcedure = null, Func<string, bool>? functionExists = null)
    {
        ArgumentNullException.ThrowIfNull(statement);
        if (statement is QueryStatement q)
        {
            try
            {
                new Analyzer(resolveProcedure, functionExists).TopLevel(q.Query);
            }
            catch (InsufficientExecutionStackException)
            {
                throw new GraphException(ErrorCodes.SyntaxError, "The query is nested too deeply to be analysed")
                {
                    Phase = ErrorPhase.CompileTime,
                    Detail = "QueryTooComplex",
                };
            }
        }
    }

    /// <summary>The result column names of a query, as Neo4j names them (null when the query returns nothing).</summary>
    public static IReadOnlyList<string>? ColumnsOf(Query query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var single = query is UnionQuery u ? u.Parts().First() : (SingleQuery)query;
        var analyzer = new Analyzer(null, null);
        return analyzer.AnalyzeSingle(single, new Scope(), SubqueryMode.None).Columns;
    }
}
