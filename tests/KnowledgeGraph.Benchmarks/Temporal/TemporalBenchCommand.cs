using System.Diagnostics;
using System.Globalization;
using KnowledgeGraph.Temporal;

namespace KnowledgeGraph.Benchmarks.Temporal;

/// <summary>
/// <c>temporal [--seconds S]</c>: operations per second of the temporal library on its hot paths (parse, format,
/// map construction, truncate, arithmetic, duration.between), on one thread. Prints a markdown table.
/// </summary>
public sealed class TemporalBenchCommand : IBenchCommand
{
    public string Name => "temporal";

    public string Description => "temporal functions: parse, format, construct, truncate, arithmetic, between ops/s (--seconds)";

    public Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        double seconds = 1;
        for (int i = 0; i + 1 < args.Length; i++)
        {
            if (args[i] == "--seconds")
            {
                seconds = double.Parse(args[i + 1], CultureInfo.InvariantCulture);
            }
        }

        var context = TemporalContext.Now();
        var zoned = TemporalFunctions.Invoke("datetime", ["2015-07-21T21:40:32.142+01:00[Europe/London]"], context)!;
        var local = TemporalFunctions.Invoke("localdatetime", ["2015-07-21T21:40:32.142"], context)!;
        var duration = TemporalFunctions.Invoke("duration", ["P1Y2M10DT12H45M30.25S"], context)!;
        var map = new Dictionary<string, object?>
        {
            ["year"] = 1984L, ["month"] = 10L, ["day"] = 11L, ["hour"] = 12L, ["minute"] = 31L, ["timezone"] = "Europe/Stockholm",
        };
        var cases = new (string Name, Func<object?> Run)[]
        {
            ("datetime('…+01:00[Europe/London]') parse", () => TemporalFunctions.Invoke("datetime", ["2015-07-21T21:40:32.142+01:00[Europe/London]"], context)),
            ("date('2015-W30-2') parse", () => TemporalFunctions.Invoke("date", ["2015-W30-2"], context)),
            ("duration('P1Y2M10DT12H45M30.25S') parse", () => TemporalFunctions.Invoke("duration", ["P1Y2M10DT12H45M30.25S"], context)),
            ("datetime({..., timezone: 'Europe/Stockholm'})", () => TemporalFunctions.Invoke("datetime", [map], context)),
            ("toString(zoned datetime)", () => TemporalFunctions.Format(zoned)),
            ("toString(duration)", () => TemporalFunctions.Format(duration)),
            ("datetime.truncate('week', zoned)", () => TemporalFunctions.Invoke("datetime.truncate", ["week", zoned], context)),
            ("zoned datetime + duration", () => TemporalFunctions.TryAdd(zoned, duration, out var r) ? r : null),
            ("duration.between(localdatetime, zoned)", () => TemporalFunctions.Invoke("duration.between", [local, zoned], context)),
            ("dt.weekYear", () => TemporalFunctions.TryGetProperty(zoned, "weekYear", out var r) ? r : null),
        };

        Console.WriteLine($"temporal bench: {seconds}s per case, 1 thread, {RuntimeInformationText()}");
        Console.WriteLine();
        Console.WriteLine("| Operation | ops/s | ns/op |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (name, run) in cases)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (int i = 0; i < 2000; i++)
            {
                run();
            }

            long count = 0;
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed.TotalSeconds < seconds)
            {
                for (int i = 0; i < 256; i++)
                {
                    run();
                }

                count += 256;
            }

            watch.Stop();
            double perSecond = count / watch.Elapsed.TotalSeconds;
            Console.WriteLine($"| {name} | {perSecond.ToString("N0", CultureInfo.InvariantCulture)} | {(1e9 / perSecond).ToString("F0", CultureInfo.InvariantCulture)} |");
        }

        return Task.FromResult(0);
    }

    private static string RuntimeInformationText() =>
        $"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores";
}
