using KnowledgeGraph.Cypher.Procedures;

namespace KnowledgeGraph.Cypher.Catalog;

/// <summary>
/// The procedures the embedded engine has built in, with Neo4j 5's names, signatures and output columns, so that
/// Neo4j's tools (Browser, Desktop, cypher-shell, @neo4j/introspector, @neo4j/graphql) find what they call.
/// </summary>
internal static class BuiltinProcedures
{
    /// <summary>The version tools are told (the Bolt server agent says the same: <c>Neo4j/5.26.0</c>).</summary>
    public const string Neo4jVersion = "5.26.0";

    /// <summary>A registry holding the built-in procedures and the APOC subset.</summary>
    public static ProcedureRegistry Registry()
    {
        var r = new ProcedureRegistry();
        Register(r);
        return r;
    }

    private static void Register(ProcedureRegistry r)
    {
        r.Add(Sig("db.labels", [], [("label", "STRING")]),
            (a, c) => c.Reader.Labels.Where(l => c.Reader.CountNodes(l) > 0).Order(StringComparer.Ordinal).Select(l => (IReadOnlyList<object?>)[l]),
            new("List all labels attached to nodes within a database.", false));
        r.Add(Sig("db.relationshipTypes", [], [("relationshipType", "STRING")]),
            (a, c) => c.Reader.RelationshipTypes.Where(t => c.Reader.CountRelationships(t) > 0).Order(StringComparer.Ordinal).Select(t => (IReadOnlyList<object?>)[t]),
            new("List all types attached to relationships within a database.", false));
        r.Add(Sig("db.propertyKeys", [], [("propertyKey", "STRING")]),
            (a, c) => c.Reader.PropertyKeys.Order(StringComparer.Ordinal).Select(k => (IReadOnlyList<object?>)[k]),
            new("List all property keys in the database.", false));
        r.Add(Sig("db.ping", [], [("success", "BOOLEAN")]), (a, c) => [[true]],
            new("This procedure can be used by client side tooling to test whether they are correctly connected to a database. It always returns true.", true));
        r.Add(Sig("dbms.components", [], [("name", "STRING"), ("versions", "LIST<STRING>"), ("edition", "STRING")], ProcedureMode.Dbms),
            (a, c) => [["Neo4j Kernel", new List<object?> { Neo4jVersion }, "community"]],
            new("List DBMS components and their versions.", true));
        r.Add(Sig("db.info", [], [("id", "STRING"), ("name", "STRING"), ("creationDate", "STRING")]),
            (a, c) => [[DatabaseCatalog.DatabaseId(c, DatabaseCatalog.Of(c)), DatabaseCatalog.Of(c), DatabaseCatalog.CreationDate(c)]],
            new("Provides information regarding the database.", true));
        r.Add(Sig("dbms.info", [], [("id", "STRING"), ("name", "STRING"), ("creationDate", "STRING")], ProcedureMode.Dbms),
            (a, c) => [[DatabaseCatalog.DatabaseId(c, "system"), DatabaseCatalog.DbmsName, DatabaseCatalog.CreationDate(c)]],
            new("Provides information regarding the DBMS.", true));
        r.Add(Sig("dbms.showCurrentUser", [], [("username", "STRING"), ("roles", "LIST<STRING>"), ("flags", "LIST<STRING>")], ProcedureMode.Dbms),
            (a, c) => [[DatabaseCatalog.Username(c), DatabaseCatalog.Roles(c), new List<object?>()]],
            new("Show the current user.", true));
        r.Add(Sig("dbms.clientConfig", [], [("name", "STRING"), ("description", "STRING"), ("value", "STRING"), ("dynamic", "BOOLEAN")], ProcedureMode.Dbms),
            (a, c) => DatabaseCatalog.ClientConfig(),
            new("Return config settings interesting to clients (e.g. Neo4j Browser)", true));
        r.Add(Sig("db.schema.visualization", [], [("nodes", "LIST<NODE>"), ("relationships", "LIST<RELATIONSHIP>")]),
            (a, c) => SchemaProcedures.Visualization(c),
            new("Visualizes the schema of the data based on available statistics. A new node is returned for each label. The properties represented on the node include: `name` (label name), `indexes` (list of indexes), and `constraints` (list of constraints). A relationship of a given type is returned for all possible combinations of start and end nodes.", false));
        r.Add(Sig("db.schema.nodeTypeProperties", [],
                [("nodeType", "STRING"), ("nodeLabels", "LIST<STRING>"), ("propertyName", "STRING"), ("propertyTypes", "LIST<STRING>"), ("mandatory", "BOOLEAN")]),
            (a, c) => SchemaProcedures.NodeTypeProperties(c),
            new("Show the derived property schema of the nodes in tabular form.", false));
        r.Add(Sig("db.schema.relTypeProperties", [],
                [("relType", "STRING"), ("propertyName", "STRING"), ("propertyTypes", "LIST<STRING>"), ("mandatory", "BOOLEAN")]),
            (a, c) => SchemaProcedures.RelTypeProperties(c),
            new("Show the derived property schema of the relationships in tabular form.", false));
        Apoc.Register(r);
        FulltextProcedures.Register(r);
    }

    public static ProcedureSignature Sig(string name, (string Name, string Type)[] inputs, (string Name, string Type)[] outputs,
        ProcedureMode mode = ProcedureMode.Read) =>
        new(name, inputs.Select(i => new ProcedureParameter(i.Name, i.Type)).ToList(), outputs.Select(o => new ProcedureParameter(o.Name, o.Type)).ToList())
        {
            Mode = mode,
        };
}
