using System.Text;
using GraphQL.Types;
using KnowledgeGraph.GraphQL.Execution;
using KnowledgeGraph.GraphQL.Model;
using KnowledgeGraph.GraphQL.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.GraphQL.Tests;

/// <summary>
/// Entities and relationships are typed by label (KgSchemaBuilder.TypedByLabel): the Node and Entity interfaces resolve
/// a value to the type its label names, and that type's IsTypeOf tests the same label. The direct path relies on it to
/// type each projected node once (a page of paths projects about fifty) instead of asking IsTypeOf again.
/// </summary>
public sealed class TypedByLabelTests
{
    private static Dictionary<string, object?> Projected(params object?[] labels) => new(StringComparer.Ordinal)
    {
        ["key"] = "k",
        ["__t"] = labels.ToList(),
    };

    [Fact]
    public void LabelTypedInterfaces_Should_ResolveOnlyToTypesWhoseIsTypeOfAccepts_When_TheValueIsAnyModelNodeOrARelationship()
    {
        var schema = new KgGraphQLService(Options.Create(new KgGraphQLOptions()), NullLogger<KgGraphQLService>.Instance).Schema;
        var abstracts = schema.AllTypes.OfType<IAbstractGraphType>().Where(t => t.HasMetadata(KgSchemaBuilder.TypedByLabel)).ToList();
        Assert.Contains(abstracts, t => t.Name == "Entity");
        Assert.Contains(abstracts, t => t.Name == "Node");
        var values = new List<object>
        {
            new Dictionary<string, object?> { ["__t"] = KgSchemaBuilder.RelationshipTypeName },
            Projected("Imported"),
        };
        foreach (var label in KgModel.Default.LabelsByName.Keys)
        {
            values.Add(Projected(label));
            values.Add(Projected("Imported", label));
            values.Add(new Dictionary<string, object?> { ["__t"] = label });
        }
        var checkedTypes = 0;
        foreach (var abstractType in abstracts)
        {
            foreach (var value in values)
            {
                if (abstractType.ResolveType!(value) is not IObjectGraphType resolved || !resolved.HasMetadata(KgSchemaBuilder.TypedByLabel)) continue;
                Assert.True(resolved.IsTypeOf!(value), $"{abstractType.Name} resolved a value to {resolved.Name}, whose IsTypeOf refuses it");
                checkedTypes++;
            }
        }
        Assert.True(checkedTypes > 2 * KgModel.Default.LabelsByName.Count, $"only {checkedTypes} resolutions checked");
    }

    [Fact]
    public async Task DirectPath_Should_TypeEachProjectedNodeOnce_When_APageOfPathsListsEntities()
    {
        await using var database = KnowledgeGraph.Cypher.GraphDatabase.CreateInMemory();
        await new KnowledgeGraph.Seeding.SeedLoader().LoadAsync(database, RepoPaths.Seeds);
        await using var app = GraphQLServerFixture.BuildApp(database, []);
        var service = app.Services.GetRequiredService<KgGraphQLService>();
        // Count IsTypeOf on every label-typed object type of this server's own schema (no other test sees it).
        var asked = 0;
        foreach (var type in service.Schema.AllTypes.OfType<ObjectGraphType>().Where(t => t.HasMetadata(KgSchemaBuilder.TypedByLabel)))
        {
            var isTypeOf = type.IsTypeOf!;
            type.IsTypeOf = value =>
            {
                Interlocked.Increment(ref asked);
                return isTypeOf(value);
            };
        }
        await app.StartAsync();
        var address = GraphQLServerFixture.AddressOf(app);
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        const string body = """{"query":"{ paths(from: \"country:us\", to: \"country:russia\", maxHops: 4, first: 10) { nodes { length nodes { key } } } }"}""";
        async Task<byte[]> SendAsync()
        {
            using var response = await client.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"));
            return await response.Content.ReadAsByteArrayAsync();
        }

        var normal = await SendAsync();
        var askedByNormalPath = Volatile.Read(ref asked);
        var taken = service.Direct.Taken;
        var direct = await SendAsync();

        Assert.Equal(taken + 1, service.Direct.Taken);
        Assert.Equal(normal, direct);
        // GraphQL.NET checks IsTypeOf for every projected node (so the counting wrappers are in place) ...
        Assert.True(askedByNormalPath >= 20, $"the normal path asked IsTypeOf {askedByNormalPath} times");
        // ... the direct path, whose Entity resolution already named each node's type, never does.
        Assert.Equal(askedByNormalPath, Volatile.Read(ref asked));
    }
}
