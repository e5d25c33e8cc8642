using KnowledgeGraph.Cypher.Tck.Running;

namespace KnowledgeGraph.Cypher.Tck.Tests;

public class TckProcedureTests
{
    [Fact]
    public void Parse_Should_ReadSignatureAndTable()
    {
        var procedure = TckProcedure.Parse(
            "test.my.proc(name :: STRING?, id :: INTEGER?) :: (city :: STRING?, country_code :: INTEGER?):",
            [["name", "id", "city", "country_code"], ["'Andres'", "1", "'Malmö'", "46"], ["'Tobias'", "1", "'Malmö'", "46"], ["'Andres'", "2", "'Berlin'", "49"]]);
        Assert.Equal("test.my.proc", procedure.Name);
        Assert.Equal([new TckProcedureField("name", "STRING?"), new TckProcedureField("id", "INTEGER?")], procedure.Inputs);
        Assert.Equal(["city", "country_code"], procedure.Outputs.Select(o => o.Name));

        var rows = procedure.Invoke(["Andres", 1L]).ToList();
        var row = Assert.Single(rows);
        Assert.Equal(["Malmö", 46L], row);
        Assert.Empty(procedure.Invoke(["Andres", 1.0]));
    }

    [Fact]
    public void Invoke_Should_MatchNullArguments()
    {
        var procedure = TckProcedure.Parse("test.my.proc(in :: INTEGER?) :: (a :: INTEGER?, b :: INTEGER?) :", [["in", "a", "b"], ["null", "1", "2"]]);
        Assert.Equal([1L, 2L], Assert.Single(procedure.Invoke([null])));
        Assert.Empty(procedure.Invoke([1L]));
    }

    [Fact]
    public void Parse_Should_ReadVoidProcedureWithEmptyTable()
    {
        var procedure = TckProcedure.Parse("test.doNothing() :: ():", [[]]);
        Assert.Empty(procedure.Inputs);
        Assert.Empty(procedure.Outputs);
        Assert.Empty(procedure.Invoke([]));
    }

    [Fact]
    public void Parse_Should_Fail_When_TableDoesNotFitSignature() =>
        Assert.Throws<FormatException>(() => TckProcedure.Parse("test.labels() :: (label :: STRING?):", [["label", "extra"]]));
}
