using System.Text;
using GraphQL;
using GraphQLParser.AST;
using KnowledgeGraph.GraphQL.Schema;

namespace KnowledgeGraph.GraphQL.Compilation;

/// <summary>
/// <c>paths</c> and <c>shortestPath</c>. A path is a node sequence; every relationship the filters admit between two
/// consecutive nodes belongs to its hop, so parallel relationships never multiply results. The Cypher is the one
/// documented in <c>cypher/queries/01-mediation-paths.cypher</c>.
/// </summary>
internal sealed partial class KgCompiler
{
    /// <summary>Labels that are never inner nodes of a path: provenance and structure, not actors or events.</summary>
    internal static readonly HashSet<string> StructuralLabels = new(StringComparer.Ordinal) { "Document", "Claim", "Source", "Fact" };

    /// <summary>The default inner nodes of a path: actors and events.</summary>
    internal static readonly string[] DefaultInnerLabels = ["Person", "Country", "Organization", "Meeting", "Proposal"];

    /// <summary>Candidate paths kept per length before ranking: bounds the work between two hubs.</summary>
    internal const int MaxCandidatesPerLength = 2000;

    /// <summary>
    /// The relationship filter of the analysis fields (confidence, tier), built once per statement. The background tier
    /// is admitted only with includeBackground, whatever the relationship type: a path, a network or a mediator's
    /// evidence never rests on reference knowledge no document states unless the caller asks for it.
    /// </summary>
    private sealed record FactFilter(string Confidences, string Tiers, string Weights, bool IncludeDenied, bool IncludeRumoured, bool IncludeBackground)
    {
        public string On(string r) => r + ".confidence IN " + Confidences + " AND coalesce(" + r + ".tier, 'reported') IN " + Tiers;
    }

    private FactFilter NewFactFilter(string defaultMin = "claimed")
    {
        var min = _context.GetArgument<object>("minConfidence") as string ?? defaultMin;
        var includeDenied = HasArgument("includeDenied") && _context.GetArgument<bool>("includeDenied");
        var includeBackground = HasArgument("includeBackground") && _context.GetArgument<bool>("includeBackground");
        var admitted = Evidence.Admitted(min, includeDenied);
        return new FactFilter(
            Param(admitted),
            Param(includeBackground ? new List<string> { "reported", "background" } : ["reported"]),
            WeightsParam(),
            admitted.Contains("denied"),
            admitted.Contains("rumoured"),
            includeBackground);
    }

    private string? _weights;

    private string WeightsParam() =>
        _weights ??= Param(Evidence.ConfidenceWeights.ToDictionary(kv => kv.Key, kv => (object?)kv.Value));

    private bool HasArgument(string name) => _context.FieldDefinition.Arguments?.Find(name) is not null;

    private CompiledRoot CompilePaths(bool shortest)
    {
        var a = NewVar("a");
        var b = NewVar("b");
        var p = NewVar("p");
        var hops = MaxHops();
        var typeText = TypeFilter();
        var facts = NewFactFilter();
        var match = "MATCH " + MatchEndpoint(a, "from") + " MATCH " + MatchEndpoint(b, "to") + " WHERE " + a + " <> " + b;
        var conditions = PathConditions(p, facts);
        var ns = NewVar("ns");
        var sb = new StringBuilder(match);
        if (shortest)
        {
            sb.Append(" MATCH ").Append(p).Append(" = shortestPath((").Append(a).Append(")-[").Append(typeText).Append("*..").Append(hops).Append("]-(").Append(b).Append("))")
              .Append(" WHERE ").Append(string.Join(" AND ", conditions))
              .Append(" WITH nodes(").Append(p).Append(") AS ").Append(ns);
        }
        else
        {
            var x = NewVar("x");
            var y = NewVar("y");
            conditions.Insert(0, "all(" + x + " IN nodes(" + p + ") WHERE single(" + y + " IN nodes(" + p + ") WHERE " + y + " = " + x + "))");
            var cap = Param((long)MaxCandidatesPerLength);
            var where = " WHERE " + string.Join(" AND ", conditions);
            // One branch per length, each bounded: UNION keeps each node sequence once.
            var branches = Enumerable.Range(1, hops).Select(h =>
                "MATCH " + p + " = (" + a + ")-[" + typeText + "*" + h + ".." + h + "]-(" + b + ")" + where + " RETURN nodes(" + p + ") AS " + ns + " LIMIT " + cap);
            sb.Append(" CALL (").Append(a).Append(", ").Append(b).Append(") { ").Append(string.Join(" UNION ", branches)).Append(" }");
        }
        var q = NewVar("q");
        var legacy = _options.LegacyPathsTail;
        sb.Append(' ').Append(legacy ? LegacyHops(ns, typeText, facts, q) : Hops(ns, typeText, facts, q));
        if (shortest)
        {
            var projected = ProjectPath(q, facts, [_context.FieldAst.SelectionSet]);
            if (_pathHops && !legacy) sb.Append(' ').Append(PathDetail(q, facts));
            sb.Append(" RETURN ").Append(projected).Append(" AS result");
            return new(Done(sb.ToString()), ResultShape.Single);
        }
        var found = NewVar("found");
        sb.Append(" WITH collect(").Append(q).Append(") AS ").Append(found);
        sb.Append(" RETURN ").Append(PathPage(found, facts)).Append(" AS result");
        return new(Done(sb.ToString()), ResultShape.Connection);
    }

    /// <summary>
    /// From rows holding a node sequence <paramref name="ns"/>, rows holding one map <paramref name="q"/> per
    /// sequence: <c>{ns, hrs, score, len, seq}</c>, where <c>hrs[j]</c> lists every admitted relationship between
    /// <c>ns[j]</c> and <c>ns[j + 1]</c> in the order the expansion met them. The score needs no sort: a hop's best
    /// confidence is the one of greatest weight, its independent sources the distinct origins of all its
    /// relationships. Only the page's paths get their hops' display detail (<see cref="PathDetail"/>).
    /// </summary>
    private string Hops(string ns, string typeText, FactFilter facts, string q)
    {
        string V(string prefix) => NewVar(prefix);
        var (i, x, y, r, ri, rr, hrs, j, k, hr, o, r2, og, kk, b, r3, ss, ms, r4, s, t, n) = (V("i"), V("x"), V("y"), V("r"), V("ri"), V("rr"), V("hrs"), V("j"),
            V("k"), V("hr"), V("o"), V("r"), V("og"), V("kk"), V("b"), V("r"), V("ss"), V("ms"), V("r"), V("s"), V("t"), V("n"));
        var w = facts.Weights;
        // Most hops hold one relationship: its origins are the hop's (reduce below starts from [] and so keeps the
        // first relationship's list whole), its confidence the best.
        var one = "size(coalesce(" + hr + "[0].origins, " + hr + "[0].sources, []))";
        return "UNWIND range(0, size(" + ns + ") - 2) AS " + i
            + " WITH " + ns + ", " + i + ", " + ns + "[" + i + "] AS " + x + ", " + ns + "[" + i + " + 1] AS " + y
            + " MATCH (" + x + ")-[" + r + typeText + "]-(" + y + ") WHERE " + facts.On(r)
            // One group per sequence; the hop of each relationship rides beside it (collect keeps the two lists aligned).
            + " WITH " + ns + ", collect(" + i + ") AS " + ri + ", collect(" + r + ") AS " + rr
            + " WITH " + ns + ", [" + j + " IN range(0, size(" + ns + ") - 2) | [" + k + " IN range(0, size(" + rr + ") - 1) WHERE " + ri + "[" + k + "] = " + j + " | " + rr + "[" + k + "]]] AS " + hrs
            // A hop's score: best confidence weight x k/(k + 1), computed in the same order as before (w * k) / (k + 1.0).
            + " WITH " + ns + ", " + hrs + ", [" + hr + " IN " + hrs + " | CASE WHEN size(" + hr + ") = 1 THEN " + w + "[" + hr + "[0].confidence] * " + one + " / (" + one + " + 1.0) ELSE head([" + kk + " IN [size(reduce(" + o + " = [], " + r2 + " IN " + hr + " | " + o + " + [" + og + " IN coalesce(" + r2 + ".origins, " + r2 + ".sources, []) WHERE NOT " + og + " IN " + o + "]))] | "
            + "reduce(" + b + " = 0.0, " + r3 + " IN " + hr + " | CASE WHEN " + w + "[" + r3 + ".confidence] > " + b + " THEN " + w + "[" + r3 + ".confidence] ELSE " + b + " END) * " + kk + " / (" + kk + " + 1.0)]) END] AS " + ss
            + ", [" + hr + " IN " + hrs + " | any(" + r4 + " IN " + hr + " WHERE type(" + r4 + ") = 'ATTENDED')] AS " + ms
            + " WITH {ns: " + ns + ", hrs: " + hrs + ", len: size(" + ns + ") - 1"
            // Two ATTENDED hops through a meeting are one link (A met B at M), scored by the weaker of the two.
            + ", score: reduce(" + s + " = 1.0, " + j + " IN range(0, size(" + ss + ") - 1) | " + s + " * CASE WHEN " + j + " < size(" + ss + ") - 1 AND "
            + ms + "[" + j + "] AND " + ms + "[" + j + " + 1] AND " + ns + "[" + j + " + 1]:Meeting THEN CASE WHEN " + ss + "[" + j + "] < " + ss + "[" + j + " + 1] THEN "
            + ss + "[" + j + "] / " + ss + "[" + j + " + 1] ELSE 1.0 END ELSE " + ss + "[" + j + "] END)"
            + ", seq: reduce(" + t + " = '', " + n + " IN " + ns + " | " + t + " + " + n + ".key + ' ')} AS " + q;
    }

    /// <summary>
    /// A clause that turns rows of <paramref name="q"/> (see <see cref="Hops"/>) into the map the projections read:
    /// <c>{ns, hops: [{i, rs, c, k}], score, len, seq}</c>, <c>c</c> a hop's best confidence, <c>k</c> its distinct
    /// origins, <c>rs</c> its relationships strongest first, then background last, type, start node key, then the
    /// expansion's order (ORDER BY is stable, as the sort of every hop row the statement did before was). One
    /// projection, so rows keep their order; a hop of one relationship (most) needs no sort.
    /// </summary>
    private string PathDetail(string q, FactFilter facts)
    {
        var (j, rs, r, o, r2, og) = (NewVar("j"), NewVar("rs"), NewVar("r"), NewVar("o"), NewVar("r"), NewVar("og"));
        var w = facts.Weights;
        var hop = q + ".hrs[" + j + "]";
        var sorted = "COLLECT { UNWIND " + hop + " AS " + r + " RETURN " + r + " ORDER BY " + w + "[" + r + ".confidence] DESC, CASE " + r + ".tier WHEN 'background' THEN 1 ELSE 0 END, type(" + r + "), startNode(" + r + ").key }";
        return "WITH {ns: " + q + ".ns, hops: [" + j + " IN range(0, size(" + q + ".hrs) - 1) | head([" + rs + " IN [CASE WHEN size(" + hop + ") < 2 THEN " + hop + " ELSE " + sorted + " END] | "
            + "{i: " + j + ", rs: " + rs + ", c: " + rs + "[0].confidence, k: size(reduce(" + o + " = [], " + r2 + " IN " + rs + " | " + o + " + [" + og + " IN coalesce(" + r2 + ".origins, " + r2 + ".sources, []) WHERE NOT " + og + " IN " + o + "]))}])]"
            + ", len: " + q + ".len, score: " + q + ".score, seq: " + q + ".seq} AS " + q;
    }

    /// <summary>The page of paths: keyset over (score DESC, length, node keys), one extra item for hasNextPage.</summary>
    private string PathPage(string found, FactFilter facts)
    {
        var first = _context.GetArgument<int?>("first") ?? 10;
        CheckPageSize(first);
        var after = _context.GetArgument<string?>("after");
        var q = NewVar("q");
        var keyset = "";
        if (after is not null)
        {
            var c = DecodeCursor(after, 3);
            var (sc, ln, sq) = (Param(c[0]), Param(c[1]), Param(c[2]));
            keyset = " WITH " + q + " WHERE " + q + ".score < " + sc + " OR (" + q + ".score = " + sc + " AND (" + q + ".len > " + ln
                + " OR (" + q + ".len = " + ln + " AND " + q + ".seq > " + sq + ")))";
        }
        var limit = Param((long)first + 1);
        // The hops' display detail (PathDetail) is computed for the page's paths only, and only when a selected field
        // reads it; whether one does is known once every field is compiled, so the place is marked and filled last.
        const string Detail = "\u0001";
        string Page(string ret) => "COLLECT { UNWIND " + found + " AS " + q + keyset + " WITH " + q + " ORDER BY " + q + ".score DESC, "
            + q + ".len ASC, " + q + ".seq ASC LIMIT " + limit + Detail + " RETURN " + ret + " }";

        var sets = new[] { _context.FieldAst.SelectionSet };
        var selected = CollectFields(sets, "PathConnection");
        var item = new List<string> { ConnectionPage.CursorKey + ": [" + q + ".score, " + q + ".len, " + q + ".seq]" };
        var parts = new List<string>();
        foreach (var (key, fields) in selected)
        {
            switch (fields[0].Name.StringValue)
            {
                case "nodes":
                    item.Add(MapKey(key) + ": " + ProjectPath(q, facts, Sub(fields)));
                    break;
                case "edges":
                    var edge = new List<string>();
                    foreach (var (ek, ef) in CollectFields(Sub(fields), "PathEdge"))
                        if (ef[0].Name.StringValue == "node") edge.Add(MapKey(ek) + ": " + ProjectPath(q, facts, Sub(ef)));
                    item.Add(MapKey(key) + ": {" + string.Join(", ", edge) + "}");
                    break;
                case "network":
                    _pathHops = true;
                    var pg = NewVar("pg");
                    var nodes = NewVar("nodes");
                    var edges = NewVar("edges");
                    var (acc, qq, m, a2, hh, rr) = (NewVar("acc"), NewVar("q"), NewVar("m"), NewVar("a"), NewVar("h"), NewVar("r"));
                    parts.Add(ConnectionPage.ExtraKey + ": head([" + pg + " IN [(" + Page(q) + ")[0.." + Param((long)first) + "]] | head(["
                        + nodes + " IN [reduce(" + acc + " = [], " + qq + " IN " + pg + " | " + acc + " + [" + m + " IN " + qq + ".ns WHERE NOT " + m + " IN " + acc + "])] | head(["
                        + edges + " IN [reduce(" + acc + " = [], " + qq + " IN " + pg + " | " + acc + " + [" + rr + " IN reduce(" + a2 + " = [], " + hh + " IN " + qq + ".hops | " + a2 + " + " + hh + ".rs) WHERE NOT " + rr + " IN " + acc + "])] | "
                        + ProjectNetwork(nodes, edges, Sub(fields)) + "])])])");
                    break;
            }
        }
        if (item.Count > 1 || selected.Any(s => s.Fields[0].Name.StringValue == "pageInfo"))
            parts.Add(ConnectionPage.ItemsKey + ": " + Page("{" + string.Join(", ", item) + "}"));
        parts.Add(ConnectionPage.TotalKey + ": size(" + found + ")");
        parts.Add(ConnectionPage.SizeKey + ": " + first.ToString(System.Globalization.CultureInfo.InvariantCulture));
        parts.Add(ConnectionPage.BackKey + ": false");
        var page = "{" + string.Join(", ", parts) + "}";
        var detail = _pathHops && !_options.LegacyPathsTail ? " " + PathDetail(q, facts) : "";
        return page.Replace(Detail, detail, StringComparison.Ordinal);
    }

    /// <summary>
    /// Conditions on a candidate path: inner nodes are of the admitted kinds (actors and events by default; meetings
    /// reported as denied or rumoured only when those facts are admitted), every relationship passes the fact filter,
    /// and <c>via</c> (some inner node of those kinds).
    /// </summary>
    private List<string> PathConditions(string p, FactFilter facts)
    {
        var conditions = new List<string>();
        var inner = Strings(_context.GetArgument<List<object>>("innerKinds")).Select(l => _model.LabelsByName[l].Label).ToList();
        if (inner.Count == 0) inner = [.. DefaultInnerLabels.Where(_model.LabelsByName.ContainsKey)];
        var structural = inner.FirstOrDefault(StructuralLabels.Contains);
        if (structural is not null)
            throw new KgGraphQLException(KgErrorCodes.InvalidArgument, $"{structural} nodes are provenance, never inner nodes of a path.");
        var hidden = new List<string>();
        if (!facts.IncludeDenied) hidden.Add("denied");
        if (!facts.IncludeRumoured) hidden.Add("rumoured");
        var v = NewVar("v");
        var kinds = "(" + string.Join(" OR ", inner.Select(l => v + ":" + l)) + ")";
        if (hidden.Count > 0 && inner.Contains("Meeting"))
            kinds += " AND NOT (" + v + ":Meeting AND " + v + ".status IN " + Param(hidden) + ")";
        conditions.Add("all(" + v + " IN nodes(" + p + ")[1..-1] WHERE " + kinds + ")");
        var r = NewVar("r");
        conditions.Add("all(" + r + " IN relationships(" + p + ") WHERE " + facts.On(r) + ")");
        var via = Strings(_context.GetArgument<List<object>>("via")).Select(l => _model.LabelsByName[l].Label).ToList();
        if (via.Count > 0)
        {
            var u = NewVar("v");
            conditions.Add("any(" + u + " IN nodes(" + p + ")[1..-1] WHERE " + string.Join(" OR ", via.Select(l => u + ":" + l)) + ")");
        }
        return conditions;
    }

    /// <summary>Set when a compiled projection reads a path's <c>hops</c> (see <see cref="PathDetail"/>).</summary>
    private bool _pathHops;

    /// <summary>Projects a path map <paramref name="q"/> (see <see cref="PathDetail"/>) as a <c>Path</c>.</summary>
    private string ProjectPath(string q, FactFilter facts, IEnumerable<GraphQLSelectionSet?> sets)
    {
        var w = facts.Weights;
        var entries = new List<string>();
        var explained = false;
        foreach (var (key, fields) in CollectFields(sets, "Path"))
        {
            var k = MapKey(key);
            switch (fields[0].Name.StringValue)
            {
                case "length": entries.Add(k + ": " + q + ".len"); break;
                case "score": entries.Add(k + ": " + q + ".score"); break;
                case "confidence":
                    _pathHops = true;
                    var (c, h) = (NewVar("c"), NewVar("h"));
                    entries.Add(k + ": reduce(" + c + " = " + q + ".hops[0].c, " + h + " IN " + q + ".hops | CASE WHEN " + w + "[" + h + ".c] < " + w + "[" + c + "] THEN " + h + ".c ELSE " + c + " END)");
                    break;
                case "independentSources":
                    _pathHops = true;
                    var (m, h2) = (NewVar("m"), NewVar("h"));
                    entries.Add(k + ": reduce(" + m + " = " + q + ".hops[0].k, " + h2 + " IN " + q + ".hops | CASE WHEN " + h2 + ".k < " + m + " THEN " + h2 + ".k ELSE " + m + " END)");
                    break;
                case "nodes":
                    var x = NewVar("x");
                    entries.Add(k + ": [" + x + " IN " + q + ".ns | " + ProjectNode(x, "Entity", Sub(fields)) + "]");
                    break;
                case "relationships":
                    _pathHops = true;
                    var (y, acc, h3) = (NewVar("y"), NewVar("acc"), NewVar("h"));
                    entries.Add(k + ": [" + y + " IN reduce(" + acc + " = [], " + h3 + " IN " + q + ".hops | " + acc + " + " + h3 + ".rs) | " + ProjectRelationship(y, Sub(fields)) + "]");
                    break;
                case "steps":
                    _pathHops = true;
                    var h4 = NewVar("h");
                    entries.Add(k + ": [" + h4 + " IN " + q + ".hops | " + ProjectStep(q, h4, Sub(fields)) + "]");
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

    private string ProjectStep(string q, string h, IEnumerable<GraphQLSelectionSet?> sets)
    {
        var entries = new List<string>();
        foreach (var (key, fields) in CollectFields(sets, "PathStep"))
        {
            var k = MapKey(key);
            switch (fields[0].Name.StringValue)
            {
                case "index": entries.Add(k + ": " + h + ".i"); break;
                case "from": entries.Add(k + ": " + Bind(q + ".ns[" + h + ".i]", x => ProjectNode(x, "Entity", Sub(fields)))); break;
                case "to": entries.Add(k + ": " + Bind(q + ".ns[" + h + ".i + 1]", x => ProjectNode(x, "Entity", Sub(fields)))); break;
                case "relationship": entries.Add(k + ": " + Bind(h + ".rs[0]", x => ProjectRelationship(x, Sub(fields)))); break;
                case "relationships":
                    var y = NewVar("y");
                    entries.Add(k + ": [" + y + " IN " + h + ".rs | " + ProjectRelationship(y, Sub(fields)) + "]");
                    break;
                case "forward": entries.Add(k + ": startNode(" + h + ".rs[0]) = " + q + ".ns[" + h + ".i]"); break;
                case "confidence": entries.Add(k + ": " + h + ".c"); break;
                case "independentSources": entries.Add(k + ": " + h + ".k"); break;
            }
        }
        return "{" + string.Join(", ", entries) + "}";
    }

    /// <summary>What <see cref="PathExplainer"/> needs: names, titles, meeting places and dates, every hop's
    /// relationships with their provenance, and the names of the sources and people in their report chains.</summary>
    private string ExplanationData(string q)
    {
        var (x, pl, h, r, acc, a2, r2, ks, s) = (NewVar("x"), NewVar("pl"), NewVar("h"), NewVar("r"), NewVar("acc"), NewVar("a"), NewVar("r"), NewVar("ks"), NewVar("s"));
        var nodes = "[" + x + " IN " + q + ".ns | {key: " + x + ".key, name: " + x + ".name, title: " + x + ".title, labels: labels(" + x + "), startDate: "
            + x + ".startDate, endDate: " + x + ".endDate, place: head(COLLECT { MATCH (" + x + ")-[:HELD_IN]->(" + pl + ":Place) RETURN " + pl + ".name })}]";
        var hops = "[" + h + " IN " + q + ".hops | [" + r + " IN " + h + ".rs | {type: type(" + r + "), from: startNode(" + r + ").key, to: endNode(" + r + ").key, role: "
            + r + ".role, confidence: " + r + ".confidence, chains: coalesce(" + r + ".chains, []), sources: coalesce(" + r + ".sources, []), date: " + r + ".date}]]";
        var keys = "reduce(" + acc + " = [], " + h + " IN " + q + ".hops | " + acc + " + reduce(" + a2 + " = [], " + r2 + " IN " + h + ".rs | " + a2
            + " + coalesce(" + r2 + ".sources, []) + coalesce(" + r2 + ".origins, [])))";
        var names = "head([" + ks + " IN [" + keys + "] | COLLECT { MATCH (" + s + ":Source) WHERE " + s + ".key IN " + ks + " RETURN [" + s + ".key, " + s + ".name] }"
            + " + COLLECT { MATCH (" + s + ":Person) WHERE " + s + ".key IN " + ks + " RETURN [" + s + ".key, " + s + ".name] }])";
        return "{nodes: " + nodes + ", hops: " + hops + ", names: " + names + "}";
    }
}
