namespace KnowledgeGraph.GraphQL.Compilation;

/// <summary>
/// The tail of the <c>paths</c> statement as it was before per-path scoring without a sort (session 10), kept only so
/// tests can compare the answers of both statements (<see cref="KgGraphQLOptions.LegacyPathsTail"/>).
/// </summary>
internal sealed partial class KgCompiler
{
    /// <summary>
    /// From rows holding a node sequence <paramref name="ns"/>, rows holding one map <paramref name="q"/> per
    /// sequence: <c>{ns, hops: [{i, rs, c, k}], score, len, seq}</c>, where a hop lists every admitted relationship
    /// between its two nodes strongest first, <c>c</c> is the best confidence, <c>k</c> the distinct origins.
    /// </summary>
    private string LegacyHops(string ns, string typeText, FactFilter facts, string q)
    {
        string V(string prefix) => NewVar(prefix);
        var (i, x, y, r, rs, o, r2, k, hs, j, h, s, t, n, og, hops) = (V("i"), V("x"), V("y"), V("r"), V("rs"), V("o"), V("r"), V("k"), V("hs"), V("j"), V("h"), V("s"), V("t"), V("n"), V("origins"), V("hops"));
        var w = facts.Weights;
        return "UNWIND range(0, size(" + ns + ") - 2) AS " + i
            + " WITH " + ns + ", " + i + ", " + ns + "[" + i + "] AS " + x + ", " + ns + "[" + i + " + 1] AS " + y
            + " MATCH (" + x + ")-[" + r + typeText + "]-(" + y + ") WHERE " + facts.On(r)
            + " WITH " + ns + ", " + i + ", " + r + " ORDER BY " + w + "[" + r + ".confidence] DESC, CASE " + r + ".tier WHEN 'background' THEN 1 ELSE 0 END, type(" + r + "), startNode(" + r + ").key"
            + " WITH " + ns + ", " + i + ", collect(" + r + ") AS " + rs
            + " WITH " + ns + ", " + i + ", " + rs + ", reduce(" + o + " = [], " + r2 + " IN " + rs + " | " + o + " + [" + k + " IN coalesce(" + r2 + ".origins, " + r2 + ".sources, []) WHERE NOT " + k + " IN " + o + "]) AS " + og
            + " WITH " + ns + ", collect({i: " + i + ", rs: " + rs + ", c: " + rs + "[0].confidence, k: size(" + og + "), s: " + w + "[" + rs + "[0].confidence] * size(" + og + ") / (size(" + og + ") + 1.0)"
            + ", met: any(" + r2 + " IN " + rs + " WHERE type(" + r2 + ") = 'ATTENDED')}) AS " + hs
            + " WITH " + ns + ", [" + j + " IN range(0, size(" + ns + ") - 2) | head([" + h + " IN " + hs + " WHERE " + h + ".i = " + j + "])] AS " + hops
            + " WITH {ns: " + ns + ", hops: " + hops + ", len: size(" + ns + ") - 1"
            // Two ATTENDED hops through a meeting are one link (A met B at M), scored by the weaker of the two.
            + ", score: reduce(" + s + " = 1.0, " + j + " IN range(0, size(" + hops + ") - 1) | " + s + " * CASE WHEN " + j + " < size(" + hops + ") - 1 AND "
            + hops + "[" + j + "].met AND " + hops + "[" + j + " + 1].met AND " + ns + "[" + j + " + 1]:Meeting THEN CASE WHEN " + hops + "[" + j + "].s < " + hops + "[" + j + " + 1].s THEN "
            + hops + "[" + j + "].s / " + hops + "[" + j + " + 1].s ELSE 1.0 END ELSE " + hops + "[" + j + "].s END)"
            + ", seq: reduce(" + t + " = '', " + n + " IN " + ns + " | " + t + " + " + n + ".key + ' ')} AS " + q;
    }
}
