using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Cypher.Tck.Running;

/// <summary>Which Neo4j status codes satisfy a TCK error type.</summary>
public static class ErrorTypes
{
    /// <summary>
    /// True when <paramref name="code"/> is an acceptable report of the TCK's <paramref name="tckType"/>.
    /// Neo4j reports several of the TCK's compile-time SyntaxErrors (unbound variables, type conflicts) as
    /// SemanticError and the other way round, so those two accept each other; and it reports compile-time type
    /// mismatches as SyntaxError, so a TypeError expected at compile time accepts SyntaxError.
    /// </summary>
    /// <param name="tckType">The TCK's error type, e.g. <c>SyntaxError</c>.</param>
    /// <param name="phase">The TCK's phase text: <c>compile time</c>, <c>runtime</c> or <c>any time</c>.</param>
    /// <param name="code">The Neo4j status code the engine raised.</param>
    public static bool Accepts(string tckType, string phase, string code) => tckType switch
    {
        "SyntaxError" or "SemanticError" => code is ErrorCodes.SyntaxError or ErrorCodes.SemanticError,
        "TypeError" => code == ErrorCodes.TypeError || (phase == "compile time" && code == ErrorCodes.SyntaxError),
        "ArgumentError" => code == ErrorCodes.ArgumentError,
        "ArithmeticError" => code == ErrorCodes.ArithmeticError,
        "ParameterMissing" => code == ErrorCodes.ParameterMissing,
        "ConstraintVerificationFailed" or "ConstraintValidationFailed" => code == ErrorCodes.ConstraintValidationFailed,
        "EntityNotFound" => code == ErrorCodes.EntityNotFound,
        "ProcedureError" => code.StartsWith("Neo.ClientError.Procedure.", StringComparison.Ordinal),
        _ => code.EndsWith("." + tckType, StringComparison.Ordinal),
    };
}
