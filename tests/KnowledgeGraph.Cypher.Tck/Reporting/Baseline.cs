using KnowledgeGraph.Cypher.Tck.Running;

namespace KnowledgeGraph.Cypher.Tck.Reporting;

/// <summary>
/// The committed list of scenario ids known to pass, one per line. It only grows: updating merges the ids that
/// pass now into it and never drops an id silently; ids that are listed but fail are reported as regressions.
/// </summary>
public static class Baseline
{
    /// <summary>Reads ids (blank lines and <c>#</c> comments ignored); an absent file is an empty baseline.</summary>
    public static IReadOnlySet<string> Read(string path)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (!File.Exists(path)) return ids;
        foreach (var line in File.ReadLines(path))
        {
            var id = line.Trim();
            if (id.Length > 0 && !id.StartsWith('#')) ids.Add(id);
        }
        return ids;
    }

    /// <summary>Baseline ids whose scenario ran in <paramref name="results"/> and did not pass.</summary>
    public static IReadOnlyList<ScenarioResult> Regressions(IReadOnlySet<string> baseline, IReadOnlyList<ScenarioResult> results) =>
        results.Where(r => !r.Passed && baseline.Contains(r.Scenario.Id)).ToList();

    /// <summary>Baseline ids that no scenario in <paramref name="results"/> has (renamed or removed scenarios).</summary>
    public static IReadOnlyList<string> Missing(IReadOnlySet<string> baseline, IReadOnlyList<ScenarioResult> results)
    {
        var present = results.Select(r => r.Scenario.Id).ToHashSet(StringComparer.Ordinal);
        return baseline.Where(id => !present.Contains(id)).OrderBy(id => id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Writes the union of the existing baseline and the passing ids, sorted; returns how many ids were added.</summary>
    public static int Update(string path, IReadOnlyList<ScenarioResult> results)
    {
        var existing = Read(path);
        var merged = new SortedSet<string>(existing, StringComparer.Ordinal);
        foreach (var r in results.Where(r => r.Passed)) merged.Add(r.Scenario.Id);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllLines(full, merged);
        return merged.Count - existing.Count;
    }
}
