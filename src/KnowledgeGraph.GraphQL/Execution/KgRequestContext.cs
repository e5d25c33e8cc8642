using KnowledgeGraph.Driver;
using KnowledgeGraph.GraphQL.Compilation;
using KnowledgeGraph.GraphQL.Model;

namespace KnowledgeGraph.GraphQL.Execution;

/// <summary>How the caller authenticated for mutations.</summary>
public enum CuratorAccess
{
    /// <summary>No <c>GraphQL:ApiKey</c> configured: mutations are disabled.</summary>
    Disabled,

    /// <summary>No or a wrong bearer key.</summary>
    Anonymous,

    /// <summary>The configured key.</summary>
    Curator,
}

/// <summary>Per-request state, passed to resolvers as GraphQL.NET's user context.</summary>
public sealed class KgRequestContext : Dictionary<string, object?>
{
    private readonly List<(int Position, CompiledStatement Statement)> _statements = [];
    private readonly Lock _lock = new();

    /// <summary>Creates the context of one request.</summary>
    public KgRequestContext(KgModel model, KgGraphQLOptions options, Func<IGraphDriver>? driver, CuratorAccess access)
    {
        Model = model;
        Options = options;
        Driver = driver;
        Access = access;
    }

    /// <summary>The model the schema was generated from.</summary>
    public KgModel Model { get; }

    /// <summary>Limits and settings.</summary>
    public KgGraphQLOptions Options { get; }

    /// <summary>Resolves the graph driver (null in dry runs without a database).</summary>
    public Func<IGraphDriver>? Driver { get; }

    /// <summary>Whether mutations may run.</summary>
    public CuratorAccess Access { get; }

    /// <summary>The document is the transport's cached (immutable, shared) one, so its field nodes may key compiled Cypher.</summary>
    internal bool DocumentCached { get; set; }

    /// <summary>Root fields the direct path already resolved (their value, or the exception they threw), so the normal
    /// path it hands a request to answers from them instead of running the statements again.</summary>
    internal Dictionary<GraphQLParser.AST.GraphQLField, Outcome>? Resolved { get; set; }

    /// <summary>A root field's result: its value, or the exception it failed with.</summary>
    internal readonly record struct Outcome(object? Value, System.Runtime.ExceptionServices.ExceptionDispatchInfo? Error);

    /// <summary>Compile only: record the statements, run nothing, return empty results.</summary>
    public bool DryRun { get; init; }

    /// <summary>Records a statement with the document position of its root field (root fields of a query
    /// resolve in parallel, so the position, not the arrival order, orders the report).</summary>
    public void Record(CompiledStatement statement, int position)
    {
        lock (_lock) _statements.Add((position, statement));
    }

    /// <summary>The statements compiled so far, in document order of their root fields.</summary>
    public IReadOnlyList<CompiledStatement> Statements
    {
        get { lock (_lock) return _statements.OrderBy(s => s.Position).Select(s => s.Statement).ToList(); }
    }
}
