using System.Text.Json;
using System.Text.Json.Serialization;
using KnowledgeGraph.Cypher.Tck.Running;

namespace KnowledgeGraph.Cypher.Tck.Reporting;

/// <summary>The JSON report: totals and one entry per scenario.</summary>
public sealed record TckReport(
    [property: JsonPropertyName("featuresDir")] string FeaturesDir,
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("passed")] int Passed,
    [property: JsonPropertyName("failed")] int Failed,
    [property: JsonPropertyName("scenarios")] IReadOnlyList<TckReportEntry> Scenarios)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        // Every field is written, null included, so readers see the same shape for every scenario.
        WriteIndented = true,
    };

    /// <summary>Builds the report from results.</summary>
    public static TckReport From(string featuresDir, IReadOnlyList<ScenarioResult> results) => new(
        featuresDir,
        results.Count,
        results.Count(r => r.Passed),
        results.Count(r => !r.Passed),
        results.Select(r => new TckReportEntry(
            r.Scenario.Id,
            r.Scenario.FeaturePath,
            r.Scenario.Name,
            r.Scenario.ExampleIndex,
            r.Scenario.Line,
            r.Passed ? "passed" : "failed",
            r.Category,
            r.Reason,
            r.DetailMismatch,
            Math.Round(r.Elapsed.TotalMilliseconds, 1))).ToList());

    /// <summary>Writes the report as indented JSON.</summary>
    public async Task WriteAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await using var stream = File.Create(full);
        await JsonSerializer.SerializeAsync(stream, this, Json, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>One scenario in the JSON report.</summary>
public sealed record TckReportEntry(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("feature")] string Feature,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("exampleIndex")] int? ExampleIndex,
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("category")] string? Category,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("detailMismatch")] string? DetailMismatch,
    [property: JsonPropertyName("ms")] double Milliseconds);
