using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tck.Running;

/// <summary>A fresh database for one scenario: the driver to run Cypher through, plus test procedure registration.</summary>
public interface ITckDatabase : IAsyncDisposable
{
    /// <summary>The engine, seen only through the public driver interface.</summary>
    IGraphDriver Driver { get; }

    /// <summary>Makes <paramref name="procedure"/> callable with <c>CALL</c> in this database.</summary>
    void RegisterProcedure(TckProcedure procedure);
}
