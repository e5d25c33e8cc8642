using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Errors;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher.Schema;

/// <summary>CREATE FULLTEXT INDEX and the FULLTEXT rows of SHOW INDEXES (kept apart from the RANGE code so each
/// index kind's columns are filled by column name, whatever column set SHOW INDEXES has).</summary>
internal static class FulltextSchema
{
    public const string AnalyzerKey = "fulltext.analyzer";
    public const string EventuallyConsistentKey = "fulltext.eventually_consistent";
    public const string Provider = "fulltext-1.0";

    public static (IReadOnlyList<string> Keys, List<Row> Rows) Create(CreateIndexCommand ci, ExecContext ctx)
    {
        if (ci.LabelOrType is null || ci.Properties.Count == 0)
            throw new GraphException(ErrorCodes.SyntaxError, "A fulltext index needs labels (or relationship types) and properties: FOR (n:A|B) ON EACH [n.p, n.q]")
            { Phase = ErrorPhase.CompileTime, Detail = "UnsupportedSchemaCommand" };
        string? analyzer = null;
        var eventual = false;
        if (ci.Options is not null && Evaluator.Eval(ci.Options, Row.Empty, ctx) is IReadOnlyDictionary<string, object?> options)
        {
            foreach (var (key, value) in options)
            {
                switch (key)
                {
                    case "indexConfig" when value is IReadOnlyDictionary<string, object?> config:
                        foreach (var (setting, v) in config)
                        {
                            switch (setting)
                            {
                                case AnalyzerKey when v is string s: analyzer = s; break;
                                case EventuallyConsistentKey when v is bool b: eventual = b; break;
                                default:
                                    throw InvalidOption($"Invalid index configuration setting '{setting}' = {v ?? "null"} for a fulltext index; valid settings are '{AnalyzerKey}' (STRING) and '{EventuallyConsistentKey}' (BOOLEAN).");
                            }
                        }

                        break;
                    case "indexProvider" when value is Provider:
                        break;
                    default:
                        throw InvalidOption($"Invalid option '{key}' for a fulltext index; valid options are 'indexProvider' ('{Provider}') and 'indexConfig'.");
                }
            }
        }

        var names = new List<string> { ci.LabelOrType };
        names.AddRange(ci.AdditionalLabelsOrTypes);
        var created = ctx.RequireWriter().CreateFulltextIndex(ci.Name, ci.EntityKind == SchemaEntityKind.Relationship, names, [.. ci.Properties], analyzer, eventual, ci.IfNotExists);
        if (created is not null) ctx.Counters.IndexesAdded++;
        return ([], []);
    }

    private static GraphException InvalidOption(string message) => new(ErrorCodes.ArgumentError, message) { Detail = "InvalidArgument" };

    /// <summary>One SHOW INDEXES row per fulltext index, values placed by column name (unknown columns null).</summary>
    public static IEnumerable<Dictionary<string, object?>> ShowRows(IReadOnlyList<string> columns, IGraphReader reader)
    {
        foreach (var d in reader.FulltextIndexes)
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var column in columns) row[column] = Column(column, d);
            yield return row;
        }
    }

    /// <summary>Neo4j's <c>options</c> value of a fulltext index.</summary>
    public static Dictionary<string, object?> Options(FulltextIndexDescriptor d) => new(StringComparer.Ordinal)
    {
        ["indexProvider"] = Provider,
        ["indexConfig"] = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [AnalyzerKey] = d.Analyzer,
            [EventuallyConsistentKey] = d.EventuallyConsistent,
        },
    };

    private static object? Column(string column, FulltextIndexDescriptor d) => column switch
    {
        "name" => d.Name,
        "state" => "ONLINE",
        "populationPercent" => 100.0,
        "type" => "FULLTEXT",
        "entityType" => d.IsRelationshipIndex ? "RELATIONSHIP" : "NODE",
        "labelsOrTypes" => d.LabelsOrTypes.Cast<object?>().ToList(),
        "properties" => d.Properties.Cast<object?>().ToList(),
        "indexProvider" => Provider,
        "readCount" => 0L,
        "options" => Options(d),
        "createStatement" => CreateStatement(d),
        _ => null,
    };

    public static string CreateStatement(FulltextIndexDescriptor d)
    {
        var v = d.IsRelationshipIndex ? "r" : "n";
        var names = string.Join("|", d.LabelsOrTypes.Select(Quote));
        var target = d.IsRelationshipIndex ? $"()-[{v}:{names}]-()" : $"({v}:{names})";
        return $"CREATE FULLTEXT INDEX {Quote(d.Name)} FOR {target} ON EACH [{string.Join(", ", d.Properties.Select(p => v + "." + Quote(p)))}] "
            + $"OPTIONS {{indexConfig: {{`{AnalyzerKey}`: '{d.Analyzer}', `{EventuallyConsistentKey}`: {(d.EventuallyConsistent ? "true" : "false")}}}, indexProvider: '{Provider}'}}";
    }

    private static string Quote(string name) => "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";
}
