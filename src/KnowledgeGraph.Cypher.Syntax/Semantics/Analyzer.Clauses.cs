using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Syntax.Semantics;

internal sealed partial class Analyzer
{
    // The grammar's notion of an updating clause: procedure calls do not count (see StatementFacts).
    private static bool IsUpdating(Clause c) => StatementFacts.IsUpdating(c);

    /// <summary>
    /// Analyses one single query. <paramref name="incoming"/> is what it sees from outside (outer query for
    /// EXISTS/COUNT/COLLECT and scoped CALL); <paramref name="importable"/> is the outer scope a classic
    /// <c>CALL { WITH a ... }</c> may import through its leading WITH.
    /// </summary>
    public QueryResult AnalyzeSingle(SingleQuery query, Scope incoming, SubqueryMode mode, Scope? importable = null)
    {
        var scope = incoming.Copy();
        IReadOnlyList<string>? columns = null;
        for (var i = 0; i < query.Clauses.Count; i++)
        {
            var clause = query.Clauses[i];
            if (columns is not null)
            {
                throw Error(clause, "InvalidClauseComposition", "RETURN can only be used at the end of the query");
            }

            if (mode is SubqueryMode.Exists or SubqueryMode.Count or SubqueryMode.Collect && IsUpdating(clause))
            {
                throw Error(clause, "InvalidClauseComposition", $"{(mode == SubqueryMode.Exists ? "An Exists" : mode == SubqueryMode.Count ? "A Count" : "A Collect")} Expression cannot contain any updates");
            }

            var clauseScope = i == 0 && importable is not null && clause is WithClause ? importable : scope;
            switch (clause)
            {
                case ReturnClause r:
                    (scope, var returned) = Project(r.Body, clauseScope, null, isWith: false);
                    columns = returned;
                    break;
                case WithClause w:
                    scope = Project(w.Body, clauseScope, w.Where, isWith: true).Scope;
                    break;
                default:
                    scope = AnalyzeClause(clause, scope);
                    break;
            }

            if (clause is CallProcedureClause { Standalone: true } call)
            {
                columns = StandaloneColumns(call);
            }
        }

        if (mode is SubqueryMode.None or SubqueryMode.CallSubquery && query.Clauses.Count > 0)
        {
            var last = query.Clauses[^1];
            var canEnd = last is ReturnClause or FinishClause or CallSubqueryClause || IsUpdating(last)
                || (last is CallProcedureClause call && (call.Standalone || call.Yield is null));
            if (!canEnd)
            {
                throw Error(last, "InvalidClauseComposition", $"Query cannot conclude with {ClauseName(last)} (must be a RETURN clause, a FINISH clause, an update clause, a unit subquery call, or a procedure call with no YIELD).");
            }
        }

        return new QueryResult(columns, scope);
    }

    private static string ClauseName(Clause c) => c switch
    {
        MatchClause { Optional: true } => "OPTIONAL MATCH",
        MatchClause => "MATCH",
        WithClause => "WITH",
        UnwindClause => "UNWIND",
        CallProcedureClause => "CALL",
        _ => c.GetType().Name.Replace("Clause", "", StringComparison.Ordinal).ToUpperInvariant(),
    };

    private Scope AnalyzeClause(Clause clause, Scope scope)
    {
        scope = scope.Copy();
        switch (clause)
        {
            case MatchClause m:
                BindMatchPattern(m.Pattern, scope, m);
                if (m.Where is not null)
                {
                    if (ContainsAggregate(m.Where))
                    {
                        CheckNoAggregate(m.Where, scope);
                    }

                    CheckPredicate(m.Where, scope);
                }

                return scope;
            case UnwindClause u:
            {
                var t = CheckNoAggregate(u.Expression, scope);
                if (scope.Contains(u.Variable))
                {
                    throw Error(u, "VariableAlreadyBound", $"Variable `{u.Variable}` already declared");
                }

                scope.Set(u.Variable, t.Kind == SemKind.List ? t.Element ?? SemType.Any : SemType.Any);
                return scope;
            }

            case CreateClause c:
                BindCreatePattern(c.Pattern.Parts, scope, merge: false);
                return scope;
            case MergeClause m:
                BindCreatePattern([m.Pattern], scope, merge: true);
                foreach (var action in m.Actions)
                {
                    CheckSetItems(action.Items, scope);
                }

                return scope;
            case SetClause s:
                CheckSetItems(s.Items, scope);
                return scope;
            case RemoveClause r:
                foreach (var item in r.Items)
                {
                    switch (item)
                    {
                        case RemovePropertyItem p:
                            CheckNoAggregate(p.Entity, scope);
                            break;
                        case RemoveDynamicPropertyItem d:
                            CheckNoAggregate(d.Entity, scope);
                            CheckNoAggregate(d.Key, scope);
                            break;
                        case RemoveLabelsItem l:
                            RequireVariable(l.Variable, l, scope);
                            break;
                    }
                }

                return scope;
            case DeleteClause d:
                foreach (var e in d.Expressions)
                {
                    if (e is LabelPredicate)
                    {
                        throw Error(e, "InvalidDelete", "DELETE doesn't support removing labels from a node. Try REMOVE.");
                    }

                    var t = CheckNoAggregate(e, scope);
                    if (t.IsKnown && t.Kind is not SemKind.Node and not SemKind.Relationship and not SemKind.Path and not SemKind.List)
                    {
                        throw Error(e, "InvalidArgumentType", $"Type mismatch: expected Node, Path or Relationship but was {t}");
                    }
                }

                return scope;
            case ForeachClause f:
            {
                var list = CheckNoAggregate(f.List, scope);
                var inner = scope.With(f.Variable, list.Kind == SemKind.List ? list.Element ?? SemType.Any : SemType.Any);
                foreach (var c in f.Clauses)
                {
                    if (!IsUpdating(c))
                    {
                        throw Error(c, "InvalidClauseComposition", "Invalid use of a non-updating clause inside FOREACH");
                    }

                    inner = AnalyzeClause(c, inner);
                }

                return scope;
            }

            case CallProcedureClause call:
                return AnalyzeProcedureCall(call, scope);
            case CallSubqueryClause sub:
                return AnalyzeCallSubquery(sub, scope);
            default:
                return scope;
        }
    }

    private static void RequireVariable(string name, AstNode at, Scope scope)
    {
        if (!scope.Contains(name))
        {
            throw Error(at, "UndefinedVariable", $"Variable `{name}` not defined");
        }
    }

    private void CheckSetItems(IEnumerable<SetItem> items, Scope scope)
    {
        foreach (var item in items)
        {
            switch (item)
            {
                case SetPropertyItem p:
                    CheckNoAggregate(p.Entity, scope);
                    CheckNoAggregate(p.Value, scope);
                    break;
                case SetDynamicPropertyItem d:
                    CheckNoAggregate(d.Entity, scope);
                    CheckNoAggregate(d.Key, scope);
                    CheckNoAggregate(d.Value, scope);
                    break;
                case SetPropertiesItem a:
                    CheckNoAggregate(a.Entity, scope);
                    CheckNoAggregate(a.Value, scope);
                    break;
                case SetLabelsItem l:
                    RequireVariable(l.Variable, l, scope);
                    break;
            }
        }
    }

    private Scope AnalyzeCallSubquery(CallSubqueryClause sub, Scope scope)
    {
        // As in Neo4j: batches commit on their own, which a surrounding subquery's rows could not follow.
        if (Clauses(sub.Body).OfType<CallSubqueryClause>().FirstOrDefault(c => c.InTransactions is not null) is { } nested)
        {
            throw Error(nested, "NestedInTransactions", "CALL { ... } IN TRANSACTIONS nested in a regular CALL is not supported");
        }

        QueryResult result;
        if (sub.ScopeVariables is not null || sub.ScopeAll)
        {
            var imported = sub.ScopeAll ? scope.Copy() : new Scope();
            foreach (var name in sub.ScopeVariables ?? [])
            {
                imported.Set(name, scope.TypeOf(name) ?? throw Error(sub, "UndefinedVariable", $"Variable `{name}` not defined"));
            }

            result = AnalyzeQuery(sub.Body, imported, SubqueryMode.CallSubquery);
        }
        else
        {
            result = sub.Body is UnionQuery u
                ? AnalyzeUnionWithImport(u, scope)
                : AnalyzeSingle((SingleQuery)sub.Body, new Scope(), SubqueryMode.CallSubquery, importable: scope);
        }

        var after = scope.Copy();
        foreach (var column in result.Columns ?? [])
        {
            if (scope.Contains(column))
            {
                throw Error(sub, "VariableAlreadyBound", $"Variable `{column}` already declared in outer scope");
            }

            after.Set(column, result.Scope.TypeOf(column) ?? SemType.Any);
        }

        if (sub.InTransactions is { ReportStatusAs: { } status } tx)
        {
            if (tx.OnError == OnErrorBehavior.Fail)
            {
                throw Error(tx, "InvalidReportStatus", "REPORT STATUS can only be used when specifying ON ERROR CONTINUE or ON ERROR BREAK");
            }

            if (after.Contains(status))
            {
                throw Error(sub, "VariableAlreadyBound", $"Variable `{status}` already declared");
            }

            after.Set(status, SemType.Any);
        }

        return after;
    }

    /// <summary>Every clause of a query, subquery bodies included.</summary>
    private static IEnumerable<Clause> Clauses(Query query)
    {
        var parts = query is UnionQuery u ? u.Parts() : [(SingleQuery)query];
        foreach (var part in parts)
        {
            foreach (var clause in part.Clauses)
            {
                yield return clause;
                if (clause is CallSubqueryClause call)
                {
                    foreach (var inner in Clauses(call.Body))
                    {
                        yield return inner;
                    }
                }
            }
        }
    }

    private QueryResult AnalyzeUnionWithImport(UnionQuery union, Scope outer)
    {
        QueryResult? first = null;
        foreach (var part in union.Parts())
        {
            var r = AnalyzeSingle(part, new Scope(), SubqueryMode.CallSubquery, importable: outer);
            first ??= r;
            if (!(first.Columns ?? []).SequenceEqual(r.Columns ?? []))
            {
                throw Error(part, "DifferentColumnsInUnion", "All sub queries in an UNION must have the same return column names");
            }
        }

        return first!;
    }
}
