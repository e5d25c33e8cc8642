using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KnowledgeGraph.Cypher.Tck.Running;

namespace KnowledgeGraph.Cypher.Tck.Reporting;

/// <summary>
/// A categorized view of the failures for the engine's developers: pass rate per feature folder, the failure
/// categories in each folder, and the most frequent failure messages (with literals blanked so alike messages group).
/// </summary>
public static partial class FailureSummary
{
    /// <summary>Renders the summary as plain text.</summary>
    public static string Render(IReadOnlyList<ScenarioResult> results, int topMessages = 40)
    {
        ArgumentNullException.ThrowIfNull(results);
        var sb = new StringBuilder();
        var passed = results.Count(r => r.Passed);
        sb.AppendLine(CultureInfo.InvariantCulture, $"TCK: {passed} passed, {results.Count - passed} failed of {results.Count} ({Percent(passed, results.Count)})");
        sb.AppendLine(CultureInfo.InvariantCulture, $"written {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        sb.AppendLine();

        sb.AppendLine("== Failure categories (all folders)");
        foreach (var g in results.Where(r => !r.Passed).GroupBy(r => r.Category ?? "?").OrderByDescending(g => g.Count()))
            sb.AppendLine(CultureInfo.InvariantCulture, $"{g.Count(),5}  {g.Key}");
        sb.AppendLine();

        sb.AppendLine("== By feature folder: passed/total, then failure categories");
        foreach (var folder in results.GroupBy(r => r.Scenario.Folder).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ok = folder.Count(r => r.Passed);
            sb.AppendLine(CultureInfo.InvariantCulture, $"{folder.Key}: {ok}/{folder.Count()} ({Percent(ok, folder.Count())})");
            foreach (var g in folder.Where(r => !r.Passed).GroupBy(r => r.Category ?? "?").OrderByDescending(g => g.Count()))
                sb.AppendLine(CultureInfo.InvariantCulture, $"    {g.Count(),4}  {g.Key}   e.g. {g.First().Scenario.Id}");
        }
        sb.AppendLine();

        sb.AppendLine(CultureInfo.InvariantCulture, $"== Top {topMessages} failure messages (literals blanked), with an example scenario");
        var groups = results.Where(r => !r.Passed)
            .GroupBy(r => Normalize(r.Reason ?? ""))
            .OrderByDescending(g => g.Count())
            .Take(topMessages);
        foreach (var g in groups)
        {
            var example = g.First();
            sb.AppendLine(CultureInfo.InvariantCulture, $"{g.Count(),5}  [{example.Category}] {g.Key}");
            sb.AppendLine(CultureInfo.InvariantCulture, $"       e.g. {example.Scenario.Id}: {example.Reason}");
        }
        sb.AppendLine();

        var details = results.Where(r => r.Passed && r.DetailMismatch is not null).ToList();
        sb.AppendLine(CultureInfo.InvariantCulture, $"== Passed error scenarios whose detail differs: {details.Count}");
        foreach (var g in details.GroupBy(r => DetailKey(r.DetailMismatch!)).OrderByDescending(g => g.Count()).Take(30))
            sb.AppendLine(CultureInfo.InvariantCulture, $"{g.Count(),5}  {g.Key}   e.g. {g.First().Scenario.Id}: {g.First().DetailMismatch}");
        return sb.ToString();
    }

    /// <summary>
    /// The part of a reason that says what went wrong, with the query and literals removed, so that failures
    /// with the same cause group together.
    /// </summary>
    public static string Normalize(string reason)
    {
        var arrow = reason.IndexOf(" -> ", StringComparison.Ordinal);
        var text = arrow >= 0 ? reason[(arrow + 4)..] : reason;
        text = QuotedText().Replace(text, "'…'");
        text = Numbers().Replace(text, "#");
        return text.Length > 160 ? text[..157] + "..." : text;
    }

    // "expected detail X, engine said Y: message" groups by X and Y only.
    private static string DetailKey(string mismatch)
    {
        var colon = mismatch.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? mismatch : mismatch[..colon];
    }

    private static string Percent(int part, int total) =>
        total == 0 ? "n/a" : (100.0 * part / total).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    [GeneratedRegex(@"'(?:[^'\\]|\\.)*'|""(?:[^""\\]|\\.)*""")]
    private static partial Regex QuotedText();

    [GeneratedRegex(@"(?<![A-Za-z])-?\d+(\.\d+)?")]
    private static partial Regex Numbers();
}
