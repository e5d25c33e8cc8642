using System.Diagnostics;
using System.Text;
using KnowledgeGraph.Cypher.LoadCsv;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher.Import;

/// <summary>
/// Offline import of node and relationship CSV files into an empty store, in the spirit of
/// <c>neo4j-admin database import full</c>: Neo4j's header format, one bulk load (no log records; the store writes
/// one checkpoint at the end), progress on a writer, and a report of skipped rows. Node ids live only during the
/// import (a map per id group); an id column with a name is also stored as that property, as Neo4j does.
/// </summary>
public static class CsvImporter
{
    /// <summary>Imports into <paramref name="store"/>, which must hold no node and no relationship.</summary>
    /// <exception cref="InvalidOperationException">The store is not empty.</exception>
    /// <exception cref="InvalidDataException">A header or row is malformed, or there were more bad rows than tolerated.</exception>
    public static async Task<CsvImportResult> RunAsync(GraphStore store, CsvImportOptions options, TextWriter progress, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        using (var reader = store.BeginRead())
        {
            if (reader.NodeCount > 0 || reader.RelationshipCount > 0)
                throw new InvalidOperationException($"the store is not empty ({reader.NodeCount} nodes, {reader.RelationshipCount} relationships): import only fills an empty store; use LOAD CSV to add to one.");
        }
        var clock = Stopwatch.StartNew();
        var ids = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        long bad = 0;
        StreamWriter? report = null;
        void Bad(string line)
        {
            bad++;
            report ??= new StreamWriter(options.ReportFile, append: false, new UTF8Encoding(false));
            report.WriteLine(line);
            if (bad > options.BadTolerance)
                throw new InvalidDataException($"more than {options.BadTolerance} bad rows (--bad-tolerance); see {Path.GetFullPath(options.ReportFile)}");
        }
        try
        {
            await using var bulk = await store.BeginBulkLoadAsync(ct).ConfigureAwait(false);
            foreach (var input in options.Nodes)
                ImportNodes(bulk, input, options, ids, Bad, progress, ct);
            progress.WriteLine($"nodes: {bulk.NodeCount:N0} in {clock.Elapsed.TotalSeconds:0.0} s");
            foreach (var input in options.Relationships)
                ImportRelationships(bulk, input, options, ids, Bad, progress, ct);
            progress.WriteLine($"relationships: {bulk.RelationshipCount:N0} in {clock.Elapsed.TotalSeconds:0.0} s; building adjacency and writing the checkpoint");
            var (nodes, relationships) = (bulk.NodeCount, bulk.RelationshipCount);
            await bulk.CompleteAsync(ct).ConfigureAwait(false);
            progress.WriteLine($"done: {nodes:N0} nodes, {relationships:N0} relationships, {bad:N0} bad rows skipped{(bad > 0 ? " (" + Path.GetFullPath(options.ReportFile) + ")" : "")} in {clock.Elapsed.TotalSeconds:0.0} s");
            return new CsvImportResult(nodes, relationships, bad, clock.Elapsed);
        }
        finally
        {
            report?.Dispose();
        }
    }

    private static void ImportNodes(GraphBulkLoader bulk, CsvImportInput input, CsvImportOptions options,
        Dictionary<string, Dictionary<string, long>> ids, Action<string> bad, TextWriter progress, CancellationToken ct)
    {
        var rows = 0L;
        foreach (var (columns, fields, where) in Rows(input, options))
        {
            if (++rows % 1024 == 0) ct.ThrowIfCancellationRequested();
            var labels = new List<string>(input.LabelsOrType);
            var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
            string? id = null;
            var group = "";
            for (var i = 0; i < columns.Length && i < fields.Count; i++)
            {
                var column = columns[i];
                var text = fields[i];
                if (text.Length == 0) continue;
                switch (column.Kind)
                {
                    case ColumnKind.Id:
                        id = text;
                        group = column.Group;
                        if (column.Name is not null) properties[column.Name] = text;
                        break;
                    case ColumnKind.Label:
                        labels.AddRange(text.Split(options.ArrayDelimiter, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                        break;
                    case ColumnKind.Property:
                        properties[column.Name!] = Convert(column, text, options, where);
                        break;
                }
            }
            if (id is not null)
            {
                if (!ids.TryGetValue(group, out var space)) ids[group] = space = new Dictionary<string, long>(StringComparer.Ordinal);
                if (space.ContainsKey(id))
                {
                    if (!options.SkipDuplicateNodes)
                        throw new InvalidDataException($"{where}: duplicate node id '{id}'{(group.Length > 0 ? " in group " + group : "")} (--skip-duplicate-nodes skips such rows)");
                    bad($"{where}: duplicate node id '{id}'{(group.Length > 0 ? " in group " + group : "")}; skipped");
                    continue;
                }
                space[id] = bulk.CreateNode(labels.Distinct(StringComparer.Ordinal).ToList(), properties);
            }
            else
            {
                bulk.CreateNode(labels.Distinct(StringComparer.Ordinal).ToList(), properties);
            }
            if (rows % options.ProgressEvery == 0) progress.WriteLine($"nodes: {rows:N0} from {input.Files[0]}");
        }
    }

    private static void ImportRelationships(GraphBulkLoader bulk, CsvImportInput input, CsvImportOptions options,
        Dictionary<string, Dictionary<string, long>> ids, Action<string> bad, TextWriter progress, CancellationToken ct)
    {
        var rows = 0L;
        var defaultType = input.LabelsOrType.Count > 0 ? input.LabelsOrType[0] : null;
        foreach (var (columns, fields, where) in Rows(input, options))
        {
            if (++rows % 1024 == 0) ct.ThrowIfCancellationRequested();
            string? start = null, end = null, type = defaultType;
            string startGroup = "", endGroup = "";
            var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < columns.Length && i < fields.Count; i++)
            {
                var column = columns[i];
                var text = fields[i];
                if (text.Length == 0) continue;
                switch (column.Kind)
                {
                    case ColumnKind.StartId: (start, startGroup) = (text, column.Group); break;
                    case ColumnKind.EndId: (end, endGroup) = (text, column.Group); break;
                    case ColumnKind.Type: type = text; break;
                    case ColumnKind.Property: properties[column.Name!] = Convert(column, text, options, where); break;
                }
            }
            long startNode = 0, endNode = 0;
            var problem = type is null ? "no relationship type (no :TYPE field and none given with --relationships=TYPE=...)"
                : start is null || !Lookup(ids, startGroup, start, out startNode) ? $"start node id '{start}' not found"
                : end is null || !Lookup(ids, endGroup, end, out endNode) ? $"end node id '{end}' not found"
                : null;
            if (problem is not null)
            {
                if (!options.SkipBadRelationships)
                    throw new InvalidDataException($"{where}: {problem} (--skip-bad-relationships skips such rows)");
                bad($"{where}: {problem}; skipped");
                continue;
            }
            bulk.CreateRelationship(startNode, endNode, type!, properties);
            if (rows % options.ProgressEvery == 0) progress.WriteLine($"relationships: {rows:N0} from {input.Files[0]}");
        }
    }

    private static bool Lookup(Dictionary<string, Dictionary<string, long>> ids, string group, string id, out long node)
    {
        node = 0;
        return ids.TryGetValue(group, out var space) && space.TryGetValue(id, out node);
    }

    private static object Convert(ImportColumn column, string text, CsvImportOptions options, string where)
    {
        try
        {
            return column.Convert(text, options.ArrayDelimiter);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new InvalidDataException($"{where}: '{text}' is not a valid {column.ValueType} for '{column.Name}'", e);
        }
    }

    /// <summary>The rows of an input's files after the header (the first line of the first file).</summary>
    private static IEnumerable<(ImportColumn[] Columns, List<string> Fields, string Where)> Rows(CsvImportInput input, CsvImportOptions options)
    {
        ImportColumn[]? columns = null;
        foreach (var file in input.Files)
        {
            using var stream = new StreamReader(file, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16, Options = FileOptions.SequentialScan });
            var csv = new CsvRecordReader(stream, options.Delimiter);
            while (csv.Read() is { } record)
            {
                var where = $"{Path.GetFileName(file)}:{csv.RecordLine}";
                if (columns is null)
                {
                    columns = record.Select(f => ImportColumn.Parse(f.Text.Trim(), where)).ToArray();
                    continue;
                }
                yield return (columns, record.Select(f => f.Text).ToList(), where);
            }
        }
    }
}
