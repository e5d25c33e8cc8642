namespace KnowledgeGraph.GraphQL.Compilation;

/// <summary>
/// How the analysis fields weigh evidence. The same numbers are in <c>cypher/queries/01-mediation-paths.cypher</c>
/// and <c>07-mediators-between-countries.cypher</c>, in the schema descriptions and in the README: keep them in step.
/// </summary>
internal static class Evidence
{
    /// <summary>Confidence values, strongest first (the model's ordered vocabulary).</summary>
    public static IReadOnlyList<string> ConfidenceOrder => KnowledgeGraph.Model.Vocabularies.Confidence.Values;

    /// <summary>The weight of a fact of each confidence.</summary>
    public static readonly IReadOnlyDictionary<string, double> ConfidenceWeights = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["confirmed"] = 1.0,
        ["reported"] = 0.8,
        ["claimed"] = 0.6,
        ["rumoured"] = 0.3,
        ["denied"] = 0.1,
    };

    /// <summary>The confidences admitted by <c>minConfidence</c> (that value and every stronger one), plus
    /// <c>denied</c> when <paramref name="includeDenied"/>.</summary>
    public static List<string> Admitted(string minConfidence, bool includeDenied)
    {
        var admitted = ConfidenceOrder.TakeWhile(c => c != minConfidence).Append(minConfidence).ToList();
        if (includeDenied && !admitted.Contains("denied")) admitted.Add("denied");
        return admitted;
    }

    public const string PathScoreDescription =
        "Evidence score in (0, 1]: the product over hops of (best confidence weight among the hop's relationships: confirmed 1, "
        + "reported 0.8, claimed 0.6, rumoured 0.3, denied 0.1) × k/(k+1), k = the hop's independent sources (distinct origins of its "
        + "report chains); two ATTENDED hops through a meeting count as one link (A met B at M) scored by the weaker. Paths are "
        + "ranked by it, then by length; each extra link lowers it.";

    public const string MediatorScoreDescription =
        "Sum over the evidence facts of (confidence weight: confirmed 1, reported 0.8, claimed 0.6, rumoured 0.3, denied 0.1) × "
        + "(1 for an explicit MEDIATES fact, 0.5 for a seat on a channel: attending a meeting both sides attend, drafting a proposal "
        + "both sides shape). Higher means more, surer evidence of mediation; it is not a probability.";
}
