using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation.Errors.Custom;
using GraphQLParser.Exceptions;

namespace KnowledgeGraph.GraphQL.Execution;

/// <summary>
/// Shapes <c>errors[]</c> as HotChocolate does: message, locations, path, and <c>extensions.code</c> (plus
/// <c>neo4jCode</c> for graph errors). Exception details never leave the server.
/// </summary>
internal sealed class KgErrorInfoProvider : IErrorInfoProvider
{
    public ErrorInfo GetInfo(ExecutionError executionError)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = CodeOf(executionError) };
        foreach (var key in new[] { "neo4jCode" })
            if (executionError.Data.Contains(key)) extensions[key] = executionError.Data[key];
        var message = executionError switch
        {
            KnowledgeGraph.GraphQL.Compilation.KgGraphQLException => executionError.Message,
            UnhandledError => "Unexpected Execution Error",
            _ => executionError.Message,
        };
        return new ErrorInfo { Message = message, Extensions = extensions };
    }

    internal static string CodeOf(ExecutionError error) => error switch
    {
        ComplexityError c when c.Message.Contains("depth", StringComparison.OrdinalIgnoreCase) => KgErrorCodes.MaxDepthExceeded,
        ComplexityError => KgErrorCodes.MaxComplexityExceeded,
        UnhandledError => KgErrorCodes.Unexpected,
        _ when error.InnerException is GraphQLSyntaxErrorException => "SYNTAX_ERROR",
        _ => error.Code ?? KgErrorCodes.Unexpected,
    };
}
