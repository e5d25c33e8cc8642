using System.Collections;
using System.Globalization;
using System.Text;
using GraphQL;
using GraphQLParser.AST;
using KnowledgeGraph.GraphQL.Compilation;
using KnowledgeGraph.GraphQL.Execution;
using KnowledgeGraph.GraphQL.Model;
using KnowledgeGraph.GraphQL.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.GraphQL.Subscriptions;

/// <summary>The subscription fields.</summary>
internal enum SubscriptionKind
{
    EntityChanged,
    RelationshipChanged,
    FactsAbout,
    PathsChanged,
}

/// <summary>Source-stream resolvers of the subscription fields: which changes each one selects.</summary>
internal static class SubscriptionStreams
{
    public static async ValueTask<IObservable<object?>> ResolveAsync(IResolveFieldContext context, SubscriptionKind kind, KgModel model)
    {
        var services = context.RequestServices ?? throw new InvalidOperationException("Subscriptions need request services.");
        var options = services.GetRequiredService<IOptions<SubscriptionOptions>>().Value;
        if (!options.Enabled)
            throw new KgGraphQLException(KgErrorCodes.SubscriptionsUnavailable, "Subscriptions are turned off on this server (GraphQL:Subscriptions:Enabled).");
        var feed = services.GetRequiredService<ChangeFeed>();
        var after = context.GetArgument<string?>("after");
        var stream = kind == SubscriptionKind.PathsChanged
            ? PathsStream(new ResolveFieldContext(context), model, options)
            : new ChangeStream(options.SendQueueLimit, Filter(context, kind, model));
        await stream.StartAsync(feed, after, context.CancellationToken).ConfigureAwait(false);
        return stream;
    }

    private static Func<ChangeBatch, CancellationToken, ValueTask<object?>> Filter(IResolveFieldContext context, SubscriptionKind kind, KgModel model)
    {
        Func<GraphChange, bool> select;
        string? key = null;
        switch (kind)
        {
            case SubscriptionKind.EntityChanged:
            {
                var keys = Set(context.GetArgument<List<object>?>("keys"));
                var kinds = Set(context.GetArgument<List<object>?>("kinds"));
                select = c => c.IsNode && (keys is null || (c.Key is not null && keys.Contains(c.Key))) && (kinds is null || c.Labels.Any(kinds.Contains));
                break;
            }
            case SubscriptionKind.RelationshipChanged:
            {
                var between = context.GetArgument<string?>("between");
                var and = context.GetArgument<string?>("and");
                var types = Set(context.GetArgument<List<object>?>("types"));
                var min = context.GetArgument<object?>("minConfidence") as string;
                var admitted = min is null ? null : Evidence.Admitted(min, includeDenied: false).ToHashSet(StringComparer.Ordinal);
                if (and is not null && between is null)
                    throw new KgGraphQLException(KgErrorCodes.InvalidArgument, "and needs between.");
                select = c => !c.IsNode
                    && (types is null || (c.Type is not null && types.Contains(c.Type)))
                    && (between is null || Touches(c, between, and))
                    && (admitted is null || (c.Current.GetValueOrDefault("confidence") is string conf && admitted.Contains(conf)));
                break;
            }
            default:
                key = context.GetArgument<string>("key");
                ArgumentException.ThrowIfNullOrEmpty(key);
                var k = key;
                select = c => !c.IsNode && (c.StartKey == k || c.EndKey == k);
                break;
        }
        _ = model;
        return (batch, _) =>
        {
            var selected = batch.Changes.Where(select).ToList();
            return ValueTask.FromResult<object?>(selected.Count == 0 ? null : new ChangeEventPayload(batch.Sequence, batch.Cursor, selected) { Key = key });
        };
    }

    private static bool Touches(GraphChange c, string one, string? other) =>
        (c.StartKey == one && (other is null || c.EndKey == other)) || (c.EndKey == one && (other is null || c.StartKey == other));

    private static HashSet<string>? Set(List<object>? values) =>
        values is null ? null : values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)!).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// pathsChanged: Query.paths run with the subscription's arguments and the selection of its <c>paths</c> field.
    /// A transaction matters when it changed a relationship of a followed type or deleted or re-keyed an entity, or
    /// touched an endpoint; then the query runs again and an event is sent when the result differs.
    /// </summary>
    private static ChangeStream PathsStream(ResolveFieldContext context, KgModel model, SubscriptionOptions options)
    {
        var requested = Set(context.GetArgument<List<object>?>("relationshipTypes"));
        var followed = requested ?? model.Relationships.Select(r => r.Type).Where(t => !KgCompiler.ProvenanceTypes.Contains(t)).ToHashSet(StringComparer.Ordinal);
        var from = context.GetArgument<string>("from");
        var to = context.GetArgument<string>("to");
        var query = context.Schema.Query.GetField("paths") ?? throw new InvalidOperationException("Query.paths is missing.");
        var selection = FindField(context.FieldAst.SelectionSet, "paths", context.Document);
        var arguments = context.Arguments?.Where(a => a.Key != "after").ToDictionary(a => a.Key, a => a.Value);
        string? previous = null;

        async ValueTask<object?> Evaluate(CancellationToken ct)
        {
            if (selection is null) return null;
            var run = new ResolveFieldContext(context)
            {
                FieldDefinition = query,
                FieldAst = selection,
                ParentType = context.Schema.Query,
                Arguments = arguments,
                CancellationToken = ct,
                Source = null,
            };
            return await new RootFieldResolver(mutation: false).ResolveAsync(run).ConfigureAwait(false);
        }

        return new ChangeStream(options.SendQueueLimit,
            async (batch, ct) =>
            {
                var relationships = batch.Changes.Where(c => !c.IsNode && c.Type is not null && followed.Contains(c.Type)).ToList();
                var entities = batch.Changes.Where(c => c.IsNode
                    && (c.Operation == ChangeOperation.Deleted || c.ChangedProperties.Contains("key") || c.Key == from || c.Key == to)).ToList();
                if (relationships.Count == 0 && entities.Count == 0) return null;
                var paths = await Evaluate(ct).ConfigureAwait(false);
                var canonical = Canonical(paths);
                if (selection is not null && canonical == previous) return null;
                previous = canonical;
                return new ChangeEventPayload(batch.Sequence, batch.Cursor, relationships) { EntityChanges = entities, Paths = paths };
            },
            async (sequence, cursor, ct) =>
            {
                var paths = await Evaluate(ct).ConfigureAwait(false);
                previous = Canonical(paths);
                return new ChangeEventPayload(sequence, cursor ?? "", []) { Paths = paths };
            },
            coalesce: true);
    }

    private static GraphQLField? FindField(GraphQLSelectionSet? set, string name, GraphQLDocument document)
    {
        foreach (var selection in set?.Selections ?? [])
        {
            var found = selection switch
            {
                GraphQLField f when f.Name.StringValue == name => f,
                GraphQLInlineFragment inline => FindField(inline.SelectionSet, name, document),
                GraphQLFragmentSpread spread => FindField(document.Definitions.OfType<GraphQLFragmentDefinition>()
                    .FirstOrDefault(d => d.FragmentName.Name.StringValue == spread.FragmentName.Name.StringValue)?.SelectionSet, name, document),
                _ => null,
            };
            if (found is not null) return found;
        }
        return null;
    }

    /// <summary>A text equal for equal results: pages, maps (keys sorted), lists and scalars.</summary>
    private static string Canonical(object? value)
    {
        var sb = new StringBuilder();
        Write(value, sb);
        return sb.ToString();

        static void Write(object? v, StringBuilder sb)
        {
            switch (v)
            {
                case null:
                    sb.Append("null");
                    break;
                case string s:
                    sb.Append('"').Append(s.Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
                    break;
                case ConnectionPage page:
                    Write(page.Items, sb);
                    sb.Append(page.Total?.ToString(CultureInfo.InvariantCulture)).Append(page.Info);
                    break;
                case IReadOnlyDictionary<string, object?> map:
                    sb.Append('{');
                    foreach (var (k, x) in map.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                    {
                        sb.Append(k).Append(':');
                        Write(x, sb);
                        sb.Append(',');
                    }
                    sb.Append('}');
                    break;
                case IEnumerable list:
                    sb.Append('[');
                    foreach (var x in list)
                    {
                        Write(x, sb);
                        sb.Append(',');
                    }
                    sb.Append(']');
                    break;
                default:
                    sb.Append(Convert.ToString(v, CultureInfo.InvariantCulture));
                    break;
            }
        }
    }
}
