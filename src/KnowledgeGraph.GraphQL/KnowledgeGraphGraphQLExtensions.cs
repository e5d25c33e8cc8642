using KnowledgeGraph.Configuration;
using KnowledgeGraph.GraphQL.Execution;
using KnowledgeGraph.GraphQL.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.GraphQL;

/// <summary>Host integration of the GraphQL API.</summary>
public static class KnowledgeGraphGraphQLExtensions
{
    /// <summary>The endpoint path.</summary>
    public const string EndpointPath = "/graphql";

    /// <summary>
    /// Registers the GraphQL schema, executor and transport, binding and validating <c>GraphQL:*</c> options
    /// (including <c>GraphQL:ApiKey</c>). The host registers <see cref="KnowledgeGraph.Driver.IGraphDriver"/>.
    /// </summary>
    public static IServiceCollection AddKnowledgeGraphGraphQL(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddKgOptions<KgGraphQLOptions, OptionsValidator>(configuration, KgGraphQLOptions.SectionName);
        services.AddSingleton<IPostConfigureOptions<KgGraphQLOptions>, DevelopmentExplain>();
        services.AddKgOptions<Subscriptions.SubscriptionOptions, SubscriptionOptionsValidator>(configuration, Subscriptions.SubscriptionOptions.SectionName);
        services.AddSingleton<Subscriptions.SubscriptionLimiter>();
        services.AddSingleton<Subscriptions.ChangeFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<Subscriptions.ChangeFeed>());
        services.AddSingleton<KgGraphQLService>();
        services.AddSingleton<GraphQLHttpEndpoint>();
        services.AddSingleton<IdeEndpoint>();
        // ingestDocument and reloadSeeds (curator mutations) use the ingestor and the seeds directory.
        services.AddKnowledgeGraphIngestion(configuration);
        return services;
    }

    /// <summary>Maps <c>/graphql</c> (GET, POST, OPTIONS; <c>?sdl</c>; WebSocket upgrades and <c>Accept: text/event-stream</c>
    /// for subscriptions: the host must call <c>UseWebSockets</c>) and the IDE under <c>/graphql/</c>.</summary>
    public static IEndpointRouteBuilder MapKnowledgeGraphGraphQL(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.Map(EndpointPath, (HttpContext http) => http.RequestServices.GetRequiredService<GraphQLHttpEndpoint>().HandleAsync(http))
            .WithDisplayName("GraphQL");
        endpoints.MapGet(EndpointPath + "/{**path}", (HttpContext http) => http.RequestServices.GetRequiredService<IdeEndpoint>().HandleAsync(http, EndpointPath))
            .WithDisplayName("Banana Cake Pop");
        return endpoints;
    }

    /// <summary>In Development every response reports its Cypher (<c>extensions.cypher</c>).</summary>
    private sealed class DevelopmentExplain(IServiceProvider services) : IPostConfigureOptions<KgGraphQLOptions>
    {
        public void PostConfigure(string? name, KgGraphQLOptions options)
        {
            if (services.GetService<IHostEnvironment>()?.IsDevelopment() == true) options.ExplainAlways = true;
        }
    }

    private sealed class SubscriptionOptionsValidator : IValidateOptions<Subscriptions.SubscriptionOptions>
    {
        public ValidateOptionsResult Validate(string? name, Subscriptions.SubscriptionOptions options)
        {
            var problems = options.Validate().ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }

    private sealed class OptionsValidator : IValidateOptions<KgGraphQLOptions>
    {
        public ValidateOptionsResult Validate(string? name, KgGraphQLOptions options)
        {
            var problems = options.Validate().ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
