namespace KnowledgeGraph.Benchmarks.Storage;

/// <summary>Rows of a markdown result table, printed as they would go into the README.</summary>
internal sealed class BenchReport
{
    private readonly List<(string Metric, string Value, string Notes)> _rows = [];

    public void Add(string metric, string value, string notes)
    {
        _rows.Add((metric, value, notes));
        Console.WriteLine($"  {metric}: {value} ({notes})");
    }

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine("| Metric | Value | Notes |");
        Console.WriteLine("|---|---:|---|");
        foreach (var (metric, value, notes) in _rows) Console.WriteLine($"| {metric} | {value} | {notes} |");
    }
}
