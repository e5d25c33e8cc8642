using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Cypher.Syntax.Parsing;

internal sealed partial class Parser
{
    /// <summary>
    /// Option keys Neo4j 5.26 accepts after <c>CYPHER</c> and their values besides <c>default</c>, listed in the order
    /// Neo4j prints them in its error message. Keys match case-insensitively; the canonical spelling is kept.
    /// </summary>
    private static readonly (string Key, string[] Values)[] KnownQueryOptions =
    [
        ("planner", ["cost", "dp", "idp"]),
        ("runtime", ["interpreted", "legacy", "parallel", "pipelined", "slotted"]),
        ("expressionEngine", ["compiled", "interpreted", "only_compiled"]),
        ("operatorEngine", ["compiled", "interpreted"]),
        ("interpretedPipesFallback", ["all", "disabled", "whitelisted_plans_only"]),
        ("replan", ["force", "skip"]),
        ("connectComponentsPlanner", ["greedy", "idp"]),
        ("updateStrategy", ["eager"]),
        ("inferSchemaParts", ["most_selective_label", "off"]),
        ("statefulShortestPlanningMode", ["all_if_possible", "cardinality_heuristic", "into_only"]),
        ("eagerAnalyzer", ["ir", "lp"]),
        ("labelInference", ["disabled", "enabled"]),
    ];

    /// <summary>The Cypher versions Neo4j 5.26 accepts (<c>CYPHER 25</c> arrived with the 2025 calendar versions).</summary>
    private static readonly string[] CypherVersions = ["5"];

    /// <summary>
    /// The pre-parser part of a statement: any sequence of <c>EXPLAIN</c>, <c>PROFILE</c> and
    /// <c>CYPHER [version] [key=value ...]</c>, in any order, as Neo4j's pre-parser reads it. Errors are Neo4j's
    /// <c>Neo.ClientError.Statement.ArgumentError</c> (invalid version, unknown option, invalid or conflicting value).
    /// </summary>
    private (ExecutionMode Mode, QueryOptions Options) Prefix()
    {
        var mode = ExecutionMode.Normal;
        string? version = null;
        var options = new List<KeyValuePair<string, string>>();
        var unknown = new List<string>();
        var sawCypher = false;
        while (true)
        {
            if (Cur.IsKeyword("EXPLAIN") || Cur.IsKeyword("PROFILE"))
            {
                var next = Cur.IsKeyword("EXPLAIN") ? ExecutionMode.Explain : ExecutionMode.Profile;
                if (mode != ExecutionMode.Normal && mode != next)
                {
                    throw ArgumentError("Can't mix PROFILE and EXPLAIN", Cur);
                }

                mode = next;
                Advance();
                continue;
            }

            if (Cur.IsKeyword("CYPHER") && (sawCypher || !Peek().IsSymbol("=")))
            {
                sawCypher = true;
                Advance();
                if (Cur.Kind is TokenKind.Integer or TokenKind.Float)
                {
                    var v = Advance().Text;
                    if (!CypherVersions.Contains(v))
                    {
                        throw ArgumentError($"{v} is not a valid option for cypher version. Valid options are: {string.Join(", ", CypherVersions)}", Prev);
                    }

                    version = v;
                }

                continue;
            }

            if (sawCypher && Cur.Kind == TokenKind.Identifier && Peek().IsSymbol("="))
            {
                var keyToken = Advance();
                Advance();
                var valueToken = Advance();
                var known = KnownQueryOptions.FirstOrDefault(o => string.Equals(o.Key, keyToken.Text, StringComparison.OrdinalIgnoreCase));
                if (known.Key is null)
                {
                    unknown.Add(keyToken.Text);
                    continue;
                }

                var value = valueToken.Text.ToLowerInvariant();
                if (value != "default" && !known.Values.Contains(value))
                {
                    throw ArgumentError($"{valueToken.Text} is not a valid option for {known.Key}. Valid options are: {string.Join(", ", known.Values)}", valueToken);
                }

                var earlier = options.FirstOrDefault(o => o.Key == known.Key);
                if (earlier.Key is not null && earlier.Value != value)
                {
                    throw ArgumentError($"Can't specify multiple conflicting values for {known.Key}", keyToken);
                }

                options.Add(new(known.Key, value));
                continue;
            }

            break;
        }

        if (unknown.Count > 0)
        {
            throw ArgumentError("Unsupported options: " + string.Join(", ", unknown), Cur);
        }

        var result = new QueryOptions(version, options.DistinctBy(o => o.Key).ToList());
        CheckOptionCombinations(result);
        return (mode, result.IsEmpty ? QueryOptions.None : result);
    }

    /// <summary>Neo4j refuses options that only make sense with another runtime than the one chosen.</summary>
    private void CheckOptionCombinations(QueryOptions options)
    {
        var runtime = options["runtime"];
        var fallback = options["interpretedPipesFallback"];
        if (fallback is not null and not "default" && runtime is not null and not "pipelined" and not "default")
        {
            throw ArgumentError($"Cannot combine interpretedPipesFallback={fallback} with runtime={runtime}: it applies to the pipelined runtime only", Cur);
        }

        if (options["expressionEngine"] is "compiled" or "only_compiled" && runtime is "interpreted" or "legacy")
        {
            throw ArgumentError($"Cannot combine expressionEngine={options["expressionEngine"]} with runtime={runtime}", Cur);
        }

        if (options["operatorEngine"] is "compiled" && runtime is "interpreted" or "legacy" or "slotted")
        {
            throw ArgumentError($"Cannot combine operatorEngine=compiled with runtime={runtime}", Cur);
        }
    }

    /// <summary>Neo4j reports option errors without a position; the detail names the kind of error.</summary>
    private static GraphException ArgumentError(string message, Token at)
    {
        _ = at;
        return new GraphException(ErrorCodes.ArgumentError, message) { Phase = ErrorPhase.CompileTime, Detail = "InvalidCypherOption" };
    }
}
