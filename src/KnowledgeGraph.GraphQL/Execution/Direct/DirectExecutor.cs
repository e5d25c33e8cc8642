using System.Buffers;
using System.Text.Json;
using GraphQL.Types;
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
/// (variables, directives other than literal <c>@skip</c>/<c>@include</c>, fields merged from several selections,
/// introspection) abandons the direct result before a byte reaches the client; the caller then runs the request on
/// the normal path, which reports it as always. A query only reads, so running it again is harmless.
/// </para>
/// </summary>
internal sealed partial class DirectExecutor
{
    private readonly ISchema _schema;
    private readonly CompiledCache _compiled;
    private readonly RootFieldResolver _root;
    private readonly JsonSerializerOptions _json;
    private readonly JsonWriterOptions _writerOptions;
    private readonly FieldPlans _plans;
    private long _taken;
    private long _declined;

    public DirectExecutor(ISchema schema, CompiledCache compiled, RootFieldResolver root, JsonSerializerOptions json)
    {
        _schema = schema;
        _compiled = compiled;
        _root = root;
        _json = json;
        _writerOptions = new JsonWriterOptions { Encoder = json.Encoder, Indented = json.WriteIndented, SkipValidation = true };
        _plans = new FieldPlans(schema, root);
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
    public async Task<DirectResponse?> TryExecuteAsync(GraphQLDocument document, GraphQLOperationDefinition operation,
        KgRequestContext request, IServiceProvider services, CancellationToken cancellationToken)
    {
        var query = _schema.Query;
        var roots = operation.Operation == OperationType.Query && operation.Variables is not { Items.Count: > 0 }
            ? _plans.Collect(document, operation.SelectionSet, query)
            : null;
        if (roots is null || !roots.HasGraphField) return Decline();
        var values = new object?[roots.Fields.Length];
        for (var i = 0; i < roots.Fields.Length; i++)
        {
            var field = roots.Fields[i];
            if (field.IsTypeName) continue;
            if (_compiled.Find(field.Ast, "") is not { } compiled) return Decline();
            try
            {
                values[i] = await _root.ResolveCompiledAsync(compiled, request, field.Ast.Location.Start, field.Definition!.ResolvedType,
                    field.HasAfter, field.HasBefore, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The normal path runs it again and reports the error in its own shape.
                return Decline();
            }
        }
        var buffer = ResponseBuffer.Rent(_writerOptions);
        var walk = new Walk(this, document, request, services, cancellationToken, buffer.Writer);
        if (!walk.WriteResponse(roots, query, values))
        {
            buffer.Return();
            return Decline();
        }
        Interlocked.Increment(ref _taken);
        return new DirectResponse(buffer);
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

/// <summary>A pooled buffer and JSON writer: one per response in flight, reused afterwards.</summary>
internal sealed class ResponseBuffer
{
    private const int PoolSize = 64;
    private const int KeptCapacity = 256 * 1024;
    private static readonly System.Collections.Concurrent.ConcurrentBag<ResponseBuffer> Pool = [];

    private readonly ArrayBufferWriter<byte> _bytes = new(4096);

    private ResponseBuffer(JsonWriterOptions options) => Writer = new Utf8JsonWriter(_bytes, options);

    public Utf8JsonWriter Writer { get; }

    public ReadOnlyMemory<byte> Written
    {
        get
        {
            Writer.Flush();
            return _bytes.WrittenMemory;
        }
    }

    public static ResponseBuffer Rent(JsonWriterOptions options)
    {
        if (Pool.TryTake(out var buffer) && buffer.Writer.Options.Equals(options)) return buffer;
        return new ResponseBuffer(options);
    }

    public void Return()
    {
        Writer.Reset();
        // A very large response keeps its array out of the pool, so one big answer does not pin memory for good.
        if (_bytes.Capacity > KeptCapacity || Pool.Count >= PoolSize) return;
        _bytes.ResetWrittenCount();
        Pool.Add(this);
    }
}
