using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Runtime;

/// <summary>
/// Pattern matching and subquery execution as expressions reach them (pattern predicates and comprehensions,
/// <c>shortestPath(...)</c>, <c>EXISTS</c>/<c>COUNT</c>/<c>COLLECT { ... }</c>). The matcher and the executor
/// evaluate expressions themselves, so expressions call back up through this seam rather than naming them: the
/// folders stay a layering (Expressions below Matching below Execution).
/// </summary>
internal interface ISubqueryRunner
{
    /// <summary>Rows binding the path pattern's variables (and <paramref name="pathVariable"/> when given).</summary>
    IEnumerable<Row> MatchPath(PathPattern path, string? pathVariable, Row row, ExecContext ctx);

    /// <summary>The shortest path(s) of <paramref name="part"/>, each bound to <paramref name="pathVariable"/>.</summary>
    IEnumerable<Row> MatchShortest(PatternPart part, string pathVariable, Row row, ExecContext ctx);

    /// <summary>Rows matching a whole pattern (the <c>EXISTS { (a)--(b) }</c> form).</summary>
    IEnumerable<Row> MatchPattern(Pattern pattern, Row row, ExecContext ctx);

    /// <summary>Rows of a full subquery run once for <paramref name="row"/>.</summary>
    IEnumerable<Row> RunSubquery(Query query, Row row, ExecContext ctx);
}
