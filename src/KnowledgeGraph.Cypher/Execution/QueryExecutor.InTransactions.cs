using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.QueryErrors;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Cypher.Execution;

/// <summary>
/// <c>CALL { ... } IN TRANSACTIONS [OF n ROWS] [ON ERROR CONTINUE | BREAK | FAIL] [REPORT STATUS AS s]</c>: the input
/// rows are cut into batches (1000 rows unless said), and each batch runs and commits in its own transaction, so a
/// large import holds one batch at a time and what committed stays committed if a later batch fails. Only an
/// auto-commit statement can do this (as in Neo4j). Concurrent transactions run one after another.
/// </summary>
internal static partial class QueryExecutor
{
    private const long DefaultBatchRows = 1000;

    private static IEnumerable<Row> InTransactions(CallSubqueryClause cs, InTransactions it, IEnumerable<Row> rows, ExecContext ctx, IReadOnlyList<string> cols)
    {
        var next = ctx.NextTransaction ?? throw new GraphException(ErrorCodes.TransactionStartFailed,
            "A query with 'CALL { ... } IN TRANSACTIONS' can only be executed in an implicit transaction, but tried to execute in an explicit transaction.");
        var batchRows = BatchRows(it, ctx);
        // The outer query's rows are read first: a commit must not happen under a read that is still going on. The
        // outer query's own writes so far commit with the first batch's transaction boundary, so batches see them.
        var input = rows.ToList();
        next(true);
        var status = it.ReportStatusAs;
        var stopped = false;
        for (var start = 0; start < input.Count; start += batchRows)
        {
            var batch = input.GetRange(start, Math.Min(batchRows, input.Count - start));
            if (stopped)
            {
                // ON ERROR BREAK: the batches after the failed one never start.
                foreach (var row in batch) yield return WithStatus(row, cols, status, Status(false, false, null, null));
                continue;
            }
            var counters = ctx.Counters.Copy();
            var produced = new List<(Row Input, Row Output)>();
            string? error = null;
            try
            {
                if (cols.Count == 0 && BulkBatch(cs, batch, ctx) is { } bulk)
                {
                    // The whole batch through one prepared plan: the same rows in the same order as one CallOnce
                    // per row, without building the body's pipeline per row. A body without RETURN yields its input row.
                    foreach (var _ in bulk) { }
                    foreach (var row in batch) produced.Add((row, row));
                }
                else
                {
                    foreach (var row in batch)
                        foreach (var output in CallOnce(cs, row, ctx, cols))
                            produced.Add((row, output));
                }
            }
            catch (GraphException e) when (it.OnError != OnErrorBehavior.Fail)
            {
                error = e.Message;
            }
            if (error is null)
            {
                var committed = next(true);
                var done = Status(true, true, committed is { } id ? "kg:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null, null);
                foreach (var (_, output) in produced) yield return status is null ? output : output.With(status, done);
                continue;
            }
            next(false);
            ctx.Counters.Restore(counters);
            foreach (var row in batch) yield return WithStatus(row, cols, status, Status(true, false, null, error));
            stopped = it.OnError == OnErrorBehavior.Break;
        }
    }

    /// <summary>The batch's rows through the body's bulk write plan, when the body has that shape (see
    /// <see cref="BulkWritePlan"/>) for these rows; null otherwise.</summary>
    private static IEnumerable<Row>? BulkBatch(CallSubqueryClause cs, List<Row> batch, ExecContext ctx)
    {
        if (cs.Body is not SingleQuery body || batch.Count == 0) return null;
        var inners = batch.ConvertAll(row => ImportedScope(cs, row));
        var scope = inners[0].Names;
        foreach (var inner in inners)
            if (!inner.Names.SequenceEqual(scope, StringComparer.Ordinal)) return null;
        return BulkWritePlan.TryPrepare(body, inners, ctx, scope.ToList()) is { } plan ? plan.Run(inners, ctx) : null;
    }

    /// <summary>The row a CALL body starts from: the imported variables (all of them for the classic form and
    /// <c>CALL (*)</c>), plus LOAD CSV's hidden entries so that <c>linenumber()</c> and <c>file()</c> work inside.</summary>
    private static Row ImportedScope(CallSubqueryClause cs, Row row)
    {
        if (cs.ScopeVariables is null || cs.ScopeAll) return row;
        var vars = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var v in cs.ScopeVariables)
            if (row.TryGet(v, out var value)) vars[v] = value;
        foreach (var hidden in (string[])[Row.CsvLineKey, Row.CsvFileKey])
            if (row.TryGet(hidden, out var value)) vars[hidden] = value;
        return new Row(vars);
    }

    private static int BatchRows(InTransactions it, ExecContext ctx)
    {
        if (it.BatchSize is null) return (int)DefaultBatchRows;
        var value = Evaluator.Eval(it.BatchSize, Row.Empty, ctx);
        if (value is long n && n > 0) return (int)Math.Min(n, int.MaxValue);
        throw Err.Argument($"Invalid input. '{Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "null"}' is not a valid value. Must be a positive integer.", "InvalidArgumentValue");
    }

    /// <summary>An input row of a batch that produced nothing: the subquery's columns are null.</summary>
    private static Row WithStatus(Row row, IReadOnlyList<string> cols, string? status, IReadOnlyDictionary<string, object?> value)
    {
        var result = row.WithMany(cols.Select(c => new KeyValuePair<string, object?>(c, null)));
        return status is null ? result : result.With(status, value);
    }

    private static Dictionary<string, object?> Status(bool started, bool committed, string? transactionId, string? errorMessage) => new(StringComparer.Ordinal)
    {
        ["started"] = started,
        ["committed"] = committed,
        ["transactionId"] = transactionId,
        ["errorMessage"] = errorMessage,
    };
}
