using GraphQL;
using GraphQLParser.AST;

namespace KnowledgeGraph.GraphQL.Compilation;

internal sealed partial class KgCompiler
{
    /// <summary>
    /// <c>contradictions</c>: claims joined by CONTRADICTS, and relationship facts or Fact nodes whose
    /// <c>contradictedBy</c> names a claim, as in <c>cypher/queries/20-contradictions.cypher</c>. With a subject,
    /// only pairs where a side is the subject, is about it, was stated by it, or is a fact of it.
    /// </summary>
    private CompiledRoot CompileContradictions()
    {
        var subject = _context.GetArgument<string?>("subject");
        var first = _context.GetArgument<int?>("first") ?? 50;
        CheckPageSize(first);
        var s = subject is null ? null : Param(subject);
        var (c1, c2, x, u, r, t, ck, c, e, f, z) = (NewVar("c"), NewVar("c"), NewVar("x"), NewVar("u"), NewVar("r"), NewVar("t"), NewVar("ck"), NewVar("c"), NewVar("e"), NewVar("f"), NewVar("z"));
        string Concerns(string claim) => s is null ? "true"
            : "(" + claim + ".key = " + s + " OR EXISTS { MATCH (" + claim + ")-[:ABOUT]->(" + z + ") WHERE " + z + ".key = " + s + " }"
              + " OR EXISTS { MATCH (" + z + ")-[:STATED]->(" + claim + ") WHERE " + z + ".key = " + s + " })";
        string ClaimSide(string claim) => "{kind: 'claim', key: " + claim + ".key, text: " + claim + ".text, claim: " + claim + ", holder: " + claim + "}";
        var claims = "MATCH (" + c1 + ":Claim)-[" + x + ":CONTRADICTS]->(" + c2 + ":Claim)"
            + (s is null ? "" : " WHERE " + Concerns(c1) + " OR " + Concerns(c2))
            + " RETURN " + ClaimSide(c1) + " AS a, " + ClaimSide(c2) + " AS b, " + x + ".note AS note";
        var relationships = "MATCH (" + u + ")-[" + r + "]->(" + t + ") WHERE size(coalesce(" + r + ".contradictedBy, [])) > 0"
            + " UNWIND " + r + ".contradictedBy AS " + ck + " MATCH (" + c + ":Claim {key: " + ck + "})"
            + (s is null ? "" : " WHERE " + u + ".key = " + s + " OR " + t + ".key = " + s + " OR " + Concerns(c))
            + " RETURN {kind: 'relationship', key: " + RelationshipIdentity(r) + ", text: " + u + ".name + ' ' + toLower(replace(type(" + r + "), '_', ' ')) + ' ' + " + t + ".name, rel: " + r + ", holder: " + r + "} AS a, "
            + ClaimSide(c) + " AS b, " + r + ".note AS note";
        var nodeFacts = "MATCH (" + e + ")-[:HAS_FACT]->(" + f + ":Fact) WHERE size(coalesce(" + f + ".contradictedBy, [])) > 0"
            + " UNWIND " + f + ".contradictedBy AS " + ck + " MATCH (" + c + ":Claim {key: " + ck + "})"
            + (s is null ? "" : " WHERE " + e + ".key = " + s + " OR " + Concerns(c))
            + " RETURN {kind: 'fact', key: " + f + ".key, text: coalesce(" + f + ".name, " + e + ".name) + ' = ' + toString(" + f + ".value), holder: " + f + "} AS a, "
            + ClaimSide(c) + " AS b, " + f + ".note AS note";
        var query = "CALL () { " + claims + " UNION ALL " + relationships + " UNION ALL " + nodeFacts + " }"
            + " WITH a, b, note ORDER BY a.kind, a.key, b.key LIMIT " + Param((long)first)
            + " RETURN " + ProjectContradiction("a", "b", "note") + " AS result";
        return new(Done(query), ResultShape.List);
    }

    private string ProjectContradiction(string a, string b, string note)
    {
        var entries = new List<string>();
        foreach (var (key, fields) in CollectFields([_context.FieldAst.SelectionSet], "Contradiction"))
        {
            var k = MapKey(key);
            switch (fields[0].Name.StringValue)
            {
                case "a": entries.Add(k + ": " + ProjectSide(a, Sub(fields))); break;
                case "b": entries.Add(k + ": " + ProjectSide(b, Sub(fields))); break;
                case "note": entries.Add(k + ": " + note); break;
            }
        }
        return "{" + string.Join(", ", entries) + "}";
    }

    private string ProjectSide(string side, IEnumerable<GraphQLSelectionSet?> sets)
    {
        var entries = new List<string>();
        foreach (var (key, fields) in CollectFields(sets, "ContradictionSide"))
        {
            var k = MapKey(key);
            switch (fields[0].Name.StringValue)
            {
                case "kind" or "key" or "text": entries.Add(k + ": " + side + "." + fields[0].Name.StringValue); break;
                case "statedBy":
                    var z = NewVar("z");
                    entries.Add(k + ": " + Bind(side + ".claim", y => "COLLECT { MATCH (" + z + ")-[:STATED]->(" + y + ") RETURN " + ProjectNode(z, "Entity", Sub(fields)) + " }"));
                    break;
                case "claim": entries.Add(k + ": " + Bind(side + ".claim", y => "CASE WHEN " + y + " IS NULL THEN null ELSE " + ProjectNode(y, "Claim", Sub(fields)) + " END")); break;
                case "relationship": entries.Add(k + ": " + Bind(side + ".rel", y => "CASE WHEN " + y + " IS NULL THEN null ELSE " + ProjectRelationship(y, Sub(fields)) + " END")); break;
                case var name when IsRelationshipProperty(name): entries.Add(k + ": " + RelationshipPropertyValue(side + ".holder", name)); break;
            }
        }
        return "{" + string.Join(", ", entries) + "}";
    }
}
