using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Syntax.Semantics;

/// <summary>How an expression is being checked.</summary>
/// <param name="AllowAggregation">Aggregates are allowed here (projection items, ORDER BY of an aggregating projection).</param>
/// <param name="InAggregate">We are inside an aggregate's arguments (a nested aggregate is an error).</param>
/// <param name="Predicate">The value is used as a predicate, so a pattern may stand for "this pattern exists".</param>
internal readonly record struct Ctx(bool AllowAggregation = false, bool InAggregate = false, bool Predicate = false)
{
    public static readonly Ctx Plain = new();
    public static readonly Ctx Where = new(Predicate: true);

    public Ctx Value => this with { Predicate = false };
}

internal sealed partial class Analyzer
{
    /// <summary>Checks a predicate (WHERE): must not be of a known non-boolean type.</summary>
    private void CheckPredicate(Expression e, Scope scope)
    {
        var t = Check(e, scope, Ctx.Where);
        RequireBoolean(e, t);
    }

    private static void RequireBoolean(Expression e, SemType t)
    {
        if (t.IsKnown && t.Kind != SemKind.Boolean)
        {
            throw Error(e, "InvalidArgumentType", $"Type mismatch: expected Boolean but was {t}");
        }
    }

    /// <summary>Checks an expression in <paramref name="scope"/> and returns its static type.</summary>
    private SemType Check(Expression e, Scope scope, Ctx ctx)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (e)
        {
            case Literal l:
                return l.Value switch
                {
                    null => SemType.Null,
                    bool => SemType.Boolean,
                    long => SemType.Integer,
                    double => SemType.Float,
                    string => SemType.String,
                    _ => SemType.Any,
                };
            case Parameter:
                return SemType.Any;
            case Variable v:
                return scope.TypeOf(v.Name) ?? throw Error(v, "UndefinedVariable", $"Variable `{v.Name}` not defined");
            case ListLiteral list:
            {
                var element = SemType.Null;
                foreach (var item in list.Items)
                {
                    element = SemType.Join(element, Check(item, scope, ctx.Value));
                }

                return SemType.ListOf(element.Kind == SemKind.Null ? SemType.Any : element);
            }

            case MapLiteral map:
                foreach (var entry in map.Entries)
                {
                    Check(entry.Value, scope, ctx.Value);
                }

                return SemType.Map;
            case PropertyAccess p:
            {
                // A target statically known to be a scalar, list or path can never have properties: Neo4j rejects
                // that at compile time. Unknown types (parameters, temporal values, mixed lists) wait for runtime.
                var target = Check(p.Target, scope, ctx.Value);
                if (target.Kind is SemKind.Boolean or SemKind.Integer or SemKind.Float or SemKind.String or SemKind.List or SemKind.Path)
                {
                    throw Error(p.Target, "InvalidArgumentType", $"Type mismatch: expected Map, Node, Relationship, Point, Duration, Date, Time, LocalTime, LocalDateTime or DateTime but was {target}");
                }

                return SemType.Any;
            }

            case IndexAccess ix:
            {
                // Index and slice type errors are runtime errors in the TCK, even when the types are known here.
                var t = Check(ix.Target, scope, ctx.Value);
                Check(ix.Index, scope, ctx.Value);
                return t.Kind == SemKind.List ? t.Element ?? SemType.Any : SemType.Any;
            }

            case SliceAccess s:
            {
                var t = Check(s.Target, scope, ctx.Value);
                foreach (var bound in new[] { s.From, s.To })
                {
                    if (bound is not null)
                    {
                        Check(bound, scope, ctx.Value);
                    }
                }

                return t.Kind == SemKind.List ? t : SemType.Any;
            }

            case BinaryExpression b:
                return CheckBinary(b, scope, ctx);
            case UnaryExpression u:
            {
                var t = Check(u.Operand, scope, u.Operator == UnaryOperator.Not ? ctx : ctx.Value);
                if (u.Operator == UnaryOperator.Not)
                {
                    RequireBoolean(u.Operand, t);
                    return SemType.Boolean;
                }

                if (t.IsKnown && !t.IsNumber)
                {
                    throw Error(u.Operand, "InvalidArgumentType", $"Type mismatch: expected Integer, Float or Duration but was {t}");
                }

                return t;
            }

            case IsNullExpression n:
                Check(n.Operand, scope, ctx.Value);
                return SemType.Boolean;
            case TypePredicate tp:
                Check(tp.Operand, scope, ctx.Value);
                return SemType.Boolean;
            case LabelPredicate lp:
            {
                var t = Check(lp.Target, scope, ctx.Value);
                if (t.IsKnown && t.Kind is not SemKind.Node and not SemKind.Relationship)
                {
                    throw Error(lp.Target, "InvalidArgumentType", $"Type mismatch: expected Node or Relationship but was {t}");
                }

                return SemType.Boolean;
            }

            case CountStar:
                CheckAggregateAllowed(e, ctx);
                return SemType.Integer;
            case FunctionCall f:
                return CheckFunction(f, scope, ctx);
            case CaseExpression c:
            {
                if (c.Subject is not null)
                {
                    Check(c.Subject, scope, ctx.Value);
                }

                var result = SemType.Null;
                foreach (var alt in c.Alternatives)
                {
                    Check(alt.When, scope, c.Subject is null ? ctx with { Predicate = true } : ctx.Value);
                    result = SemType.Join(result, Check(alt.Then, scope, ctx.Value));
                }

                if (c.Else is not null)
                {
                    result = SemType.Join(result, Check(c.Else, scope, ctx.Value));
                }

                return result.Kind == SemKind.Null ? SemType.Any : result;
            }

            case ListComprehension lc:
            {
                var element = ElementType(Check(lc.Source, scope, ctx.Value));
                var inner = scope.With(lc.Variable, element);
                var local = new Ctx();
                if (lc.Where is not null)
                {
                    CheckPredicateIn(lc.Where, inner, local);
                }

                if (lc.Projection is null)
                {
                    return SemType.ListOf(element);
                }

                return SemType.ListOf(CheckNoAggregate(lc.Projection, inner));
            }

            case ListPredicate q:
            {
                var element = ElementType(Check(q.Source, scope, ctx.Value));
                if (q.Where is not null)
                {
                    CheckPredicateIn(q.Where, scope.With(q.Variable, element), new Ctx());
                }

                return SemType.Boolean;
            }

            case ReduceExpression r:
            {
                var init = Check(r.Initial, scope, ctx.Value);
                var element = ElementType(Check(r.Source, scope, ctx.Value));
                var inner = scope.With(r.Accumulator, init.Kind == SemKind.Null ? SemType.Any : SemType.Any).With(r.Variable, element);
                CheckNoAggregate(r.Expression, inner);
                return SemType.Any;
            }

            case PatternPredicate pp:
                if (!ctx.Predicate)
                {
                    throw Error(pp, "UnexpectedSyntax", "A pattern expression should only be used in order to test the existence of a pattern. It can no longer be used inside the function size(), an alternative is to replace size() with COUNT {}.");
                }

                CheckPatternExpression(pp.Pattern, scope, introduceAllowed: false);
                return SemType.Boolean;
            case PatternComprehension pc:
            {
                var inner = CheckPatternExpression(pc.Pattern, scope, introduceAllowed: true);
                if (pc.PathVariable is not null)
                {
                    inner.Set(pc.PathVariable, SemType.Path);
                }

                if (pc.Where is not null)
                {
                    CheckPredicateIn(pc.Where, inner, new Ctx());
                }

                return SemType.ListOf(CheckNoAggregate(pc.Projection, inner));
            }

            case SubqueryExpression sq:
                return CheckSubqueryExpression(sq, scope);
            case MapProjection mp:
            {
                var t = Check(mp.Subject, scope, ctx.Value);
                if (t.IsKnown && t.Kind is not SemKind.Node and not SemKind.Relationship and not SemKind.Map)
                {
                    throw Error(mp.Subject, "InvalidArgumentType", $"Type mismatch: expected Node, Relationship or Map but was {t}");
                }

                foreach (var item in mp.Items)
                {
                    switch (item)
                    {
                        case LiteralEntry le:
                            Check(le.Value, scope, ctx.Value);
                            break;
                        case VariableSelector vs when !scope.Contains(vs.Name):
                            throw Error(vs, "UndefinedVariable", $"Variable `{vs.Name}` not defined");
                    }
                }

                return SemType.Map;
            }

            case ShortestPathExpression sp:
                CheckPatternExpression(sp.Pattern, scope, introduceAllowed: false);
                return SemType.Path;
            default:
                foreach (var child in Children(e))
                {
                    Check(child, scope, ctx.Value);
                }

                return SemType.Any;
        }
    }

    private void CheckPredicateIn(Expression e, Scope scope, Ctx ctx)
    {
        var t = Check(e, scope, ctx with { Predicate = true });
        RequireBoolean(e, t);
    }

    /// <summary>A sub-expression evaluated per element (comprehension projections): aggregates are not allowed.</summary>
    private SemType CheckNoAggregate(Expression e, Scope scope)
    {
        if (ContainsAggregate(e))
        {
            var agg = FindAggregate(e)!;
            throw Error(agg, "InvalidAggregation", $"Invalid use of aggregating function {Describe(agg)} in this context");
        }

        return Check(e, scope, Ctx.Plain);
    }

    private static Expression? FindAggregate(Expression e) => IsAggregate(e) ? e : Children(e).Select(FindAggregate).FirstOrDefault(x => x is not null);

    private static string Describe(Expression agg) => agg is FunctionCall f ? f.Name + "(...)" : "count(*)";

    private static void CheckAggregateAllowed(Expression e, Ctx ctx)
    {
        if (ctx.InAggregate)
        {
            throw Error(e, "NestedAggregation", "Can't use aggregating expressions inside of aggregating expressions.");
        }

        if (!ctx.AllowAggregation)
        {
            throw Error(e, "InvalidAggregation", $"Invalid use of aggregating function {Describe(e)} in this context");
        }
    }

    private static SemType ElementType(SemType listType) => listType.Kind == SemKind.List ? listType.Element ?? SemType.Any : SemType.Any;

    private SemType CheckBinary(BinaryExpression b, Scope scope, Ctx ctx)
    {
        var op = b.Operator;
        var logical = op is BinaryOperator.And or BinaryOperator.Or or BinaryOperator.Xor;
        var inner = logical ? ctx : ctx.Value;
        var l = Check(b.Left, scope, inner);
        var r = Check(b.Right, scope, inner);
        switch (op)
        {
            case BinaryOperator.And or BinaryOperator.Or or BinaryOperator.Xor:
                RequireBoolean(b.Left, l);
                RequireBoolean(b.Right, r);
                return SemType.Boolean;
            case BinaryOperator.In:
                if (r.IsKnown && r.Kind != SemKind.List)
                {
                    throw Error(b.Right, "InvalidArgumentType", $"Type mismatch: expected List<T> but was {r}");
                }

                return SemType.Boolean;
            case BinaryOperator.StartsWith or BinaryOperator.EndsWith or BinaryOperator.Contains or BinaryOperator.RegexMatch:
            case BinaryOperator.Equal or BinaryOperator.NotEqual or BinaryOperator.LessThan or BinaryOperator.LessThanOrEqual
                or BinaryOperator.GreaterThan or BinaryOperator.GreaterThanOrEqual:
                return SemType.Boolean;
            case BinaryOperator.Add:
                if (l.Kind == SemKind.List || r.Kind == SemKind.List)
                {
                    return l.Kind == SemKind.List ? l : r;
                }

                if (l.Kind == SemKind.String || r.Kind == SemKind.String)
                {
                    return SemType.String;
                }

                if ((l.Kind == SemKind.Boolean && r.IsKnown && r.Kind != SemKind.String) || (r.Kind == SemKind.Boolean && l.IsKnown))
                {
                    throw Error(b, "InvalidArgumentType", $"Type mismatch: cannot add {l} and {r}");
                }

                return Arithmetic(l, r);
            default:
                foreach (var (side, t) in new[] { (b.Left, l), (b.Right, r) })
                {
                    if (t.IsKnown && !t.IsNumber)
                    {
                        throw Error(side, "InvalidArgumentType", $"Type mismatch: expected Integer, Float or Duration but was {t}");
                    }
                }

                return op == BinaryOperator.Power ? SemType.Float : Arithmetic(l, r);
        }
    }

    private static SemType Arithmetic(SemType l, SemType r) =>
        l.Kind == SemKind.Integer && r.Kind == SemKind.Integer ? SemType.Integer
        : l.IsNumber && r.IsNumber ? SemType.Float
        : SemType.Any;
}
