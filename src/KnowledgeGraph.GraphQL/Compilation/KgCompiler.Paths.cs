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

    /// <summary>Candidate relationship sequences kept per length before ranking: bounds the work between two hubs
    /// (parallel relationships make several sequences of one path).</summary>
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
        var rs = shortest ? "" : NewVar("rs");
        var cap = "";
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
            cap = Param((long)MaxCandidatesPerLength);
            var where = " WHERE " + string.Join(" AND ", conditions);
            // One branch per length, each bounded. The legacy tail reads node sequences, which UNION keeps once each;
            // otherwise every relationship sequence the walk finds is kept with its nodes (WalkedPaths).
            var legacy = _options.LegacyPathsTail;
            var branches = Enumerable.Range(1, hops).Select(h =>
                "MATCH " + p + " = (" + a + ")-[" + typeText + "*" + h + ".." + h + "]-(" + b + ")" + where + " RETURN nodes(" + p + ") AS " + ns
                + (legacy ? "" : ", relationships(" + p + ") AS " + rs) + " LIMIT " + cap);
            sb.Append(" CALL (").Append(a).Append(", ").Append(b).Append(") { ").Append(string.Join(legacy ? " UNION " : " UNION ALL ", branches)).Append(" }");
        }
        if (_options.LegacyPathsTail)
        {
            var q = NewVar("q");
            sb.Append(' ').Append(LegacyHops(ns, typeText, facts, q));
            if (shortest)
                return new(Done(sb.Append(" RETURN ").Append(ProjectPath(PathRef.OfMap(q), facts, [_context.FieldAst.SelectionSet])).Append(" AS result").ToString()), ResultShape.Single);
            var all = NewVar("found");
            sb.Append(" WITH collect(").Append(q).Append(") AS ").Append(all);
            return new(Done(sb.Append(" RETURN ").Append(PathPage(all, facts)).Append(" AS result").ToString()), ResultShape.Connection);
        }
        if (shortest)
        {
            var (rr, ri) = (NewVar("rr"), NewVar("ri"));
            sb.Append(' ').Append(HopRelationships(ns, typeText, facts, rr, ri));
            var v = NewRankVars(ns, rr, ri);
            sb.Append(' ').Append(Rank(v, facts));
            var projected = ProjectPath(v.Path, facts, [_context.FieldAst.SelectionSet]);
            if (_pathHops) sb.Append(' ').Append(HopDetail(v, facts));
            return new(Done(sb.Append(" RETURN ").Append(projected).Append(" AS result").ToString()), ResultShape.Single);
        }
        // One list per path: the page's subquery ranks them (KgCompiler.Paths.Ranking.cs).
        var found = NewVar("found");
        var walked = WalkedPaths(sb, ns, rs, typeText, hops, cap, found);
        return new(Done(sb.Append(" RETURN ").Append(PathPage(found, facts, walked)).Append(" AS result").ToString()), ResultShape.Connection);
    }

    /// <summary>
    /// The page of paths: keyset over (score DESC, length, node keys), one extra item for hasNextPage. Each item
    /// list (the page's items, the network's paths) is a subquery over <paramref name="found"/> that ranks every
    /// path (<see cref="Rank"/>; the legacy rows are ranked maps already), keeps the page's and only then adds the
    /// hops' display detail when a selected field reads it.
    /// </summary>
    private string PathPage(string found, FactFilter facts, Walked? walked = null)
    {
        var first = _context.GetArgument<int?>("first") ?? 10;
        CheckPageSize(first);
        var after = _context.GetArgument<string?>("after");
        Func<PathRef, string>? keyset = null;
        if (after is not null)
        {
            var c = DecodeCursor(after, 3);
            var (sc, ln, sq) = (Param(c[0]), Param(c[1]), Param(c[2]));
            keyset = p => p.Score + " < " + sc + " OR (" + p.Score + " = " + sc + " AND (" + p.Len + " > " + ln + " OR (" + p.Len + " = " + ln + " AND " + p.Seq + " > " + sq + ")))";
        }
        var limit = Param((long)first + 1);
        // Whether a selected field reads the hops' detail is known once every field is compiled: each page marks
        // its place, filled last.
        var details = new List<Func<string>>();
        string Page(Func<PathRef, string> ret)
        {
            var mark = "\u0001" + details.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\u0002";
            if (_options.LegacyPathsTail)
            {
                var q = NewVar("q");
                var m = PathRef.OfMap(q);
                details.Add(() => "");
                return "COLLECT { UNWIND " + found + " AS " + q + (keyset is null ? "" : " WITH " + q + " WHERE " + keyset(m)) + " WITH " + q + " ORDER BY " + q + ".score DESC, "
                    + q + ".len ASC, " + q + ".seq ASC LIMIT " + limit + mark + " RETURN " + ret(m) + " }";
            }
            var (g, ns, rr, hrs) = (NewVar("g"), NewVar("ns"), NewVar("rr"), NewVar("hrs"));
            var v = NewRankVars(ns, rr, ri: null, hrs);
            var p = v.Path;
            details.Add(() => " " + HopDetail(v, facts));
            var ranked = string.Join(", ", ns, rr, hrs, p.Len, p.Score, p.Seq);
            return "COLLECT { UNWIND " + found + " AS " + g + " " + WalkedHops(walked!, facts, g, ns, rr, hrs) + " " + Rank(v, facts)
                + (keyset is null ? "" : " WHERE " + keyset(p) + " WITH " + ranked)
                + " ORDER BY " + p.Score + " DESC, " + p.Len + " ASC, " + p.Seq + " ASC LIMIT " + limit + mark + " RETURN " + ret(p) + " }";
        }

        var sets = new[] { _context.FieldAst.SelectionSet };
        var selected = CollectFields(sets, "PathConnection");
        var parts = new List<string>();
        foreach (var (key, fields) in selected)
        {
            if (fields[0].Name.StringValue != "network") continue;
            _pathHops = true;
            var pg = NewVar("pg");
            var nodes = NewVar("nodes");
            var edges = NewVar("edges");
            var (acc, qq, m, a2, hh, rr) = (NewVar("acc"), NewVar("q"), NewVar("m"), NewVar("a"), NewVar("h"), NewVar("r"));
            parts.Add(ConnectionPage.ExtraKey + ": head([" + pg + " IN [(" + Page(p => "{ns: " + p.Ns + ", hops: " + p.Hops + "}") + ")[0.." + Param((long)first) + "]] | head(["
                + nodes + " IN [reduce(" + acc + " = [], " + qq + " IN " + pg + " | " + acc + " + [" + m + " IN " + qq + ".ns WHERE NOT " + m + " IN " + acc + "])] | head(["
                + edges + " IN [reduce(" + acc + " = [], " + qq + " IN " + pg + " | " + acc + " + [" + rr + " IN reduce(" + a2 + " = [], " + hh + " IN " + qq + ".hops | " + a2 + " + " + hh + ".rs) WHERE NOT " + rr + " IN " + acc + "])] | "
                + ProjectNetwork(nodes, edges, Sub(fields)) + "])])])");
        }
        if (selected.Any(s => s.Fields[0].Name.StringValue is "nodes" or "edges" or "pageInfo"))
            parts.Add(ConnectionPage.ItemsKey + ": " + Page(p => PathItem(p, facts, selected)));
        parts.Add(ConnectionPage.TotalKey + ": size(" + found + ")");
        parts.Add(ConnectionPage.SizeKey + ": " + first.ToString(System.Globalization.CultureInfo.InvariantCulture));
        parts.Add(ConnectionPage.BackKey + ": false");
        var page = "{" + string.Join(", ", parts) + "}";
        for (var k = 0; k < details.Count; k++)
        {
            var mark = "\u0001" + k.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\u0002";
            page = page.Replace(mark, _pathHops ? details[k]() : "", StringComparison.Ordinal);
        }
        return page;
    }

    /// <summary>One item of the page: its cursor and the selected <c>nodes</c> and <c>edges</c> fields.</summary>
    private string PathItem(PathRef p, FactFilter facts, IEnumerable<(string Key, List<GraphQLField> Fields)> selected)
    {
        var item = new List<string> { ConnectionPage.CursorKey + ": [" + p.Score + ", " + p.Len + ", " + p.Seq + "]" };
        foreach (var (key, fields) in selected)
        {
            switch (fields[0].Name.StringValue)
            {
                case "nodes":
                    item.Add(MapKey(key) + ": " + ProjectPath(p, facts, Sub(fields)));
                    break;
                case "edges":
                    var edge = new List<string>();
                    foreach (var (ek, ef) in CollectFields(Sub(fields), "PathEdge"))
                        if (ef[0].Name.StringValue == "node") edge.Add(MapKey(ek) + ": " + ProjectPath(p, facts, Sub(ef)));
                    item.Add(MapKey(key) + ": {" + string.Join(", ", edge) + "}");
                    break;
            }
        }
        return "{" + string.Join(", ", item) + "}";
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
}
