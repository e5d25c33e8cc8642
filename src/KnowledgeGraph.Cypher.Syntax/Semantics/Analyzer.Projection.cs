using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Syntax.Semantics;

internal sealed partial class Analyzer
{
    /// <summary>
    /// Checks a WITH / RETURN body against <paramref name="scope"/> and returns the scope after it (the projected
    /// names, plus everything when <c>*</c> is used) and its column names.
    /// </summary>
    private (Scope Scope, List<string> Columns) Project(ProjectionBody body, Scope scope, Expression? where, bool isWith)
    {
        if (body.IncludeExisting && !isWith && scope.Names.Count == 0)
        {
            throw Error(body, "NoVariablesInScope", $"{(isWith ? "WITH" : "RETURN")} * is not allowed when there are no variables in scope");
        }

        var result = body.IncludeExisting ? scope.Copy() : new Scope();
        var columns = body.IncludeExisting ? scope.Names.Order(StringComparer.Ordinal).ToList() : [];
        var explicitNames = new HashSet<string>(StringComparer.Ordinal);
        var aggregating = body.Items.Any(i => ContainsAggregate(i.Expression));
        var groupingKeys = body.Items.Where(i => !ContainsAggregate(i.Expression)).ToList();
        foreach (var item in body.Items)
        {
            var type = Check(item.Expression, scope, new Ctx(AllowAggregation: true));
            if (!explicitNames.Add(item.Name))
            {
                throw Error(item, "ColumnNameConflict", "Multiple result columns with the same name are not supported");
            }

            if (ContainsAggregate(item.Expression))
            {
                CheckGrouping(item.Expression, groupingKeys, scope, orderBy: false);
            }

            if (!columns.Contains(item.Name))
            {
                columns.Add(item.Name);
            }

            result.Set(item.Name, type);
        }

        // ORDER BY (and WITH's WHERE) see the projected names; without DISTINCT or aggregation also what came before.
        var restricted = body.Distinct || aggregating;
        var orderScope = restricted ? result.Copy() : Merge(scope, result);
        foreach (var sort in body.OrderBy)
        {
            var hasAggregate = ContainsAggregate(sort.Expression);
            if (hasAggregate && !aggregating)
            {
                var agg = FindAggregate(sort.Expression)!;
                throw Error(agg, "InvalidAggregation", $"Invalid use of aggregating function {Describe(agg)} in this context");
            }

            if (hasAggregate)
            {
                CheckGrouping(sort.Expression, groupingKeys, orderScope, orderBy: true);
            }

            var rewritten = ReplaceProjected(sort.Expression, body.Items);
            Check(rewritten, orderScope, new Ctx(AllowAggregation: aggregating));
        }

        if (isWith && body.Items.FirstOrDefault(i => i.Alias is null && i.Expression is not Variable) is { } unaliased)
        {
            throw Error(unaliased, "NoExpressionAlias", "Expression in WITH must be aliased (use AS)");
        }

        CheckSkipLimit(body.Skip, "SKIP", scope);
        CheckSkipLimit(body.Limit, "LIMIT", scope);
        if (where is not null)
        {
            // Like ORDER BY, WITH's WHERE may still see variables from before the projection (TCK WithWhere7).
            if (ContainsAggregate(where))
            {
                CheckNoAggregate(where, orderScope);
            }

            CheckPredicate(ReplaceProjected(where, body.Items), orderScope);
        }

        return (result, columns);
    }

    private static Scope Merge(Scope before, Scope projected)
    {
        var merged = before.Copy();
        foreach (var name in projected.Names)
        {
            merged.Set(name, projected.TypeOf(name)!);
        }

        return merged;
    }

    /// <summary>Replaces sub-expressions equal to a projected item by a reference to its column.</summary>
    private static Expression ReplaceProjected(Expression e, IReadOnlyList<ProjectionItem> items)
    {
        foreach (var item in items)
        {
            if (item.Expression is not Variable && item.Expression.Equals(e))
            {
                return new Variable(item.Name) { Span = e.Span };
            }
        }

        return e switch
        {
            BinaryExpression b => b with { Left = ReplaceProjected(b.Left, items), Right = ReplaceProjected(b.Right, items) },
            UnaryExpression u => u with { Operand = ReplaceProjected(u.Operand, items) },
            FunctionCall f => f with { Arguments = AstList.From(f.Arguments.Select(a => ReplaceProjected(a, items))) },
            PropertyAccess p => p with { Target = ReplaceProjected(p.Target, items) },
            IsNullExpression n => n with { Operand = ReplaceProjected(n.Operand, items) },
            ListLiteral l => l with { Items = AstList.From(l.Items.Select(x => ReplaceProjected(x, items))) },
            IndexAccess ix => ix with { Target = ReplaceProjected(ix.Target, items), Index = ReplaceProjected(ix.Index, items) },
            _ => e,
        };
    }

    /// <summary>
    /// In an expression mixing aggregates with other terms, the other terms may only use grouping keys that are a
    /// plain variable or a property of one; anything else is ambiguous (Neo4j's implicit grouping rule).
    /// </summary>
    private static void CheckGrouping(Expression e, List<ProjectionItem> groupingKeys, Scope scope, bool orderBy)
    {
        if (IsAggregate(e))
        {
            return;
        }

        foreach (var key in groupingKeys)
        {
            if (key.Expression.Equals(e))
            {
                if (key.Expression is Variable or PropertyAccess { Target: Variable })
                {
                    return;
                }

                throw Error(e, "AmbiguousAggregationExpression", "Aggregation column contains implicit grouping expressions. Aggregation expressions with implicit grouping keys are not allowed.");
            }
        }

        switch (e)
        {
            case Variable v:
                if (orderBy)
                {
                    if (scope.Contains(v.Name))
                    {
                        return;
                    }

                    throw Error(v, "UndefinedVariable", $"Variable `{v.Name}` not defined");
                }

                if (groupingKeys.Any(k => k.Expression is Variable kv && kv.Name == v.Name))
                {
                    return;
                }

                throw Error(v, "AmbiguousAggregationExpression", "Aggregation column contains implicit grouping expressions. Aggregation expressions with implicit grouping keys are not allowed.");
            case ListComprehension or ListPredicate or ReduceExpression or PatternComprehension or SubqueryExpression or PatternPredicate:
                return;
            default:
                foreach (var child in Children(e))
                {
                    CheckGrouping(child, groupingKeys, scope, orderBy);
                }

                return;
        }
    }

    private static void CheckSkipLimit(Expression? e, string clause, Scope scope)
    {
        if (e is null)
        {
            return;
        }

        if (ReferencesVariables(e) || ContainsAggregate(e))
        {
            throw Error(e, "NonConstantExpression", $"It is not allowed to refer to variables in {clause}, so that the value for {clause} can be statically calculated.");
        }

        _ = scope;
        switch (e)
        {
            case Literal { Value: long n } when n < 0:
                throw Error(e, "NegativeIntegerArgument", $"Invalid input. '{n}' is not a valid value. Must be a non-negative integer.");
            case Literal { Value: double d }:
                throw Error(e, "InvalidArgumentType", $"Invalid input. '{d.ToString(System.Globalization.CultureInfo.InvariantCulture)}' is not a valid value. Must be a non-negative integer.");
            case Literal { Value: string or bool }:
            case ListLiteral or MapLiteral:
                throw Error(e, "InvalidArgumentType", $"Type mismatch: {clause} expects an Integer");
        }
    }
}
