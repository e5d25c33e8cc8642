using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Syntax.Parsing;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Cypher.Syntax;

/// <summary>Parses Cypher text into an AST (<see cref="Statement"/>).</summary>
public static class CypherParser
{
    /// <summary>
    /// Parses one statement. Throws <see cref="GraphException"/> with <see cref="ErrorCodes.SyntaxError"/>,
    /// <see cref="ErrorPhase.CompileTime"/> and a Neo4j-shaped message (with line, column and offset) on bad input.
    /// </summary>
    public static Statement Parse(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Parser.ParseStatement(query);
    }

    /// <summary>Parses and runs the semantic checks (<see cref="SemanticAnalyzer.Check"/>).</summary>
    public static Statement ParseAndCheck(string query)
    {
        var statement = Parse(query);
        SemanticAnalyzer.Check(statement);
        return statement;
    }
}
