namespace KnowledgeGraph.Storage.Indexes;

/// <summary>The on-disk byte of an <see cref="IndexType"/> (log and checkpoint records).</summary>
internal static class IndexTypes
{
    /// <summary>Reads a stored type byte; an unknown byte is corruption (or a newer format), never silently RANGE.</summary>
    public static IndexType Read(byte value) => value switch
    {
        (byte)IndexType.Range => IndexType.Range,
        (byte)IndexType.Point => IndexType.Point,
        (byte)IndexType.Text => IndexType.Text,
        _ => throw new InvalidDataException($"unknown index type {value}"),
    };
}
