using System.Collections;
using System.Runtime.CompilerServices;
using KnowledgeGraph.Cypher.Planning;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Execution;

internal static partial class QueryExecutor
{
    /// <summary>
    /// Runs a subquery expression / CALL body with one outer row as input. In a statement that cannot write (no
    /// writer, and the subquery itself does not write) the subquery's pipeline is built once per statement and
    /// re-run for each outer row: building it (clause analysis, pattern set-up, profile nodes) cost more than
    /// running it for the small per-row inputs GraphQL's nested lists give. Invariant this rests on: building a
    /// read-only pipeline never enumerates its input (everything is pulled lazily), so the one-row input can
    /// change between runs; and a run is finished or abandoned before the next one starts (expression subqueries
    /// consume their rows at once) — if not, the later run builds its own pipeline.
    /// </summary>
    public static IEnumerable<Row> RunSubquery(Query q, Row row, ExecContext ctx)
    {
        // Inside a planned statement, the subquery's plan made with the statement's.
        if (SubqueryPlan.TryRows(q, row, ctx) is { } planned) return planned;
        if (ctx.Writer is not null) return Fresh(q, row, ctx);
        // Whether the subquery writes (a procedure that writes) is decided once, with its pipeline's entry.
        var prepared = ctx.Memo(new SubqueryKey(q), () => new PreparedSubquery(QueryWrites(q, ctx)));
        return prepared.Run(q, row, ctx);
    }

    private static IEnumerable<Row> Fresh(Query q, Row row, ExecContext ctx)
    {
        var pipe = Build(q, [row], ctx, row.Names.ToList());
        return Outputs(pipe);
    }

    private static IEnumerable<Row> Outputs(Pipeline pipe)
    {
        if (pipe.Columns.Count == 0) return pipe.Rows;
        return ColumnsOnly(pipe.Rows, [.. pipe.Columns]);
    }

    /// <summary>Each row cut down to the subquery's columns (distinct names): one array per row, no dictionary.</summary>
    private static IEnumerable<Row> ColumnsOnly(IEnumerable<Row> rows, string[] columns)
    {
        foreach (var r in rows)
        {
            var values = new object?[columns.Length];
            for (var i = 0; i < values.Length; i++) values[i] = r[columns[i]];
            yield return Row.FromArrays(columns, values);
        }
    }

    /// <summary>One subquery's pipeline for the statement, built for the outer rows' names it was first run with.</summary>
    private sealed class PreparedSubquery(bool writes)
    {
        private readonly CurrentRow _input = new();
        private Pipeline? _pipe;
        private IReadOnlyList<string>? _names;
        private bool _running;

        public IEnumerable<Row> Run(Query q, Row row, ExecContext ctx)
        {
            // Rows of other shapes (names in another order, another set) or a run overlapping the current one get
            // a pipeline of their own.
            if (writes || _running || (_names is not null && !SameNames(_names, row.Names))) return Fresh(q, row, ctx);
            if (_pipe is null)
            {
                _names = row.Names.ToList();
                _pipe = Build(q, _input, ctx, _names);
            }
            return Rows(_pipe, row);
        }

        private IEnumerable<Row> Rows(Pipeline pipe, Row row)
        {
            _running = true;
            _input.Row = row;
            try
            {
                foreach (var r in Outputs(pipe)) yield return r;
            }
            finally
            {
                _running = false;
                _input.Row = Row.Empty;
            }
        }

        private static bool SameNames(IReadOnlyList<string> a, IReadOnlyList<string> b)
        {
            if (a.Count != b.Count) return false;
            for (var i = 0; i < a.Count; i++)
                if (!string.Equals(a[i], b[i], StringComparison.Ordinal)) return false;
            return true;
        }
    }

    /// <summary>A one-row input whose row is read when it is enumerated, not when the pipeline is built.</summary>
    private sealed class CurrentRow : IReadOnlyList<Row>
    {
        public Row Row { get; set; } = Row.Empty;

        public int Count => 1;

        public Row this[int index] => index == 0 ? Row : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<Row> GetEnumerator()
        {
            yield return Row;
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>The memo key of one subquery: the AST node itself (by reference; equal texts elsewhere are other subqueries).</summary>
    private sealed class SubqueryKey(Query query)
    {
        private readonly Query _query = query;

        public override bool Equals(object? obj) => obj is SubqueryKey other && ReferenceEquals(other._query, _query);

        public override int GetHashCode() => RuntimeHelpers.GetHashCode(_query);
    }
}
