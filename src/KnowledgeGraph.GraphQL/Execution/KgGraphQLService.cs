using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;
using KnowledgeGraph.GraphQL.Model;
using KnowledgeGraph.GraphQL.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using KnowledgeGraph.GraphQL.Compilation;
using KnowledgeGraph.GraphQL.Execution.Direct;

namespace KnowledgeGraph.GraphQL.Execution;

/// <summary>A parsed GraphQL request (from a POST body or GET query string).</summary>
public sealed record KgGraphQLRequest(string Query, string? OperationName, Inputs? Variables, Inputs? Extensions);

/// <summary>
/// The schema and the executor: runs GraphQL requests with the configured validation limits (depth,
/// complexity) and attaches <c>extensions.cypher</c> when explaining.
/// </summary>
public sealed class KgGraphQLService
{
    private readonly DocumentExecuter _executer;
    private const int IntrospectionMaxDepth = 16;
    private const int IntrospectionMaxComplexity = 4_000_000;

    private readonly IReadOnlyList<IValidationRule> _rules;
    private readonly IReadOnlyList<IValidationRule> _introspectionRules;
    private readonly IReadOnlyList<IValidationRule> _cachedRules;
    private readonly IReadOnlyList<IValidationRule> _cachedIntrospectionRules;
    private readonly ILogger<KgGraphQLService> _logger;

    /// <summary>Builds the schema from <see cref="KgModel.Default"/>.</summary>
    public KgGraphQLService(IOptions<KgGraphQLOptions> options, ILogger<KgGraphQLService> logger)
    {
        Options = options.Value;
        _logger = logger;
        // The transport parses with the same cap; the executor re-parses only a document with a syntax error (to
        // report it), and must not trip over a depth the transport accepted.
        var validator = new DocumentValidator();
        _executer = new DocumentExecuter(new GraphQLDocumentBuilder { MaxDepth = Options.MaxDocumentDepth }, validator);
        Model = KgModel.Default;
        var queryRoot = new RootFieldResolver(mutation: false, Compiled);
        Schema = new KgSchemaBuilder(Model, queryRoot, new RootFieldResolver(mutation: true)).Build();
        Sdl = Schema.Print(new global::GraphQL.Utilities.PrintOptions { IncludeDescriptions = true }).TrimEnd() + "\n";
        var complexity = new ComplexityOptions { MaxDepth = Options.MaxDepth, MaxComplexity = Options.MaxComplexity };
        var complexityRule = new ComplexityValidationRule(complexity);
        _rules = [.. DocumentValidator.CoreRules, complexityRule];
        _cachedRules = [complexityRule];
        // IDEs (Banana Cake Pop) send the full introspection query: 13 levels deep (ofType chains) and, under the same
        // cost model, about 2.1 M (with the ingestion types). An operation made only of introspection fields reads the
        // in-memory schema, never the graph, so it gets its own, larger budget — still bounded, so nesting
        // fields -> type -> fields ... is refused.
        var introspection = new ComplexityOptions
        {
            MaxDepth = Math.Max(Options.MaxDepth, IntrospectionMaxDepth),
            MaxComplexity = Math.Max(Options.MaxComplexity, IntrospectionMaxComplexity),
        };
        var introspectionComplexity = new ComplexityValidationRule(introspection);
        _introspectionRules = [.. DocumentValidator.CoreRules, introspectionComplexity];
        _cachedIntrospectionRules = [introspectionComplexity];
        var serializer = new KgSerializer(new KgErrorInfoProvider());
        Serializer = serializer;
        Direct = new DirectExecutor(Schema, Compiled, queryRoot, serializer.Options, validator, _cachedRules);
    }

    /// <summary>The direct path for repeated queries whose root fields are all compiled (see <see cref="DirectExecutor"/>).</summary>
    internal DirectExecutor Direct { get; }

    /// <summary>Parsed documents and the operations of each that passed static validation.</summary>
    internal DocumentCache Documents { get; } = new();

    /// <summary>Compiled Cypher of query root fields by (field node of a cached document, variable values).</summary>
    internal CompiledCache Compiled { get; } = new();

    /// <summary>The knowledge model.</summary>
    public KgModel Model { get; }

    /// <summary>The options in force.</summary>
    public KgGraphQLOptions Options { get; }

    /// <summary>The generated schema.</summary>
    public ISchema Schema { get; }

    /// <summary>The schema in SDL.</summary>
    public string Sdl { get; }

    /// <summary>Serializes results (System.Text.Json, HotChocolate-like error shape).</summary>
    public GraphQLSerializer Serializer { get; }

    /// <summary>The operation the request would run, or null when it cannot be told (parse errors, unknown name).</summary>
    public static OperationType? OperationTypeOf(GraphQLDocument document, string? operationName) =>
        SelectOperation(document, operationName)?.Operation;

    internal static GraphQLOperationDefinition? SelectOperation(GraphQLDocument document, string? operationName)
    {
        // Runs several times per request: a loop, not a LINQ list.
        GraphQLOperationDefinition? found = null;
        var named = !string.IsNullOrEmpty(operationName);
        foreach (var definition in document.Definitions)
        {
            if (definition is not GraphQLOperationDefinition operation) continue;
            if (named)
            {
                if (operation.Name?.StringValue == operationName) return operation;
            }
            else if (found is not null)
            {
                return null; // several operations and no name: none is chosen
            }
            else
            {
                found = operation;
            }
        }
        return named ? null : found;
    }

    /// <summary>True when the operation selects only introspection fields (<c>__schema</c>, <c>__type</c>, <c>__typename</c>) at its root.</summary>
    public static bool IsIntrospectionOnly(GraphQLDocument document, string? operationName)
    {
        ArgumentNullException.ThrowIfNull(document);
        return SelectOperation(document, operationName) is { Operation: OperationType.Query } op
            && op.SelectionSet.Selections.All(s => s is GraphQLField f && f.Name.StringValue.StartsWith("__", StringComparison.Ordinal));
    }

    /// <summary>Executes a request; <paramref name="document"/> may be pre-parsed by the transport.</summary>
    public async Task<ExecutionResult> ExecuteAsync(
        KgGraphQLRequest request, GraphQLDocument? document, KgRequestContext context, bool explain,
        IServiceProvider services, CancellationToken cancellationToken)
    {
        var introspectionOnly = document is not null && IsIntrospectionOnly(document, request.OperationName);
        var validated = document is not null && Documents.IsValidated(request.Query, document, request.OperationName);
        // Without variable definitions the complexity of a validated operation is fixed by the document: it passed.
        var rules = validated && SelectOperation(document!, request.OperationName)?.Variables is not { Items.Count: > 0 }
            ? []
            : introspectionOnly
                ? (validated ? _cachedIntrospectionRules : _introspectionRules)
                : (validated ? _cachedRules : _rules);
        context.DocumentCached = document is not null && ReferenceEquals(Documents.Find(request.Query), document);
        var result = await _executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = Schema,
            Query = request.Query,
            Document = document,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            UserContext = context,
            RequestServices = services,
            CancellationToken = cancellationToken,
            ValidationRules = rules,
            ThrowOnUnhandledException = false,
            UnhandledExceptionDelegate = ctx =>
            {
                _logger.LogError(ctx.OriginalException, "GraphQL field failed: {Message}", ctx.OriginalException.Message);
                return Task.CompletedTask;
            },
        }).ConfigureAwait(false);
        // Executed means the document passed validation (with variables coerced); a later request with the same
        // text needs only the variable-dependent complexity rule.
        if (result.Executed && document is not null && !validated) Documents.MarkValidated(request.Query, document, request.OperationName);
        if (explain || context.DryRun)
        {
            result.Extensions ??= new Dictionary<string, object?>();
            result.Extensions["cypher"] = context.Statements
                .Select(s => new Dictionary<string, object?> { ["query"] = s.Query, ["parameters"] = Shown(s.Parameters) })
                .ToList();
        }
        return result;
    }

    /// <summary>
    /// The response of a repeated query from the direct path, or null when the request must run through
    /// <see cref="ExecuteAsync"/>: only a cached document whose operation passed validation, sent without
    /// extensions, neither explained nor dry-run (those report the statements through GraphQL.NET's result).
    /// </summary>
    internal Task<DirectResponse?> TryExecuteDirectAsync(KgGraphQLRequest request, GraphQLDocument document, KgRequestContext context,
        bool explain, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (explain || context.DryRun || request.Extensions is { Count: > 0 }
            // IsValidated holds only for this very document object kept under this text: it is the cached one.
            || !Documents.IsValidated(request.Query, document, request.OperationName)
            || SelectOperation(document, request.OperationName) is not { } operation)
            return Task.FromResult<DirectResponse?>(null);
        context.DocumentCached = true;
        return Direct.TryExecuteAsync(document, operation, request.Variables, context, services, cancellationToken);
    }

    /// <summary>The parameters as explain output shows them: the accent folding table that every <c>search</c> passes
    /// (about a hundred pairs, always the same) is summarised rather than printed.</summary>
    internal static Dictionary<string, object?> Shown(IReadOnlyDictionary<string, object?> parameters) =>
        parameters.ToDictionary(p => p.Key, p => ReferenceEquals(p.Value, KgCompiler.FoldTableParameter)
            ? $"<accent folding table: {KgCompiler.FoldTable.Count} pairs>"
            : p.Value);
}

/// <summary>The serializer, with its options visible to the direct path, which writes values through them.</summary>
internal sealed class KgSerializer(KgErrorInfoProvider errors) : GraphQLSerializer(errors)
{
    public System.Text.Json.JsonSerializerOptions Options => SerializerOptions;
}
