using System.Diagnostics;
using KnowledgeGraph.Testing;
using Xunit;

namespace KnowledgeGraph.Api.Tests.Faults;

/// <summary>
/// Random and mutated GraphQL requests from fixed seeds against the real process: every answer must be a GraphQL
/// answer (JSON, <c>errors[]</c> with <c>extensions.code</c>, no 5xx) and the service must stay healthy. Bounded to
/// a few seconds per seed; the long run is <c>dotnet run --project tests/KnowledgeGraph.Benchmarks -c Release --
/// fuzz-graphql --seconds N --seed S</c>.
/// </summary>
public sealed class GraphQLFuzzTests(ApiProcessFixture fixture) : IClassFixture<ApiProcessFixture>
{
    private const int CasesPerSeed = 250;
    private static readonly TimeSpan SeedBudget = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData(1)]
    [InlineData(20261206)]
    [InlineData(424242)]
    public async Task Fuzz_Should_AlwaysGetAGraphQLAnswerAndStayHealthy_When_SeededCasesArePosted(int seed)
    {
        var fuzzer = new GraphQLFuzzer(seed);
        var endpoint = new Uri(fixture.Api.BaseAddress, "/graphql");
        var failures = new List<string>();
        var watch = Stopwatch.StartNew();
        var sent = 0;
        for (; sent < CasesPerSeed && watch.Elapsed < SeedBudget; sent++)
        {
            var fuzzCase = fuzzer.Next();
            var problem = await GraphQLFuzzer.CheckAsync(fixture.Http, endpoint, fuzzCase, CancellationToken.None);
            if (problem is not null) failures.Add($"case {sent} ({fuzzCase.Kind}): {problem}");
        }

        Assert.True(failures.Count == 0, $"seed {seed}, {failures.Count} of {sent} cases failed:\n" + string.Join('\n', failures.Take(10)));
        Assert.True(sent > 20, $"only {sent} cases ran in {SeedBudget}");
        await GraphQLFaults.AssertHealthyAsync(fixture.Http, fixture.Api);
    }
}
