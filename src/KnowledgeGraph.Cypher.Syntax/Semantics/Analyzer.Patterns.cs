using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Syntax.Semantics;

internal sealed partial class Analyzer
{
    /// <summary>Binds the variables of a MATCH pattern into <paramref name="scope"/> and checks its expressions.</summary>
    private void BindMatchPattern(Pattern pattern, Scope scope, AstNode clause)
    {
        var relationshipsHere = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in pattern.Parts)
        {
            BindMatchPath(part.Path, scope, relationshipsHere);
            if (part.PathVariable is { } p)
            {
                if (scope.Contains(p))
                {
                    throw Error(part, "VariableAlreadyBound", $"Variable `{p}` already declared");
                }

                scope.Set(p, SemType.Path);
            }
        }

        foreach (var part in pattern.Parts)
        {
            foreach (var e in PatternExpressions(part.Path))
            {
                if (e is Parameter)
                {
                    throw Error(e, "InvalidParameterUse", "Parameter maps cannot be used in MATCH patterns (use a literal map instead, e.g. {id: $param.id})");
                }
            }

            CheckPatternPredicates(part.Path, scope);
        }

        _ = clause;
    }

    private void CheckPatternPredicates(PathPattern path, Scope scope)
    {
        foreach (var element in path.Elements)
        {
            switch (element)
            {
                case NodePattern n:
                    CheckPropertiesAndWhere(n.Properties, n.Where, scope);
                    break;
                case RelationshipPattern r:
                    CheckPropertiesAndWhere(r.Properties, r.Where, scope);
                    break;
                case QuantifiedPathPattern q:
                    // Inside the sub-path its variables are singletons, not the group lists seen outside.
                    var inner = scope.Copy();
                    foreach (var el in q.Path.Elements)
                    {
                        switch (el)
                        {
                            case NodePattern { Variable: { } v }:
                                inner.Set(v, SemType.Node);
                                break;
                            case RelationshipPattern { Variable: { } v }:
                                inner.Set(v, SemType.Relationship);
                                break;
                        }
                    }

                    CheckPatternPredicates(q.Path, inner);
                    if (q.Where is not null)
                    {
                        CheckPredicate(q.Where, inner);
                    }

                    break;
            }
        }
    }

    private void CheckPropertiesAndWhere(Expression? properties, Expression? where, Scope scope)
    {
        if (properties is not null and not Parameter)
        {
            CheckNoAggregate(properties, scope);
        }

        if (where is not null)
        {
            if (ContainsAggregate(where))
            {
                CheckNoAggregate(where, scope);
            }

            CheckPredicate(where, scope);
        }
    }

    private static void BindMatchPath(PathPattern path, Scope scope, HashSet<string> relationshipsHere)
    {
        foreach (var element in path.Elements)
        {
            switch (element)
            {
                case NodePattern { Variable: { } v } n:
                    if (scope.TypeOf(v) is { } existing)
                    {
                        if (existing.IsKnown && existing.Kind != SemKind.Node)
                        {
                            throw Error(n, "VariableTypeConflict", $"Type mismatch: {v} defined with conflicting type {existing} (expected Node)");
                        }
                    }
                    else
                    {
                        scope.Set(v, SemType.Node);
                    }

                    break;
                case RelationshipPattern { Variable: { } v } r:
                {
                    var wanted = r.IsVariableLength ? SemType.ListOf(SemType.Relationship) : SemType.Relationship;
                    if (scope.TypeOf(v) is { } existingRel)
                    {
                        if (existingRel.IsKnown && existingRel.Kind != wanted.Kind)
                        {
                            throw Error(r, "VariableTypeConflict", $"Type mismatch: {v} defined with conflicting type {existingRel} (expected {wanted})");
                        }

                        if (relationshipsHere.Contains(v))
                        {
                            throw Error(r, "RelationshipUniquenessViolation", $"Cannot use the same relationship variable '{v}' for multiple relationships");
                        }
                    }
                    else
                    {
                        scope.Set(v, wanted);
                    }

                    relationshipsHere.Add(v);
                    break;
                }

                case QuantifiedPathPattern q:
                    // Variables of a quantified sub-path are group variables (lists) outside of it.
                    var inner = new Scope();
                    BindMatchPath(q.Path, inner, []);
                    foreach (var name in inner.Names)
                    {
                        if (scope.TypeOf(name) is { IsKnown: true, Kind: not SemKind.List })
                        {
                            throw Error(q, "VariableAlreadyBound", $"Variable `{name}` already declared");
                        }

                        scope.Set(name, SemType.ListOf(inner.TypeOf(name)!));
                    }

                    break;
            }
        }
    }

    /// <summary>CREATE and MERGE: binds new variables and enforces what may be created.</summary>
    private void BindCreatePattern(IReadOnlyList<PatternPart> parts, Scope scope, bool merge)
    {
        var declaredHere = new HashSet<string>(StringComparer.Ordinal);
        var clauseName = merge ? "MERGE" : "CREATE";
        foreach (var part in parts)
        {
            var elements = part.Path.Elements;
            foreach (var element in elements)
            {
                switch (element)
                {
                    case NodePattern n:
                        if (n.Variable is { } v)
                        {
                            var bound = scope.Contains(v);
                            if (bound && (n.Labels is not null || n.Properties is not null || elements.Count == 1))
                            {
                                throw Error(n, "VariableAlreadyBound", $"Can't create node `{v}` with labels or properties here. The variable is already declared in this context");
                            }

                            if (scope.TypeOf(v) is { IsKnown: true, Kind: not SemKind.Node } t)
                            {
                                throw Error(n, "VariableTypeConflict", $"Type mismatch: {v} defined with conflicting type {t} (expected Node)");
                            }

                            if (!bound)
                            {
                                scope.Set(v, SemType.Node);
                                declaredHere.Add(v);
                            }
                        }

                        if (merge && n.Properties is Parameter)
                        {
                            throw Error(n.Properties, "InvalidParameterUse", "Parameter maps cannot be used in MERGE patterns (use a literal map instead, e.g. {id: $param.id})");
                        }

                        break;
                    case RelationshipPattern r:
                        if (r.Variable is { } rv)
                        {
                            if (scope.Contains(rv))
                            {
                                throw Error(r, "VariableAlreadyBound", $"Can't create relationship `{rv}`: the variable is already declared in this context");
                            }

                            scope.Set(rv, SemType.Relationship);
                        }

                        CheckCreatableRelationship(r, clauseName, merge);

                        break;
                    case QuantifiedPathPattern q:
                        throw Error(q, "CreatingVarLength", $"Variable length relationships cannot be used in {clauseName}");
                }
            }

            if (part.PathVariable is { } p)
            {
                if (scope.Contains(p))
                {
                    throw Error(part, "VariableAlreadyBound", $"Variable `{p}` already declared");
                }

                scope.Set(p, SemType.Path);
            }
        }

        foreach (var part in parts)
        {
            foreach (var e in PatternExpressions(part.Path))
            {
                if (e is not Parameter)
                {
                    CheckNoAggregate(e, scope);
                }
            }
        }
    }

    private static void CheckCreatableRelationship(RelationshipPattern r, string clause, bool merge)
    {
        if (r.Types is null || r.Types is not LabelName)
        {
            throw Error(r, "NoSingleRelationshipType", $"Exactly one relationship type must be specified for {clause}. Did you forget to prefix your relationship type with a ':'?");
        }

        if (!merge && r.Direction is RelationshipDirection.Both or RelationshipDirection.Bidirectional)
        {
            throw Error(r, "RequiresDirectedRelationship", $"Only directed relationships are supported in {clause}");
        }

        if (r.IsVariableLength)
        {
            throw Error(r, "CreatingVarLength", $"Variable length relationships cannot be used in {clause}");
        }

        if (merge && r.Properties is Parameter)
        {
            throw Error(r.Properties, "InvalidParameterUse", "Parameter maps cannot be used in MERGE patterns (use a literal map instead, e.g. {id: $param.id})");
        }
    }
}
