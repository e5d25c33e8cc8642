namespace KnowledgeGraph.GraphQL.Compilation;

/// <summary>
/// How the <c>paths</c> and <c>shortestPath</c> statements turn node sequences into ranked paths. A path is its node
/// sequence and, per hop, every admitted relationship between the hop's two nodes. The statement reads those
/// relationships in one expansion over every hop of every path and groups them per sequence in hop order
/// (<see cref="HopRelationships"/>); the ranking (<see cref="Rank"/>) then runs where each local variable costs
/// little: inside the page's subquery, whose rows are one per path, not in the statement's rows, which are one per
/// hop relationship and are as wide as the statement has variables.
/// </summary>
internal sealed partial class KgCompiler
{
    /// <summary>
    /// The variables a ranked path is read from by the projections: its node sequence, length, score, the
    /// tie-break string (node keys, each followed by a space) and the hops' detail (<c>[{i, rs, c, k}]</c>, see
    /// <see cref="HopDetail"/>). Legacy rows hold one map (<see cref="OfMap"/>).
    /// </summary>
    private sealed record PathRef(string Ns, string Len, string Score, string Seq, string Hops)
    {
        public static PathRef OfMap(string q) => new(q + ".ns", q + ".len", q + ".score", q + ".seq", q + ".hops");

        /// <summary>Not Cypher: a reference concatenated whole into the text is a bug, caught when compiling.</summary>
        public override string ToString() => throw new InvalidOperationException("A PathRef is not Cypher text.");
    }

    /// <summary>
    /// The variables of a path being ranked: its nodes, its relationships in hop order and the hop of each
    /// (<c>Ri[k]</c> is <c>Rr[k]</c>'s), and its hops as lists (<c>Hrs</c>), which is null when every hop holds one
    /// relationship (<c>Rr[j]</c> is then hop j's).
    /// </summary>
    private sealed record RankVars(string Ns, string Rr, string Ri, string Hrs, PathRef Path);

    /// <summary>
    /// From rows holding a node sequence <paramref name="ns"/>, one row per sequence holding it,
    /// <paramref name="rr"/>: every admitted relationship of each hop, hop after hop, each hop's in the order the
    /// expansion met them (the unwound hops keep their order through the expansion and the grouping), and
    /// <paramref name="ri"/>: the hop of each. The fact filter is the walk's, so every hop holds at least one.
    /// </summary>
    private string HopRelationships(string ns, string typeText, FactFilter facts, string rr, string ri)
    {
        var (i, x, y, r) = (NewVar("i"), NewVar("x"), NewVar("y"), NewVar("r"));
        return "UNWIND range(0, size(" + ns + ") - 2) AS " + i
            + " WITH " + ns + ", " + i + ", " + ns + "[" + i + "] AS " + x + ", " + ns + "[" + i + " + 1] AS " + y
            + " MATCH (" + x + ")-[" + r + typeText + "]-(" + y + ") WHERE " + facts.On(r)
            + " WITH " + ns + ", collect(" + r + ") AS " + rr + ", collect(" + i + ") AS " + ri;
    }

    /// <summary>
    /// Clauses that rank a path held in the node sequence and relationships of <paramref name="v"/> (see
    /// <see cref="HopRelationships"/>), ending in a WITH of the ranked variables (the caller may go on with its
    /// WHERE or ORDER BY). A hop's score is its best confidence weight x
    /// k/(k + 1), k the distinct origins of its relationships (computed as (w * k) / (k + 1.0), as always); most
    /// hops hold one relationship, whose origins are the hop's (the origins of the first relationship count whole,
    /// repeats included, as the statement always counted them). The path's score is the product of its hops', where
    /// two ATTENDED hops through a meeting are one link (A met B at M), scored by the weaker of the two.
    /// </summary>
    private string Rank(RankVars v, FactFilter facts)
    {
        var (ns, rr, ri, hrs, p) = (v.Ns, v.Rr, v.Ri, v.Hrs, v.Path);
        var (j, k, h, hr, ss, ms, s, t, n) = (NewVar("j"), NewVar("k"), NewVar("h"), NewVar("hr"), NewVar("ss"), NewVar("ms"), NewVar("s"), NewVar("t"), NewVar("n"));
        var (o, r2, og, kk, b, r3) = (NewVar("o"), NewVar("r"), NewVar("og"), NewVar("kk"), NewVar("b"), NewVar("r"));
        var w = facts.Weights;
        // coalesce(size(origins), size(sources), 0) is size(coalesce(origins, sources, [])) without a list per call.
        string K(string r) => "coalesce(size(" + r + ".origins), size(" + r + ".sources), 0)";
        string One(string r) => w + "[" + r + ".confidence] * " + K(r) + " / (" + K(r) + " + 1.0)";
        var general = "CASE WHEN size(" + hr + ") = 1 THEN " + One(hr + "[0]") + " ELSE head([" + kk + " IN [size(reduce(" + o + " = [], " + r2 + " IN " + hr + " | " + o
            + " + [" + og + " IN coalesce(" + r2 + ".origins, " + r2 + ".sources, []) WHERE NOT " + og + " IN " + o + "]))] | reduce(" + b + " = 0.0, " + r3 + " IN " + hr
            + " | CASE WHEN " + w + "[" + r3 + ".confidence] > " + b + " THEN " + w + "[" + r3 + ".confidence] ELSE " + b + " END) * " + kk + " / (" + kk + " + 1.0)]) END";
        var last = "size(" + ss + ") - 1";
        return "WITH " + ns + ", " + rr + ", CASE WHEN size(" + rr + ") = size(" + ns + ") - 1 THEN null ELSE [" + j + " IN range(0, size(" + ns + ") - 2) | [" + k
            + " IN range(0, size(" + rr + ") - 1) WHERE " + ri + "[" + k + "] = " + j + " | " + rr + "[" + k + "]]] END AS " + hrs
            + " WITH " + ns + ", " + rr + ", " + hrs
            + ", CASE WHEN " + hrs + " IS NULL THEN [" + h + " IN " + rr + " | " + One(h) + "] ELSE [" + hr + " IN " + hrs + " | " + general + "] END AS " + ss
            + ", CASE WHEN " + hrs + " IS NULL THEN [" + h + " IN " + rr + " | type(" + h + ") = 'ATTENDED'] ELSE [" + hr + " IN " + hrs + " | any(" + h + " IN " + hr
            + " WHERE type(" + h + ") = 'ATTENDED')] END AS " + ms
            + " WITH " + ns + ", " + rr + ", " + hrs + ", size(" + ns + ") - 1 AS " + p.Len
            + ", reduce(" + s + " = 1.0, " + j + " IN range(0, " + last + ") | " + s + " * CASE WHEN " + j + " < " + last + " AND " + ms + "[" + j + "] AND " + ms + "[" + j + " + 1] AND "
            + ns + "[" + j + " + 1]:Meeting THEN CASE WHEN " + ss + "[" + j + "] < " + ss + "[" + j + " + 1] THEN " + ss + "[" + j + "] / " + ss + "[" + j + " + 1] ELSE 1.0 END ELSE "
            + ss + "[" + j + "] END) AS " + p.Score
            + ", reduce(" + t + " = '', " + n + " IN " + ns + " | " + t + " + " + n + ".key + ' ') AS " + p.Seq;
    }

    /// <summary>
    /// A WITH that adds the hops' display detail of a ranked path (<see cref="PathRef.Hops"/>):
    /// <c>[{i, rs, c, k}]</c>, <c>c</c> a hop's best confidence, <c>k</c> its distinct origins, <c>rs</c> its
    /// relationships strongest first, then background last, type, start node key, then the expansion's order
    /// (ORDER BY is stable, as the sort of every hop row the statement did before was). Only for the paths shown:
    /// after the page's LIMIT, or on the one shortest path.
    /// </summary>
    private string HopDetail(RankVars v, FactFilter facts)
    {
        var (ns, rr, hrs, p) = (v.Ns, v.Rr, v.Hrs, v.Path);
        var (j, rs, r, o, r2, og) = (NewVar("j"), NewVar("rs"), NewVar("r"), NewVar("o"), NewVar("r"), NewVar("og"));
        var w = facts.Weights;
        var hop = hrs + "[" + j + "]";
        var sorted = "COLLECT { UNWIND " + hop + " AS " + r + " RETURN " + r + " ORDER BY " + w + "[" + r + ".confidence] DESC, CASE " + r + ".tier WHEN 'background' THEN 1 ELSE 0 END, type(" + r + "), startNode(" + r + ").key }";
        return "WITH " + ns + ", " + p.Len + ", " + p.Score + ", " + p.Seq + ", [" + j + " IN range(0, " + p.Len + " - 1) | head([" + rs + " IN [CASE WHEN " + hrs + " IS NULL THEN [" + rr + "[" + j + "]] WHEN size(" + hop + ") < 2 THEN " + hop + " ELSE " + sorted + " END] | "
            + "{i: " + j + ", rs: " + rs + ", c: " + rs + "[0].confidence, k: size(reduce(" + o + " = [], " + r2 + " IN " + rs + " | " + o + " + [" + og + " IN coalesce(" + r2 + ".origins, " + r2 + ".sources, []) WHERE NOT " + og + " IN " + o + "]))}])] AS " + p.Hops;
    }

    /// <summary>Fresh variables for a path ranked from <paramref name="ns"/>, <paramref name="rr"/> and <paramref name="ri"/>.</summary>
    private RankVars NewRankVars(string ns, string rr, string ri) =>
        new(ns, rr, ri, NewVar("hrs"), new PathRef(ns, NewVar("len"), NewVar("score"), NewVar("seq"), NewVar("hops")));
}
