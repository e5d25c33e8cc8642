using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Values;
using KnowledgeGraph.Errors;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher.Procedures;

/// <summary>
/// Neo4j 5's <c>db.index.fulltext.*</c> procedures over the store's fulltext indexes. They read the running
/// transaction's snapshot (a write transaction sees its own writes). A malformed query string, an unknown index or
/// one of the other entity kind fail with <c>Neo.ClientError.Procedure.ProcedureCallFailed</c>, as in Neo4j.
/// </summary>
internal static class FulltextProcedures
{
    public const string ProcedureCallFailed = "Neo.ClientError.Procedure.ProcedureCallFailed";
    private const string QueryNodes = "db.index.fulltext.queryNodes";
    private const string QueryRelationships = "db.index.fulltext.queryRelationships";

    private static readonly ProcedureParameter[] QueryInputs =
    [
        new("indexName", "STRING"),
        new("queryString", "STRING"),
        new("options", "MAP") { IsOptional = true, DefaultValue = new Dictionary<string, object?>() },
    ];

    public static void Register(ProcedureRegistry registry)
    {
        registry.Add(new ProcedureSignature(QueryNodes, QueryInputs, [new("node", "NODE"), new("score", "FLOAT")]),
            (args, ctx) => Query(QueryNodes, false, args, ctx));
        registry.Add(new ProcedureSignature(QueryRelationships, QueryInputs, [new("relationship", "RELATIONSHIP"), new("score", "FLOAT")]),
            (args, ctx) => Query(QueryRelationships, true, args, ctx));
        registry.Add(new ProcedureSignature("db.index.fulltext.listAvailableAnalyzers", [],
                [new("analyzer", "STRING"), new("description", "STRING"), new("stopwords", "LIST<STRING>")]),
            (args, ctx) => ctx.Reader.FulltextAnalyzers.Select(a => (IReadOnlyList<object?>)[a.Name, a.Description, a.StopWords.Cast<object?>().ToList()]));
        // Updates are applied at commit, so an eventually consistent index is always refreshed already.
        registry.Add(new ProcedureSignature("db.index.fulltext.awaitEventuallyConsistentIndexRefresh", [], []), (args, ctx) => []);
    }

    private static IEnumerable<IReadOnlyList<object?>> Query(string procedure, bool relationships, IReadOnlyList<object?> args, ExecContext ctx)
    {
        var name = args[0] as string ?? throw Failed(procedure, "java.lang.IllegalArgumentException: indexName must not be null");
        var text = args[1] as string ?? throw Failed(procedure, "java.lang.IllegalArgumentException: queryString must not be null");
        var options = args.Count > 2 ? args[2] as IReadOnlyDictionary<string, object?> : null;
        long skip = 0, limit = long.MaxValue;
        string? analyzer = null;
        if (options is not null)
        {
            foreach (var (key, value) in options)
            {
                switch (key)
                {
                    case "skip" when value is long n && n >= 0: skip = n; break;
                    case "limit" when value is long n && n >= 0: limit = n; break;
                    case "analyzer" when value is string s: analyzer = s; break;
                    case "skip" or "limit" or "analyzer":
                        throw Failed(procedure, $"java.lang.IllegalArgumentException: Invalid value for option '{key}': {CypherValues.TypeName(value)} {value}");
                    default: break; // Neo4j ignores options it does not know
                }
            }
        }

        var reader = ctx.Reader;
        var index = reader.FindFulltextIndex(name) ?? throw Failed(procedure, $"java.lang.IllegalArgumentException: There is no such fulltext schema index: {name}");
        if (index.IsRelationshipIndex != relationships)
        {
            throw Failed(procedure, relationships
                ? $"java.lang.IllegalArgumentException: The '{name}' index (fulltext) is an index on nodes, and cannot be queried for relationships."
                : $"java.lang.IllegalArgumentException: The '{name}' index (fulltext) is an index on relationships, and cannot be queried for nodes.");
        }

        IReadOnlyList<FulltextHit> hits;
        try
        {
            hits = reader.QueryFulltext(name, text, analyzer);
        }
        catch (FulltextQueryException e)
        {
            throw Failed(procedure, "org.apache.lucene.queryparser.classic.ParseException: " + e.Message, e);
        }

        return Rows();

        IEnumerable<IReadOnlyList<object?>> Rows()
        {
            foreach (var hit in hits.Skip((int)Math.Min(skip, int.MaxValue)).Take((int)Math.Min(limit, int.MaxValue)))
            {
                ctx.Tick();
                if (relationships)
                {
                    var r = reader.GetRelationship(hit.Id);
                    yield return [RelValue.Of(r), hit.Score];
                }
                else
                {
                    yield return [new NodeValue(hit.Id), hit.Score];
                }
            }
        }
    }

    private static GraphException Failed(string procedure, string cause, Exception? inner = null) =>
        new(ProcedureCallFailed, $"Failed to invoke procedure `{procedure}`: Caused by: {cause}", inner) { Detail = "ProcedureCallFailed" };
}
