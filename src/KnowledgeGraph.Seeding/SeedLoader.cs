using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;
using KnowledgeGraph.Seeding.Seeds;

namespace KnowledgeGraph.Seeding;

/// <summary>
/// Applies <c>cypher/schema.cypher</c> and then every seed file through <see cref="IGraphDriver"/> (the embedded
/// engine or Neo4j over Bolt alike). Each file is validated completely, then written in one transaction with
/// parameterized MERGE statements, so seeding is idempotent and a bad file loads nothing.
/// </summary>
public sealed class SeedLoader
{
    /// <summary>Applies the schema and loads every <c>*.json</c> file of <paramref name="seedsDirectory"/>, in name order.</summary>
    /// <remarks>
    /// A file that fails validation or whose transaction fails is reported in <see cref="SeedReport.Files"/> and
    /// skipped; the others still load (a later file may only rely on keys of earlier files that loaded).
    /// Schema errors and connection failures propagate.
    /// </remarks>
    public async Task<SeedReport> LoadAsync(IGraphDriver driver, string seedsDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentNullException.ThrowIfNull(seedsDirectory);
        var files = SeedSet.ListFiles(seedsDirectory);

        // Schema commands run one by one in auto-commit transactions (Neo4j forbids mixing them with writes).
        foreach (var statement in SchemaScript.Statements)
            await driver.ExecuteQueryAsync(statement, cancellationToken: cancellationToken).ConfigureAwait(false);

        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        var reports = new List<SeedFileReport>();
        foreach (var path in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var json = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            var file = SeedFileParser.Parse(SeedSet.DisplayName(seedsDirectory, path), json, known);
            reports.Add(await WriteAsync(driver, file, known, cancellationToken).ConfigureAwait(false));
        }
        return new SeedReport(seedsDirectory, SchemaScript.Statements.Count, reports);
    }

    private static async Task<SeedFileReport> WriteAsync(
        IGraphDriver driver, SeedFile file, Dictionary<string, string> known, CancellationToken cancellationToken)
    {
        if (!file.IsValid)
            return new SeedFileReport(file.FileName, false, 0, 0, 0, 0, 0, file.Errors);
        IReadOnlyList<EagerResult> results;
        try
        {
            results = await driver.ExecuteInTransactionAsync(
                    SeedStatements.For(file).Select(s => (s.Query, (IReadOnlyDictionary<string, object?>?)s.Parameters)),
                    cancellationToken: cancellationToken)
                .ConfigureAwait(false);
        }
        catch (GraphException e) when (e.Classification == "ClientError")
        {
            // The transaction rolled back: nothing of this file is in the graph.
            var error = new SeedError(file.FileName, "$", $"write failed, nothing loaded from this file: {e.Code}: {e.Message}");
            return new SeedFileReport(file.FileName, false, file.Nodes.Count, file.Relationships.Count, 0, 0, 0, [error]);
        }
        foreach (var node in file.Nodes) known[node.Key] = node.Label;
        return new SeedFileReport(
            file.FileName,
            true,
            file.Nodes.Count,
            file.Relationships.Count,
            results.Sum(r => r.Summary.Counters.NodesCreated),
            results.Sum(r => r.Summary.Counters.RelationshipsCreated),
            results.Sum(r => r.Summary.Counters.PropertiesSet),
            []);
    }
}
