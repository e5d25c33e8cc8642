using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Cypher.Syntax.Semantics;

/// <summary>Variables visible at a point of a query, with their static types. Insertion-ordered.</summary>
internal sealed class Scope
{
    private readonly Dictionary<string, SemType> _vars;
    private readonly List<string> _order;

    public Scope()
    {
        _vars = new Dictionary<string, SemType>(StringComparer.Ordinal);
        _order = [];
    }

    private Scope(Scope other)
    {
        _vars = new Dictionary<string, SemType>(other._vars, StringComparer.Ordinal);
        _order = [.. other._order];
    }

    public Scope Copy() => new(this);

    public IReadOnlyList<string> Names => _order;

    public bool Contains(string name) => _vars.ContainsKey(name);

    public SemType? TypeOf(string name) => _vars.TryGetValue(name, out var t) ? t : null;

    public void Set(string name, SemType type)
    {
        if (!_vars.ContainsKey(name))
        {
            _order.Add(name);
        }

        _vars[name] = type;
    }

    public Scope With(string name, SemType type)
    {
        var s = Copy();
        s.Set(name, type);
        return s;
    }
}

/// <summary>Where a single query sits, which changes what it may contain and how it must end.</summary>
internal enum SubqueryMode
{
    None,
    CallSubquery,
    Exists,
    Count,
    Collect,
}

/// <summary>What analysing a single query yields: its result columns (null if it returns nothing) and final scope.</summary>
internal sealed record QueryResult(IReadOnlyList<string>? Columns, Scope Scope);

internal sealed partial class Analyzer(Func<string, ProcedureSignature?>? resolveProcedure, Func<string, bool>? functionExists)
{
    private static GraphException Error(AstNode? at, string detail, string message, string code = ErrorCodes.SyntaxError)
    {
        var position = at is null || at.Span == default ? "" : $" ({at.Span})";
        return new GraphException(code, message + position) { Phase = ErrorPhase.CompileTime, Detail = detail };
    }

    public void TopLevel(Query query) => AnalyzeQuery(query, new Scope(), SubqueryMode.None);

    public QueryResult AnalyzeQuery(Query query, Scope incoming, SubqueryMode mode)
    {
        if (query is SingleQuery single)
        {
            return AnalyzeSingle(single, incoming, mode);
        }

        var union = (UnionQuery)query;
        var parts = union.Parts().ToList();
        var kinds = new List<bool>();
        for (Query q = union; q is UnionQuery u; q = u.Left)
        {
            kinds.Add(u.All);
        }

        if (kinds.Distinct().Count() > 1)
        {
            throw Error(union, "InvalidClauseComposition", "Invalid combination of UNION and UNION ALL");
        }

        QueryResult? first = null;
        foreach (var part in parts)
        {
            var result = AnalyzeSingle(part, incoming, mode);
            if (first is null)
            {
                first = result;
            }
            else if (!(first.Columns ?? []).SequenceEqual(result.Columns ?? []))
            {
                throw Error(part, "DifferentColumnsInUnion", "All sub queries in an UNION must have the same return column names");
            }
        }

        return first!;
    }
}
