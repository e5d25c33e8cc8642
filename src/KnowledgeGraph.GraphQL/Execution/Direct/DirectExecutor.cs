using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace KnowledgeGraph.GraphQL.Execution.Direct;

/// <summary>
/// The direct path for repeated queries: when every root field of a validated, cached query operation has its
/// compiled Cypher in <see cref="CompiledCache"/>, the statements run and the response JSON is written straight from
/// their results by walking the selection set with the schema's types (<see cref="FieldPlans"/>), instead of
/// GraphQL.NET building an execution node per value and serialising the tree afterwards.
/// <para>
/// Invariant: the bytes equal what the normal path writes. The walk calls the schema's own field resolvers, scalar
/// <c>Serialize</c> methods and abstract type resolution, and writes values through the serializer's own options. It
/// only handles a response without errors: whatever would produce an error (a failing root field, a null under a
/// non-null type, a value a scalar cannot serialise, a type that does not resolve) or anything the plan does not know
/// (a directive or a page cursor taken from a variable, directives other than literal <c>@skip</c>/<c>@include</c>,
/// fields merged from several selections, introspection) abandons the direct result before a byte reaches the client;
/// the caller then runs the request on the normal path, which reports it as always. The root fields already resolved
/// are handed over in <see cref="KgRequestContext.Resolved"/> (values, or the exception), so no statement runs twice.
/// </para>
/// </summary>
internal sealed partial class DirectExecutor
{
    private readonly ISchema _schema;
    private readonly CompiledCache _compiled;
    private readonly RootFieldResolver _root;
    private readonly JsonSerializerOptions _json;
    private readonly ResponseBufferPool _buffers;
    private readonly FieldPlans _plans;
    private readonly IDocumentValidator _validator;
    private readonly IReadOnlyList<IValidationRule> _variableRules;
    private long _taken;
    private long _declined;

    public DirectExecutor(ISchema schema, CompiledCache compiled, RootFieldResolver root, JsonSerializerOptions json,
        IDocumentValidator validator, IReadOnlyList<IValidationRule> variableRules)
    {
        _validator = validator;
        _variableRules = variableRules;
        _schema = schema;
        _compiled = compiled;
        _root = root;
        _json = json;
        _buffers = new ResponseBufferPool(new JsonWriterOptions { Encoder = json.Encoder, Indented = json.WriteIndented, SkipValidation = true });
        _plans = new FieldPlans(schema, root, json.Encoder);
    }

    /// <summary>Requests answered by the direct path.</summary>
    public long Taken => Interlocked.Read(ref _taken);

    /// <summary>Requests that reached the direct path and went to the normal path (a plan it cannot follow, a cache
    /// miss, or a result it cannot prove identical).</summary>
    public long Declined => Interlocked.Read(ref _declined);

    /// <summary>
    /// The response body of the request, or null when it must run on the normal path. The caller has checked that the
    /// document is the cached one and that its operation passed validation.
    /// </summary>
    public async Task<DirectResponse?> TryExecuteAsync(GraphQLDocument document, GraphQLOperationDefinition operation, Inputs? variables,
        KgRequestContext request, IServiceProvider services, CancellationToken cancellationToken)
    {
        var query = _schema.Query;
        var roots = operation.Operation == OperationType.Query ? _plans.Collect(document, operation.SelectionSet, query) : null;
        if (roots is null || !roots.HasGraphField) return Decline();
        var key = "";
        if (operation.Variables is { Items.Count: > 0 })
        {
            if (await VariableKeyAsync(document, operation, variables, request, services, cancellationToken).ConfigureAwait(false) is not { } spelled)
                return Decline();
            key = spelled;
        }
        else if (variables is { Count: > 0 })
        {
            return Decline();
        }
        var values = new object?[roots.Fields.Length];
        for (var i = 0; i < roots.Fields.Length; i++)
        {
            var field = roots.Fields[i];
            if (field.IsTypeName) continue;
            if (_compiled.Find(field.Ast, key) is not { } compiled) return Decline();
            try
            {
                values[i] = await _root.ResolveCompiledAsync(compiled, request, field.Ast.Location.Start, field.Definition!.ResolvedType,
                    field.HasAfter, field.HasBefore, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The normal path reports the error in its own shape: its resolver throws this same exception rather
                // than running the statement again (a timeout must not cost twice).
                HandOver(request, roots, values, i, System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e));
                return Decline();
            }
        }
        var buffer = _buffers.Rent();
        var walk = new Walk(this, document, request, services, cancellationToken, buffer.Writer);
        bool written;
        try
        {
            written = walk.WriteResponse(roots, query, values);
        }
        catch (Exception)
        {
            // A value the serializer's converters refuse, say: whatever it is, the normal path answers.
            written = false;
        }
        if (!written)
        {
            buffer.Return();
            HandOver(request, roots, values, roots.Fields.Length, null);
            return Decline();
        }
        Interlocked.Increment(ref _taken);
        return new DirectResponse(buffer);
    }

    /// <summary>Gives the normal path the root fields resolved so far (before <paramref name="count"/>) and, when one
    /// failed, its exception.</summary>
    private static void HandOver(KgRequestContext request, CollectedFields roots, object?[] values, int count,
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? error)
    {
        var resolved = request.Resolved = new(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < count; i++)
            if (!roots.Fields[i].IsTypeName) resolved[roots.Fields[i].Ast] = new KgRequestContext.Outcome(values[i], null);
        if (error is not null && count < roots.Fields.Length) resolved[roots.Fields[count].Ast] = new KgRequestContext.Outcome(null, error);
    }

    // The possible types of each abstract type met, keyed by the schema's own instances. GraphQL.NET compares
    // possible types with GraphType.Equals (a culture-aware name comparison, a hot spot under load), and enumerating
    // PossibleTypes boxed an enumerator per value; the schema's types compare by reference, anything else declines.
    // Each possible type carries whether the abstract type's resolution already implies its IsTypeOf (both decide by
    // label, KgSchemaBuilder.TypedByLabel): a projected node of a path or a list of entities is then typed once, not
    // twice. Filled on first use, when the schema is initialised (its possible types are final by then).
    private readonly ConcurrentDictionary<IAbstractGraphType, Dictionary<IObjectGraphType, bool>> _possible = new(ReferenceEqualityComparer.Instance);

    /// <summary>Whether <paramref name="type"/> is a possible type of <paramref name="abstractType"/>, and whether a
    /// value the abstract type resolved to it needs no IsTypeOf check (<paramref name="typeImplied"/>).</summary>
    private bool IsPossible(IAbstractGraphType abstractType, IObjectGraphType type, out bool typeImplied) =>
        _possible.GetOrAdd(abstractType, static a => PossibleTypes(a)).TryGetValue(type, out typeImplied);

    private static Dictionary<IObjectGraphType, bool> PossibleTypes(IAbstractGraphType abstractType)
    {
        var byLabel = abstractType.HasMetadata(Schema.KgSchemaBuilder.TypedByLabel);
        var types = new Dictionary<IObjectGraphType, bool>(ReferenceEqualityComparer.Instance);
        foreach (var type in abstractType.PossibleTypes)
            types[type] = byLabel && type.HasMetadata(Schema.KgSchemaBuilder.TypedByLabel);
        return types;
    }

    private DirectResponse? Decline()
    {
        Interlocked.Increment(ref _declined);
        return null;
    }
}

/// <summary>A response body written by the direct path; return it once written to the client.</summary>
internal sealed class DirectResponse(ResponseBuffer buffer) : IDisposable
{
    /// <summary>The JSON bytes.</summary>
    public ReadOnlyMemory<byte> Body => buffer.Written;

    public void Dispose() => buffer.Return();
}

/// <summary>
/// Pooled buffers and JSON writers of one executor (so of one set of writer options): one per response in flight,
/// reused afterwards. The pool is per executor rather than keyed by options, because a writer does not report the
/// options it was given (it fills in defaults such as the maximum depth), so they cannot be compared afterwards.
/// </summary>
internal sealed class ResponseBufferPool(JsonWriterOptions options)
{
    // Slots taken and returned with one interlocked exchange each: no lock on the request path.
    private readonly ResponseBuffer?[] _slots = new ResponseBuffer?[32];

    /// <summary>A buffer with nothing written, from the pool when one is free.</summary>
    public ResponseBuffer Rent()
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            if (Volatile.Read(ref _slots[i]) is null) continue;
            if (Interlocked.Exchange(ref _slots[i], null) is { } buffer) return buffer;
        }
        return new ResponseBuffer(this, options);
    }

    /// <summary>Keeps a returned buffer when a slot is free.</summary>
    public void Return(ResponseBuffer buffer)
    {
        for (var i = 0; i < _slots.Length; i++)
            if (Volatile.Read(ref _slots[i]) is null && Interlocked.CompareExchange(ref _slots[i], buffer, null) is null) return;
    }
}

/// <summary>A buffer and the JSON writer over it; <see cref="Return"/> once the bytes are sent.</summary>
internal sealed class ResponseBuffer
{
    private const int KeptCapacity = 256 * 1024;

    private readonly ResponseBufferPool _pool;
    private readonly ArrayBufferWriter<byte> _bytes = new(4096);

    internal ResponseBuffer(ResponseBufferPool pool, JsonWriterOptions options)
    {
        _pool = pool;
        Writer = new Utf8JsonWriter(_bytes, options);
    }

    public Utf8JsonWriter Writer { get; }

    public ReadOnlyMemory<byte> Written
    {
        get
        {
            Writer.Flush();
            return _bytes.WrittenMemory;
        }
    }

    public void Return()
    {
        Writer.Reset();
        // A very large response keeps its array out of the pool, so one big answer does not pin memory for good.
        if (_bytes.Capacity > KeptCapacity) return;
        _bytes.ResetWrittenCount();
        _pool.Return(this);
    }
}
