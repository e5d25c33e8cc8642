using System.Collections;
using KnowledgeGraph.GraphQL.Model;
using KnowledgeGraph.GraphQL.Schema;

namespace KnowledgeGraph.GraphQL.Compilation;

internal sealed partial class KgCompiler
{
    /// <summary>
    /// Compiles a HotChocolate-style <c>where</c> value on node <paramref name="n"/> into a Cypher predicate;
    /// null when the filter is empty. Fields of one object are ANDed.
    /// </summary>
    private string? CompileFilter(string n, string targetType, IDictionary<string, object?>? where)
    {
        if (where is null) return null;
        var properties = PropertiesOf(targetType);
        var filterType = TypeNamed(targetType + "FilterInput");
        var parts = new List<string>();
        foreach (var (field, value) in where)
        {
            if (value is null) continue;
            switch (field)
            {
                case "and":
                    parts.Add(Join(Children(n, targetType, value), " AND ", "true"));
                    break;
                case "or":
                    parts.Add(Join(Children(n, targetType, value), " OR ", "false"));
                    break;
                case "not":
                    var inner = CompileFilter(n, targetType, value as IDictionary<string, object?>);
                    if (inner is not null) parts.Add("NOT (" + inner + ")");
                    break;
                case "kind":
                    parts.Add(KindFilter(n, (IDictionary<string, object?>)value));
                    break;
                default:
                    if (properties.TryGetValue(field, out var p))
                    {
                        parts.Add(PropertyFilter(n + "." + p.Name, p, (IDictionary<string, object?>)value));
                    }
                    else if (filterType.GetField(field) is { } def && SpecOf(def) is RelationshipSpec rel)
                    {
                        parts.Add(RelationFilter(n, rel, (IDictionary<string, object?>)value));
                    }
                    else
                    {
                        throw new KgGraphQLException(KgErrorCodes.InvalidArgument, $"Cannot filter on '{field}'.");
                    }
                    break;
            }
        }
        parts.RemoveAll(string.IsNullOrEmpty);
        return parts.Count == 0 ? null : parts.Count == 1 ? parts[0] : string.Join(" AND ", parts.Select(Wrap));
    }

    private List<string> Children(string n, string targetType, object value) =>
        ((IEnumerable)value).Cast<object?>()
            .Select(c => CompileFilter(n, targetType, c as IDictionary<string, object?>) ?? "true")
            .ToList();

    private static string Join(List<string> parts, string op, string empty) =>
        parts.Count == 0 ? empty : parts.Count == 1 ? parts[0] : "(" + string.Join(op, parts.Select(Wrap)) + ")";

    /// <summary>Parenthesizes a predicate unless one pair of parentheses already encloses all of it.</summary>
    private static string Wrap(string predicate) => IsEnclosed(predicate) ? predicate : "(" + predicate + ")";

    private static bool IsEnclosed(string s)
    {
        if (s.Length < 2 || s[0] != '(' || s[^1] != ')') return false;
        var depth = 0;
        var quote = '\0';
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; continue; }
            if (c is '\'' or '"' or '`') { quote = c; continue; }
            if (c == '(') depth++;
            else if (c == ')' && --depth == 0 && i < s.Length - 1) return false;
        }
        return depth == 0;
    }

    /// <summary>The operations of a property's filter input: by list, date interval, vocabulary or plain value.</summary>
    private string PropertyFilter(string x, KgProperty p, IDictionary<string, object?> ops) => p.Kind switch
    {
        KgScalar.StringList => ListFilter(x, ops),
        KgScalar.Date => DateOperations(x, ops),
        KgScalar.Enum => EnumOperations(x, p.Vocabulary!, ops),
        _ => Operations(x, ops),
    };

    /// <summary>Partial dates match by interval overlap (<see cref="PartialDate"/>); the bounds are parameters.</summary>
    private string DateOperations(string x, IDictionary<string, object?> ops)
    {
        var parts = new List<string>();
        foreach (var (op, value) in ops)
        {
            if (value is not string text) continue;
            var date = PartialDate.Parse(text) ?? throw new KgGraphQLException(KgErrorCodes.InvalidDate, $"'{text}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD).");
            parts.Add(PartialDate.CypherCondition(x, op, Param(date.Start), Param(date.End)));
        }
        return parts.Count == 0 ? "true" : string.Join(" AND ", parts.Select(Wrap));
    }

    /// <summary>Vocabulary values: eq/neq/in/nin, and for ordered vocabularies gte/gt/lte/lt by position (strongest first).</summary>
    private string EnumOperations(string x, KnowledgeGraph.Model.Vocabulary vocabulary, IDictionary<string, object?> ops)
    {
        var parts = new List<string>();
        var values = vocabulary.Values;
        List<string> Slice(object? v, bool before, bool inclusive)
        {
            var rank = vocabulary.RankOf((string)v!);
            return values.Where((_, i) => before ? (inclusive ? i <= rank : i < rank) : (inclusive ? i >= rank : i > rank)).ToList();
        }
        foreach (var (op, value) in ops)
        {
            if (value is null) continue;
            parts.Add(op switch
            {
                "eq" => x + " = " + Param(value),
                "neq" => x + " <> " + Param(value),
                "in" => x + " IN " + Param(value),
                "nin" => "NOT " + x + " IN " + Param(value),
                "gte" => x + " IN " + Param(Slice(value, before: true, inclusive: true)),
                "gt" => x + " IN " + Param(Slice(value, before: true, inclusive: false)),
                "lte" => x + " IN " + Param(Slice(value, before: false, inclusive: true)),
                _ => x + " IN " + Param(Slice(value, before: false, inclusive: false)),
            });
        }
        return parts.Count == 0 ? "true" : string.Join(" AND ", parts.Select(Wrap));
    }

    /// <summary>Scalar operations (eq, neq, in, nin, contains, startsWith, endsWith, gt, gte, lt, lte, and, or).</summary>
    private string Operations(string x, IDictionary<string, object?> ops)
    {
        var parts = new List<string>();
        foreach (var (op, value) in ops)
        {
            switch (op)
            {
                case "eq": parts.Add(value is null ? x + " IS NULL" : x + " = " + Param(value)); break;
                case "neq": parts.Add(value is null ? x + " IS NOT NULL" : x + " <> " + Param(value)); break;
                case "in": if (value is not null) parts.Add(x + " IN " + Param(value)); break;
                case "nin": if (value is not null) parts.Add("NOT " + x + " IN " + Param(value)); break;
                case "contains": if (value is not null) parts.Add(x + " CONTAINS " + Param(value)); break;
                case "ncontains": if (value is not null) parts.Add("NOT " + x + " CONTAINS " + Param(value)); break;
                case "startsWith": if (value is not null) parts.Add(x + " STARTS WITH " + Param(value)); break;
                case "nstartsWith": if (value is not null) parts.Add("NOT " + x + " STARTS WITH " + Param(value)); break;
                case "endsWith": if (value is not null) parts.Add(x + " ENDS WITH " + Param(value)); break;
                case "nendsWith": if (value is not null) parts.Add("NOT " + x + " ENDS WITH " + Param(value)); break;
                case "gt": if (value is not null) parts.Add(x + " > " + Param(value)); break;
                case "gte": if (value is not null) parts.Add(x + " >= " + Param(value)); break;
                case "lt": if (value is not null) parts.Add(x + " < " + Param(value)); break;
                case "lte": if (value is not null) parts.Add(x + " <= " + Param(value)); break;
                case "and" when value is not null:
                    parts.Add(Join(((IEnumerable)value).Cast<IDictionary<string, object?>>().Select(o => Operations(x, o)).ToList(), " AND ", "true"));
                    break;
                case "or" when value is not null:
                    parts.Add(Join(((IEnumerable)value).Cast<IDictionary<string, object?>>().Select(o => Operations(x, o)).ToList(), " OR ", "false"));
                    break;
            }
        }
        return parts.Count == 0 ? "true" : parts.Count == 1 ? parts[0] : "(" + string.Join(" AND ", parts.Select(Wrap)) + ")";
    }

    /// <summary>some / all / none over a list property, or any (non-empty).</summary>
    private string ListFilter(string x, IDictionary<string, object?> ops)
    {
        var parts = new List<string>();
        foreach (var (op, value) in ops)
        {
            if (value is null) continue;
            if (op == "any")
            {
                parts.Add("size(coalesce(" + x + ", [])) " + (value is true ? "> 0" : "= 0"));
                continue;
            }
            var e = NewVar("e");
            var predicate = Operations(e, (IDictionary<string, object?>)value);
            parts.Add(op switch
            {
                "some" => "any(" + e + " IN coalesce(" + x + ", []) WHERE " + predicate + ")",
                "all" => "all(" + e + " IN coalesce(" + x + ", []) WHERE " + predicate + ")",
                _ => "none(" + e + " IN coalesce(" + x + ", []) WHERE " + predicate + ")",
            });
        }
        return parts.Count == 0 ? "true" : string.Join(" AND ", parts.Select(Wrap));
    }

    private string KindFilter(string n, IDictionary<string, object?> ops)
    {
        string Has(object? label) => n + ":" + _model.LabelsByName[(string)label!].Label; // enum values are model labels
        string AnyOf(object? labels) => "(" + string.Join(" OR ", ((IEnumerable)labels!).Cast<object?>().Select(Has).DefaultIfEmpty("false")) + ")";
        var parts = new List<string>();
        foreach (var (op, value) in ops)
        {
            if (value is null) continue;
            parts.Add(op switch
            {
                "eq" => Has(value),
                "neq" => "NOT " + Has(value),
                "in" => AnyOf(value),
                _ => "NOT " + AnyOf(value),
            });
        }
        return parts.Count == 0 ? "true" : string.Join(" AND ", parts.Select(Wrap));
    }

    /// <summary>Relationship filters as EXISTS subqueries: some, none, all (no related node fails), any.</summary>
    private string RelationFilter(string n, RelationshipSpec rel, IDictionary<string, object?> ops)
    {
        var parts = new List<string>();
        foreach (var (op, value) in ops)
        {
            if (value is null) continue;
            var m = NewVar("m");
            var target = rel.Target?.Label;
            var pattern = "(" + n + ")" + (rel.Outgoing ? "-" : "<-") + "[:" + rel.Relationship.Type + "]" + (rel.Outgoing ? "->" : "-")
                + "(" + m + (target is null ? "" : ":" + target) + ")";
            if (op == "any")
            {
                parts.Add((value is true ? "" : "NOT ") + "EXISTS { MATCH " + pattern + " }");
                continue;
            }
            var inner = CompileFilter(m, target ?? "Entity", (IDictionary<string, object?>)value) ?? "true";
            parts.Add(op switch
            {
                "some" => "EXISTS { MATCH " + pattern + " WHERE " + inner + " }",
                "none" => "NOT EXISTS { MATCH " + pattern + " WHERE " + inner + " }",
                _ => "NOT EXISTS { MATCH " + pattern + " WHERE NOT coalesce(" + inner + ", false) }",
            });
        }
        return parts.Count == 0 ? "true" : string.Join(" AND ", parts.Select(Wrap));
    }
}
