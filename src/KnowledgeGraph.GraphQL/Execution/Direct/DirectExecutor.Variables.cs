using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace KnowledgeGraph.GraphQL.Execution.Direct;

internal sealed partial class DirectExecutor
{
    private const int VariableKeyCapacity = 1024;

    // (operation of a cached document, the variables as sent) -> the compiled cache's key of the coerced variables.
    private readonly ConcurrentDictionary<SentVariables, string> _variableKeys = new();
    private long _variableValidations;

    private readonly record struct SentVariables(GraphQLOperationDefinition Operation, string Spelled)
    {
        public bool Equals(SentVariables other) =>
            ReferenceEquals(Operation, other.Operation) && string.Equals(Spelled, other.Spelled, StringComparison.Ordinal);

        public override int GetHashCode() => HashCode.Combine(RuntimeHelpers.GetHashCode(Operation), string.GetHashCode(Spelled, StringComparison.Ordinal));
    }

    /// <summary>Times the direct path ran GraphQL.NET's validator for an operation's variables (the rest were known).</summary>
    public long VariableValidations => Interlocked.Read(ref _variableValidations);

    /// <summary>
    /// The compiled cache's key for the request's variables, or null when the direct path must decline (they do not
    /// coerce, the complexity rule refuses them, or their values have no exact spelling).
    /// <para>
    /// Variables are coerced, and the complexity rule (first/last may come from them) checked, by GraphQL.NET's own
    /// validator with the rules the normal path runs for a validated document. The outcome depends only on the schema
    /// (fixed), the operation (a cached document's node, immutable) and the values sent, so a request that sends the
    /// same values, of the same JSON types, in the same order as one that passed reuses its key without validating
    /// again. Values that failed are not kept: they are validated (and declined) every time.
    /// </para>
    /// </summary>
    private async ValueTask<string?> VariableKeyAsync(GraphQLDocument document, GraphQLOperationDefinition operation, Inputs? variables,
        KgRequestContext request, IServiceProvider services, CancellationToken cancellationToken)
    {
        var sent = CompiledCache.KeyOfSent(variables ?? Inputs.Empty) is { } spelledSent ? new SentVariables(operation, spelledSent) : (SentVariables?)null;
        if (sent is { } known && _variableKeys.TryGetValue(known, out var hit)) return hit;
        Interlocked.Increment(ref _variableValidations);
        IValidationResult validation;
        try
        {
            validation = await _validator.ValidateAsync(new ValidationOptions
            {
                Schema = _schema,
                Document = document,
                Operation = operation,
                Rules = _variableRules,
                Variables = variables ?? Inputs.Empty,
                Extensions = Inputs.Empty,
                UserContext = request,
                RequestServices = services,
                Metrics = global::GraphQL.Instrumentation.Metrics.None,
                CancellationToken = cancellationToken,
            }).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        if (!validation.IsValid || CompiledCache.KeyOf(validation.Variables) is not { } key) return null;
        if (sent is { } passed)
        {
            // Bounded like the other caches: when full, it starts over.
            if (_variableKeys.Count >= VariableKeyCapacity) _variableKeys.Clear();
            _variableKeys.TryAdd(passed, key);
        }
        return key;
    }
}
