using KnowledgeGraph.Cypher.Execution;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;
using KnowledgeGraph.Errors;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher.Schema;

/// <summary>CREATE/DROP INDEX and CONSTRAINT, SHOW INDEXES/CONSTRAINTS/FUNCTIONS/PROCEDURES (Neo4j 5 column names).
/// SHOW/TERMINATE TRANSACTIONS are the session layer's (<c>Session/TransactionCommands.cs</c>).</summary>
internal static class SchemaExecutor
{
    /// <summary>SHOW INDEXES YIELD * in Neo4j 5's order; without YIELD the first twelve.</summary>
    private static readonly string[] IndexColumns =
        ["id", "name", "state", "populationPercent", "type", "entityType", "labelsOrTypes", "properties", "indexProvider", "owningConstraint", "lastRead", "readCount",
         "trackedSince", "options", "failureMessage", "createStatement"];

    private static readonly string[] IndexDefaults = IndexColumns[..12];

    /// <summary>SHOW CONSTRAINTS YIELD * in Neo4j 5's order; without YIELD the first eight.</summary>
    private static readonly string[] ConstraintColumns =
        ["id", "name", "type", "entityType", "labelsOrTypes", "properties", "ownedIndex", "propertyType", "options", "createStatement"];

    private static readonly string[] ConstraintDefaults = ConstraintColumns[..8];

    public static (IReadOnlyList<string> Keys, List<Row> Rows) Run(SchemaCommand cmd, ExecContext ctx)
    {
        switch (cmd)
        {
            case CreateIndexCommand { Kind: IndexKind.Fulltext } fulltext:
                return FulltextSchema.Create(fulltext, ctx);
            case CreateIndexCommand { Kind: IndexKind.Lookup } lookup:
                return CreateLookup(lookup);
            case CreateIndexCommand ci:
                {
                    if (ci.Kind is not (IndexKind.Range or IndexKind.Text or IndexKind.Point))
                        throw Unsupported($"{ci.Kind.ToString().ToUpperInvariant()} indexes are not supported by the embedded engine");
                    if (ci.EntityKind != SchemaEntityKind.Node || ci.LabelOrType is null)
                        throw Unsupported($"Relationship property indexes are not supported by the embedded engine (only node {ci.Kind.ToString().ToUpperInvariant()} indexes)");
                    if (ci.Properties.Count != 1)
                    {
                        // Neo4j itself refuses composite POINT and TEXT indexes; composite RANGE indexes it has, we do not.
                        if (ci.Kind != IndexKind.Range)
                            throw new GraphException(ErrorCodes.SyntaxError, $"Only single property {ci.Kind.ToString().ToUpperInvariant()} indexes are supported") { Phase = ErrorPhase.CompileTime, Detail = "UnsupportedSchemaCommand" };
                        throw Unsupported("Composite RANGE indexes are not supported by the embedded engine (single-property only)");
                    }

                    var type = ci.Kind switch { IndexKind.Point => IndexType.Point, IndexKind.Text => IndexType.Text, _ => IndexType.Range };
                    var created = ctx.RequireWriter().CreateIndex(ci.Name, ci.LabelOrType, ci.Properties[0], ci.IfNotExists, type);
                    if (created is not null) ctx.Counters.IndexesAdded++;
                    return ([], []);
                }
            case DropIndexCommand { Name: IndexRows.NodeLookupName or IndexRows.RelationshipLookupName } lookup:
                throw new GraphException(ErrorCodes.IndexNotFound, $"Unable to drop index `{lookup.Name}`: the embedded engine keeps its token lookup indexes (label and relationship type scans) always.") { Detail = "IndexDropFailed" };
            case DropIndexCommand di:
                {
                    var name = di.Name ?? (di.Label is not null && di.Properties.Count == 1 ? ctx.Reader.FindIndex(di.Label, di.Properties[0])?.Name : null)
                        ?? throw new GraphException(ErrorCodes.IndexNotFound, "Unable to drop index: no such index") { Detail = "IndexDropFailed" };
                    if (ctx.RequireWriter().DropIndex(name, di.IfExists)) ctx.Counters.IndexesRemoved++;
                    return ([], []);
                }
            case CreateConstraintCommand cc:
                {
                    if (cc.Kind != ConstraintKind.Unique || cc.EntityKind != SchemaEntityKind.Node || cc.Properties.Count != 1)
                        throw Unsupported("Only single-property node uniqueness constraints are supported by the embedded engine");
                    var created = ctx.RequireWriter().CreateUniqueConstraint(cc.Name, cc.LabelOrType, cc.Properties[0], cc.IfNotExists);
                    if (created is not null) ctx.Counters.ConstraintsAdded++;
                    return ([], []);
                }
            case DropConstraintCommand dc:
                if (ctx.RequireWriter().DropConstraint(dc.Name, dc.IfExists)) ctx.Counters.ConstraintsRemoved++;
                return ([], []);
            case ShowCommand show:
                return Show(show, ctx);
        }
        throw Unsupported($"Unsupported schema command {cmd.GetType().Name}");
    }

    /// <summary>CREATE LOOKUP INDEX: the engine always has both token lookup indexes, so this is an equivalent of an
    /// existing one (a no-op with IF NOT EXISTS), as Neo4j answers on a database that still has its defaults.</summary>
    private static (IReadOnlyList<string>, List<Row>) CreateLookup(CreateIndexCommand ci)
    {
        if (ci.IfNotExists) return ([], []);
        var relationships = ci.EntityKind == SchemaEntityKind.Relationship;
        var existing = relationships ? IndexRows.RelationshipLookupName : IndexRows.NodeLookupName;
        var schema = relationships ? "()-[:<any-types>]-()" : "(:<any-labels>)";
        throw new GraphException(ErrorCodes.EquivalentSchemaRuleAlreadyExists, $"An equivalent index already exists, 'Index( name='{existing}', type='LOOKUP', schema={schema}, indexProvider='token-lookup-1.0' )'.");
    }

    private static GraphException Unsupported(string message) =>
        new(ErrorCodes.SyntaxError, message) { Phase = ErrorPhase.CompileTime, Detail = "UnsupportedSchemaCommand" };

    private static (IReadOnlyList<string>, List<Row>) Show(ShowCommand show, ExecContext ctx)
    {
        string[] columns;
        string[] defaults;
        var rows = new List<Row>();
        long id = 1;
        // The system database holds no graph: its schema is empty.
        var system = ctx.DatabaseName == Catalog.DatabaseCatalog.SystemDatabase;
        switch (show.Target)
        {
            case ShowTarget.Indexes:
                (columns, defaults) = (IndexColumns, IndexDefaults);
                if (system) break;
                rows.AddRange(IndexRows.Rows(columns, ctx.Reader, show.Filter).Select(r => new Row(r)));
                if (IndexRows.Admits(show.Filter, "FULLTEXT")) rows.AddRange(FulltextSchema.ShowRows(columns, ctx.Reader).Select(r => new Row(r)));
                rows = [.. rows.OrderBy(r => (string?)r.Vars["name"], StringComparer.Ordinal)];
                for (var i = 0; i < rows.Count; i++) rows[i] = rows[i].With("id", (long)(i + 1));
                break;
            case ShowTarget.Constraints:
                (columns, defaults) = (ConstraintColumns, ConstraintDefaults);
                foreach (var c in ctx.Reader.Constraints.Where(_ => !system).OrderBy(c => c.Name, StringComparer.Ordinal))
                {
                    if (show.Filter is not null and not "ALL" and not "UNIQUE" and not "UNIQUENESS" and not "NODE UNIQUE" and not "NODE_UNIQUENESS" and not "NODE UNIQUENESS") continue;
                    var options = new Dictionary<string, object?>(StringComparer.Ordinal)
                    {
                        ["indexProvider"] = "range-1.0",
                        ["indexConfig"] = new Dictionary<string, object?>(StringComparer.Ordinal),
                    };
                    rows.Add(RowOf(columns, id++, c.Name, "UNIQUENESS", "NODE", new List<object?> { c.Label }, new List<object?> { c.Property }, c.Name, null,
                        options, $"CREATE CONSTRAINT {Quote(c.Name)} FOR (n:{Quote(c.Label)}) REQUIRE (n.{Quote(c.Property)}) IS UNIQUE"));
                }
                break;
            case ShowTarget.Procedures:
                (columns, defaults) = (Catalog.FunctionCatalog.ProcedureColumns, Catalog.FunctionCatalog.ProcedureDefaults);
                rows = Catalog.FunctionCatalog.ProcedureRows(ctx);
                break;
            case ShowTarget.Functions:
                (columns, defaults) = (Catalog.FunctionCatalog.FunctionColumns, Catalog.FunctionCatalog.FunctionDefaults);
                rows = Catalog.FunctionCatalog.FunctionRows(ctx, show.Filter);
                break;
            case ShowTarget.Databases:
                columns = Catalog.DatabaseCatalog.AllColumns;
                defaults = show.Filter is "DEFAULT" or "HOME" ? Catalog.DatabaseCatalog.SingleColumns : Catalog.DatabaseCatalog.DefaultColumns;
                rows = Catalog.DatabaseCatalog.Rows(ctx, show.Name, show.Filter);
                break;
            case ShowTarget.Users:
                columns = defaults = Catalog.DatabaseCatalog.UserColumns;
                rows = Catalog.DatabaseCatalog.Users(ctx, currentOnly: show.Filter == "CURRENT");
                break;
            default:
                // SHOW SETTINGS: the engine's settings are the service's configuration, not Neo4j's; none listed.
                columns = ["name", "value", "isDynamic", "defaultValue", "description", "startupValue", "isExplicitlySet", "validValues", "isDeprecated"];
                defaults = columns[..5];
                break;
        }
        return Project(columns, defaults, rows, show.Yield, show.Where, show.Return, ctx);
    }

    private static string Quote(string name) => "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";

    /// <summary>Applies a SHOW-style command's YIELD / WHERE / RETURN to its rows; without YIELD the result has the
    /// default columns, with <c>YIELD *</c> all of them.</summary>
    public static (IReadOnlyList<string> Keys, List<Row> Rows) Project(string[] columns, string[] defaults, List<Row> rows,
        ProjectionBody? yield, Expression? where, ReturnClause? ret, ExecContext ctx)
    {
        if (yield is null && where is null && ret is null && ReferenceEquals(columns, defaults)) return (columns, rows);
        var clauses = new List<Clause>();
        if (yield is not null) clauses.Add(new WithClause(yield, where));
        else if (where is not null)
            clauses.Add(new WithClause(new ProjectionBody(false, true, [], [], null, null), where));
        clauses.Add(ret ?? new ReturnClause(yield is not null
            ? yield with { OrderBy = [], Skip = null, Limit = null, Items = yield.IncludeExisting ? [] : AstList.From(yield.Items.Select(i => new ProjectionItem(new Variable(i.Name), null, i.Name))) }
            : new ProjectionBody(false, false, AstList.From(defaults.Select(c => new ProjectionItem(new Variable(c), null, c))), [], null, null)));
        var pipe = QueryExecutor.Build(new SingleQuery(AstList.From(clauses)), rows, ctx, columns);
        var result = pipe.Rows.ToList();
        var keys = pipe.Columns;
        if (yield is { IncludeExisting: true, Items.Count: 0 } && ret is null) keys = columns;
        return (keys, result);
    }

    private static Row RowOf(string[] columns, params object?[] values)
    {
        var d = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Length; i++) d[columns[i]] = values[i] is int n ? (long)n : values[i];
        _ = CypherValues.IsNumber(null);
        return new Row(d);
    }
}
