using System.Text;

namespace KnowledgeGraph.GraphQL.Compilation;

/// <summary>
/// How the <c>paths</c> and <c>shortestPath</c> statements turn node sequences into ranked paths. A path is its node
/// sequence and, per hop, every admitted relationship between the hop's two nodes. <c>paths</c> takes those
/// relationships from the walk itself: it keeps every relationship sequence found with its nodes and groups them per
/// node sequence. <c>shortestPath</c> finds one sequence, so it reads them in one expansion over its hops and groups
/// them in hop order (<see cref="HopRelationships"/>). The ranking (<see cref="Rank"/>) then runs where each local
/// variable costs little: inside the page's subquery, whose rows are one per path, not in the statement's rows, which
/// are as wide as the statement has variables.
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
    /// relationship (<c>Rr[j]</c> is then hop j's). Without <c>Ri</c>, <c>Hrs</c> is given (<see cref="WalkedPaths"/>).
    /// </summary>
    private sealed record RankVars(string Ns, string Rr, string? Ri, string Hrs, PathRef Path);

    /// <summary>
    /// From rows holding a node sequence <paramref name="ns"/>, one row per sequence holding it,
    /// <paramref name="rr"/>: every admitted relationship of each hop, hop after hop, each hop's in the order the
    /// expansion met them (the unwound hops keep their order through the expansion and the grouping), and
    /// <paramref name="ri"/>: the hop of each. The fact filter is the walk's, so every hop holds at least one.
    /// </summary>
    private string HopRelationships(string ns, string typeText, FactFilter facts, string rr, string ri)
    {
        var (expansion, i, r) = HopExpansion(ns, ns, typeText, facts);
        return expansion + " WITH " + ns + ", collect(" + r + ") AS " + rr + ", collect(" + i + ") AS " + ri;
    }

    /// <summary>
    /// Clauses that expand every hop of the node sequence <paramref name="ns"/> again: one row per hop <c>I</c> and
    /// admitted relationship <c>R</c> of it, hop after hop, each hop's in the order the expansion meets them, carrying
    /// <paramref name="carried"/> (a variable in scope, or none inside a subquery that sees its outer variables).
    /// </summary>
    private (string Text, string I, string R) HopExpansion(string ns, string? carried, string typeText, FactFilter facts)
    {
        var (i, x, y, r) = (NewVar("i"), NewVar("x"), NewVar("y"), NewVar("r"));
        var text = "UNWIND range(0, size(" + ns + ") - 2) AS " + i
            + " WITH " + (carried is null ? "" : carried + ", ") + i + ", " + ns + "[" + i + "] AS " + x + ", " + ns + "[" + i + " + 1] AS " + y
            + " MATCH (" + x + ")-[" + r + typeText + "]-(" + y + ") WHERE " + facts.On(r);
        return (text, i, r);
    }

    /// <summary>What the page's subquery reads a path from when the walk kept its relationship sequences
    /// (<see cref="WalkedPaths"/>): the statement's flag that a length reached its cap, and its relationship types.</summary>
    private sealed record Walked(string Cut, string TypeText);

    /// <summary>
    /// From the rows of the walk's branches, each a node sequence <paramref name="ns"/> with one relationship sequence
    /// <paramref name="rs"/> (at most <paramref name="cap"/> rows per length), <paramref name="found"/>: one list
    /// <c>[ns, rss]</c> per node sequence, <c>rss</c> its relationship sequences, and <c>cut</c>, true when a length
    /// reached its cap (see <see cref="WalkedHops"/>): its rows, the sizes of its sequences' lists, add up to the cap.
    /// </summary>
    private Walked WalkedPaths(StringBuilder sb, string ns, string rs, string typeText, int maxHops, string cap, string found)
    {
        var (rss, cut, h, c, g, n) = (NewVar("rss"), NewVar("cut"), NewVar("h"), NewVar("c"), NewVar("g"), NewVar("n"));
        // Fewer rows in all than one length's cap: no length reached it, and the per-length count (hops x sequences)
        // is not needed. CASE, not AND: AND evaluates both sides.
        sb.Append(" WITH ").Append(ns).Append(", collect(").Append(rs).Append(") AS ").Append(rss)
          .Append(" WITH collect([").Append(ns).Append(", ").Append(rss).Append("]) AS ").Append(found).Append(", sum(size(").Append(rss).Append(")) AS ").Append(n)
          .Append(" WITH ").Append(found).Append(", CASE WHEN ").Append(n).Append(" < ").Append(cap).Append(" THEN false ELSE any(").Append(h).Append(" IN range(1, ").Append(Param((long)maxHops))
          .Append(") WHERE reduce(").Append(c).Append(" = 0, ").Append(g).Append(" IN ").Append(found).Append(" | ").Append(c).Append(" + CASE WHEN size(").Append(g)
          .Append("[0]) = ").Append(h).Append(" + 1 THEN size(").Append(g).Append("[1]) ELSE 0 END) >= ").Append(cap).Append(") END AS ").Append(cut);
        return new Walked(cut, typeText);
    }

    /// <summary>
    /// Clauses that read a path of <see cref="WalkedPaths"/> from <paramref name="g"/> into <paramref name="ns"/>,
    /// <paramref name="rr"/> and <paramref name="hrs"/> (see <see cref="RankVars"/>). The walk tries every admitted
    /// relationship of every hop, so a node sequence's relationship sequences hold all of each hop's: one sequence means
    /// one relationship per hop, several give hop j the distinct relationships at j, in the order the walk met them,
    /// and no second expansion is needed. That holds unless a length reached its cap, when a node sequence may have lost
    /// some of its sequences: then, and only then, the hops are expanded again, so a path's evidence never depends on
    /// where the walk stopped.
    /// </summary>
    private string WalkedHops(Walked w, FactFilter facts, string g, string ns, string rr, string hrs)
    {
        var (rss, pairs, q, j) = (NewVar("rss"), NewVar("pairs"), NewVar("q"), NewVar("j"));
        var g0 = g + "[0]";
        var (expansion, i, r) = HopExpansion(g0, carried: null, w.TypeText, facts);
        return "WITH " + g0 + " AS " + ns + ", " + g + "[1] AS " + rss + ", CASE WHEN " + w.Cut + " THEN COLLECT { " + expansion
            + " RETURN [" + r + ", " + i + "] } END AS " + pairs
            + " WITH " + ns + ", CASE WHEN " + pairs + " IS NULL THEN " + rss + "[0] ELSE [" + q + " IN " + pairs + " | " + q + "[0]] END AS " + rr
            + ", CASE WHEN " + pairs + " IS NULL THEN " + SequenceHops(ns, rss) + " WHEN size(" + pairs + ") = size(" + ns + ") - 1 THEN null ELSE [" + j + " IN range(0, size(" + ns
            + ") - 2) | [" + q + " IN " + pairs + " WHERE " + q + "[1] = " + j + " | " + q + "[0]]] END AS " + hrs;
    }

    /// <summary>The hops as lists from the relationships in hop order and the hop of each (see <see cref="RankVars"/>).</summary>
    private static string IndexedHops(string ns, string rr, string ri, string j, string k) =>
        "CASE WHEN size(" + rr + ") = size(" + ns + ") - 1 THEN null ELSE [" + j + " IN range(0, size(" + ns + ") - 2) | [" + k
        + " IN range(0, size(" + rr + ") - 1) WHERE " + ri + "[" + k + "] = " + j + " | " + rr + "[" + k + "]]] END";

    /// <summary>The hops as lists from a node sequence's relationship sequences (see <see cref="WalkedPaths"/>).</summary>
    private string SequenceHops(string ns, string rss)
    {
        var (j, acc, q) = (NewVar("j"), NewVar("acc"), NewVar("q"));
        return "CASE WHEN size(" + rss + ") = 1 THEN null ELSE [" + j + " IN range(0, size(" + ns + ") - 2) | reduce(" + acc + " = [], " + q + " IN " + rss
            + " | CASE WHEN " + q + "[" + j + "] IN " + acc + " THEN " + acc + " ELSE " + acc + " + " + q + "[" + j + "] END)] END";
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
        var hops = ri is null ? "" : "WITH " + ns + ", " + rr + ", " + IndexedHops(ns, rr, ri, j, k) + " AS " + hrs + " ";
        return hops
            + "WITH " + ns + ", " + rr + ", " + hrs
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
    private RankVars NewRankVars(string ns, string rr, string? ri, string? hrs = null) =>
        new(ns, rr, ri, hrs ?? NewVar("hrs"), new PathRef(ns, NewVar("len"), NewVar("score"), NewVar("seq"), NewVar("hops")));
}
