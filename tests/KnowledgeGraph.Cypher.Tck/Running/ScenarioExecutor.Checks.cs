using System.Text;
using KnowledgeGraph.Cypher.Tck.Values;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Cypher.Tck.Running;

// The Then-steps: result tables, empty results, side effects and expected errors.
public sealed partial class ScenarioExecutor
{
    private const int RowsShown = 4;

    private void CheckEmpty()
    {
        var last = RequireLast("the result should be empty");
        if (last.Rows.Count != 0)
            throw new StepFailedException("wrong result", $"{OneLine(last.Query)} -> expected no rows, got {last.Rows.Count}: {Rows(last.Rows)}");
    }

    private void CheckResult(IReadOnlyList<IReadOnlyList<string>> table, bool ordered, bool ignoreListOrder)
    {
        var last = RequireLast("the result should be");
        if (table.Count == 0) throw new StepFailedException("runner", "result table has no header");
        var header = table[0];
        if (!header.SequenceEqual(last.Keys, StringComparer.Ordinal))
            throw new StepFailedException("wrong columns",
                $"{OneLine(last.Query)} -> expected columns [{string.Join(", ", header)}], got [{string.Join(", ", last.Keys)}]");

        var expected = new List<IReadOnlyList<TckValue>>();
        foreach (var row in table.Skip(1))
        {
            var values = new List<TckValue>();
            foreach (var cell in row)
            {
                if (!TckValueParser.TryParse(cell, out var value, out var error))
                    throw new StepFailedException("runner", $"cannot read expected value: {error}");
                values.Add(value!);
            }
            expected.Add(values);
        }

        bool RowMatches(IReadOnlyList<TckValue> e, IReadOnlyList<object?> a) =>
            e.Count == a.Count && e.Zip(a).All(p => TckValueComparer.Matches(p.First, p.Second, ignoreListOrder));

        var actual = last.Rows;
        bool ok;
        if (ordered)
        {
            ok = expected.Count == actual.Count;
            for (var i = 0; ok && i < expected.Count; i++) ok = RowMatches(expected[i], actual[i]);
        }
        else
        {
            ok = TckValueComparer.MultisetMatches(expected, actual, RowMatches);
        }
        if (ok) return;

        var sb = new StringBuilder();
        sb.Append(OneLine(last.Query)).Append(" -> ");
        if (expected.Count != actual.Count) sb.Append($"expected {expected.Count} rows, got {actual.Count}; ");
        sb.Append(ordered ? "in order " : "").Append("expected ").Append(ExpectedRows(expected)).Append(", got ").Append(Rows(actual));
        if (!ordered)
        {
            var missing = expected.FirstOrDefault(e => !actual.Any(a => RowMatches(e, a)));
            if (missing is not null) sb.Append("; first missing: ").Append(ExpectedRows([missing]));
        }
        throw new StepFailedException("wrong result", sb.ToString());
    }

    private async Task CheckSideEffectsAsync(IReadOnlyList<IReadOnlyList<string>>? table, CancellationToken ct)
    {
        var last = RequireLast("side effects");
        if (_before is null) throw new StepFailedException("runner", "side effects asked for but the graph was not read before the query");
        var after = await CaptureStateAsync("after the query", ct).ConfigureAwait(false);
        var actual = GraphState.Diff(_before, after);
        var expected = actual.Keys.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
        foreach (var row in table ?? [])
        {
            if (row.Count != 2 || !expected.ContainsKey(row[0]) || !int.TryParse(row[1], out var count))
                throw new StepFailedException("runner", $"side effect row not understood: | {string.Join(" | ", row)} |");
            expected[row[0]] = count;
        }
        var wrong = expected.Where(kv => actual[kv.Key] != kv.Value)
            .Select(kv => $"{kv.Key} expected {kv.Value} got {actual[kv.Key]}").ToList();
        if (wrong.Count > 0)
            throw new StepFailedException("wrong side effects", $"{OneLine(last.Query)} -> {string.Join(", ", wrong)}");
    }

    private void CheckError(string type, string phase, string detail)
    {
        var last = RequireLast("an error should be raised");
        if (last.Crash is not null) throw UnexpectedError(last);
        if (last.Error is not { } error)
            throw new StepFailedException("error not raised",
                $"{OneLine(last.Query)} -> expected {type} at {phase} ({detail}), got {last.Rows.Count} rows: {Rows(last.Rows)}");

        if (!ErrorTypes.Accepts(type, phase, error.Code))
            throw new StepFailedException("wrong error type",
                $"{OneLine(last.Query)} -> expected {type} ({detail}), got {error.Code}: {Shorten(error.Message, 200)}");

        var compileTime = error.Phase == ErrorPhase.CompileTime && last.RecordsBeforeError == 0;
        if (phase == "compile time" && !compileTime)
            throw new StepFailedException("wrong error phase",
                $"{OneLine(last.Query)} -> expected {type} at compile time ({detail}), engine raised it at runtime{(last.RecordsBeforeError > 0 ? $" after {last.RecordsBeforeError} records" : "")}: {Shorten(error.Message, 150)}");
        if (phase == "runtime" && compileTime)
            throw new StepFailedException("wrong error phase",
                $"{OneLine(last.Query)} -> expected {type} at runtime ({detail}), engine raised it at compile time: {Shorten(error.Message, 150)}");

        if (detail != "*" && !string.Equals(error.Detail, detail, StringComparison.Ordinal))
            _detailMismatch = $"expected detail {detail}, engine said {error.Detail ?? "(none)"}: {Shorten(error.Message, 150)}";
    }

    private static string Rows(IReadOnlyList<IReadOnlyList<object?>> rows)
    {
        var shown = rows.Take(RowsShown).Select(r => "| " + string.Join(" | ", r.Select(ValueText.OfActual)) + " |");
        return (rows.Count == 0 ? "(none)" : string.Join(" ", shown)) + (rows.Count > RowsShown ? $" ... (+{rows.Count - RowsShown})" : "");
    }

    private static string ExpectedRows(IReadOnlyList<IReadOnlyList<TckValue>> rows)
    {
        var shown = rows.Take(RowsShown).Select(r => "| " + string.Join(" | ", r.Select(ValueText.OfExpected)) + " |");
        return (rows.Count == 0 ? "(none)" : string.Join(" ", shown)) + (rows.Count > RowsShown ? $" ... (+{rows.Count - RowsShown})" : "");
    }
}
