using KnowledgeGraph.Temporal;

namespace KnowledgeGraph.Storage.Wal;

/// <summary>Binary encoding of stored property values (shared by log records and checkpoints).</summary>
internal static class ValueCodec
{
    private const byte Null = 0;
    private const byte False = 1;
    private const byte True = 2;
    private const byte Long = 3;
    private const byte Double = 4;
    private const byte String = 5;
    private const byte Bytes = 6;
    private const byte Date = 7;
    private const byte LocalTime = 8;
    private const byte Time = 9;
    private const byte LocalDateTime = 10;
    private const byte DateTime = 11;
    private const byte DateTimeZone = 12;
    private const byte Duration = 13;
    private const byte List = 14;

    // A point: SRID (int32), x, y, then z for the 3D SRIDs only (the SRID says whether z follows).
    private const byte Point = 15;

    public static void Write(ByteWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteByte(Null); break;
            case bool b: w.WriteByte(b ? True : False); break;
            case long l: w.WriteByte(Long); w.WriteInt64(l); break;
            case double d: w.WriteByte(Double); w.WriteDouble(d); break;
            case string s: w.WriteByte(String); w.WriteString(s); break;
            case byte[] bytes: w.WriteByte(Bytes); w.WriteBytes(bytes); break;
            case CypherDate date: w.WriteByte(Date); w.WriteInt64(date.EpochDays); break;
            case CypherLocalTime lt: w.WriteByte(LocalTime); w.WriteInt64(lt.NanosOfDay); break;
            case CypherTime t: w.WriteByte(Time); w.WriteInt64(t.NanosOfDay); w.WriteInt32(t.OffsetSeconds); break;
            case CypherLocalDateTime ldt: w.WriteByte(LocalDateTime); w.WriteInt64(ldt.EpochSeconds); w.WriteInt32(ldt.Nanos); break;
            case CypherDateTime dt:
                w.WriteByte(dt.ZoneId is null ? DateTime : DateTimeZone);
                w.WriteInt64(dt.EpochSeconds);
                w.WriteInt32(dt.Nanos);
                w.WriteInt32(dt.OffsetSeconds);
                if (dt.ZoneId is not null) w.WriteString(dt.ZoneId);
                break;
            case CypherDuration du:
                w.WriteByte(Duration);
                w.WriteInt64(du.Months);
                w.WriteInt64(du.Days);
                w.WriteInt64(du.Seconds);
                w.WriteInt32(du.Nanos);
                break;
            case KnowledgeGraph.Spatial.CypherPoint p:
                w.WriteByte(Point);
                w.WriteInt32(p.Srid);
                w.WriteDouble(p.X);
                w.WriteDouble(p.Y);
                if (p.Z is { } z) w.WriteDouble(z);
                break;
            case object[] list:
                w.WriteByte(List);
                w.WriteVarUInt((ulong)list.Length);
                foreach (var item in list) Write(w, item);
                break;
            default:
                throw new InvalidOperationException($"Cannot encode a value of type {value.GetType()}.");
        }
    }

    public static object? Read(ByteReader r)
    {
        var tag = r.ReadByte();
        return tag switch
        {
            Null => null,
            False => false,
            True => true,
            Long => r.ReadInt64(),
            Double => r.ReadDouble(),
            String => r.ReadString(),
            Bytes => r.ReadBytes(),
            Date => new CypherDate(r.ReadInt64()),
            LocalTime => new CypherLocalTime(r.ReadInt64()),
            Time => new CypherTime(r.ReadInt64(), r.ReadInt32()),
            LocalDateTime => new CypherLocalDateTime(r.ReadInt64(), r.ReadInt32()),
            DateTime => new CypherDateTime(r.ReadInt64(), r.ReadInt32(), r.ReadInt32(), null),
            DateTimeZone => ReadZoned(r),
            Duration => new CypherDuration(r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadInt32()),
            List => ReadList(r),
            Point => ReadPoint(r),
            _ => throw new InvalidDataException($"Unknown value tag {tag}."),
        };
    }

    private static CypherDateTime ReadZoned(ByteReader r)
    {
        var seconds = r.ReadInt64();
        var nanos = r.ReadInt32();
        var offset = r.ReadInt32();
        return new CypherDateTime(seconds, nanos, offset, r.ReadString());
    }

    private static KnowledgeGraph.Spatial.CypherPoint ReadPoint(ByteReader r)
    {
        var srid = r.ReadInt32();
        if (!KnowledgeGraph.Spatial.CypherPoint.IsKnownSrid(srid)) throw new InvalidDataException($"Unknown point SRID {srid}.");
        var x = r.ReadDouble();
        var y = r.ReadDouble();
        return new KnowledgeGraph.Spatial.CypherPoint(srid, x, y, KnowledgeGraph.Spatial.CypherPoint.Is3DSrid(srid) ? r.ReadDouble() : null);
    }

    private static object[] ReadList(ByteReader r)
    {
        var count = r.ReadCount();
        var list = new object[count];
        for (var i = 0; i < count; i++) list[i] = Read(r) ?? throw new InvalidDataException("Null inside a stored list.");
        return list;
    }
}
