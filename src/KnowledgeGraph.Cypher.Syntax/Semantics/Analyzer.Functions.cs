using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Syntax.Semantics;

internal sealed partial class Analyzer
{
    /// <summary>Known functions: arity bounds (max -1 = variadic) and, where checked, the accepted first-argument kinds.</summary>
    private static readonly Dictionary<string, (int Min, int Max, SemKind[]? Accepts, SemType Result)> Functions =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["abs"] = (1, 1, null, SemType.Any),
            ["ceil"] = (1, 1, null, SemType.Float),
            ["floor"] = (1, 1, null, SemType.Float),
            ["round"] = (1, 3, null, SemType.Float),
            ["sign"] = (1, 1, null, SemType.Integer),
            ["rand"] = (0, 0, null, SemType.Float),
            ["sqrt"] = (1, 1, null, SemType.Float),
            ["exp"] = (1, 1, null, SemType.Float),
            ["log"] = (1, 1, null, SemType.Float),
            ["log10"] = (1, 1, null, SemType.Float),
            ["e"] = (0, 0, null, SemType.Float),
            ["pi"] = (0, 0, null, SemType.Float),
            ["sin"] = (1, 1, null, SemType.Float),
            ["cos"] = (1, 1, null, SemType.Float),
            ["tan"] = (1, 1, null, SemType.Float),
            ["cot"] = (1, 1, null, SemType.Float),
            ["asin"] = (1, 1, null, SemType.Float),
            ["acos"] = (1, 1, null, SemType.Float),
            ["atan"] = (1, 1, null, SemType.Float),
            ["atan2"] = (2, 2, null, SemType.Float),
            ["degrees"] = (1, 1, null, SemType.Float),
            ["radians"] = (1, 1, null, SemType.Float),
            ["haversin"] = (1, 1, null, SemType.Float),
            ["toString"] = (1, 1, null, SemType.String),
            ["toStringOrNull"] = (1, 1, null, SemType.Any),
            ["toInteger"] = (1, 1, null, SemType.Any),
            ["toIntegerOrNull"] = (1, 1, null, SemType.Any),
            ["toFloat"] = (1, 1, null, SemType.Any),
            ["toFloatOrNull"] = (1, 1, null, SemType.Any),
            ["toBoolean"] = (1, 1, null, SemType.Any),
            ["toBooleanOrNull"] = (1, 1, null, SemType.Any),
            ["toLower"] = (1, 1, null, SemType.Any),
            ["toUpper"] = (1, 1, null, SemType.Any),
            ["trim"] = (1, 1, null, SemType.Any),
            ["ltrim"] = (1, 2, null, SemType.Any),
            ["rtrim"] = (1, 2, null, SemType.Any),
            ["replace"] = (3, 3, null, SemType.Any),
            ["split"] = (2, 2, null, SemType.Any),
            ["substring"] = (2, 3, null, SemType.Any),
            ["left"] = (2, 2, null, SemType.Any),
            ["right"] = (2, 2, null, SemType.Any),
            ["reverse"] = (1, 1, null, SemType.Any),
            ["size"] = (1, 1, [SemKind.String, SemKind.List], SemType.Integer),
            ["length"] = (1, 1, [SemKind.Path, SemKind.String, SemKind.List], SemType.Integer),
            ["head"] = (1, 1, [SemKind.List], SemType.Any),
            ["last"] = (1, 1, [SemKind.List], SemType.Any),
            ["tail"] = (1, 1, [SemKind.List], SemType.AnyList),
            ["range"] = (2, 3, null, SemType.ListOf(SemType.Integer)),
            ["coalesce"] = (1, -1, null, SemType.Any),
            ["id"] = (1, 1, [SemKind.Node, SemKind.Relationship], SemType.Integer),
            ["elementId"] = (1, 1, [SemKind.Node, SemKind.Relationship], SemType.String),
            ["labels"] = (1, 1, [SemKind.Node], SemType.ListOf(SemType.String)),
            ["type"] = (1, 1, [SemKind.Relationship], SemType.String),
            ["properties"] = (1, 1, [SemKind.Node, SemKind.Relationship, SemKind.Map], SemType.Map),
            ["keys"] = (1, 1, [SemKind.Node, SemKind.Relationship, SemKind.Map], SemType.ListOf(SemType.String)),
            ["startNode"] = (1, 1, [SemKind.Relationship], SemType.Node),
            ["endNode"] = (1, 1, [SemKind.Relationship], SemType.Node),
            ["nodes"] = (1, 1, [SemKind.Path], SemType.ListOf(SemType.Node)),
            ["relationships"] = (1, 1, [SemKind.Path], SemType.ListOf(SemType.Relationship)),
            ["exists"] = (1, 1, null, SemType.Boolean),
            ["isEmpty"] = (1, 1, [SemKind.String, SemKind.List, SemKind.Map], SemType.Boolean),
            ["isNaN"] = (1, 1, null, SemType.Boolean),
            ["timestamp"] = (0, 0, null, SemType.Integer),
            ["linenumber"] = (0, 0, null, SemType.Integer),
            ["file"] = (0, 0, null, SemType.String),
            ["randomUUID"] = (0, 0, null, SemType.String),
            ["nullIf"] = (2, 2, null, SemType.Any),
            ["char_length"] = (1, 1, null, SemType.Integer),
            ["character_length"] = (1, 1, null, SemType.Integer),
            ["valueType"] = (1, 1, null, SemType.String),
            ["count"] = (1, 1, null, SemType.Integer),
            ["sum"] = (1, 1, null, SemType.Any),
            ["avg"] = (1, 1, null, SemType.Any),
            ["min"] = (1, 1, null, SemType.Any),
            ["max"] = (1, 1, null, SemType.Any),
            ["collect"] = (1, 1, null, SemType.AnyList),
            ["stDev"] = (1, 1, null, SemType.Float),
            ["stDevP"] = (1, 1, null, SemType.Float),
            ["percentileCont"] = (2, 2, null, SemType.Float),
            ["percentileDisc"] = (2, 2, null, SemType.Any),
        };

    private SemType CheckFunction(FunctionCall f, Scope scope, Ctx ctx)
    {
        var aggregate = IsAggregate(f);
        if (aggregate)
        {
            CheckAggregateAllowed(f, ctx);
        }

        var argCtx = aggregate ? ctx with { InAggregate = true, Predicate = false } : ctx.Value;
        if (f.Namespace.Count == 0 && f.Name.Equals("exists", StringComparison.OrdinalIgnoreCase))
        {
            argCtx = argCtx with { Predicate = true };
        }

        if (functionExists is not null && !aggregate && !functionExists(f.QualifiedName))
        {
            throw Error(f, "UnknownFunction", $"Unknown function '{f.QualifiedName}'");
        }

        var argTypes = f.Arguments.Select(a => Check(a, scope, argCtx)).ToList();
        if (aggregate && f.Arguments.Any(a => a is FunctionCall { Namespace.Count: 0 } inner && inner.Name.Equals("rand", StringComparison.OrdinalIgnoreCase)))
        {
            throw Error(f, "NonConstantExpression", "Can't use non-deterministic (random) functions inside of aggregate functions.");
        }

        if (f.Namespace.Count != 0 || !Functions.TryGetValue(f.Name, out var info))
        {
            return SemType.Any;
        }

        if (f.Arguments.Count < info.Min || (info.Max >= 0 && f.Arguments.Count > info.Max))
        {
            throw Error(f, "InvalidNumberOfArguments", $"{(f.Arguments.Count < info.Min ? "Insufficient" : "Too many")} parameters for function '{f.Name}'");
        }

        if (info.Accepts is { } accepts && argTypes.Count > 0 && argTypes[0].IsKnown && !accepts.Contains(argTypes[0].Kind))
        {
            var expected = string.Join(" or ", accepts.Select(k => k == SemKind.List ? "List<T>" : k.ToString()));
            throw Error(f.Arguments[0], "InvalidArgumentType", $"Type mismatch: expected {expected} but was {argTypes[0]}");
        }

        if (f.Name.Equals("collect", StringComparison.OrdinalIgnoreCase) && argTypes.Count == 1)
        {
            return SemType.ListOf(argTypes[0].Kind == SemKind.Null ? SemType.Any : argTypes[0]);
        }

        if (f.Name.Equals("head", StringComparison.OrdinalIgnoreCase) || f.Name.Equals("last", StringComparison.OrdinalIgnoreCase))
        {
            return ElementType(argTypes[0]);
        }

        if (f.Name.Equals("min", StringComparison.OrdinalIgnoreCase) || f.Name.Equals("max", StringComparison.OrdinalIgnoreCase))
        {
            return argTypes[0].Kind == SemKind.Null ? SemType.Any : argTypes[0];
        }

        return info.Result;
    }

    /// <summary>
    /// Checks a pattern used inside an expression. Its property maps and predicates see the outer scope; when
    /// <paramref name="introduceAllowed"/> is false (pattern predicates) every named variable must already exist.
    /// Returns the scope extended with the pattern's variables.
    /// </summary>
    private Scope CheckPatternExpression(PathPattern pattern, Scope scope, bool introduceAllowed)
    {
        var inner = scope.Copy();
        foreach (var element in pattern.Elements)
        {
            switch (element)
            {
                case NodePattern { Variable: { } v } n:
                    if (!scope.Contains(v) && !inner.Contains(v))
                    {
                        if (!introduceAllowed)
                        {
                            throw Error(n, "UndefinedVariable", $"PatternExpressions are not allowed to introduce new variables: '{v}'.");
                        }

                        inner.Set(v, SemType.Node);
                    }
                    else if (inner.TypeOf(v) is { IsKnown: true, Kind: not SemKind.Node } t)
                    {
                        throw Error(n, "VariableTypeConflict", $"Type mismatch: {v} defined with conflicting type {t} (expected Node)");
                    }

                    break;
                case RelationshipPattern { Variable: { } v } r:
                    if (!scope.Contains(v) && !inner.Contains(v))
                    {
                        if (!introduceAllowed)
                        {
                            throw Error(r, "UndefinedVariable", $"PatternExpressions are not allowed to introduce new variables: '{v}'.");
                        }

                        inner.Set(v, r.IsVariableLength ? SemType.ListOf(SemType.Relationship) : SemType.Relationship);
                    }

                    break;
                case QuantifiedPathPattern q:
                    foreach (var name in PatternVariables(q.Path))
                    {
                        if (!inner.Contains(name))
                        {
                            inner.Set(name, SemType.AnyList);
                        }
                    }

                    break;
            }
        }

        foreach (var e in PatternExpressions(pattern))
        {
            CheckNoAggregate(e, inner);
        }

        return inner;
    }

    private SemType CheckSubqueryExpression(SubqueryExpression sq, Scope scope)
    {
        var mode = sq.Kind switch
        {
            SubqueryKind.Exists => SubqueryMode.Exists,
            SubqueryKind.Count => SubqueryMode.Count,
            _ => SubqueryMode.Collect,
        };
        if (sq.Query is not null)
        {
            var result = AnalyzeQuery(sq.Query, scope, mode);
            if (sq.Kind == SubqueryKind.Collect && (result.Columns is null || result.Columns.Count != 1))
            {
                throw Error(sq, "InvalidClauseComposition", "A Collect Expression must end with a single return column.");
            }
        }
        else if (sq.Pattern is not null)
        {
            var inner = scope.Copy();
            BindMatchPattern(sq.Pattern, inner, sq);
            if (sq.Where is not null)
            {
                CheckPredicate(sq.Where, inner);
            }
        }

        return sq.Kind switch
        {
            SubqueryKind.Exists => SemType.Boolean,
            SubqueryKind.Count => SemType.Integer,
            _ => SemType.AnyList,
        };
    }
}
