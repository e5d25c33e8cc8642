namespace KnowledgeGraph.Cypher.Tck.Gherkin;

/// <summary>
/// One runnable TCK scenario: a plain scenario, or one row of a Scenario Outline's Examples with every
/// <c>&lt;placeholder&gt;</c> already substituted.
/// </summary>
/// <param name="FeaturePath">The feature file path relative to the features folder, with '/' separators.</param>
/// <param name="FeatureName">The feature's title.</param>
/// <param name="Name">The scenario's title as written (placeholders not substituted, so it is stable).</param>
/// <param name="ExampleIndex">1-based row number across all Examples blocks of an outline; null for a plain scenario.</param>
/// <param name="Tags">Feature and scenario tags, e.g. <c>@ignore</c>.</param>
/// <param name="Steps">Background steps followed by the scenario's own steps.</param>
/// <param name="Line">Line of the scenario (or of its example row) in the feature file.</param>
public sealed record TckScenario(
    string FeaturePath,
    string FeatureName,
    string Name,
    int? ExampleIndex,
    IReadOnlyList<string> Tags,
    IReadOnlyList<TckStep> Steps,
    int Line)
{
    /// <summary>The stable id used by the baseline: <c>path:name[:exampleIndex]</c>.</summary>
    public string Id => ExampleIndex is { } index ? $"{FeaturePath}:{Name}:{index}" : $"{FeaturePath}:{Name}";

    /// <summary>The folder of the feature relative to the features root (e.g. <c>clauses/match</c>).</summary>
    public string Folder
    {
        get
        {
            var slash = FeaturePath.LastIndexOf('/');
            return slash < 0 ? "." : FeaturePath[..slash];
        }
    }
}

/// <summary>One step: its keyword (<c>Given</c>, <c>And</c>, ...), text, and optional doc string or data table.</summary>
public sealed record TckStep(string Keyword, string Text, string? DocString, IReadOnlyList<IReadOnlyList<string>>? Table, int Line);
