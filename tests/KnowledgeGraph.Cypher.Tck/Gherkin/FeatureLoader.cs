using System.Text.RegularExpressions;
using Gherkin;
using Gherkin.Ast;

namespace KnowledgeGraph.Cypher.Tck.Gherkin;

/// <summary>
/// Reads TCK <c>.feature</c> files with the Gherkin parser and turns them into runnable scenarios, expanding each
/// Scenario Outline into one scenario per Examples row.
/// </summary>
public static partial class FeatureLoader
{
    /// <summary>Loads every <c>.feature</c> file under <paramref name="featuresDir"/>, in a stable (ordinal path) order.</summary>
    public static IReadOnlyList<TckScenario> LoadDirectory(string featuresDir)
    {
        var root = Path.GetFullPath(featuresDir);
        if (!Directory.Exists(root))
            throw new DirectoryNotFoundException($"Features folder not found: {root}");
        var files = Directory.EnumerateFiles(root, "*.feature", SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal);
        var scenarios = new List<TckScenario>();
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            scenarios.AddRange(LoadFeature(relative, File.ReadAllText(file)));
        }
        return scenarios;
    }

    /// <summary>Parses one feature's text; <paramref name="relativePath"/> names it in scenario ids.</summary>
    public static IReadOnlyList<TckScenario> LoadFeature(string relativePath, string text)
    {
        var parser = new Parser();
        GherkinDocument document;
        try
        {
            document = parser.Parse(new StringReader(text));
        }
        catch (Exception ex) when (ex is CompositeParserException or ParserException)
        {
            throw new InvalidDataException($"{relativePath}: {ex.Message}", ex);
        }

        var feature = document.Feature;
        if (feature is null) return [];
        var featureTags = feature.Tags.Select(t => t.Name).ToList();
        var result = new List<TckScenario>();
        Collect(feature.Children, [], featureTags, relativePath, feature.Name, result);
        return result;
    }

    // Background steps of the feature (and of an enclosing Rule) run before each scenario's own steps.
    private static void Collect(
        IEnumerable<IHasLocation> children,
        IReadOnlyList<TckStep> inheritedBackground,
        IReadOnlyList<string> inheritedTags,
        string path,
        string featureName,
        List<TckScenario> result)
    {
        var background = inheritedBackground.ToList();
        foreach (var child in children)
        {
            switch (child)
            {
                case Background bg:
                    background.AddRange(bg.Steps.Select(s => ToStep(s, null)));
                    break;
                case Rule rule:
                    Collect(rule.Children, background, [.. inheritedTags, .. rule.Tags.Select(t => t.Name)], path, featureName, result);
                    break;
                case Scenario scenario:
                    Expand(scenario, background, inheritedTags, path, featureName, result);
                    break;
            }
        }
    }

    private static void Expand(
        Scenario scenario,
        IReadOnlyList<TckStep> background,
        IReadOnlyList<string> inheritedTags,
        string path,
        string featureName,
        List<TckScenario> result)
    {
        var tags = inheritedTags.Concat(scenario.Tags.Select(t => t.Name)).ToList();
        var examples = scenario.Examples.ToList();
        if (examples.Count == 0)
        {
            var steps = background.Concat(scenario.Steps.Select(s => ToStep(s, null))).ToList();
            result.Add(new TckScenario(path, featureName, scenario.Name, null, tags, steps, scenario.Location.Line));
            return;
        }

        var index = 0;
        foreach (var block in examples)
        {
            if (block.TableHeader is null) continue;
            var header = block.TableHeader.Cells.Select(c => c.Value).ToList();
            foreach (var row in block.TableBody)
            {
                index++;
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                var cells = row.Cells.Select(c => c.Value).ToList();
                for (var i = 0; i < header.Count && i < cells.Count; i++)
                    values[header[i]] = cells[i];
                var steps = background.Concat(scenario.Steps.Select(s => ToStep(s, values))).ToList();
                var rowTags = tags.Concat(block.Tags.Select(t => t.Name)).ToList();
                result.Add(new TckScenario(path, featureName, scenario.Name, index, rowTags, steps, row.Location.Line));
            }
        }
    }

    private static TckStep ToStep(Step step, IReadOnlyDictionary<string, string>? values)
    {
        string? docString = null;
        IReadOnlyList<IReadOnlyList<string>>? table = null;
        if (step.DocString is { } ds)
            docString = Substitute(ds.Content, values);
        if (step.DataTable is { } dt)
            table = dt.Rows.Select(r => (IReadOnlyList<string>)r.Cells.Select(c => Substitute(c.Value, values)).ToList()).ToList();
        return new TckStep(step.Keyword.Trim(), Substitute(step.Text, values), docString, table, step.Location.Line);
    }

    /// <summary>Replaces each <c>&lt;name&gt;</c> that names an Examples column; other text is left as written.</summary>
    public static string Substitute(string text, IReadOnlyDictionary<string, string>? values)
    {
        if (values is null || values.Count == 0 || !text.Contains('<', StringComparison.Ordinal)) return text;
        return Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
    }

    [GeneratedRegex("<([^<>\\r\\n]+)>")]
    private static partial Regex Placeholder();
}
