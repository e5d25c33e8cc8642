using KnowledgeGraph.Cypher.Tck.Reporting;
using KnowledgeGraph.Cypher.Tck.Running;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Cypher.Tck.Tests;

public class SupportTests
{
    [Fact]
    public void SplitStatements_Should_SplitAtTopLevelSemicolonsOnly()
    {
        var statements = CypherScript.SplitStatements("CREATE (:A {s: 'a;b'});\n// comment; here\nCREATE (:B {`x;y`: \"c;\"});\n\n");
        Assert.Equal(["CREATE (:A {s: 'a;b'})", "CREATE (:B {`x;y`: \"c;\"})"], statements);
    }

    [Theory]
    [InlineData("SyntaxError", "compile time", ErrorCodes.SyntaxError, true)]
    [InlineData("SyntaxError", "compile time", ErrorCodes.SemanticError, true)]
    [InlineData("SemanticError", "runtime", ErrorCodes.SyntaxError, true)]
    [InlineData("SyntaxError", "compile time", ErrorCodes.TypeError, false)]
    [InlineData("TypeError", "runtime", ErrorCodes.TypeError, true)]
    [InlineData("TypeError", "runtime", ErrorCodes.SyntaxError, false)]
    [InlineData("TypeError", "compile time", ErrorCodes.SyntaxError, true)]
    [InlineData("ConstraintVerificationFailed", "runtime", ErrorCodes.ConstraintValidationFailed, true)]
    [InlineData("ProcedureError", "compile time", "Neo.ClientError.Procedure.ProcedureNotFound", true)]
    [InlineData("ParameterMissing", "compile time", ErrorCodes.ParameterMissing, true)]
    [InlineData("EntityNotFound", "runtime", ErrorCodes.EntityNotFound, true)]
    [InlineData("ArithmeticError", "runtime", ErrorCodes.ArgumentError, false)]
    public void Accepts_Should_MapTckErrorTypesToNeo4jCodes(string tckType, string phase, string code, bool accepted) =>
        Assert.Equal(accepted, ErrorTypes.Accepts(tckType, phase, code));

    [Fact]
    public void Normalize_Should_GroupReasonsThatDifferOnlyInLiterals()
    {
        var a = FailureSummary.Normalize("RETURN 1 -> expected 1 rows, got 2; expected | 'x' |, got | 'y' |");
        var b = FailureSummary.Normalize("RETURN 2 -> expected 3 rows, got 4; expected | 'z' |, got | 'w' |");
        Assert.Equal(a, b);
        Assert.DoesNotContain("RETURN", a, StringComparison.Ordinal);
    }
}
