namespace KnowledgeGraph.Bolt.Protocol.PackStream;

/// <summary>
/// PackStream v1 marker bytes. A value starts with one marker byte; tiny forms carry their size (or, for tiny
/// integers, the value itself) in the marker, the others are followed by a big-endian size or value.
/// </summary>
public static class PackStreamMarker
{
    public const byte TinyStringBase = 0x80; // 0x80..0x8F: string of 0..15 UTF-8 bytes
    public const byte TinyListBase = 0x90;   // 0x90..0x9F
    public const byte TinyMapBase = 0xA0;    // 0xA0..0xAF
    public const byte TinyStructBase = 0xB0; // 0xB0..0xBF: structure of 0..15 fields, then a signature byte
    public const byte Null = 0xC0;
    public const byte Float64 = 0xC1;
    public const byte False = 0xC2;
    public const byte True = 0xC3;
    public const byte Int8 = 0xC8;
    public const byte Int16 = 0xC9;
    public const byte Int32 = 0xCA;
    public const byte Int64 = 0xCB;
    public const byte Bytes8 = 0xCC;
    public const byte Bytes16 = 0xCD;
    public const byte Bytes32 = 0xCE;
    public const byte String8 = 0xD0;
    public const byte String16 = 0xD1;
    public const byte String32 = 0xD2;
    public const byte List8 = 0xD4;
    public const byte List16 = 0xD5;
    public const byte List32 = 0xD6;
    public const byte Map8 = 0xD8;
    public const byte Map16 = 0xD9;
    public const byte Map32 = 0xDA;

    /// <summary>Tiny integers: -16..-1 are 0xF0..0xFF, 0..127 are 0x00..0x7F.</summary>
    public const long TinyIntMin = -16;

    /// <summary>Largest tiny integer.</summary>
    public const long TinyIntMax = 127;
}

/// <summary>Structure signatures of the Bolt 5 value types (the message signatures live with the messages).</summary>
public static class StructureSignature
{
    public const byte Node = (byte)'N';
    public const byte Relationship = (byte)'R';
    public const byte UnboundRelationship = (byte)'r';
    public const byte Path = (byte)'P';
    public const byte Date = (byte)'D';
    public const byte Time = (byte)'T';
    public const byte LocalTime = (byte)'t';
    public const byte DateTime = (byte)'I';
    public const byte DateTimeZoneId = (byte)'i';
    public const byte LocalDateTime = (byte)'d';
    public const byte Duration = (byte)'E';
    public const byte Point2D = (byte)'X';
    public const byte Point3D = (byte)'Y';
}

/// <summary>
/// Malformed or unsupported PackStream data. <see cref="Code"/> is the Neo4j status the server answers with:
/// <c>Neo.ClientError.Request.InvalidFormat</c> for bytes that are not PackStream (the server closes the
/// connection), or a value-level code (nesting too deep, a temporal value out of range) for which
/// <see cref="MessageIntact"/> is true: the message was framed correctly, so the server fails the request and keeps
/// the connection.
/// </summary>
public sealed class PackStreamException : Exception
{
    /// <summary>Malformed data (<c>Neo.ClientError.Request.InvalidFormat</c>).</summary>
    public PackStreamException(string message) : this(KnowledgeGraph.Errors.ErrorCodes.InvalidFormat, message, messageIntact: false) { }

    /// <summary>A value the reader refuses with a specific status code.</summary>
    public PackStreamException(string code, string message, bool messageIntact) : base(message)
    {
        Code = code;
        MessageIntact = messageIntact;
    }

    /// <summary>The Neo4j status code for the failure.</summary>
    public string Code { get; }

    /// <summary>True when the data was well-formed PackStream but a value was refused (the request can fail alone).</summary>
    public bool MessageIntact { get; }
}
