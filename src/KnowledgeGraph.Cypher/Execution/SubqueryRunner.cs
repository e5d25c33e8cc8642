using KnowledgeGraph.Cypher.Matching;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Execution;

/// <summary>The engine's <see cref="ISubqueryRunner"/>: the pattern matcher and the query executor.</summary>
internal sealed class SubqueryRunner : ISubqueryRunner
{
    public static readonly SubqueryRunner Instance = new();

    private SubqueryRunner()
    {
    }

    public IEnumerable<Row> MatchPath(PathPattern path, string? pathVariable, Row row, ExecContext ctx) =>
        PatternMatcher.MatchPath(path, pathVariable, row, ctx);

    public IEnumerable<Row> MatchShortest(PatternPart part, string pathVariable, Row row, ExecContext ctx) =>
        PatternMatcher.MatchPart(part, row, ctx, [], pathVariable);

    public IEnumerable<Row> MatchPattern(Pattern pattern, Row row, ExecContext ctx) => PatternMatcher.MatchPattern(pattern, row, ctx);

    public IEnumerable<Row> RunSubquery(Query query, Row row, ExecContext ctx) => QueryExecutor.RunSubquery(query, row, ctx);
}
