using System.Diagnostics;
using System.Text;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher.Import;

/// <summary>
/// Offline import of node and relationship CSV files into an empty store, in the spirit of
/// <c>neo4j-admin database import full</c>: Neo4j's header format, one bulk load (no log records; the store writes
/// one checkpoint at the end), progress on a writer, and a report of skipped rows. Node ids live only during the
/// import (a map per id group); an id column with a name is also stored as that property, as Neo4j does.
/// </summary>
public static partial class CsvImporter
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
        var ids = new Dictionary<string, ImportIdMap>(StringComparer.Ordinal);
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

    private static object Convert(ImportColumn column, ReadOnlySpan<char> text, CsvImportOptions options, ImportRows rows)
    {
        try
        {
            return column.Convert(text, options.ArrayDelimiter);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new InvalidDataException($"{rows.Where}: '{text}' is not a valid {column.ValueType} for '{column.Name}'", e);
        }
    }
}
