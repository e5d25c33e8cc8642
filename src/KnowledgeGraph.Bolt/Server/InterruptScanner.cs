namespace KnowledgeGraph.Bolt.Server;

/// <summary>
/// Finds a RESET or GOODBYE among requests that arrived while an earlier one is still running, so the running
/// statement can be cancelled (as Neo4j does) instead of finishing first. The input must start at a message
/// boundary; it is walked chunk by chunk, so bytes inside another message (a string parameter holding the same
/// bytes) never match. Only whole messages count.
/// </summary>
internal static class InterruptScanner
{
    private const byte StructNoFields = 0xB0;
    private const byte Reset = 0x0F;
    private const byte Goodbye = 0x02;

    /// <summary>True when <paramref name="first"/> followed by <paramref name="second"/> holds a complete RESET or GOODBYE.</summary>
    public static bool ContainsInterrupt(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second) =>
        FindCompleteMessage(first, second, interruptsOnly: true);

    /// <summary>
    /// True when <paramref name="first"/> followed by <paramref name="second"/> (starting at a message boundary) holds
    /// a complete request: a message's chunks up to its terminating zero-size chunk. NOOP chunks alone do not count.
    /// </summary>
    public static bool ContainsCompleteMessage(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second) =>
        FindCompleteMessage(first, second, interruptsOnly: false);

    /// <summary>Walks the input chunk by chunk and answers true at the first complete message (not a NOOP) that is
    /// wanted: any, or with <paramref name="interruptsOnly"/> a RESET or GOODBYE.</summary>
    private static bool FindCompleteMessage(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, bool interruptsOnly)
    {
        var total = first.Length + second.Length;
        long position = 0;
        var messageLength = 0L;
        int head0 = -1, head1 = -1;
        while (position + 2 <= total)
        {
            var size = (At(first, second, position) << 8) | At(first, second, position + 1);
            position += 2;
            if (size == 0)
            {
                if (messageLength == 0) continue; // NOOP
                if (!interruptsOnly || (messageLength == 2 && head0 == StructNoFields && head1 is Reset or Goodbye)) return true;
                messageLength = 0;
                head0 = head1 = -1;
                continue;
            }
            if (position + size > total) return false; // the rest has not arrived yet
            for (var i = 0; i < size && messageLength + i < 2; i++)
            {
                var b = At(first, second, position + i);
                if (messageLength + i == 0) head0 = b;
                else head1 = b;
            }
            messageLength += size;
            position += size;
        }
        return false;
    }

    private static int At(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, long index) =>
        index < first.Length ? first[(int)index] : second[(int)(index - first.Length)];
}
