using KnowledgeGraph.Cypher.Tck.Values;

namespace KnowledgeGraph.Cypher.Tck.Tests;

public class TckValueParserTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("-12", -12L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void Parse_Should_ReadIntegers(string text, long expected) =>
        Assert.Equal(new TckInteger(expected), TckValueParser.Parse(text));

    [Theory]
    [InlineData("1.0", 1.0)]
    [InlineData("-0.5", -0.5)]
    [InlineData("1e10", 1e10)]
    [InlineData("2.5E-3", 2.5e-3)]
    [InlineData(".5", 0.5)]
    [InlineData("Inf", double.PositiveInfinity)]
    [InlineData("-Inf", double.NegativeInfinity)]
    public void Parse_Should_ReadFloats(string text, double expected)
    {
        var value = Assert.IsType<TckFloat>(TckValueParser.Parse(text));
        Assert.Equal(expected, value.Value);
        Assert.Equal(text, value.Text);
    }

    [Fact]
    public void Parse_Should_ReadNaN() =>
        Assert.True(double.IsNaN(Assert.IsType<TckFloat>(TckValueParser.Parse("NaN")).Value));

    [Theory]
    [InlineData("''", "")]
    [InlineData("'abc'", "abc")]
    [InlineData(@"'\''", "'")]
    [InlineData(@"'a\\b'", @"a\b")]
    [InlineData(@"'tab\there'", "tab\there")]
    [InlineData(@"'\u00e9'", "é")]
    [InlineData("'with \"double\" quotes'", "with \"double\" quotes")]
    [InlineData("'🧐🍌❖⋙⚐'", "🧐🍌❖⋙⚐")]
    public void Parse_Should_ReadStringsWithEscapes(string text, string expected) =>
        Assert.Equal(new TckString(expected), TckValueParser.Parse(text));

    [Fact]
    public void Parse_Should_ReadKeywords()
    {
        Assert.Equal(TckNull.Instance, TckValueParser.Parse(" null "));
        Assert.Equal(new TckBoolean(true), TckValueParser.Parse("true"));
        Assert.Equal(new TckBoolean(false), TckValueParser.Parse("false"));
    }

    [Fact]
    public void Parse_Should_ReadNestedListsAndMaps()
    {
        var list = Assert.IsType<TckList>(TckValueParser.Parse("[1, 'a', [], {k: [2.0, null]}]"));
        Assert.Equal(4, list.Items.Count);
        Assert.Equal(new TckInteger(1), list.Items[0]);
        Assert.Empty(Assert.IsType<TckList>(list.Items[2]).Items);
        var map = Assert.IsType<TckMap>(list.Items[3]);
        var (key, inner) = Assert.Single(map.Entries);
        Assert.Equal("k", key);
        Assert.Equal(2, Assert.IsType<TckList>(inner).Items.Count);
    }

    [Fact]
    public void Parse_Should_ReadEmptyMap() => Assert.Empty(Assert.IsType<TckMap>(TckValueParser.Parse("{}")).Entries);

    [Fact]
    public void Parse_Should_ReadNodeWithLabelsAndProperties()
    {
        var node = Assert.IsType<TckNode>(TckValueParser.Parse("(:A:B {name: 'x', num: 1})"));
        Assert.Equal(["A", "B"], node.Labels);
        Assert.Equal(["name", "num"], node.Properties.Entries.Select(e => e.Key));
        Assert.Empty(Assert.IsType<TckNode>(TckValueParser.Parse("()")).Labels);
    }

    [Fact]
    public void Parse_Should_TellRelationshipFromList()
    {
        var rel = Assert.IsType<TckRelationship>(TckValueParser.Parse("[:T {p: 1}]"));
        Assert.Equal("T", rel.Type);
        Assert.Single(rel.Properties.Entries);
        var list = Assert.IsType<TckList>(TckValueParser.Parse("[[:T], [:U]]"));
        Assert.All(list.Items, item => Assert.IsType<TckRelationship>(item));
    }

    [Fact]
    public void Parse_Should_ReadPathWithBothDirections()
    {
        var path = Assert.IsType<TckPath>(TckValueParser.Parse("<(:A {name: 'a'})-[:T]->(:B)<-[:U {w: 2}]-()>"));
        Assert.Equal(3, path.Nodes.Count);
        Assert.Equal(["T", "U"], path.Relationships.Select(r => r.Type));
        Assert.Equal([true, false], path.Forward);
        var single = Assert.IsType<TckPath>(TckValueParser.Parse("<()>"));
        Assert.Single(single.Nodes);
        Assert.Empty(single.Relationships);
    }

    [Theory]
    [InlineData("'unterminated")]
    [InlineData("[1, 2")]
    [InlineData("1 2")]
    [InlineData("{a 1}")]
    [InlineData("<(:A)-[:T]-(:B)>")]
    [InlineData("nulls")]
    [InlineData("99999999999999999999")]
    [InlineData("")]
    public void Parse_Should_Fail_When_TextIsNotALiteral(string text) =>
        Assert.False(TckValueParser.TryParse(text, out _, out var error) || error is null);

    [Fact]
    public void Parse_Should_RoundTripThroughValueText()
    {
        const string text = "[<(:A {name: 'a'})-[:T]->(:B)<-[:U {w: 2}]-()>, {a: 1.5, b: [NaN, -Inf]}, 'it\\'s']";
        var first = TckValueParser.Parse(text);
        var again = TckValueParser.Parse(ValueText.OfExpected(first));
        Assert.Equal(ValueText.OfExpected(first), ValueText.OfExpected(again));
    }
}
