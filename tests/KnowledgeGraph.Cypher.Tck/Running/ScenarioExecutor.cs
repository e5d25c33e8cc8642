using System.Text.RegularExpressions;
using KnowledgeGraph.Cypher.Tck.Gherkin;
using KnowledgeGraph.Cypher.Tck.Values;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Cypher.Tck.Running;

/// <summary>
/// Runs one scenario's steps against a fresh database. Steps are matched by their text (the keyword does not
/// matter); the first step that does not hold ends the scenario with a <see cref="StepFailedException"/>.
/// </summary>
public sealed partial class ScenarioExecutor
{
    private readonly ITckDatabase _database;
    private readonly string? _graphsDir;
    private readonly Dictionary<string, object?> _parameters = new(StringComparer.Ordinal);
    private QueryOutcome? _last;
    private GraphState? _before;
    private string? _detailMismatch;

    private ScenarioExecutor(ITckDatabase database, string? graphsDir)
    {
        _database = database;
        _graphsDir = graphsDir;
    }

    /// <summary>What the last <c>executing query</c> produced.</summary>
    private sealed record QueryOutcome(
        string Query,
        IReadOnlyList<string> Keys,
        IReadOnlyList<IReadOnlyList<object?>> Rows,
        GraphException? Error,
        Exception? Crash,
        int RecordsBeforeError);

    /// <summary>
    /// Runs <paramref name="scenario"/> in <paramref name="database"/>; returns null detail mismatch text on a clean pass.
    /// Throws <see cref="StepFailedException"/> when a step does not hold.
    /// </summary>
    public static async Task<string?> RunAsync(TckScenario scenario, ITckDatabase database, string? graphsDir, CancellationToken cancellationToken)
    {
        var executor = new ScenarioExecutor(database, graphsDir);
        var measureSideEffects = scenario.Steps.Any(s => s.Text is "no side effects" or "the side effects should be:");
        var expectsError = scenario.Steps.Any(s => ErrorStep().IsMatch(s.Text));
        foreach (var step in scenario.Steps)
        {
            await executor.RunStepAsync(step, measureSideEffects, cancellationToken).ConfigureAwait(false);
            // A query that failed must be followed by a step that expects an error; otherwise say so right away,
            // with the engine's message, rather than as a confusing result mismatch.
            if (executor._last is { } last && (last.Error is not null || last.Crash is not null) && !expectsError
                && step.Text.StartsWith("executing", StringComparison.Ordinal))
                throw executor.UnexpectedError(last);
        }
        if (expectsError && executor._last is null)
            throw new StepFailedException("runner", "an error is expected but no query was executed");
        return executor._detailMismatch;
    }

    private async Task RunStepAsync(TckStep step, bool measureSideEffects, CancellationToken ct)
    {
        var text = step.Text.Trim();
        switch (text)
        {
            case "an empty graph":
            case "any graph":
                return;
            case "having executed:":
                await SetupAsync(RequireDocString(step), ct).ConfigureAwait(false);
                return;
            case "parameters are:":
                ReadParameters(step);
                return;
            case "executing query:":
                _before = measureSideEffects ? await CaptureStateAsync("before the query", ct).ConfigureAwait(false) : null;
                _last = await ExecuteAsync(RequireDocString(step), ct).ConfigureAwait(false);
                return;
            case "executing control query:":
                _last = await ExecuteAsync(RequireDocString(step), ct).ConfigureAwait(false);
                return;
            case "the result should be empty":
                CheckEmpty();
                return;
            case "no side effects":
                await CheckSideEffectsAsync(null, ct).ConfigureAwait(false);
                return;
            case "the side effects should be:":
                await CheckSideEffectsAsync(step.Table ?? [], ct).ConfigureAwait(false);
                return;
        }

        var graph = NamedGraphStep().Match(text);
        if (graph.Success)
        {
            await LoadNamedGraphAsync(graph.Groups[1].Value, ct).ConfigureAwait(false);
            return;
        }
        var result = ResultStep().Match(text);
        if (result.Success)
        {
            var ordered = result.Groups["order"].Value == ", in order";
            var ignoreListOrder = result.Groups["lists"].Success;
            CheckResult(step.Table ?? [], ordered, ignoreListOrder);
            return;
        }
        var error = ErrorStep().Match(text);
        if (error.Success)
        {
            CheckError(error.Groups["type"].Value, error.Groups["phase"].Value, error.Groups["detail"].Value.Trim());
            return;
        }
        var procedure = ProcedureStep().Match(text);
        if (procedure.Success)
        {
            TckProcedure parsed;
            try
            {
                parsed = TckProcedure.Parse(procedure.Groups[1].Value, step.Table);
            }
            catch (FormatException ex)
            {
                throw new StepFailedException("runner", ex.Message);
            }
            try
            {
                _database.RegisterProcedure(parsed);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new StepFailedException("procedure registration failed", $"registering {parsed.Name}: {ex.GetType().Name}: {ex.Message}");
            }
            return;
        }
        throw new StepFailedException("unsupported step", $"step not supported: {step.Keyword} {text}");
    }

    /// <summary>True when <paramref name="stepText"/> loads a named graph (<c>the binary-tree-1 graph</c>).</summary>
    public static bool IsNamedGraphStep(string stepText) => NamedGraphStep().IsMatch(stepText.Trim());

    /// <summary>True when <paramref name="stepText"/> is a step this runner understands.</summary>
    public static bool IsKnownStep(string stepText)
    {
        var text = stepText.Trim();
        return text is "an empty graph" or "any graph" or "having executed:" or "parameters are:" or "executing query:"
                   or "executing control query:" or "the result should be empty" or "no side effects" or "the side effects should be:"
               || NamedGraphStep().IsMatch(text) || ResultStep().IsMatch(text) || ErrorStep().IsMatch(text) || ProcedureStep().IsMatch(text);
    }

    private static string RequireDocString(TckStep step) =>
        step.DocString ?? throw new StepFailedException("runner", $"step '{step.Text}' has no query text");

    private void ReadParameters(TckStep step)
    {
        foreach (var row in step.Table ?? [])
        {
            if (row.Count != 2) throw new StepFailedException("runner", $"parameter row needs name | value, got {row.Count} cells");
            try
            {
                _parameters[row[0]] = TckValueConverter.ToEngineValue(TckValueParser.Parse(row[1]));
            }
            catch (Exception ex) when (ex is FormatException or NotSupportedException)
            {
                throw new StepFailedException("runner", $"parameter {row[0]}: {ex.Message}");
            }
        }
    }

    private async Task SetupAsync(string query, CancellationToken ct)
    {
        var outcome = await ExecuteAsync(query, ct).ConfigureAwait(false);
        if (outcome.Error is not null || outcome.Crash is not null)
        {
            var what = outcome.Error is { } ge ? $"{ge.Code}: {ge.Message}" : $"{outcome.Crash!.GetType().Name}: {outcome.Crash.Message}";
            throw new StepFailedException(
                outcome.Error is { } e ? $"setup failed {e.Code}" : $"setup crashed {outcome.Crash!.GetType().Name}",
                $"setup query failed: {OneLine(query)} -> {what}");
        }
    }

    private async Task LoadNamedGraphAsync(string name, CancellationToken ct)
    {
        if (_graphsDir is null) throw new StepFailedException("runner", $"named graph '{name}' needs a graphs folder");
        var file = Path.Combine(_graphsDir, name, name + ".cypher");
        if (!File.Exists(file)) throw new StepFailedException("runner", $"named graph not found: {file}");
        foreach (var statement in CypherScript.SplitStatements(await File.ReadAllTextAsync(file, ct).ConfigureAwait(false)))
            await SetupAsync(statement, ct).ConfigureAwait(false);
    }

    private async Task<QueryOutcome> ExecuteAsync(string query, CancellationToken ct)
    {
        var rows = new List<IReadOnlyList<object?>>();
        IReadOnlyList<string> keys = [];
        try
        {
            await using var session = _database.Driver.OpenSession();
            var result = await session.RunAsync(query, _parameters, null, ct).ConfigureAwait(false);
            keys = result.Keys;
            await foreach (var record in result.WithCancellation(ct).ConfigureAwait(false))
                rows.Add(record.Values);
            await result.ConsumeAsync(ct).ConfigureAwait(false);
            return new QueryOutcome(query, keys, rows, null, null, rows.Count);
        }
        catch (Exception ex) when (ct.IsCancellationRequested)
        {
            // The scenario's time is up; the engine may report that as its own error (e.g. Terminated).
            throw new OperationCanceledException("scenario timed out", ex, ct);
        }
        catch (GraphException ex)
        {
            return new QueryOutcome(query, keys, rows, ex, null, rows.Count);
        }
        catch (Exception ex)
        {
            // Anything but a GraphException is an engine defect; it is reported as a crash.
            return new QueryOutcome(query, keys, rows, null, ex, rows.Count);
        }
    }

    private async Task<GraphState> CaptureStateAsync(string when, CancellationToken ct)
    {
        try
        {
            return await GraphState.CaptureAsync(_database.Driver, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ct.IsCancellationRequested)
        {
            throw new OperationCanceledException("scenario timed out", ex, ct);
        }
        catch (Exception ex)
        {
            throw new StepFailedException("side effect probe failed", $"reading the graph {when} failed: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private QueryOutcome RequireLast(string what) =>
        _last ?? throw new StepFailedException("runner", $"'{what}' but no query was executed");

    private StepFailedException UnexpectedError(QueryOutcome last)
    {
        if (last.Error is { } ge)
        {
            var detail = ge.Detail is null ? "" : $" [{ge.Detail}]";
            return new StepFailedException($"unexpected error {ge.Code}", $"{OneLine(last.Query)} -> {ge.Code}{detail}: {Shorten(ge.Message, 300)}");
        }
        var crash = last.Crash!;
        var site = crash.StackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        return new StepFailedException($"engine crash {crash.GetType().Name}", $"{OneLine(last.Query)} -> {crash.GetType().Name}: {Shorten(crash.Message, 200)} {Shorten(site, 200)}");
    }

    /// <summary>A query on one line, shortened, for messages.</summary>
    internal static string OneLine(string query) => Shorten(WhiteSpace().Replace(query.Trim(), " "), 200);

    internal static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 3)] + "...";

    [GeneratedRegex(@"^the (.+) graph$")]
    private static partial Regex NamedGraphStep();

    [GeneratedRegex(@"^the result should be(?<order>, in any order|, in order)?(?<lists> \(ignoring element order for lists\))?:$")]
    private static partial Regex ResultStep();

    [GeneratedRegex(@"^an? (?<type>\w+) should be raised at (?<phase>compile time|runtime|any time): (?<detail>.+)$")]
    private static partial Regex ErrorStep();

    [GeneratedRegex(@"^there exists a procedure (.+)$")]
    private static partial Regex ProcedureStep();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
