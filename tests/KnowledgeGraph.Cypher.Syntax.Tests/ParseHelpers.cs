using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Errors;
using Xunit;

namespace KnowledgeGraph.Cypher.Syntax.Tests;

internal static class ParseHelpers
{
    public static SingleQuery Single(string query) => Assert.IsType<SingleQuery>(Assert.IsType<QueryStatement>(CypherParser.Parse(query)).Query);

    public static T Clause<T>(string query, int index = 0)
        where T : Clause => Assert.IsType<T>(Single(query).Clauses[index]);

    /// <summary>The expression of <c>RETURN expr</c>.</summary>
    public static Expression Expr(string expression) => Clause<ReturnClause>("RETURN " + expression).Body.Items[0].Expression;

    public static PatternPart Part(string pattern) => Clause<MatchClause>("MATCH " + pattern + " RETURN 1").Pattern.Parts[0];

    public static GraphException SyntaxError(string query)
    {
        var e = Assert.Throws<GraphException>(() => CypherParser.Parse(query));
        Assert.Equal(ErrorCodes.SyntaxError, e.Code);
        Assert.Equal(ErrorPhase.CompileTime, e.Phase);
        return e;
    }

    public static GraphException SemanticError(string query)
    {
        var statement = CypherParser.Parse(query);
        var e = Assert.Throws<GraphException>(() => SemanticAnalyzer.Check(statement));
        Assert.Equal(ErrorPhase.CompileTime, e.Phase);
        return e;
    }

    public static Variable V(string name) => new(name);

    public static Literal L(object? value) => new(value);
}
