using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Procedures;

/// <summary>Built-in and registered procedures, by lower-cased qualified name.</summary>
internal sealed class ProcedureRegistry
{
    private readonly Dictionary<string, (ProcedureSignature Signature, ProcedureBody Body)> _procedures = new(StringComparer.OrdinalIgnoreCase);

    public ProcedureRegistry()
    {
        Add(new ProcedureSignature("db.labels", [], [new("label", "STRING")]),
            (a, c) => c.Reader.Labels.Where(l => c.Reader.CountNodes(l) > 0).Order(StringComparer.Ordinal).Select(l => (IReadOnlyList<object?>)[l]));
        Add(new ProcedureSignature("db.relationshipTypes", [], [new("relationshipType", "STRING")]),
            (a, c) => c.Reader.RelationshipTypes.Where(t => c.Reader.CountRelationships(t) > 0).Order(StringComparer.Ordinal).Select(t => (IReadOnlyList<object?>)[t]));
        Add(new ProcedureSignature("db.propertyKeys", [], [new("propertyKey", "STRING")]),
            (a, c) => c.Reader.PropertyKeys.Order(StringComparer.Ordinal).Select(k => (IReadOnlyList<object?>)[k]));
        Add(new ProcedureSignature("dbms.components", [], [new("name", "STRING"), new("versions", "LIST<STRING>"), new("edition", "STRING")]),
            (a, c) => [["Neo4j Kernel", new List<object?> { "5.26.0" }, "community"]]);
        Add(new ProcedureSignature("db.ping", [], [new("success", "BOOLEAN")]), (a, c) => [[true]]);
        FulltextProcedures.Register(this);
    }

    public void Add(ProcedureSignature signature, ProcedureBody body) => _procedures[signature.Name] = (signature, body);

    public bool TryGet(string name, out ProcedureSignature signature, out ProcedureBody body)
    {
        if (_procedures.TryGetValue(name, out var p))
        {
            signature = p.Signature;
            body = p.Body;
            return true;
        }
        signature = null!;
        body = null!;
        return false;
    }

    public bool TryGetFunction(string name, out Func<object?[], object?> fn)
    {
        _ = name;
        fn = null!;
        return false;
    }

    /// <summary>Checks and coerces an argument to a declared Cypher type (INTEGER?, FLOAT?, NUMBER?, STRING?, ...).</summary>
    public static object? Coerce(object? v, string type, string procedure)
    {
        var t = type.TrimEnd('?').Trim().ToUpperInvariant();
        if (v is null) return null;
        var ok = t switch
        {
            "ANY" => true,
            "INTEGER" or "INT" => v is long,
            "FLOAT" => v is double or long,
            "NUMBER" => v is long or double,
            "STRING" => v is string,
            "BOOLEAN" => v is bool,
            "MAP" => v is IReadOnlyDictionary<string, object?>,
            "NODE" => v is NodeValue,
            "RELATIONSHIP" => v is RelValue,
            "PATH" => v is PathValue,
            _ when t.StartsWith("LIST", StringComparison.Ordinal) => v is IReadOnlyList<object?> && v is not string,
            _ => true,
        };
        if (!ok)
            throw new Errors.GraphException(Errors.ErrorCodes.TypeError, $"Type mismatch for procedure {procedure}: expected {type} but was {CypherValues.TypeName(v)}")
            { Detail = "InvalidArgumentType", Phase = Errors.ErrorPhase.CompileTime };
        return t == "FLOAT" && v is long l ? (double)l : v;
    }
}
