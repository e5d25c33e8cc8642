namespace KnowledgeGraph.Cypher.Syntax.Semantics;

/// <summary>A declared parameter or result field of a procedure: name and Cypher type text (e.g. <c>INTEGER?</c>).</summary>
public sealed record ProcedureField(string Name, string Type)
{
    /// <summary>Whether a call may leave this trailing input out (it has a default value).</summary>
    public bool IsOptional { get; init; }
}

/// <summary>
/// What the analyzer needs to know about a procedure to check a CALL: its inputs and outputs. The engine passes a
/// resolver to <see cref="SemanticAnalyzer.Check(Ast.Statement, Func{string, ProcedureSignature?}?)"/>.
/// </summary>
public sealed record ProcedureSignature(string Name, IReadOnlyList<ProcedureField> Inputs, IReadOnlyList<ProcedureField> Outputs);
