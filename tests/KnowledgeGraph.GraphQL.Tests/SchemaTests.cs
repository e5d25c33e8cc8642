using KnowledgeGraph.GraphQL.Execution;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Snapshooter.Xunit;

namespace KnowledgeGraph.GraphQL.Tests;

/// <summary>The generated schema: committed SDL snapshot and served SDL.</summary>
public abstract class SchemaTestsBase(GraphQLServerFixture server)
{
    [SuiteFact]
    public void Sdl_Should_MatchTheCommittedSnapshot()
    {
        var service = new KgGraphQLService(Options.Create(new KgGraphQLOptions()), NullLogger<KgGraphQLService>.Instance);
        Snapshot.Match(service.Sdl, SnapshotHelper.FullName("schema.graphql"));
        Assert.Contains("interface Node", service.Sdl);
        Assert.Contains("type Person implements Node & Entity", service.Sdl);
    }

    [SuiteFact]
    public async Task Sdl_Should_BeServed_When_GetWithSdlParameter()
    {
        using var response = await server.Client.GetAsync("/graphql?sdl");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.ToString());
        var sdl = await response.Content.ReadAsStringAsync();
        Assert.Contains("mediators(", sdl);
        Assert.Contains("shortestPath(", sdl);
    }

    /// <summary>The full introspection query IDEs send (the shape of graphql-js's getIntrospectionQuery, with descriptions,
    /// deprecations and nested ofType chains).</summary>
    private const string FullIntrospectionQuery = """
        query IntrospectionQuery {
          __schema {
            queryType { name } mutationType { name } subscriptionType { name }
            types { ...FullType }
            directives { name description locations args { ...InputValue } }
          }
        }
        fragment FullType on __Type {
          kind name description
          fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type {
          kind name
          ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
        }
        """;

    [SuiteFact]
    public async Task Introspection_Should_Succeed_When_AnIdeSendsTheFullIntrospectionQuery()
    {
        var (status, body) = await server.PostAsync(FullIntrospectionQuery, explain: false);

        Assert.Equal(200, status);
        Assert.Null(body["errors"]);
        var types = body["data"]!["__schema"]!["types"]!.AsArray();
        Assert.Contains(types, t => t!["name"]!.GetValue<string>() == "Person");
        Assert.Equal("Query", body["data"]!["__schema"]!["queryType"]!["name"]!.GetValue<string>());
    }

    [SuiteFact]
    public async Task Introspection_Should_DescribeEveryRootFieldArgument()
    {
        var (_, body) = await server.PostAsync("""
            { __schema { queryType { fields { name description args { name description } } } mutationType { fields { name description args { name description } } } } }
            """, explain: false);
        var fields = body["data"]!["__schema"]!["queryType"]!["fields"]!.AsArray()
            .Concat(body["data"]!["__schema"]!["mutationType"]!["fields"]!.AsArray()).ToList();
        Assert.Contains(fields, f => f!["name"]!.GetValue<string>() == "paths");
        var undescribed = fields
            .SelectMany(f => f!["args"]!.AsArray().Select(a => (Field: f["name"]!.GetValue<string>(), Arg: a!["name"]!.GetValue<string>(), Description: a["description"]?.GetValue<string>())))
            .Where(a => string.IsNullOrWhiteSpace(a.Description))
            .Select(a => a.Field + "(" + a.Arg + ")")
            .ToList();
        Assert.True(undescribed.Count == 0, "Arguments without a description: " + string.Join(", ", undescribed));
        Assert.All(fields, f => Assert.False(string.IsNullOrWhiteSpace(f!["description"]?.GetValue<string>()), f!["name"] + " has no description"));
    }

    [SuiteFact]
    public async Task Introspection_Should_BeRefused_When_NestedBeyondItsBudget()
    {
        // fields -> type -> fields -> ... multiplies with every level: the classic introspection denial of service.
        var nested = "{ __schema { types { " + string.Concat(Enumerable.Repeat("fields { type { ", 5)) + "name"
            + string.Concat(Enumerable.Repeat(" } }", 5)) + " } } }";

        var (_, body) = await server.PostAsync(nested, explain: false);

        var code = body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>();
        Assert.True(code is KgErrorCodes.MaxDepthExceeded or KgErrorCodes.MaxComplexityExceeded, code);
    }

}

/// <summary>The tests over the embedded engine in process.</summary>
[Collection(ServerCollection.Name)]
public sealed class SchemaTests(GraphQLServerFixture server) : SchemaTestsBase(server);

/// <summary>The same tests with the API on the Bolt client, against a second instance serving the engine over Bolt.</summary>
[Collection(BoltServerCollection.Name)]
public sealed class SchemaTestsOverBolt(BoltGraphQLServerFixture server) : SchemaTestsBase(server);
