namespace KnowledgeGraph.Errors;

/// <summary>
/// An error raised by the graph (storage, Cypher engine, or a remote Neo4j over Bolt). <see cref="Code"/> is a
/// Neo4j status code such as <c>Neo.ClientError.Statement.SyntaxError</c>; it is stable and safe to match on.
/// </summary>
public class GraphException : Exception
{
    /// <summary>Creates an error with a Neo4j status code.</summary>
    public GraphException(string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        Code = code;
    }

    /// <summary>The Neo4j status code, e.g. <c>Neo.ClientError.Schema.ConstraintValidationFailed</c>.</summary>
    public string Code { get; }

    /// <summary>The GQL status (e.g. <c>42001</c>) when known, otherwise <c>50N42</c> (general processing error).</summary>
    public virtual string GqlStatus => ErrorCodes.GqlStatusOf(Code);

    /// <summary>ClientError, ClientNotification, TransientError or DatabaseError.</summary>
    public string Classification => Code.Split('.') is { Length: > 1 } parts ? parts[1] : "DatabaseError";

    /// <summary>True when retrying the same work may succeed (Neo4j's TransientError class).</summary>
    public bool IsTransient => Classification == "TransientError";

    /// <summary>Whether the error was found before execution (parsing, semantic checks) or while running.</summary>
    public ErrorPhase Phase { get; init; } = ErrorPhase.Runtime;

    /// <summary>A finer, stable reason in openCypher TCK terms (e.g. <c>VariableNotDefined</c>,
    /// <c>InvalidArgumentType</c>, <c>DeleteConnectedNode</c>), when known.</summary>
    public string? Detail { get; init; }
}

/// <summary>When an error was detected.</summary>
public enum ErrorPhase
{
    CompileTime,
    Runtime,
}
