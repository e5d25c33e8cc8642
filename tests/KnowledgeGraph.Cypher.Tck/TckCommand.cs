using System.Globalization;
using KnowledgeGraph.Cypher.Tck.Engine;
using KnowledgeGraph.Cypher.Tck.Gherkin;
using KnowledgeGraph.Cypher.Tck.Reporting;
using KnowledgeGraph.Cypher.Tck.Running;

namespace KnowledgeGraph.Cypher.Tck;

/// <summary>
/// The TCK command: <c>dotnet run --project tests/KnowledgeGraph.Cypher.Tck -- --features DIR [--report FILE.json]
/// [--filter TEXT] [--verbose] [--update-baseline FILE] [--summary FILE] [--timeout SECONDS] [--parallel N]</c>.
/// It is a measuring tool: the exit code is 0 whatever the pass rate, and 2 only for wrong arguments.
/// </summary>
public static class TckCommand
{
    private const string Usage = """
        usage: KnowledgeGraph.Cypher.Tck --features DIR [options]
          --features DIR          folder of .feature files (searched recursively)
          --graphs DIR            named graphs folder (default: DIR/../graphs when it exists)
          --report FILE.json      write every scenario's status as JSON
          --filter TEXT           only scenarios whose id contains TEXT (case-insensitive; repeatable)
          --verbose               also list detail mismatches of passed error scenarios
          --update-baseline FILE  merge the passing ids into FILE (never drops ids; reports regressions)
          --summary FILE          write a categorized failure summary
          --timeout SECONDS       per-scenario time limit (default 10)
          --parallel N            scenarios run at once (default 2)
        """;

    /// <summary>Entry point: parses arguments, runs, prints; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!TryParse(args, out var options, out var problem))
        {
            await error.WriteLineAsync(problem).ConfigureAwait(false);
            await error.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }
        if (options is null)
        {
            await output.WriteLineAsync(Usage).ConfigureAwait(false);
            return 0;
        }

        IReadOnlyList<TckScenario> scenarios;
        try
        {
            scenarios = FeatureLoader.LoadDirectory(options.FeaturesDir);
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or InvalidDataException)
        {
            await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 2;
        }
        if (options.Filters.Count > 0)
            scenarios = scenarios.Where(s => options.Filters.Any(f => s.Id.Contains(f, StringComparison.OrdinalIgnoreCase))).ToList();

        var runner = new TckRunner(EmbeddedTckDatabase.Create, new TckRunOptions
        {
            GraphsDir = options.GraphsDir,
            ScenarioTimeout = options.Timeout,
            Parallelism = options.Parallelism,
        });
        var results = await runner.RunAllAsync(scenarios).ConfigureAwait(false);

        foreach (var failed in results.Where(r => !r.Passed))
            await output.WriteLineAsync($"FAIL {failed.Scenario.Id} [{failed.Category}]: {failed.Reason}").ConfigureAwait(false);

        if (options.Verbose)
        {
            var details = results.Where(r => r.Passed && r.DetailMismatch is not null).ToList();
            await output.WriteLineAsync($"Detail mismatches in passed error scenarios: {details.Count}").ConfigureAwait(false);
            foreach (var r in details)
                await output.WriteLineAsync($"DETAIL {r.Scenario.Id}: {r.DetailMismatch}").ConfigureAwait(false);
        }

        if (options.ReportFile is not null)
            await TckReport.From(Path.GetFullPath(options.FeaturesDir), results).WriteAsync(options.ReportFile).ConfigureAwait(false);
        if (options.SummaryFile is not null)
            await File.WriteAllTextAsync(options.SummaryFile, FailureSummary.Render(results)).ConfigureAwait(false);
        if (options.BaselineFile is not null)
        {
            var baseline = Baseline.Read(options.BaselineFile);
            foreach (var r in Baseline.Regressions(baseline, results))
                await output.WriteLineAsync($"BASELINE REGRESSION {r.Scenario.Id}: {r.Reason}").ConfigureAwait(false);
            var added = Baseline.Update(options.BaselineFile, results);
            await output.WriteLineAsync($"Baseline {options.BaselineFile}: {added} ids added, {baseline.Count + added} in all").ConfigureAwait(false);
        }

        var passed = results.Count(r => r.Passed);
        await output.WriteLineAsync($"TCK: {passed} passed, {results.Count - passed} failed of {results.Count}").ConfigureAwait(false);
        return 0;
    }

    /// <summary>Parsed command options.</summary>
    private sealed record Options(string FeaturesDir)
    {
        public string? GraphsDir { get; set; }
        public string? ReportFile { get; set; }
        public string? SummaryFile { get; set; }
        public string? BaselineFile { get; set; }
        public List<string> Filters { get; } = [];
        public bool Verbose { get; set; }
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
        public int Parallelism { get; set; } = 2;
    }

    // options is null with no problem for --help.
    private static bool TryParse(string[] args, out Options? options, out string problem)
    {
        options = null;
        problem = "";
        string? features = null, graphs = null, report = null, summary = null, baseline = null;
        var filters = new List<string>();
        var verbose = false;
        var timeout = 10.0;
        var parallel = 2;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h") return true;
            if (arg == "--verbose")
            {
                verbose = true;
                continue;
            }
            if (i + 1 >= args.Length)
            {
                problem = $"missing value after {arg}";
                return false;
            }
            var value = args[++i];
            switch (arg)
            {
                case "--features": features = value; break;
                case "--graphs": graphs = value; break;
                case "--report": report = value; break;
                case "--summary": summary = value; break;
                case "--update-baseline": baseline = value; break;
                case "--filter": filters.Add(value); break;
                case "--timeout" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) && t > 0:
                    timeout = t;
                    break;
                case "--parallel" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) && p > 0:
                    parallel = p;
                    break;
                default:
                    problem = $"unknown option or bad value: {arg} {value}";
                    return false;
            }
        }
        if (features is null)
        {
            problem = "--features DIR is required";
            return false;
        }
        if (!Directory.Exists(features))
        {
            problem = $"features folder not found: {features}";
            return false;
        }
        graphs ??= Path.Combine(Path.GetFullPath(features), "..", "graphs");
        options = new Options(features)
        {
            GraphsDir = Directory.Exists(graphs) ? Path.GetFullPath(graphs) : null,
            ReportFile = report,
            SummaryFile = summary,
            BaselineFile = baseline,
            Verbose = verbose,
            Timeout = TimeSpan.FromSeconds(timeout),
            Parallelism = parallel,
        };
        options.Filters.AddRange(filters);
        return true;
    }
}
