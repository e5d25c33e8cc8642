namespace KnowledgeGraph.Cypher.Import;

/// <summary>
/// One <c>--nodes</c> or <c>--relationships</c> argument of the import: files read in order as one stream whose
/// first line is the header (Neo4j's format: <c>id:ID(Group)</c>, <c>:LABEL</c>, <c>:START_ID</c>, <c>:END_ID</c>,
/// <c>:TYPE</c>, <c>name:int</c>, <c>tags:string[]</c>, <c>:IGNORE</c>), plus labels (nodes) or a type
/// (relationships) given for every row of the files.
/// </summary>
public sealed record CsvImportInput(IReadOnlyList<string> Files, IReadOnlyList<string> LabelsOrType);

/// <summary>What <see cref="CsvImporter"/> loads and how it treats bad rows (as neo4j-admin database import full).</summary>
public sealed record CsvImportOptions
{
    public IReadOnlyList<CsvImportInput> Nodes { get; init; } = [];

    public IReadOnlyList<CsvImportInput> Relationships { get; init; } = [];

    /// <summary>Field separator (<c>--delimiter</c>).</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>Separator of array values and of labels in a <c>:LABEL</c> field (<c>--array-delimiter</c>).</summary>
    public char ArrayDelimiter { get; init; } = ';';

    /// <summary>Skip (and report) relationships whose start or end id is unknown or whose type is missing.</summary>
    public bool SkipBadRelationships { get; init; }

    /// <summary>Skip (and report) nodes whose id was already used in the same id group.</summary>
    public bool SkipDuplicateNodes { get; init; }

    /// <summary>How many bad rows may be skipped before the import fails (<c>--bad-tolerance</c>).</summary>
    public long BadTolerance { get; init; } = 1000;

    /// <summary>Where skipped rows are described, one per line (<c>--report-file</c>).</summary>
    public string ReportFile { get; init; } = "import.report";

    /// <summary>Print progress every this many rows.</summary>
    public long ProgressEvery { get; init; } = 100_000;
}

/// <summary>What an import did.</summary>
public sealed record CsvImportResult(long Nodes, long Relationships, long BadRows, TimeSpan Elapsed);
