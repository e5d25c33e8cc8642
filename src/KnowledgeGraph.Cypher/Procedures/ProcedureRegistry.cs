using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Procedures;

/// <summary>Built-in and registered procedures, by lower-cased qualified name.</summary>
internal sealed class ProcedureRegistry
{
    private readonly Dictionary<string, (ProcedureSignature Signature, ProcedureBody Body)> _procedures = new(StringComparer.OrdinalIgnoreCase);

    private readonly Dictionary<string, ProcedureInfo> _info = new(StringComparer.OrdinalIgnoreCase);

    private readonly Dictionary<string, (FunctionInfo Info, Func<object?[], object?> Body)> _functions = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Registers a procedure; <paramref name="info"/> is what SHOW PROCEDURES says of it (a user
    /// procedure without one is listed without a description).</summary>
    public void Add(ProcedureSignature signature, ProcedureBody body, ProcedureInfo? info = null)
    {
        _procedures[signature.Name] = (signature, body);
        _info[signature.Name] = info ?? new ProcedureInfo("", WorksOnSystem: false, BuiltIn: false);
    }

    /// <summary>Registers a function callable by its qualified name (APOC's, or a user's).</summary>
    public void AddFunction(FunctionInfo info, Func<object?[], object?> body) => _functions[info.Name] = (info, body);

    /// <summary>Every registered procedure with what SHOW PROCEDURES says of it.</summary>
    public IEnumerable<(ProcedureSignature Signature, ProcedureInfo Info)> All =>
        _procedures.Values.Select(p => (p.Signature, _info[p.Signature.Name]));

    /// <summary>Every registered (non built-in) function.</summary>
    public IEnumerable<FunctionInfo> Functions => _functions.Values.Select(f => f.Info);

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

    public bool TryGetInfo(string name, out ProcedureInfo info) => _info.TryGetValue(name, out info!);

    public bool TryGetFunction(string name, out Func<object?[], object?> fn)
    {
        if (_functions.TryGetValue(name, out var f))
        {
            fn = f.Body;
            return true;
        }
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
