namespace KnowledgeGraph.Cypher.Tck.Tests;

public class TckCommandTests
{
    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await TckCommand.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Run_Should_Return2_When_FeaturesAreMissing()
    {
        var (code, _, err) = await Run();
        Assert.Equal(2, code);
        Assert.Contains("--features DIR is required", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Should_Return2_When_OptionIsUnknown()
    {
        var (code, _, err) = await Run("--features", ".", "--bogus", "1");
        Assert.Equal(2, code);
        Assert.Contains("--bogus", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Should_Return2_When_FolderDoesNotExist()
    {
        var (code, _, err) = await Run("--features", "/no/such/folder");
        Assert.Equal(2, code);
        Assert.Contains("not found", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Should_PrintUsage_When_HelpIsAsked()
    {
        var (code, output, _) = await Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("--update-baseline", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Should_ReportZeroScenarios_When_FilterMatchesNothing()
    {
        var dir = Directory.CreateTempSubdirectory("tck-empty-").FullName;
        try
        {
            var (code, output, _) = await Run("--features", dir, "--filter", "nothing");
            Assert.Equal(0, code);
            Assert.Contains("TCK: 0 passed, 0 failed of 0", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
