namespace KnowledgeGraph.Model;

/// <summary>A closed list of the values a property may hold.</summary>
/// <param name="Name">PascalCase name, e.g. <c>Confidence</c> (GraphQL turns it into an enum of that name).</param>
/// <param name="Description">What the values mean.</param>
/// <param name="Values">The allowed values; when <paramref name="Ordered"/>, strongest (or first stage) first.</param>
/// <param name="Ordered">True when the order of <paramref name="Values"/> is meaningful (e.g. confidence).</param>
public sealed record Vocabulary(string Name, string Description, IReadOnlyList<string> Values, bool Ordered = false)
{
    /// <summary>True when <paramref name="value"/> is one of <see cref="Values"/> (case-sensitive).</summary>
    public bool Contains(string value) => Values.Contains(value, StringComparer.Ordinal);

    /// <summary>The position of <paramref name="value"/> in <see cref="Values"/> (0 = strongest when ordered), or -1.</summary>
    public int RankOf(string value)
    {
        for (var i = 0; i < Values.Count; i++)
            if (string.Equals(Values[i], value, StringComparison.Ordinal)) return i;
        return -1;
    }
}
