using KnowledgeGraph.Cypher.Tck.Gherkin;

namespace KnowledgeGraph.Cypher.Tck.Tests;

public class FeatureLoaderTests
{
    private const string Feature = """"
        Feature: Sample - things

          Background:
            Given an empty graph

          Scenario: [1] Plain
            When executing query:
              """
              RETURN 1 AS x
              """
            Then the result should be, in any order:
              | x |
              | 1 |
            And no side effects

          @skipStyleCheck
          Scenario Outline: [2] Outline <v>
            When executing query:
              """
              RETURN <v> AS x
              """
            Then the result should be, in any order:
              | x        |
              | <result> |

            Examples:
              | v | result |
              | 1 | 1      |
              | 2 | 2      |

            Examples:
              | v         | result |
              | 'a \| b'  | 'a \| b' |
        """";

    [Fact]
    public void LoadFeature_Should_ExpandOutlinesWithIndexesAcrossExamplesBlocks()
    {
        var scenarios = FeatureLoader.LoadFeature("expressions/sample/Sample.feature", Feature);
        Assert.Equal(4, scenarios.Count);
        Assert.Equal("expressions/sample/Sample.feature:[1] Plain", scenarios[0].Id);
        Assert.Equal(
            ["expressions/sample/Sample.feature:[2] Outline <v>:1", "expressions/sample/Sample.feature:[2] Outline <v>:2", "expressions/sample/Sample.feature:[2] Outline <v>:3"],
            scenarios.Skip(1).Select(s => s.Id));
        Assert.Equal("expressions/sample", scenarios[0].Folder);
    }

    [Fact]
    public void LoadFeature_Should_SubstitutePlaceholdersInQueriesAndTables()
    {
        var third = FeatureLoader.LoadFeature("Sample.feature", Feature)[3];
        var query = third.Steps.Single(s => s.DocString is not null).DocString;
        Assert.Equal("RETURN 'a | b' AS x", query);
        var table = third.Steps.Single(s => s.Table is not null).Table!;
        Assert.Equal(["x"], table[0]);
        Assert.Equal(["'a | b'"], table[1]);
        Assert.Contains("@skipStyleCheck", third.Tags);
    }

    [Fact]
    public void LoadFeature_Should_PrependBackgroundSteps()
    {
        var plain = FeatureLoader.LoadFeature("Sample.feature", Feature)[0];
        Assert.Equal("an empty graph", plain.Steps[0].Text);
        Assert.Equal("Given", plain.Steps[0].Keyword);
        Assert.Equal(["executing query:", "the result should be, in any order:", "no side effects"], plain.Steps.Skip(1).Select(s => s.Text));
    }

    [Fact]
    public void Substitute_Should_LeaveUnknownAngleBracketsAlone()
    {
        var values = new Dictionary<string, string> { ["x"] = "42" };
        Assert.Equal("<(:A)-[:T]->(:B)> 42 <y>", FeatureLoader.Substitute("<(:A)-[:T]->(:B)> <x> <y>", values));
    }

    [Fact]
    public void LoadFeature_Should_Fail_When_TextIsNotGherkin() =>
        Assert.Throws<InvalidDataException>(() => FeatureLoader.LoadFeature("Bad.feature", "Feature: x\n  Scenario: y\n    Given a\n      \"\"\"\n      never closed\n"));
}
