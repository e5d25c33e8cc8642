using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Cypher.QueryErrors;

/// <summary>Builds the engine's <see cref="GraphException"/>s with Neo4j codes and TCK detail names.</summary>
internal static class Err
{
    public static GraphException Type(string message, string detail = "InvalidArgumentType") =>
        new(ErrorCodes.TypeError, message) { Detail = detail };

    public static GraphException Argument(string message, string detail = "InvalidArgumentValue") =>
        new(ErrorCodes.ArgumentError, message) { Detail = detail };

    public static GraphException Arithmetic(string message, string detail = "IntegerOverflow") =>
        new(ErrorCodes.ArithmeticError, message) { Detail = detail };

    public static GraphException Semantic(string message, string detail, bool compileTime = false) =>
        new(ErrorCodes.SemanticError, message) { Detail = detail, Phase = compileTime ? ErrorPhase.CompileTime : ErrorPhase.Runtime };

    public static GraphException Entity(string message, string detail = "DeletedEntityAccess") =>
        new(ErrorCodes.EntityNotFound, message) { Detail = detail };

    public static GraphException Constraint(string message, string detail) =>
        new(ErrorCodes.ConstraintValidationFailed, message) { Detail = detail };

    /// <summary>The timeout error as Neo4j 5 words it: the client's own timeout, or the server default.</summary>
    public static GraphException TimedOut(bool setByClient) => setByClient
        ? new(ErrorCodes.TransactionTimedOutClientConfiguration,
            "The transaction has been terminated. Retry your operation in a new transaction, and you should see a successful result. "
            + "The transaction has not completed within the timeout specified at its start by the client. You may want to retry with a longer timeout.")
        : new(ErrorCodes.TransactionTimedOut,
            "The transaction has been terminated. Retry your operation in a new transaction, and you should see a successful result. "
            + "The transaction has not completed within the specified timeout (Graph:TransactionTimeout, as Neo4j's db.transaction.timeout). "
            + "You may want to retry with a longer timeout.");
}
