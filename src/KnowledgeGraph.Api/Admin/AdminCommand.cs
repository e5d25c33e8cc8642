using System.Globalization;
using KnowledgeGraph.Api.Configuration;
using KnowledgeGraph.Configuration;
using KnowledgeGraph.Errors;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Api.Admin;

/// <summary>
/// Offline administration of the embedded store, run as the service's command line
/// (<c>KnowledgeGraph.Api admin &lt;verb&gt; [options] [--Key=Value settings]</c>), in the spirit of
/// <c>neo4j-admin database</c>: <c>check</c>, <c>dump --to FILE</c>, <c>load --from FILE [--overwrite]</c>,
/// <c>backup</c>, <c>recover --accept-data-loss</c>. Settings come from the same sources as the service
/// (appsettings.json, environment, <c>--Graph:DataDirectory=…</c>), so the verbs act on the service's store. Each
/// takes the store's lock: while the service (or another verb) holds it, the verb stops with one line and exit
/// code 1. Exit codes: 0 done (check: consistent), 1 failed (check: problems found), 2 usage error.
/// </summary>
public static partial class AdminCommand
{
    private const string Usage = """
        usage: KnowledgeGraph.Api admin <verb> [options] [--Key=Value settings]
          check                          verify the store: open it (checksums, missing log) and cross-check its content
          dump --to FILE                 write a consistent dump of the store to FILE
          load --from FILE [--overwrite] replace the store with a dump (refuses a store holding data without --overwrite)
          backup                         write a dump into Graph:BackupDirectory
          recover --accept-data-loss     open a store whose log lost acknowledged transactions, keeping what is left
          import --nodes[=Label[:Label]]=FILE[,FILE...] ... --relationships[=TYPE]=FILE[,FILE...] ...
                 [--skip-bad-relationships] [--skip-duplicate-nodes] [--bad-tolerance=N] [--delimiter=C]
                 [--array-delimiter=C] [--report-file=FILE]
                                         fill an empty store from CSV files with Neo4j's import headers
        """;

    /// <summary>Runs a verb; <paramref name="args"/> are the words after <c>admin</c>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var import = new ImportArguments();
        var arguments = VerbArguments.Parse(args, ["--to", "--from"], ["--overwrite", "--accept-data-loss"], out var usageError, import.TryTake);
        if (usageError is not null) return UsageError(usageError);
        if (arguments.Help)
        {
            Console.Out.WriteLine(Usage);
            return 0;
        }
        var (verb, to, from) = (arguments.Positional, arguments.Value("--to"), arguments.Value("--from"));
        var (overwrite, acceptDataLoss) = (arguments.Flag("--overwrite"), arguments.Flag("--accept-data-loss"));
        var settings = arguments.Settings;
        if (verb is null) return UsageError("no verb given");
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [.. settings] });
            // The same contract as the service: the keys its registrations know (nothing is built or started).
            ConfigurationContract.Validate(builder.Configuration, builder.Environment,
                new ServiceCollection().AddKnowledgeGraphServices(builder.Configuration));
            if (!string.Equals(builder.Configuration["Graph:Provider"] ?? GraphProviders.Embedded, GraphProviders.Embedded, StringComparison.OrdinalIgnoreCase))
            {
                return Fail("admin verbs apply to the embedded engine (Graph:Provider=embedded); use neo4j-admin for Neo4j.");
            }

            var root = builder.Environment.ContentRootPath;
            var data = Path.GetFullPath(builder.Configuration["Graph:DataDirectory"] is { Length: > 0 } d ? d : "./data", root);
            var options = StorageAdminOptions.From(builder.Configuration);
            if (verb is "check" or "dump" or "backup" or "recover" && !File.Exists(Path.Combine(data, "database.id")))
            {
                // Opening would create an empty store: say that there is none instead.
                return Fail($"there is no store in '{data}' (set Graph:DataDirectory, e.g. --Graph:DataDirectory=/var/lib/knowledgegraph).");
            }

            return verb switch
            {
                "check" => await CheckAsync(data),
                "dump" when to is not null => await DumpAsync(data, Path.GetFullPath(to)),
                "dump" => UsageError("dump needs --to FILE"),
                "load" when from is not null => Load(data, Path.GetFullPath(from), overwrite),
                "load" => UsageError("load needs --from FILE"),
                "backup" => await DumpAsync(data, BackupPath(Path.GetFullPath(options.BackupDirectory, root))),
                "recover" when acceptDataLoss => await RecoverAsync(data),
                "recover" => UsageError("recover needs --accept-data-loss: it opens the store with the lost transactions gone"),
                "import" when import.Options.Nodes.Count > 0 => await ImportAsync(data, import.Options),
                "import" => UsageError("import needs at least one --nodes=FILE"),
                _ => UsageError($"unknown verb '{verb}'"),
            };
        }
        catch (Exception e) when (e is GraphException or IOException or UnauthorizedAccessException or InvalidOperationException or InvalidConfigurationException or InvalidDataException)
        {
            return Fail(e.Message);
        }
    }

    private static async Task<int> CheckAsync(string data)
    {
        Console.Out.WriteLine($"Checking the store in {data}");
        GraphStore store;
        try
        {
            store = GraphStore.Open(data);
        }
        catch (GraphException e) when (e.Code == ErrorCodes.StorageError)
        {
            // Damage found while opening (checksums, missing log): that is the check's finding, not a usage error.
            Console.Out.WriteLine("inconsistent: the store does not open: " + e.Message);
            return 1;
        }

        await using (store)
        {
            var recovery = store.Recovery!;
            Console.Out.WriteLine($"files: checkpoint at transaction {recovery.CheckpointTxId}, {recovery.ReplayedTransactions} log records replayed, checksums valid");
            if (recovery.TornTailBytes > 0) Console.Out.WriteLine($"files: cut off an incomplete last record ({recovery.TornTailBytes} bytes, never acknowledged)");
            foreach (var warning in recovery.Warnings) Console.Out.WriteLine("warning: " + warning);
            var report = store.CheckConsistency();
            Console.Out.WriteLine($"transaction: {report.TransactionId}");
            Console.Out.WriteLine($"nodes: {report.Nodes}; relationships: {report.Relationships}; dangling relationships: {report.DanglingRelationships}");
            Console.Out.WriteLine("labels: " + string.Join(", ", report.Labels.Select(p => $"{p.Key} {p.Value}")));
            Console.Out.WriteLine("types: " + string.Join(", ", report.Types.Select(p => $"{p.Key} {p.Value}")));
            Console.Out.WriteLine($"indexes: {report.Indexes} checked; constraints: {report.Constraints} checked");
            foreach (var problem in report.Problems) Console.Out.WriteLine("problem: " + problem);
            Console.Out.WriteLine(report.IsConsistent ? "consistent" : $"inconsistent: {report.Problems.Count} problem(s)");
            return report.IsConsistent ? 0 : 1;
        }
    }

    private static async Task<int> DumpAsync(string data, string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await using var store = GraphStore.Open(data);
        var info = await store.WriteDumpAsync(file);
        Console.Out.WriteLine($"dumped {info.Nodes} nodes, {info.Relationships} relationships (transaction {info.TransactionId}, database {info.DatabaseId}) to {info.Path} ({info.Bytes} bytes)");
        return 0;
    }

    private static int Load(string data, string file, bool overwrite)
    {
        var info = GraphStore.LoadDump(data, file, overwrite);
        Console.Out.WriteLine($"loaded {info.Nodes} nodes, {info.Relationships} relationships (transaction {info.TransactionId}, database {info.DatabaseId}) from {info.Path} into {data}");
        return 0;
    }

    private static async Task<int> RecoverAsync(string data)
    {
        await using var store = GraphStore.Open(data, new GraphStoreOptions { AcceptDataLoss = true });
        foreach (var warning in store.Recovery!.Warnings) Console.Out.WriteLine("warning: " + warning);
        Console.Out.WriteLine($"the store in {data} opens at transaction {store.LastCommittedTransactionId}");
        return 0;
    }

    private static string BackupPath(string directory) =>
        Path.Combine(directory, $"kg-backup-{DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture)}.dump");

    private static int UsageError(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        Console.Error.WriteLine(Usage);
        return 2;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine("error: " + message.ReplaceLineEndings(" "));
        return 1;
    }
}
