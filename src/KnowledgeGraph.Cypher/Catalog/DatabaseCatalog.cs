using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Cypher.Catalog;

/// <summary>
/// The two databases a Neo4j 5 server has and tools expect: <c>neo4j</c> (the graph, default and home database)
/// and <c>system</c> (administration commands only). Both are views of one embedded store; <c>system</c> holds no
/// graph of its own.
/// </summary>
internal static class DatabaseCatalog
{
    public const string DefaultDatabase = "neo4j";
    public const string SystemDatabase = "system";

    /// <summary>What dbms.info() names this DBMS: the embedded engine, not a Neo4j server.</summary>
    public const string DbmsName = "KnowledgeGraph embedded engine";

    public static readonly string[] Names = [DefaultDatabase, SystemDatabase];

    /// <summary>The canonical name of a known database (names are case-insensitive), or null.</summary>
    public static string? Canonical(string? name) =>
        string.IsNullOrEmpty(name) ? DefaultDatabase : Names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));

    public static GraphException NotFound(string name) =>
        new(ErrorCodes.DatabaseNotFound, $"Database does not exist. Database name: '{name}'.") { Detail = "DatabaseNotFound" };

    public static string Of(ExecContext c) => c.DatabaseName;

    /// <summary>A stable id per database name (Neo4j shows a 64-hex-digit id).</summary>
    public static string DatabaseId(ExecContext c, string name)
    {
        _ = c;
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("knowledgegraph:" + name)));
    }

    public static string CreationDate(ExecContext c) =>
        c.Engine.OpenedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The user the statement runs as: the Bolt login, or <c>neo4j</c> for an embedded caller.</summary>
    public static string Username(ExecContext c) => c.Transaction?.Session.Connection?.Username is { Length: > 0 } u ? u : "neo4j";

    /// <summary>Roles as Neo4j names them: the writing user is an admin, the read-only user a reader.</summary>
    public static List<object?> Roles(ExecContext c) =>
        c.Transaction?.Session.WritesForbidden == true ? ["reader", "PUBLIC"] : ["admin", "PUBLIC"];

    public static IEnumerable<IReadOnlyList<object?>> ClientConfig() =>
    [
        ["browser.allow_outgoing_connections", "Configure the policy for outgoing Neo4j Browser connections.", "false", false],
        ["browser.credential_timeout", "Configure the Neo4j Browser to time out logged in users after this idle period.", "0s", false],
        ["browser.post_connect_cmd", "Commands to be run when Neo4j Browser successfully connects to this server.", "", false],
        ["browser.remote_content_hostname_whitelist", "Whitelist of hosts for the Neo4j Browser to be allowed to fetch content from.", "guides.neo4j.com,localhost", false],
        ["browser.retain_connection_credentials", "Configure the Neo4j Browser to store or not store user credentials.", "true", false],
        ["browser.retain_editor_history", "Configure the Neo4j Browser to store or not store user editor history.", "true", false],
        ["client.allow_telemetry", "Configure client applications such as Browser and Bloom to send Product Analytics data.", "false", false],
        ["dbms.security.auth_enabled", "Enable auth requirement to access Neo4j.", "true", false],
    ];

    /// <summary>Every column of SHOW DATABASES (YIELD *), in Neo4j 5's order.</summary>
    public static readonly string[] AllColumns =
    [
        "name", "type", "aliases", "access", "databaseID", "serverID", "address", "role", "writer", "requestedStatus",
        "currentStatus", "statusMessage", "default", "home", "currentPrimariesCount", "currentSecondariesCount",
        "requestedPrimariesCount", "requestedSecondariesCount", "creationTime", "lastStartTime", "lastStopTime", "store",
        "lastCommittedTxn", "replicationLag", "constituents", "options",
    ];

    /// <summary>SHOW DATABASES / SHOW DATABASE name without YIELD.</summary>
    public static readonly string[] DefaultColumns =
        ["name", "type", "aliases", "access", "address", "role", "writer", "requestedStatus", "currentStatus", "statusMessage", "default", "home", "constituents"];

    /// <summary>SHOW DEFAULT DATABASE / SHOW HOME DATABASE without YIELD (no default/home flags: the row is the one).</summary>
    public static readonly string[] SingleColumns =
        ["name", "type", "aliases", "access", "address", "role", "writer", "requestedStatus", "currentStatus", "statusMessage", "constituents"];

    public static List<Row> Rows(ExecContext c, string? only, string? filter)
    {
        var address = c.Transaction?.Session.Connection?.ServerAddress is { Length: > 0 } a ? a : "localhost:7687";
        var started = c.Engine.OpenedAt;
        var rows = new List<Row>();
        foreach (var name in Names)
        {
            var isDefault = name == DefaultDatabase;
            if (only is not null && !string.Equals(only, name, StringComparison.OrdinalIgnoreCase)) continue;
            if (filter is "DEFAULT" or "HOME" && !isDefault) continue;
            rows.Add(new Row(new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["name"] = name,
                ["type"] = isDefault ? "standard" : "system",
                ["aliases"] = new List<object?>(),
                ["access"] = "read-write",
                ["databaseID"] = DatabaseId(c, name),
                ["serverID"] = DatabaseId(c, "server"),
                ["address"] = address,
                ["role"] = "primary",
                ["writer"] = true,
                ["requestedStatus"] = "online",
                ["currentStatus"] = "online",
                ["statusMessage"] = "",
                ["default"] = isDefault,
                ["home"] = isDefault,
                ["currentPrimariesCount"] = 1L,
                ["currentSecondariesCount"] = 0L,
                ["requestedPrimariesCount"] = null,
                ["requestedSecondariesCount"] = null,
                ["creationTime"] = TemporalDateTime(started),
                ["lastStartTime"] = TemporalDateTime(started),
                ["lastStopTime"] = null,
                ["store"] = "record-aligned-1.1",
                ["lastCommittedTxn"] = isDefault ? c.Reader.SnapshotTransactionId : 0L,
                ["replicationLag"] = 0L,
                ["constituents"] = new List<object?>(),
                ["options"] = new Dictionary<string, object?>(StringComparer.Ordinal),
            }));
        }
        return rows;
    }

    private static KnowledgeGraph.Temporal.CypherDateTime TemporalDateTime(DateTimeOffset t) =>
        new(t.ToUnixTimeSeconds(), (int)(t.UtcTicks % TimeSpan.TicksPerSecond * 100), 0, null);

    /// <summary>Every column of SHOW USERS / SHOW CURRENT USER, as Neo4j 5 (community columns are the same).</summary>
    public static readonly string[] UserColumns = ["user", "roles", "passwordChangeRequired", "suspended", "home"];

    /// <summary>SHOW USERS: every user the serving front door accepts (the Bolt server and the Query API pass their
    /// configured users, names and read-only flags only), else the current user; SHOW CURRENT USER: the current one.
    /// The configured users cannot be changed by Cypher, so no password change is ever required.</summary>
    public static List<Row> Users(ExecContext c, bool currentOnly)
    {
        var configured = c.Transaction?.Session.Connection?.ServerUsers;
        if (currentOnly || configured is not { Count: > 0 }) return [UserRow(Username(c), Roles(c))];
        return [.. configured.OrderBy(u => u.Name, StringComparer.Ordinal).Select(u => UserRow(u.Name, u.ReadOnly ? ["reader", "PUBLIC"] : ["admin", "PUBLIC"]))];
    }

    private static Row UserRow(string user, List<object?> roles) => new(new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["user"] = user,
        ["roles"] = roles,
        ["passwordChangeRequired"] = false,
        ["suspended"] = false,
        ["home"] = null,
    });
}
