using KnowledgeGraph.Cypher.Tck.Running;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tck.Engine;

/// <summary>A scenario's database: a fresh in-memory <see cref="GraphDatabase"/>.</summary>
public sealed class EmbeddedTckDatabase : ITckDatabase
{
    private readonly GraphDatabase _database = GraphDatabase.CreateInMemory();

    /// <summary>Creates a fresh in-memory database.</summary>
    public static ITckDatabase Create() => new EmbeddedTckDatabase();

    /// <inheritdoc />
    public IGraphDriver Driver => _database;

    /// <inheritdoc />
    public void RegisterProcedure(TckProcedure procedure)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        var signature = new ProcedureSignature(
            procedure.Name,
            procedure.Inputs.Select(f => new ProcedureParameter(f.Name, f.Type)).ToList(),
            procedure.Outputs.Select(f => new ProcedureParameter(f.Name, f.Type)).ToList());
        _database.RegisterProcedure(signature, (arguments, _) => procedure.Invoke(arguments));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
