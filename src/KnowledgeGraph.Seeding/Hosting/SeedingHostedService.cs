using System.Net.Sockets;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KnowledgeGraph.Seeding.Hosting;

/// <summary>
/// Seeds the graph during host start-up when <c>Seed:OnStartup</c> is true, so the service answers only once its
/// seed data is in place. Rejected seed files are logged (file, JSON path, problem) and the service keeps running.
/// A database that cannot be reached yet (a Neo4j still starting) is retried for <see cref="RetryWindow"/>; after
/// that, or on a client error, seeding is marked failed and logged, and the service keeps running.
/// </summary>
public sealed partial class SeedingHostedService : IHostedService
{
    private readonly IGraphDriver _driver;
    private readonly SeedingOptions _options;
    private readonly SeedingStatus _status;
    private readonly IHostEnvironment? _environment;
    private readonly ILogger<SeedingHostedService> _logger;

    /// <summary>How long an unreachable database is retried before seeding is given up.</summary>
    public static TimeSpan RetryWindow { get; } = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    /// <summary>Created by dependency injection.</summary>
    public SeedingHostedService(
        IGraphDriver driver,
        SeedingOptions options,
        SeedingStatus status,
        ILogger<SeedingHostedService> logger,
        IHostEnvironment? environment = null)
    {
        _driver = driver;
        _options = options;
        _status = status;
        _logger = logger;
        _environment = environment;
    }

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_options.OnStartup)
        {
            _status.Set(SeedingState.Disabled);
            LogDisabled();
            return;
        }
        var directory = ResolveDirectory();
        if (directory is null)
        {
            _status.Set(SeedingState.Failed, error: "no seeds/ directory found");
            LogNoDirectory();
            return;
        }
        _status.Set(SeedingState.Running);
        var report = await LoadWithRetryAsync(directory, cancellationToken).ConfigureAwait(false);
        if (report is null) return;
        foreach (var file in report.Files.Where(f => f.Loaded))
            LogFileLoaded(file.File, file.Nodes, file.Relationships, file.NodesCreated, file.RelationshipsCreated);
        foreach (var error in report.Errors)
            LogSeedError(error.File, error.JsonPath, error.Message);
        _status.Set(report.Succeeded ? SeedingState.Completed : SeedingState.Failed, report);
    }

    private async Task<SeedReport?> LoadWithRetryAsync(string directory, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + RetryWindow;
        while (true)
        {
            try
            {
                return await new SeedLoader().LoadAsync(_driver, directory, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsUnreachable(e) && DateTime.UtcNow < deadline && !cancellationToken.IsCancellationRequested)
            {
                LogRetrying(e.Message);
                await Task.Delay(RetryDelay, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is GraphException || IsUnreachable(e))
            {
                _status.Set(SeedingState.Failed, error: e.Message);
                LogFailed(e.Message);
                return null;
            }
        }
    }

    private static bool IsUnreachable(Exception e) =>
        e is GraphException { Classification: not "ClientError" } or IOException or SocketException or TimeoutException;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private string? ResolveDirectory()
    {
        if (_options.Directory is { } configured)
        {
            var full = Path.GetFullPath(configured, _environment?.ContentRootPath ?? Environment.CurrentDirectory);
            // A configured directory that does not exist is a configuration error: fail the start, clearly.
            if (!Directory.Exists(full))
                throw new InvalidOperationException($"Seed:Directory: expected an existing directory, got '{configured}' ({full}).");
            return full;
        }
        return SeedDirectoryLocator.Find(_environment?.ContentRootPath, Environment.CurrentDirectory, AppContext.BaseDirectory);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeding disabled (Seed:OnStartup=false).")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seeding skipped: no seeds/ directory found; set Seed:Directory.")]
    private partial void LogNoDirectory();

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Seeded {File}: {Nodes} nodes, {Relationships} relationships ({NodesCreated} nodes and {RelationshipsCreated} relationships new).")]
    private partial void LogFileLoaded(string file, int nodes, int relationships, int nodesCreated, int relationshipsCreated);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seeding: graph not reachable yet, retrying: {Message}")]
    private partial void LogRetrying(string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Seeding failed, the graph was not seeded: {Message}")]
    private partial void LogFailed(string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Seed file rejected, nothing loaded from it: {File}: {JsonPath}: {Problem}")]
    private partial void LogSeedError(string file, string jsonPath, string problem);
}
