using KnowledgeGraph.Errors;
using Xunit;
using Xunit.Abstractions;

namespace KnowledgeGraph.Cypher.Syntax.Tests;

/// <summary>A fact over the TCK corpus: skipped, with the reason, when the feature files are not there.</summary>
internal sealed class TckFactAttribute : FactAttribute
{
    public TckFactAttribute()
    {
        if (TckScenarios.FindFeaturesDirectory() is null)
            Skip = "openCypher TCK features not found: set OPENCYPHER_TCK_DIR or put the TCK at ../shared/tck/features beside the repository.";
    }
}

/// <summary>Runs the front end over every query of the openCypher TCK feature files.</summary>
public sealed class TckCorpusTests(ITestOutputHelper output)
{
    private static readonly Lazy<List<TckScenario>?> Scenarios = new(() =>
        TckScenarios.FindFeaturesDirectory() is { } dir ? TckScenarios.Load(dir).ToList() : null);

    private static Exception? TryCompile(string query, TckScenario scenario)
    {
        try
        {
            var statement = CypherParser.Parse(query);
            SemanticAnalyzer.Check(statement, name => scenario.Procedures.GetValueOrDefault(name));
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    [TckFact]
    public void Tck_Should_ParseAndAnalyzeEveryQuery_When_ScenarioExpectsNoCompileTimeError()
    {
        var scenarios = Scenarios.Value!;

        var failures = new List<string>();
        var total = 0;
        foreach (var s in scenarios.Where(s => !s.ExpectsCompileTimeError))
        {
            foreach (var q in s.SetupQueries.Concat(s.Queries))
            {
                total++;
                if (TryCompile(q, s) is { } e)
                {
                    failures.Add($"{s}\n  {q.Replace("\n", "\n  ", StringComparison.Ordinal)}\n  => {e.GetType().Name}: {e.Message}");
                }
            }
        }

        output.WriteLine($"{total - failures.Count} of {total} queries compiled");
        Assert.True(failures.Count == 0, $"{failures.Count} of {total} queries failed:\n" + string.Join("\n", failures));
    }

    [TckFact]
    public void Tck_Should_RaiseTheExpectedDetail_When_ScenarioExpectsACompileTimeError()
    {
        var scenarios = Scenarios.Value!;

        var wrong = new List<string>();
        var negatives = scenarios.Where(s => s.ExpectsCompileTimeError && s.ErrorType is "SyntaxError" or "SemanticError").ToList();
        foreach (var s in negatives)
        {
            foreach (var setup in s.SetupQueries)
            {
                if (TryCompile(setup, s) is { } se)
                {
                    wrong.Add($"{s}: setup query failed: {se.Message}");
                }
            }

            var last = s.Queries[^1];
            var e = TryCompile(last, s);
            if (e is not GraphException ge || ge.Phase != ErrorPhase.CompileTime)
            {
                wrong.Add($"{s}\n  {last.Replace("\n", "\n  ", StringComparison.Ordinal)}\n  => expected {s.ErrorDetail}, got {(e is null ? "no error" : e.GetType().Name + ": " + e.Message)}");
            }
            else if (ge.Detail != s.ErrorDetail)
            {
                wrong.Add($"{s}\n  {last.Replace("\n", "\n  ", StringComparison.Ordinal)}\n  => expected {s.ErrorDetail}, got {ge.Detail}: {ge.Message}");
            }
        }

        output.WriteLine($"{negatives.Count - wrong.Count} of {negatives.Count} compile-time error scenarios raise the expected detail");
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {negatives.Count} wrong:\n" + string.Join("\n", wrong));
    }

    [TckFact]
    public void Tck_Should_ReparseToAnEqualTree_When_EveryParsedQueryIsPrinted()
    {
        var scenarios = Scenarios.Value!;

        var failures = new List<string>();
        var total = 0;
        foreach (var q in scenarios.Where(s => !s.ExpectsCompileTimeError).SelectMany(s => s.SetupQueries.Concat(s.Queries)).Distinct())
        {
            total++;
            var first = CypherParser.Parse(q) with { Text = "" };
            var printed = CypherPrinter.Print(first);
            try
            {
                var second = CypherParser.Parse(printed) with { Text = "" };
                if (!first.Equals(second))
                {
                    failures.Add($"{q}\n  printed: {printed}\n  => different tree");
                }
                else if (CypherPrinter.Print(second) != printed)
                {
                    failures.Add($"{q}\n  printed: {printed}\n  => printing is not stable");
                }
            }
            catch (Exception e)
            {
                failures.Add($"{q}\n  printed: {printed}\n  => {e.Message}");
            }
        }

        output.WriteLine($"{total - failures.Count} of {total} queries round-tripped");
        Assert.True(failures.Count == 0, $"{failures.Count} of {total} failed:\n" + string.Join("\n", failures.Take(40)));
    }

    [TckFact]
    public void MangledQueries_Should_OnlyEverRaiseGraphExceptions_When_TruncatedOrCorrupted()
    {
        var scenarios = Scenarios.Value!;

        var random = new Random(4);
        var crashes = new List<string>();
        var tried = 0;
        // Every other distinct query keeps the test quick; the seeded generator keeps it repeatable.
        foreach (var q in scenarios.SelectMany(s => s.SetupQueries.Concat(s.Queries)).Distinct().Where((_, i) => i % 2 == 0))
        {
            var variants = new List<string> { q[..random.Next(q.Length)] };
            if (q.Length > 1)
            {
                var at = random.Next(q.Length);
                variants.Add(q.Remove(at, 1));
                variants.Add(q.Insert(at, "([{:-'`".Substring(random.Next(7), 1)));
            }

            foreach (var v in variants)
            {
                tried++;
                try
                {
                    SemanticAnalyzer.Check(CypherParser.Parse(v));
                }
                catch (GraphException e) when (e.Phase == ErrorPhase.CompileTime && e.Message.Contains("(line ", StringComparison.Ordinal))
                {
                }
                catch (Exception e)
                {
                    crashes.Add($"{v}\n  => {e.GetType().Name}: {e.Message}");
                }
            }
        }

        output.WriteLine($"{tried} mangled queries, {crashes.Count} crashes");
        Assert.True(crashes.Count == 0, $"{crashes.Count} of {tried} crashed:\n" + string.Join("\n", crashes.Take(30)));
    }
}
