using System.Globalization;

namespace KnowledgeGraph.Benchmarks;

/// <summary>The <c>--name value</c> options of the fuzz commands: the value after the first <c>--name</c>, if any.</summary>
internal static class CommandOptions
{
    public static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>An integer option; a value that is not an integer throws (FormatException), it is not ignored.</summary>
    public static int IntOption(string[] args, string name, int fallback) =>
        Option(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
