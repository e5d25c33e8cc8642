namespace KnowledgeGraph.Cypher.Tck;

/// <summary>Process entry for <c>dotnet run --project tests/KnowledgeGraph.Cypher.Tck -- ...</c>.</summary>
public static class Program
{
    /// <summary>Runs the TCK command.</summary>
    public static Task<int> Main(string[] args) => TckCommand.RunAsync(args, Console.Out, Console.Error);
}
