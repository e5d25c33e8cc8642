using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.LoadCsv;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Execution;

internal sealed partial class BulkWritePlan
{
    /// <summary>The statement as a pipeline (no result columns: the shape has no RETURN).</summary>
    public Pipeline ToPipeline(IEnumerable<Row> input, ExecContext ctx, bool topLevel)
    {
        var profile = new ProfileNode(topLevel ? "ProduceResults" : "Create", []);
        return new Pipeline { Rows = Run(input, ctx), Columns = [], Profile = profile };
    }

    /// <summary>Runs every input row through source, seeks, write and sets, one row at a time; yields the rows the
    /// write produced (as the general path does, though no caller reads their values).</summary>
    public IEnumerable<Row> Run(IEnumerable<Row> input, ExecContext ctx)
    {
        // Which index each seek uses is resolved once: the schema cannot change inside one transaction.
        var seeks = Seeks.Select(p => Resolve(p, ctx)).ToArray();
        var mergeSeek = MergeSeek is { } m ? Resolve(m, ctx) : null;
        // Buffers reused across rows (one per MATCH part, as the product recurses): a row makes no iterator and no
        // id list of its own, only the rows it binds.
        var scratch = seeks.Select(s => new SeekScratch(s.Part.Entries.Count)).ToArray();
        var matched = new List<Row>();
        foreach (var row in Sourced(input, ctx))
        {
            matched.Clear();
            Matched(seeks, scratch, row, 0, ctx, matched);
            foreach (var one in matched)
            {
                foreach (var written in Written(mergeSeek, one, ctx))
                {
                    if (Sets.Count > 0) Writes.Set(Sets, written, ctx);
                    yield return written;
                }
            }
        }
    }

    /// <summary>A seek's evaluated map values and the ids it found, reused for every row.</summary>
    private sealed class SeekScratch(int entries)
    {
        public readonly object?[] Values = new object?[entries];
        public readonly List<long> Ids = [];
    }

    private IEnumerable<Row> Sourced(IEnumerable<Row> input, ExecContext ctx)
    {
        switch (Source)
        {
            case LoadCsvClause l:
                return LoadCsvRows.Apply(l, input, ctx);
            case UnwindClause u:
                return QueryExecutor.Unwind(u, input, ctx);
            default:
                return input;
        }
    }

    /// <summary>Adds the rows of the MATCH parts from <paramref name="index"/> on to <paramref name="output"/> (a
    /// product; one row per part when the keys are unique).</summary>
    private static void Matched(ResolvedSeek[] seeks, SeekScratch[] scratch, Row row, int index, ExecContext ctx, List<Row> output)
    {
        if (index == seeks.Length)
        {
            output.Add(row);
            return;
        }
        var seek = seeks[index];
        var ids = scratch[index].Ids;
        ids.Clear();
        SeekInto(seek, row, ctx, scratch[index].Values, ids);
        if (ids.Count == 0) return;
        var variable = seek.Part.Variable!;
        if (ids.Count == 1 && index + 1 == seeks.Length)
        {
            output.Add(row.With(variable, new NodeValue(ids[0])));
            return;
        }
        // The deeper parts reuse their own buffers, not this one: iterate over a copy only when there are several.
        foreach (var id in ids.Count == 1 ? [ids[0]] : ids.ToArray())
            Matched(seeks, scratch, row.With(variable, new NodeValue(id)), index + 1, ctx, output);
    }

    private IEnumerable<Row> Written(ResolvedSeek? mergeSeek, Row row, ExecContext ctx)
    {
        switch (Write)
        {
            case CreateClause create:
                return [Writes.Create(create.Pattern, row, ctx)];
            case MergeClause merge when mergeSeek is not null:
                return MergeNode(merge, mergeSeek, row, ctx);
            case MergeClause merge:
                return Writes.Merge(merge, row, ctx).ToList();
            default:
                throw new InvalidOperationException("not a bulk write");
        }
    }

    /// <summary>MERGE of one node: the nodes the index finds with every label and property, else a new one; the
    /// actions as in <see cref="Writes.Merge"/>.</summary>
    private static List<Row> MergeNode(MergeClause merge, ResolvedSeek seek, Row row, ExecContext ctx)
    {
        Writes.CheckMergeNulls(merge.Pattern, row, ctx);
        var results = new List<Row>();
        var variable = seek.Part.Variable;
        foreach (var id in Seek(seek, row, ctx).ToList())
            results.Add(variable is null ? row : row.With(variable, new NodeValue(id)));
        if (results.Count > 0)
        {
            foreach (var r in results)
                foreach (var a in merge.Actions)
                    if (!a.OnCreate) Writes.Set(a.Items, r, ctx);
            return results;
        }
        var created = Writes.CreatePart(merge.Pattern, row, ctx);
        foreach (var a in merge.Actions)
            if (a.OnCreate) Writes.Set(a.Items, created, ctx);
        return [created];
    }

    /// <summary>A seek part with the index it uses: the first label (in the pattern's order) and the first map key
    /// with an index, as the general matcher chooses; without one (dropped between two batches), a label scan.</summary>
    private sealed record ResolvedSeek(SeekPart Part, string Label, int At);

    private static ResolvedSeek Resolve(SeekPart part, ExecContext ctx)
    {
        foreach (var label in part.Labels)
            for (var i = 0; i < part.Entries.Count; i++)
                if (ctx.Reader.FindIndex(label, part.Entries[i].Key) is not null) return new ResolvedSeek(part, label, i);
        return new ResolvedSeek(part, part.Labels[0], 0);
    }

    /// <summary>The nodes with all of the part's labels whose properties equal the map's values (Cypher equality; a
    /// null value matches nothing).</summary>
    private static IEnumerable<long> Seek(ResolvedSeek seek, Row row, ExecContext ctx)
    {
        var ids = new List<long>();
        SeekInto(seek, row, ctx, new object?[seek.Part.Entries.Count], ids);
        return ids;
    }

    /// <summary><see cref="Seek"/> into caller-owned buffers.</summary>
    private static void SeekInto(ResolvedSeek seek, Row row, ExecContext ctx, object?[] values, List<long> ids)
    {
        var (part, label, at) = seek;
        var entries = part.Entries;
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Evaluator.Eval(entries[i].Value, row, ctx);
            if (values[i] is null) return;
        }
        foreach (var id in ctx.Reader.IndexSeek(label, entries[at].Key, values[at]!))
        {
            ctx.AnchorHit();
            if (ctx.DeletedNodes.Contains(id)) continue;
            var ok = true;
            foreach (var l in part.Labels)
                if (!ReferenceEquals(l, label) && !ctx.Reader.HasLabel(id, l)) { ok = false; break; }
            // Every entry, the sought one too: the index compares as it orders values, Cypher equality decides.
            for (var i = 0; ok && i < entries.Count; i++)
                if (CypherValues.Equal(Output.CheckedNodeProperty(id, entries[i].Key, ctx), values[i]) != true) ok = false;
            if (ok) ids.Add(id);
        }
    }
}
