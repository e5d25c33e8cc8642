namespace KnowledgeGraph.Storage.Wal;

/// <summary>
/// The operations a transaction record is made of, in the order they were applied. Names (labels, types, keys)
/// are written inline, so a record is self-contained and token ids stay an in-memory detail.
/// </summary>
internal enum WalOp : byte
{
    /// <summary>id, labels (count, names), properties (count, (key, value)...).</summary>
    CreateNode = 1,

    /// <summary>id, type, start id, end id, properties.</summary>
    CreateRelationship = 2,

    /// <summary>id, key, value (the null tag removes the key).</summary>
    SetNodeProperty = 3,

    /// <summary>id, key, value (the null tag removes the key).</summary>
    SetRelationshipProperty = 4,

    /// <summary>id, label.</summary>
    AddLabel = 5,

    /// <summary>id, label.</summary>
    RemoveLabel = 6,

    /// <summary>id.</summary>
    DeleteRelationship = 7,

    /// <summary>id (its relationships were deleted by earlier operations).</summary>
    DeleteNode = 8,

    /// <summary>name, label, property.</summary>
    CreateIndex = 9,

    /// <summary>name.</summary>
    DropIndex = 10,

    /// <summary>name, label, property (creates the owned index too).</summary>
    CreateConstraint = 11,

    /// <summary>name (drops the owned index too).</summary>
    DropConstraint = 12,

    /// <summary>name, relationship flag, labels or types (count, names), properties (count, names), analyzer, eventually-consistent flag.</summary>
    CreateFulltextIndex = 13,

    /// <summary>name, label, property, <see cref="IndexType"/> byte: a POINT or TEXT index (a RANGE index is still
    /// logged as <see cref="CreateIndex"/>, so logs of stores from before the type was recorded read unchanged).</summary>
    CreateTypedIndex = 14,
}
