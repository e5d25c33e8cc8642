using GraphQLParser.AST;

namespace KnowledgeGraph.GraphQL.Compilation;

/// <summary>
/// The <c>Path</c> projections of <c>paths</c> and <c>shortestPath</c>: length, score, confidence, sources, nodes,
/// relationships, steps and the explanation's data, read from a ranked path (<see cref="PathRef"/>).
/// </summary>
internal sealed partial class KgCompiler
{
    /// <summary>Set when a compiled projection reads a path's <c>hops</c> (see <see cref="HopDetail"/>).</summary>
    private bool _pathHops;

    /// <summary>Projects the ranked path <paramref name="q"/> as a <c>Path</c>.</summary>
    private string ProjectPath(PathRef q, FactFilter facts, IEnumerable<GraphQLSelectionSet?> sets)
    {
        var w = facts.Weights;
        var entries = new List<string>();
        var explained = false;
        foreach (var (key, fields) in CollectFields(sets, "Path"))
        {
            var k = MapKey(key);
            switch (fields[0].Name.StringValue)
            {
                case "length": entries.Add(k + ": " + q.Len); break;
                case "score": entries.Add(k + ": " + q.Score); break;
                case "confidence":
                    _pathHops = true;
                    var (c, h) = (NewVar("c"), NewVar("h"));
                    entries.Add(k + ": reduce(" + c + " = " + q.Hops + "[0].c, " + h + " IN " + q.Hops + " | CASE WHEN " + w + "[" + h + ".c] < " + w + "[" + c + "] THEN " + h + ".c ELSE " + c + " END)");
                    break;
                case "independentSources":
                    _pathHops = true;
                    var (m, h2) = (NewVar("m"), NewVar("h"));
                    entries.Add(k + ": reduce(" + m + " = " + q.Hops + "[0].k, " + h2 + " IN " + q.Hops + " | CASE WHEN " + h2 + ".k < " + m + " THEN " + h2 + ".k ELSE " + m + " END)");
                    break;
                case "nodes":
                    var x = NewVar("x");
                    entries.Add(k + ": [" + x + " IN " + q.Ns + " | " + ProjectNode(x, "Entity", Sub(fields)) + "]");
                    break;
                case "relationships":
                    _pathHops = true;
                    var (y, acc, h3) = (NewVar("y"), NewVar("acc"), NewVar("h"));
                    entries.Add(k + ": [" + y + " IN reduce(" + acc + " = [], " + h3 + " IN " + q.Hops + " | " + acc + " + " + h3 + ".rs) | " + ProjectRelationship(y, Sub(fields)) + "]");
                    break;
                case "steps":
                    _pathHops = true;
                    var h4 = NewVar("h");
                    entries.Add(k + ": [" + h4 + " IN " + q.Hops + " | " + ProjectStep(q, h4, Sub(fields)) + "]");
                    break;
                case "explanation" when !explained:
                    _pathHops = true;
                    explained = true;
                    entries.Add(PathExplainer.DataKey + ": " + ExplanationData(q));
                    break;
            }
        }
        return "{" + string.Join(", ", entries) + "}";
    }

    private string ProjectStep(PathRef q, string h, IEnumerable<GraphQLSelectionSet?> sets)
    {
        var entries = new List<string>();
        foreach (var (key, fields) in CollectFields(sets, "PathStep"))
        {
            var k = MapKey(key);
            switch (fields[0].Name.StringValue)
            {
                case "index": entries.Add(k + ": " + h + ".i"); break;
                case "from": entries.Add(k + ": " + Bind(q.Ns + "[" + h + ".i]", x => ProjectNode(x, "Entity", Sub(fields)))); break;
                case "to": entries.Add(k + ": " + Bind(q.Ns + "[" + h + ".i + 1]", x => ProjectNode(x, "Entity", Sub(fields)))); break;
                case "relationship": entries.Add(k + ": " + Bind(h + ".rs[0]", x => ProjectRelationship(x, Sub(fields)))); break;
                case "relationships":
                    var y = NewVar("y");
                    entries.Add(k + ": [" + y + " IN " + h + ".rs | " + ProjectRelationship(y, Sub(fields)) + "]");
                    break;
                case "forward": entries.Add(k + ": startNode(" + h + ".rs[0]) = " + q.Ns + "[" + h + ".i]"); break;
                case "confidence": entries.Add(k + ": " + h + ".c"); break;
                case "independentSources": entries.Add(k + ": " + h + ".k"); break;
            }
        }
        return "{" + string.Join(", ", entries) + "}";
    }

    /// <summary>What <see cref="PathExplainer"/> needs: names, titles, meeting places and dates, every hop's
    /// relationships with their provenance, and the names of the sources and people in their report chains.</summary>
    private string ExplanationData(PathRef q)
    {
        var (x, pl, h, r, acc, a2, r2, ks, s) = (NewVar("x"), NewVar("pl"), NewVar("h"), NewVar("r"), NewVar("acc"), NewVar("a"), NewVar("r"), NewVar("ks"), NewVar("s"));
        var nodes = "[" + x + " IN " + q.Ns + " | {key: " + x + ".key, name: " + x + ".name, title: " + x + ".title, labels: labels(" + x + "), startDate: "
            + x + ".startDate, endDate: " + x + ".endDate, place: head(COLLECT { MATCH (" + x + ")-[:HELD_IN]->(" + pl + ":Place) RETURN " + pl + ".name })}]";
        var hops = "[" + h + " IN " + q.Hops + " | [" + r + " IN " + h + ".rs | {type: type(" + r + "), from: startNode(" + r + ").key, to: endNode(" + r + ").key, role: "
            + r + ".role, confidence: " + r + ".confidence, chains: coalesce(" + r + ".chains, []), sources: coalesce(" + r + ".sources, []), date: " + r + ".date}]]";
        var keys = "reduce(" + acc + " = [], " + h + " IN " + q.Hops + " | " + acc + " + reduce(" + a2 + " = [], " + r2 + " IN " + h + ".rs | " + a2
            + " + coalesce(" + r2 + ".sources, []) + coalesce(" + r2 + ".origins, [])))";
        var names = "head([" + ks + " IN [" + keys + "] | COLLECT { MATCH (" + s + ":Source) WHERE " + s + ".key IN " + ks + " RETURN [" + s + ".key, " + s + ".name] }"
            + " + COLLECT { MATCH (" + s + ":Person) WHERE " + s + ".key IN " + ks + " RETURN [" + s + ".key, " + s + ".name] }])";
        return "{nodes: " + nodes + ", hops: " + hops + ", names: " + names + "}";
    }
}
