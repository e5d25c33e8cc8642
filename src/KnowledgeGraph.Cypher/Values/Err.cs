using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Cypher.Values;

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
}
