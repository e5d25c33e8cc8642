using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Syntax.Semantics;

internal sealed partial class Analyzer
{
    private ProcedureSignature? Resolve(CallProcedureClause call)
    {
        if (resolveProcedure is null)
        {
            return null;
        }

        return resolveProcedure(call.QualifiedName)
            ?? throw Error(call, "ProcedureNotFound", $"There is no procedure with the name `{call.QualifiedName}` registered for this database instance. Please ensure you've spelled the procedure name correctly and that the procedure is properly deployed.", "Neo.ClientError.Procedure.ProcedureNotFound");
    }

    private IReadOnlyList<string>? StandaloneColumns(CallProcedureClause call)
    {
        if (call.Yield is { } items)
        {
            return items.Select(i => i.Variable).ToList();
        }

        return resolveProcedure?.Invoke(call.QualifiedName)?.Outputs.Select(o => o.Name).ToList();
    }

    internal static SemType TypeOfSignature(string type)
    {
        var t = type.TrimEnd('?').Trim().ToUpperInvariant();
        return t switch
        {
            "INTEGER" or "INT" => SemType.Integer,
            "FLOAT" => SemType.Float,
            "STRING" => SemType.String,
            "BOOLEAN" => SemType.Boolean,
            "NODE" => SemType.Node,
            "RELATIONSHIP" => SemType.Relationship,
            "PATH" => SemType.Path,
            "MAP" => SemType.Map,
            _ when t.StartsWith("LIST", StringComparison.Ordinal) => SemType.AnyList,
            _ => SemType.Any,
        };
    }

    private static bool Accepts(SemType declared, SemType actual, string declaredText)
    {
        if (!actual.IsKnown || declared.Kind == SemKind.Any)
        {
            return !(declaredText.Trim().StartsWith("NUMBER", StringComparison.OrdinalIgnoreCase) && actual.IsKnown && !actual.IsNumber);
        }

        return declared.Kind == actual.Kind || (declared.Kind == SemKind.Float && actual.Kind == SemKind.Integer);
    }

    private Scope AnalyzeProcedureCall(CallProcedureClause call, Scope scope)
    {
        var signature = Resolve(call);
        if (call.Arguments is { } args)
        {
            var types = args.Select(a => CheckNoAggregate(a, scope)).ToList();
            if (signature is not null)
            {
                var required = signature.Inputs.Count(i => !i.IsOptional);
                if (args.Count > signature.Inputs.Count || args.Count < required)
                {
                    var expected = required == signature.Inputs.Count ? $"{required}" : $"at least {required} (or at most {signature.Inputs.Count})";
                    throw Error(call, "InvalidNumberOfArguments", $"Procedure call does not provide the required number of arguments: got {args.Count} expected {expected}.");
                }

                for (var i = 0; i < args.Count; i++)
                {
                    var declared = TypeOfSignature(signature.Inputs[i].Type);
                    if (!Accepts(declared, types[i], signature.Inputs[i].Type))
                    {
                        throw Error(args[i], "InvalidArgumentType", $"Type mismatch: expected {signature.Inputs[i].Type.TrimEnd('?')} but was {types[i]}");
                    }
                }
            }
        }
        else if (!call.Standalone && signature is { Inputs.Count: > 0 })
        {
            throw Error(call, "InvalidArgumentPassingMode", $"Procedure call inside a query does not support passing arguments implicitly. Please pass arguments explicitly in parentheses after procedure name for {call.QualifiedName}");
        }

        if (call.YieldAll && !call.Standalone)
        {
            throw Error(call, "UnexpectedSyntax", "YIELD * can only be used with a standalone procedure call");
        }

        var after = scope.Copy();
        var declaredHere = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in call.Yield ?? [])
        {
            ProcedureField? field = null;
            if (signature is not null)
            {
                field = signature.Outputs.FirstOrDefault(o => o.Name == item.Field)
                    ?? throw Error(item, "UndefinedVariable", $"Unknown procedure output: `{item.Field}`");
            }

            if (scope.Contains(item.Variable) || !declaredHere.Add(item.Variable))
            {
                throw Error(item, "VariableAlreadyBound", $"Variable `{item.Variable}` already declared");
            }

            after.Set(item.Variable, field is null ? SemType.Any : TypeOfSignature(field.Type));
        }

        if (call.Where is not null)
        {
            CheckPredicate(call.Where, after);
        }

        return after;
    }
}
