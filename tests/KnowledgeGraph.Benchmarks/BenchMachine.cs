namespace KnowledgeGraph.Benchmarks;

/// <summary>What every bench verb prints beside its figures: the machine's load and the median of its rounds.</summary>
internal static class BenchMachine
{
    /// <summary>The one-minute load average (Linux), or "n/a" where the machine does not tell.</summary>
    public static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    /// <summary>The upper median (the middle value of an odd count, the higher middle one of an even count).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
    }
}
