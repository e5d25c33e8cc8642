using KnowledgeGraph.Cypher.Functions;
using KnowledgeGraph.Cypher.Runtime;

namespace KnowledgeGraph.Cypher.Catalog;

/// <summary>SHOW FUNCTIONS and SHOW PROCEDURES: every function and procedure the engine runs, with Neo4j 5's columns.</summary>
internal static partial class FunctionCatalog
{
    /// <summary>SHOW FUNCTIONS YIELD *, in Neo4j 5's order.</summary>
    public static readonly string[] FunctionColumns =
        ["name", "category", "description", "signature", "isBuiltIn", "argumentDescription", "returnDescription", "aggregating", "rolesExecution", "rolesBoostedExecution", "isDeprecated"];

    public static readonly string[] FunctionDefaults = ["name", "category", "description"];

    /// <summary>SHOW PROCEDURES YIELD *, in Neo4j 5's order.</summary>
    public static readonly string[] ProcedureColumns =
        ["name", "description", "mode", "worksOnSystem", "signature", "argumentDescription", "returnDescription", "admin", "rolesExecution", "rolesBoostedExecution", "isDeprecated", "option"];

    public static readonly string[] ProcedureDefaults = ["name", "description", "mode", "worksOnSystem"];

    /// <summary>List predicates are syntax in this parser (<c>all(x IN l WHERE p)</c>) but functions in Neo4j's list.</summary>
    private static readonly string[] SyntaxFunctions = ["all", "any", "none", "single"];

    private static readonly Lazy<IReadOnlyList<FunctionInfo>> BuiltIns = new(ParseTable);

    /// <summary>Every function a query can call: the built-ins the engine resolves, then registered ones (APOC).</summary>
    public static IReadOnlyList<FunctionInfo> All(IEngineServices engine)
    {
        var list = BuiltIns.Value.Where(f => Resolves(f.Name)).ToList();
        var known = new HashSet<string>(list.Select(f => f.Name), StringComparer.OrdinalIgnoreCase);
        // A scalar added to the engine without a catalogue line is still listed, with a plain signature.
        foreach (var name in FunctionRegistry.ScalarNames.Where(n => !known.Contains(n)))
            list.Add(new FunctionInfo(name, "Scalar", $"{name}(input :: ANY) :: ANY", "", true));
        list.AddRange(engine.Functions);
        return list.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
    }

    private static bool Resolves(string name) =>
        SyntaxFunctions.Contains(name) || FunctionRegistry.Resolves(name.ToLowerInvariant());

    private static List<FunctionInfo> ParseTable()
    {
        var list = new List<FunctionInfo>();
        foreach (var raw in Table.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            // category|signature|description; signatures contain '|' (union types), the other two never do.
            var first = line.IndexOf('|', StringComparison.Ordinal);
            var last = line.LastIndexOf('|');
            var category = line[..first];
            var signature = line[(first + 1)..last];
            var name = signature[..signature.IndexOf('(', StringComparison.Ordinal)];
            list.Add(new FunctionInfo(name, category, signature, line[(last + 1)..], true, category == "Aggregating"));
        }
        return list;
    }

    public static List<Row> FunctionRows(ExecContext c, string? filter)
    {
        var rows = new List<Row>();
        foreach (var f in All(c.Engine))
        {
            if (filter is "BUILT IN" && !f.BuiltIn) continue;
            if (filter is "USER DEFINED" && f.BuiltIn) continue;
            var (args, returns) = SplitSignature(f.Signature);
            rows.Add(new Row(new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["name"] = f.Name,
                ["category"] = f.Category,
                ["description"] = f.Description,
                ["signature"] = f.Signature,
                ["isBuiltIn"] = f.BuiltIn,
                ["argumentDescription"] = args.Select(ArgumentMap).ToList(),
                ["returnDescription"] = returns,
                ["aggregating"] = f.Aggregating,
                ["rolesExecution"] = null,
                ["rolesBoostedExecution"] = null,
                ["isDeprecated"] = false,
            }));
        }
        return rows;
    }

    public static List<Row> ProcedureRows(ExecContext c)
    {
        var rows = new List<Row>();
        foreach (var (sig, info) in c.Engine.Procedures.OrderBy(p => p.Signature.Name, StringComparer.Ordinal))
        {
            var inputs = sig.Inputs.Select(i => $"{i.Name} :: {TypeText(i.Type)}").ToList();
            var outputs = sig.Outputs.Select(o => $"{o.Name} :: {TypeText(o.Type)}").ToList();
            var signature = $"{sig.Name}({string.Join(", ", inputs)}) :: " + (outputs.Count == 0 ? "VOID" : $"({string.Join(", ", outputs)})");
            rows.Add(new Row(new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["name"] = sig.Name,
                ["description"] = info.Description,
                ["mode"] = sig.Mode.ToString().ToUpperInvariant(),
                ["worksOnSystem"] = info.WorksOnSystem,
                ["signature"] = signature,
                ["argumentDescription"] = inputs.Select(ArgumentMap).ToList(),
                ["returnDescription"] = outputs.Select(ArgumentMap).ToList(),
                ["admin"] = info.Admin,
                ["rolesExecution"] = null,
                ["rolesBoostedExecution"] = null,
                ["isDeprecated"] = false,
                ["option"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["deprecated"] = false },
            }));
        }
        return rows;
    }

    /// <summary>Neo4j 5 prints types without the nullability mark of older versions (<c>INTEGER?</c>).</summary>
    private static string TypeText(string type) => type.Trim().TrimEnd('?').ToUpperInvariant();

    /// <summary>The arguments of <c>name(a :: T, b = 1 :: U) :: R</c> and its return type.</summary>
    private static (List<string> Args, string Returns) SplitSignature(string signature)
    {
        var open = signature.IndexOf('(', StringComparison.Ordinal);
        var close = signature.LastIndexOf(") :: ", StringComparison.Ordinal);
        var inner = signature[(open + 1)..close];
        var args = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] is '<' or '(') depth++;
            else if (inner[i] is '>' or ')') depth--;
            else if (inner[i] == ',' && depth == 0)
            {
                args.Add(inner[start..i].Trim());
                start = i + 1;
            }
        }
        if (inner.Trim().Length > 0) args.Add(inner[start..].Trim());
        return (args, signature[(close + 5)..]);
    }

    /// <summary>One argument or output as Neo4j describes it: name, description (its signature text), type,
    /// isDeprecated, and the default where there is one.</summary>
    private static Dictionary<string, object?> ArgumentMap(string arg)
    {
        var colon = arg.IndexOf(" :: ", StringComparison.Ordinal);
        var head = arg[..colon];
        var type = arg[(colon + 4)..];
        var eq = head.IndexOf(" = ", StringComparison.Ordinal);
        var map = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = eq < 0 ? head : head[..eq],
            ["description"] = arg,
            ["type"] = type,
            ["isDeprecated"] = false,
        };
        if (eq >= 0) map["default"] = head[(eq + 3)..];
        return map;
    }
}
