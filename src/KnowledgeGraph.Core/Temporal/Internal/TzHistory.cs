using System.Buffers.Binary;
using System.Collections.Concurrent;

namespace KnowledgeGraph.Temporal.Internal;

/// <summary>
/// Historical UTC offsets with second precision, read from the system's TZif files. TimeZoneInfo rounds offsets to
/// whole minutes (local mean time such as +00:53:28 becomes +00:53); Neo4j prints them exactly, so instants before a
/// zone's last recorded transition are answered here and later ones by TimeZoneInfo (which applies the file's rule).
/// Zones that upstream tzdb (and so the JDK Neo4j runs on) has merged into another zone are read from that zone,
/// because Debian-style tzdata keeps their older pre-1970 history.
/// </summary>
internal sealed class TzHistory
{
    private static readonly ConcurrentDictionary<string, TzHistory?> Cache = new(StringComparer.Ordinal);

    // Links introduced by tzdb 2022b (the zones agree since 1970; before that the JDK reports the target's history).
    private static readonly Dictionary<string, string> UpstreamLinks = new(StringComparer.Ordinal)
    {
        ["Europe/Amsterdam"] = "Europe/Brussels",
        ["Europe/Copenhagen"] = "Europe/Berlin",
        ["Europe/Luxembourg"] = "Europe/Brussels",
        ["Europe/Monaco"] = "Europe/Paris",
        ["Europe/Oslo"] = "Europe/Berlin",
        ["Europe/Stockholm"] = "Europe/Berlin",
        ["Atlantic/Reykjavik"] = "Africa/Abidjan",
        ["America/Nassau"] = "America/Toronto",
        ["Asia/Brunei"] = "Asia/Kuching",
        ["Asia/Kuala_Lumpur"] = "Asia/Singapore",
    };

    private readonly long[] transitions;
    private readonly int[] offsets; // offsets[i] applies from transitions[i - 1] (offsets[0] before the first)

    private TzHistory(long[] transitions, int[] offsets)
    {
        this.transitions = transitions;
        this.offsets = offsets;
    }

    public static TzHistory? For(string zoneId) => Cache.GetOrAdd(zoneId, static id =>
    {
        try
        {
            string source = UpstreamLinks.GetValueOrDefault(id, id);
            string dir = Environment.GetEnvironmentVariable("TZDIR") is { Length: > 0 } d ? d : "/usr/share/zoneinfo";
            string path = Path.Combine(dir, source);
            if (source.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(source) || !File.Exists(path))
            {
                return null;
            }

            return Read(File.ReadAllBytes(path));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    });

    /// <summary>The exact offset at an instant when it lies within the file's transitions; null after the last one.</summary>
    public int? OffsetAt(long epochSecond)
    {
        if (transitions.Length == 0 || epochSecond >= transitions[^1])
        {
            return null;
        }

        int index = Array.BinarySearch(transitions, epochSecond);
        int applied = index >= 0 ? index + 1 : ~index;
        return offsets[applied];
    }

    /// <summary>Parses a TZif (RFC 8536) file, preferring the 64-bit block of version 2+ files.</summary>
    private static TzHistory? Read(byte[] data)
    {
        if (data.Length < 44 || data[0] != 'T' || data[1] != 'Z' || data[2] != 'i' || data[3] != 'f')
        {
            return null;
        }

        int version = data[4] == 0 ? 1 : data[4] - '0';
        var (isut, isstd, leap, time, type, chars) = Counts(data, 20);
        int pos = 44;
        int timeSize = 4;
        if (version >= 2)
        {
            pos += time * 4 + time + type * 6 + chars + leap * 8 + isstd + isut;
            if (pos + 44 > data.Length)
            {
                return null;
            }

            (isut, isstd, leap, time, type, chars) = Counts(data, pos + 20);
            pos += 44;
            timeSize = 8;
        }

        if (type == 0 || pos + time * timeSize + time + type * 6 > data.Length)
        {
            return null;
        }

        var times = new long[time];
        for (int i = 0; i < time; i++)
        {
            times[i] = timeSize == 8
                ? BinaryPrimitives.ReadInt64BigEndian(data.AsSpan(pos + i * 8))
                : BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(pos + i * 4));
        }

        int indexBase = pos + time * timeSize;
        int typeBase = indexBase + time;
        int TypeOffset(int t) => BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(typeBase + t * 6));
        var offsets = new int[time + 1];
        offsets[0] = TypeOffset(0);
        for (int i = 0; i < time; i++)
        {
            int t = data[indexBase + i];
            if (t >= type)
            {
                return null;
            }

            offsets[i + 1] = TypeOffset(t);
        }

        return new TzHistory(times, offsets);
    }

    private static (int, int, int, int, int, int) Counts(byte[] data, int at) =>
    (
        BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(at)),
        BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(at + 4)),
        BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(at + 8)),
        BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(at + 12)),
        BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(at + 16)),
        BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(at + 20))
    );
}
