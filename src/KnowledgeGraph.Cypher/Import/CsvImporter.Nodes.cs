using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher.Import;

public static partial class CsvImporter
{
    // Per node row: the id field becomes one string (the id map's key, and the property when the column is named);
    // other fields are read as spans and converted straight into the row's value array, which the loader copies.
    private static void ImportNodes(GraphBulkLoader bulk, CsvImportInput input, CsvImportOptions options,
        Dictionary<string, ImportIdMap> ids, Action<string> bad, TextWriter progress, CancellationToken ct)
    {
        using var rows = new ImportRows(input, options.Delimiter);
        var inputLabels = bulk.Labels(input.LabelsOrType);
        // Label sets by the text of a row's :LABEL fields (with the input's labels), resolved once each.
        var labelSets = new Dictionary<string, BulkLabels>(StringComparer.Ordinal);
        var labelLookup = labelSets.GetAlternateLookup<ReadOnlySpan<char>>();
        ImportColumn[]? columns = null;
        int[] keys = [];
        object?[] values = [];
        var count = 0L;
        while (rows.Next())
        {
            if (++count % 1024 == 0) ct.ThrowIfCancellationRequested();
            if (!ReferenceEquals(columns, rows.Columns))
            {
                columns = rows.Columns;
                keys = new int[columns.Length];
                values = new object?[columns.Length];
                for (var i = 0; i < columns.Length; i++)
                {
                    if (columns[i].Name is { } name && columns[i].Kind is ColumnKind.Property or ColumnKind.Id) keys[i] = bulk.PropertyKey(name);
                }
            }
            var csv = rows.Csv;
            var fields = Math.Min(columns.Length, csv.FieldCount);
            Array.Clear(values);
            var idColumn = -1;
            var labelFields = 0;
            var labelText = ReadOnlySpan<char>.Empty;
            for (var i = 0; i < fields; i++)
            {
                var text = csv.Field(i);
                if (text.Length == 0) continue;
                var column = columns[i];
                switch (column.Kind)
                {
                    case ColumnKind.Id:
                        idColumn = i;
                        if (column.Name is not null) values[i] = text.ToString();
                        break;
                    case ColumnKind.Label:
                        labelFields++;
                        labelText = text;
                        break;
                    case ColumnKind.Property:
                        values[i] = Convert(column, text, options, rows);
                        break;
                }
            }
            var labels = labelFields switch
            {
                0 => inputLabels,
                1 => LabelSet(labelText),
                _ => bulk.Labels([.. input.LabelsOrType, .. Enumerable.Range(0, fields)
                    .Where(i => columns[i].Kind == ColumnKind.Label).SelectMany(i => SplitLabels(rows.Csv.Field(i).ToString(), options))]),
            };
            if (idColumn >= 0)
            {
                var group = columns[idColumn].Group;
                if (!ids.TryGetValue(group, out var space)) ids[group] = space = new ImportIdMap();
                var id = rows.Csv.Field(idColumn);
                ref var slot = ref space.GetOrAdd(id, out var exists);
                if (exists)
                {
                    var message = $"{rows.Where}: duplicate node id '{id}'{(group.Length > 0 ? " in group " + group : "")}";
                    if (!options.SkipDuplicateNodes) throw new InvalidDataException($"{message} (--skip-duplicate-nodes skips such rows)");
                    bad($"{message}; skipped");
                    continue;
                }
                // No other write to the map comes between taking the slot and filling it.
                slot = bulk.CreateNode(labels, keys, values);
            }
            else
            {
                bulk.CreateNode(labels, keys, values);
            }
            if (count % options.ProgressEvery == 0) progress.WriteLine($"nodes: {count:N0} from {input.Files[0]}");
        }

        // One :LABEL field (the usual case) is looked up by its text; the set is resolved once per distinct text.
        BulkLabels LabelSet(ReadOnlySpan<char> text)
        {
            if (labelLookup.TryGetValue(text, out var set)) return set;
            var key = text.ToString();
            return labelSets[key] = bulk.Labels([.. input.LabelsOrType, .. SplitLabels(key, options)]);
        }
    }

    private static string[] SplitLabels(string text, CsvImportOptions options) =>
        text.Split(options.ArrayDelimiter, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
