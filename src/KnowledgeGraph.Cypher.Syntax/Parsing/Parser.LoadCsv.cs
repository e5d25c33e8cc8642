using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Syntax.Parsing;

internal sealed partial class Parser
{
    /// <summary>After <c>LOAD CSV</c>: <c>[WITH HEADERS] FROM expr AS name [FIELDTERMINATOR 'c']</c>.</summary>
    private LoadCsvClause LoadCsvBody()
    {
        var headers = TryKeywords("WITH", "HEADERS");
        ExpectKeyword("FROM");
        var url = Expression();
        ExpectKeyword("AS");
        var variable = ExpectName();
        string? terminator = null;
        if (TryKeyword("FIELDTERMINATOR"))
        {
            var at = Cur;
            if (Expression() is not Literal { Value: string text })
                throw ErrorAt(at, "Invalid input: FIELDTERMINATOR takes a string literal, e.g. FIELDTERMINATOR ';'", "InvalidFieldTerminator");
            terminator = text;
        }

        return new LoadCsvClause(headers, url, variable, terminator);
    }
}
