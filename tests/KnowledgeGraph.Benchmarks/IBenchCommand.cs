namespace KnowledgeGraph.Benchmarks;

/// <summary>One bench command (<c>storage</c>, <c>cypher</c>, <c>graphql</c>, <c>bolt</c>); found by reflection so that
/// each area keeps its benchmarks in its own folder.</summary>
public interface IBenchCommand
{
    string Name { get; }

    string Description { get; }

    Task<int> RunAsync(string[] args, CancellationToken cancellationToken);
}
