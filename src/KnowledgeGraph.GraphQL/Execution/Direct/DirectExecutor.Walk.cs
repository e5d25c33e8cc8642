using System.Collections;
using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace KnowledgeGraph.GraphQL.Execution.Direct;

internal sealed partial class DirectExecutor
{
    /// <summary>
    /// One response: completes values as GraphQL.NET's execution strategy does (non-null, list, scalar, enum, abstract
    /// and object types) and writes each as soon as it is complete. Every method returns false where GraphQL.NET would
    /// record an error; the caller then drops what was written.
    /// </summary>
    private readonly struct Walk(DirectExecutor owner, GraphQLDocument document, KgRequestContext request,
        IServiceProvider services, CancellationToken cancellationToken, Utf8JsonWriter writer)
    {
        // One context for every nested resolver of the response: they run one after another and read only the source,
        // the field node and definition, the parent type and the paging arguments (see FieldPlans).
        private readonly ResolveFieldContext _context = new()
        {
            Schema = owner._schema,
            Document = document,
            UserContext = request,
            RequestServices = services,
            CancellationToken = cancellationToken,
        };

        private static readonly JsonEncodedText Data = JsonEncodedText.Encode("data");

        public bool WriteResponse(CollectedFields roots, IObjectGraphType query, object?[] values)
        {
            writer.WriteStartObject();
            writer.WritePropertyName(Data);
            writer.WriteStartObject();
            for (var i = 0; i < roots.Fields.Length; i++)
            {
                var field = roots.Fields[i];
                writer.WritePropertyName(field.Name);
                if (field.IsTypeName) writer.WriteStringValue(query.Name);
                else if (!Complete(values[i], field.Definition!.ResolvedType!, field.Ast.SelectionSet)) return false;
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
            return true;
        }

        private bool Complete(object? value, IGraphType type, GraphQLSelectionSet? selection)
        {
            if (type is NonNullGraphType nonNull)
                return value is not null && nonNull.ResolvedType is { } inner && CompleteNullable(value, inner, selection);
            return CompleteNullable(value, type, selection);
        }

        private bool CompleteNullable(object? value, IGraphType type, GraphQLSelectionSet? selection)
        {
            if (value is null)
            {
                writer.WriteNullValue();
                return true;
            }
            switch (type)
            {
                case ScalarGraphType scalar:
                    return WriteScalar(scalar, value);
                case ListGraphType list:
                    if (value is not IEnumerable items || value is string || list.ResolvedType is not { } itemType) return false;
                    writer.WriteStartArray();
                    if (items is IReadOnlyList<object?> indexed)
                    {
                        // By index: no boxed enumerator per list (the engine's lists and pages are indexable).
                        for (var i = 0; i < indexed.Count; i++)
                            if (!Complete(indexed[i], itemType, selection)) return false;
                    }
                    else
                    {
                        foreach (var item in items)
                            if (!Complete(item, itemType, selection)) return false;
                    }
                    writer.WriteEndArray();
                    return true;
                case IAbstractGraphType abstractType:
                    var resolved = abstractType.GetObjectType(value, owner._schema);
                    return resolved is not null && owner.IsPossible(abstractType, resolved, out var typeImplied)
                        && WriteObject(resolved, value, selection, typeImplied);
                case IObjectGraphType objectType:
                    return WriteObject(objectType, value, selection, typeImplied: false);
                default:
                    return false;
            }
        }

        private bool WriteScalar(ScalarGraphType scalar, object value)
        {
            object? serialized;
            try
            {
                serialized = scalar.Serialize(value);
            }
            catch (Exception)
            {
                return false;
            }
            switch (serialized)
            {
                case null:
                    // A value the scalar cannot serialise: GraphQL.NET reports it.
                    return false;
                case string s:
                    writer.WriteStringValue(s);
                    return true;
                case int i:
                    writer.WriteNumberValue(i);
                    return true;
                case bool b:
                    writer.WriteBooleanValue(b);
                    return true;
                default:
                    // The serializer's own converters, as the normal path writes a value node.
                    JsonSerializer.Serialize(writer, serialized, owner._json);
                    return true;
            }
        }

        /// <summary>Writes an object; <paramref name="typeImplied"/>: its abstract type's resolution already proved what
        /// <c>IsTypeOf</c> would (see <see cref="IsPossible"/>), so it is not asked again.</summary>
        private bool WriteObject(IObjectGraphType type, object value, GraphQLSelectionSet? selection, bool typeImplied)
        {
            if (selection is null) return false;
            if (!typeImplied && type.IsTypeOf is { } isTypeOf && !isTypeOf(value)) return false;
            if (owner._plans.Collect(document, selection, type) is not { } collected) return false;
            writer.WriteStartObject();
            foreach (var field in collected.Fields)
            {
                writer.WritePropertyName(field.Name);
                if (field.IsTypeName)
                {
                    writer.WriteStringValue(type.Name);
                    continue;
                }
                var definition = field.Definition!;
                object? resolved;
                if (field.ReadsMap)
                {
                    // Resolvers.ByResponseKey, inlined: its response key is this field's key, so the value is read
                    // from the map without filling a resolver context and wrapping the value in a ValueTask.
                    resolved = value is IReadOnlyDictionary<string, object?> map && map.TryGetValue(field.Key, out var raw)
                        ? Schema.Resolvers.ToGraphQLValue(raw)
                        : null;
                }
                else if (!Resolve(type, value, field, out resolved))
                {
                    return false;
                }
                if (!Complete(resolved, definition.ResolvedType!, field.Ast.SelectionSet)) return false;
            }
            writer.WriteEndObject();
            return true;
        }

        /// <summary>Runs the field's own resolver; false where GraphQL.NET would record an error or would wait.</summary>
        private bool Resolve(IObjectGraphType type, object value, PlannedField field, out object? resolved)
        {
            _context.Source = value;
            _context.FieldAst = field.Ast;
            _context.FieldDefinition = field.Definition!;
            _context.ParentType = type;
            _context.Arguments = field.Arguments;
            resolved = null;
            try
            {
                var pending = field.Definition!.Resolver!.ResolveAsync(_context);
                // Every resolver below a root field reads the root's result; one that would wait is not ours.
                if (!pending.IsCompletedSuccessfully) return false;
                resolved = pending.Result;
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }
    }
}
