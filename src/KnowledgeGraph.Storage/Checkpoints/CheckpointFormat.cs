namespace KnowledgeGraph.Storage.Checkpoints;

/// <summary>
/// A checkpoint is a full image of one committed version: <c>"KGCK" | format (4)</c> followed by checksummed
/// blocks <c>length (4) | crc32 (4) | records</c>. Records never span blocks. The last record is <see cref="End"/>;
/// a checkpoint missing it is incomplete (it is only ever renamed into place once fully written and fsynced).
/// </summary>
internal static class CheckpointFormat
{
    public const string FileName = "checkpoint.kgs";
    public const string TempFileName = "checkpoint.kgs.tmp";
    public const uint Magic = 0x4B43474B; // "KGCK"
    public const int FormatVersion = 1;
    public const int BlockTarget = 256 * 1024;

    public const byte Header = 1;       // database id, tx id, next node id, next relationship id
    public const byte LabelToken = 2;   // name (ids are assigned in order)
    public const byte TypeToken = 3;
    public const byte KeyToken = 4;
    public const byte Node = 5;         // id, label count, label tokens, property count, (key token, value)...
    public const byte Relationship = 6; // id, type token, start, end, property count, (key token, value)...
    public const byte Index = 7;        // name, label, property
    public const byte Constraint = 8;   // name, label, property
    public const byte End = 9;          // node count, relationship count
    public const byte FulltextIndex = 10; // FulltextCodec (the index itself is rebuilt from the nodes on load)
    public const byte TypedIndex = 11;  // name, label, property, IndexType byte (POINT/TEXT; RANGE stays an Index record)
}
