using KnowledgeGraph.Driver;
using KnowledgeGraph.Ingestion.Drafting;
using KnowledgeGraph.Seeding;
using KnowledgeGraph.Seeding.Seeds;

namespace KnowledgeGraph.Ingestion;

public sealed partial class DocumentIngestor
{
    // One reload or draft write at a time: two reloads racing would both be correct (seeding is idempotent) but
    // report each other's creations.
    private readonly SemaphoreSlim _seedsLock = new(1, 1);

    /// <summary>
    /// Writes the draft into the seeds directory under its derived name, after validating it as the loader will
    /// see it (with the keys of the files that sort before it). An identical file is left as is; a different one
    /// is never overwritten (the curator may have reviewed it).
    /// </summary>
    private async Task<string> WriteDraftAsync(DocumentInfo document, string draft, CancellationToken cancellationToken)
    {
        var directory = _seeds.RequireDirectory();
        var path = Path.Combine(directory, document.FileName);
        await _seedsLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var known = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var file in SeedSet.ListFiles(directory).Where(f => string.CompareOrdinal(Path.GetFileName(f), document.FileName) < 0))
            {
                var parsed = SeedFileParser.Parse(SeedSet.DisplayName(directory, file), await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false), known);
                if (parsed.IsValid) foreach (var node in parsed.Nodes) known[node.Key] = node.Label;
            }
            var result = SeedFileParser.Parse(SeedSet.DisplayName(directory, path), draft, known);
            if (!result.IsValid)
                throw new IngestionException(IngestionErrorCodes.DraftInvalid,
                    $"the draft would not load from {SeedSet.DisplayName(directory, path)}: {string.Join("; ", result.Errors.Take(5))}");
            if (File.Exists(path))
            {
                if (await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) == draft) return path;
                throw new IngestionException(IngestionErrorCodes.DraftExists,
                    $"{SeedSet.DisplayName(directory, path)} exists with other content; move it away or ingest under another title.");
            }
            var temp = path + ".tmp";
            await File.WriteAllTextAsync(temp, draft, cancellationToken).ConfigureAwait(false);
            File.Move(temp, path);
            return path;
        }
        finally
        {
            _seedsLock.Release();
        }
    }

    /// <summary>
    /// Loads every seed file again through the seeder (schema, then each file in one MERGE transaction), so reviewed
    /// drafts appear without a restart. Idempotent: a second run creates nothing. Reads the lexicon again too.
    /// </summary>
    public async Task<SeedReport> ReloadSeedsAsync(IGraphDriver driver, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(driver);
        var directory = _seeds.RequireDirectory();
        await _seedsLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var report = await new SeedLoader().LoadAsync(driver, directory, cancellationToken).ConfigureAwait(false);
            ReloadLexicon();
            return report;
        }
        finally
        {
            _seedsLock.Release();
        }
    }
}
