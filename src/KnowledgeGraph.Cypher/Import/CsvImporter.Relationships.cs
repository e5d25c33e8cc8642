using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher.Import;

public static partial class CsvImporter
{
    // Per relationship row: the start and end ids are looked up by span (no string), the type by span in a small
    // cache; only property fields are converted. A row makes no allocation unless it has properties or is reported.
    private static void ImportRelationships(GraphBulkLoader bulk, CsvImportInput input, CsvImportOptions options,
        Dictionary<string, ImportIdMap> ids, Action<string> bad, TextWriter progress, CancellationToken ct)
    {
        using var rows = new ImportRows(input, options.Delimiter);
        int? defaultType = input.LabelsOrType.Count > 0 ? bulk.RelationshipType(input.LabelsOrType[0]) : null;
        var types = new Dictionary<string, int>(StringComparer.Ordinal);
        var typeLookup = types.GetAlternateLookup<ReadOnlySpan<char>>();
        ImportColumn[]? columns = null;
        int[] keys = [];
        object?[] values = [];
        var spaces = Array.Empty<ImportIdMap?>();
        var count = 0L;
        while (rows.Next())
        {
            if (++count % 1024 == 0) ct.ThrowIfCancellationRequested();
            if (!ReferenceEquals(columns, rows.Columns))
            {
                columns = rows.Columns;
                keys = new int[columns.Length];
                values = new object?[columns.Length];
                spaces = new ImportIdMap?[columns.Length];
                for (var i = 0; i < columns.Length; i++)
                {
                    if (columns[i].Kind == ColumnKind.Property) keys[i] = bulk.PropertyKey(columns[i].Name!);
                    if (columns[i].Kind is ColumnKind.StartId or ColumnKind.EndId && ids.TryGetValue(columns[i].Group, out var space))
                        spaces[i] = space;
                }
            }
            var csv = rows.Csv;
            var fields = Math.Min(columns.Length, csv.FieldCount);
            Array.Clear(values);
            int startColumn = -1, endColumn = -1;
            var type = defaultType;
            for (var i = 0; i < fields; i++)
            {
                var text = csv.Field(i);
                if (text.Length == 0) continue;
                switch (columns[i].Kind)
                {
                    case ColumnKind.StartId: startColumn = i; break;
                    case ColumnKind.EndId: endColumn = i; break;
                    case ColumnKind.Type:
                        if (!typeLookup.TryGetValue(text, out var token))
                        {
                            var name = text.ToString();
                            types[name] = token = bulk.RelationshipType(name);
                        }
                        type = token;
                        break;
                    case ColumnKind.Property: values[i] = Convert(columns[i], text, options, rows); break;
                }
            }
            long startNode = 0, endNode = 0;
            var problem = type is null ? "no relationship type (no :TYPE field and none given with --relationships=TYPE=...)"
                : !Lookup(startColumn, out startNode) ? $"start node id '{Text(startColumn)}' not found"
                : !Lookup(endColumn, out endNode) ? $"end node id '{Text(endColumn)}' not found"
                : null;
            if (problem is not null)
            {
                if (!options.SkipBadRelationships)
                    throw new InvalidDataException($"{rows.Where}: {problem} (--skip-bad-relationships skips such rows)");
                bad($"{rows.Where}: {problem}; skipped");
                continue;
            }
            bulk.CreateRelationship(startNode, endNode, type!.Value, keys, values);
            if (count % options.ProgressEvery == 0) progress.WriteLine($"relationships: {count:N0} from {input.Files[0]}");
        }

        bool Lookup(int column, out long node)
        {
            node = 0;
            return column >= 0 && spaces[column] is { } space && space.TryGetValue(rows.Csv.Field(column), out node);
        }

        string Text(int column) => column >= 0 ? rows.Csv.Field(column).ToString() : "";
    }
}
