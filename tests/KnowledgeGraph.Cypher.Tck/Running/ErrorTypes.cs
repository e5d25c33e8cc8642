using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Cypher.Tck.Running;

/// <summary>Which Neo4j status codes satisfy a TCK error type.</summary>
public static class ErrorTypes
{
    /// <summary>
    /// True when <paramref name="code"/> is an acceptable report of the TCK's <paramref name="tckType"/>.
    /// Neo4j reports several of the TCK's compile-time SyntaxErrors (unbound variables, type conflicts) as
    /// SemanticError, so both are accepted for SyntaxError.
    /// </summary>
    public static bool Accepts(string tckType, string code) => tckType switch
    {
        "SyntaxError" => code is ErrorCodes.SyntaxError or ErrorCodes.SemanticError,
        "SemanticError" => code == ErrorCodes.SemanticError,
        "TypeError" => code == ErrorCodes.TypeError,
        "ArgumentError" => code == ErrorCodes.ArgumentError,
        "ArithmeticError" => code == ErrorCodes.ArithmeticError,
        "ParameterMissing" => code == ErrorCodes.ParameterMissing,
        "ConstraintVerificationFailed" or "ConstraintValidationFailed" => code == ErrorCodes.ConstraintValidationFailed,
        "EntityNotFound" => code == ErrorCodes.EntityNotFound,
        "ProcedureError" => code.StartsWith("Neo.ClientError.Procedure.", StringComparison.Ordinal),
        _ => code.EndsWith("." + tckType, StringComparison.Ordinal),
    };
}
