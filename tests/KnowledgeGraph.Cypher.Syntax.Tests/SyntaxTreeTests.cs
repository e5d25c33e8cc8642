using System.Collections;
using System.Reflection;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Text;
using Xunit;

namespace KnowledgeGraph.Cypher.Syntax.Tests;

/// <summary>
/// The one syntax-tree walker (<see cref="SyntaxTree"/>) and the one home of Cypher text (<see cref="CypherText"/>)
/// agree with what they summarise: every node's children are all its node-valued properties (found here by
/// reflection, as an oracle), over a corpus that produces every node type; and printed names and strings read back.
/// </summary>
public sealed class SyntaxTreeTests
{
    [Fact]
    public void Children_Should_ListEveryChildNode_When_WalkingACorpusOfEveryNodeType()
    {
        var checkedTypes = new HashSet<Type>();
        foreach (var query in AstCoverageTests.Corpus)
        {
            var statement = CypherParser.Parse(query);
            foreach (var node in SyntaxTree.Descendants(statement).Prepend(statement))
            {
                checkedTypes.Add(node.GetType());
                var walked = SyntaxTree.Children(node).ToList();
                var reflected = ReflectedChildren(node).ToList();
                Assert.True(walked.Count == reflected.Count && walked.All(w => reflected.Any(r => ReferenceEquals(r, w))),
                    $"{node.GetType().Name} in `{query}`: walker gives [{string.Join(", ", walked.Select(w => w.GetType().Name))}], "
                    + $"its properties hold [{string.Join(", ", reflected.Select(r => r.GetType().Name))}]");
            }
        }
        var all = typeof(AstNode).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(AstNode)) && !t.IsAbstract).ToList();
        Assert.Empty(all.Where(t => !checkedTypes.Contains(t)).Select(t => t.Name));
    }

    [Fact]
    public void Children_Should_NameTheNodeType_When_ItIsUnknown()
    {
        var e = Assert.Throws<NotSupportedException>(() => SyntaxTree.Children(new UnknownNode()).ToList());
        Assert.Contains(nameof(UnknownNode), e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("it's \\ \"quoted\"\n\r\t\b\f")]
    [InlineData("control \u0001 and unicode é ✓")]
    public void StringLiteral_Should_ReadBackAsTheSameString(string value)
    {
        var parsed = ParseHelpers.Expr(CypherText.StringLiteral(value));
        Assert.Equal(value, Assert.IsType<Literal>(parsed).Value);
    }

    [Fact]
    public void Name_Should_QuoteEveryKeyword_So_ItReadsAsAVariable()
    {
        foreach (var keyword in CypherText.Keywords.Append("odd name").Append("with`tick"))
        {
            var name = CypherText.Name(keyword);
            var parsed = ParseHelpers.Expr(name + ".k");
            Assert.Equal(keyword, Assert.IsType<Variable>(Assert.IsType<PropertyAccess>(parsed).Target).Name);
        }
        Assert.Equal("person", CypherText.Name("person"));
    }

    private static IEnumerable<AstNode> ReflectedChildren(AstNode node)
    {
        foreach (var property in node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            // Stored properties only (positional and init): computed views such as PathPattern.Nodes repeat children.
            if (property.GetIndexParameters().Length != 0 || property.Name == "EqualityContract" || property.SetMethod is null) continue;
            switch (property.GetValue(node))
            {
                case AstNode child:
                    yield return child;
                    break;
                case IEnumerable list and not string:
                    foreach (var item in list)
                        if (item is AstNode c) yield return c;
                    break;
            }
        }
    }

    private sealed record UnknownNode : AstNode;
}
