using System.Diagnostics;
using KnowledgeGraph.Bolt.Protocol.Messages;
using KnowledgeGraph.Bolt.Protocol.PackStream;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Bolt.Server;

internal sealed partial class BoltServerConnection
{
    private const string DefaultDatabase = "neo4j";

    /// <summary>An open result: the engine's result and the enumerator PULL advances.</summary>
    private sealed class OpenResult(IQueryResult result, IAsyncEnumerator<Record> records, long qid, long startTicks)
    {
        public IQueryResult Result { get; } = result;
        public IAsyncEnumerator<Record> Records { get; } = records;
        public long Qid { get; } = qid;
        public long StartTicks { get; } = startTicks;

        /// <summary>Records sent to the client so far (discarded ones not counted), for the GQL success status.</summary>
        public long Streamed { get; set; }
    }

    // Invariants: _session is set exactly while an auto-commit result or an explicit transaction is open;
    // _autoResult only in STREAMING; _tx only in TX_READY / TX_STREAMING; _txResults non-empty only in TX_STREAMING.
    private IGraphSession? _session;
    private IGraphTransaction? _tx;
    private OpenResult? _autoResult;
    private readonly List<OpenResult> _txResults = [];
    private long _nextQid;
    private CancellationTokenSource? _txTimeout;
    // Invariant: _txTimeout (set only when the client gave a tx_timeout) is linked to _interrupt, which is linked to
    // _abort: a disconnect, a RESET/GOODBYE behind the running request, and tx_timeout all cancel the engine work
    // through this one token.
    private CancellationToken WorkToken => _txTimeout?.Token ?? _interrupt.Token;

    private const string SystemDatabase = "system";

    private static bool IsKnownDatabase(string? db) => CanonicalDatabase(db) is not null;

    /// <summary>The server has Neo4j's two databases, <c>neo4j</c> (default) and <c>system</c> (administration);
    /// names are case-insensitive. Null for any other name.</summary>
    private static string? CanonicalDatabase(string? db) =>
        db is null || db.Length == 0 || string.Equals(db, DefaultDatabase, StringComparison.OrdinalIgnoreCase) ? DefaultDatabase
        : string.Equals(db, SystemDatabase, StringComparison.OrdinalIgnoreCase) ? SystemDatabase
        : null;

    private static string DatabaseNotFoundMessage(string db) => $"Database does not exist. Database name: '{db}'.";

    /// <summary>Opens the session for an auto-commit RUN or a BEGIN from the extra map's db/mode/bookmarks/timeout.</summary>
    private (IGraphSession Session, TransactionConfig Config) OpenWork(IReadOnlyDictionary<string, object?> extra)
    {
        var db = extra.GetString("db");
        if (!IsKnownDatabase(db)) throw new GraphException(ErrorCodes.DatabaseNotFound, DatabaseNotFoundMessage(db!));
        if (extra.GetString("imp_user") is { Length: > 0 })
            throw new GraphException(ErrorCodes.Forbidden, "Impersonation is not supported by this server.");
        TimeSpan? timeout = null;
        if (extra.TryGetValue("tx_timeout", out var rawTimeout) && rawTimeout is not null)
        {
            if (rawTimeout is not long ms || ms < 0)
                throw new GraphException(ErrorCodes.InvalidFormat, "tx_timeout must be a non-negative integer of milliseconds.");
            if (ms > 0) timeout = TimeSpan.FromMilliseconds(ms);
        }
        var metadata = extra.GetMap("tx_metadata");
        // Only a client tx_timeout needs a source of its own (and a timer); otherwise the work runs on _interrupt's token.
        if (timeout is { } t)
        {
            _txTimeout = CancellationTokenSource.CreateLinkedTokenSource(_interrupt.Token);
            _txTimeout.CancelAfter(t);
        }
        var session = _server.Driver.OpenSession(new SessionOptions
        {
            Database = CanonicalDatabase(db),
            AccessMode = extra.GetString("mode") == "r" ? AccessMode.Read : AccessMode.Write,
            Bookmarks = extra.GetStrings("bookmarks"),
            WritesForbidden = _readOnlyUser,
            Connection = ClientConnection(),
        });
        _session = session;
        return (session, new TransactionConfig { Timeout = timeout, Metadata = metadata });
    }

    /// <summary>Who runs the connection's transactions (SHOW TRANSACTIONS): built once per logged-in user, not per
    /// transaction; a login as someone else builds a new one.</summary>
    private ClientConnection ClientConnection() =>
        _clientConnection is { } known && known.Username == _user
            ? known
            : _clientConnection = new ClientConnection($"bolt-{Id}", $"{Address}:{RemotePort}", _user, ServerUsers: _server.Users);

    private ClientConnection? _clientConnection;

    private static void CheckParameters(IReadOnlyDictionary<string, object?> parameters)
    {
        foreach (var value in parameters.Values) CheckParameter(value);

        static void CheckParameter(object? value)
        {
            switch (value)
            {
                case PackStreamStructure s:
                    throw new GraphException(ErrorCodes.TypeError, $"Parameters of structure type 0x{s.Signature:X2} are not supported.");
                case IReadOnlyList<object?> list:
                    foreach (var item in list) CheckParameter(item);
                    break;
                case IReadOnlyDictionary<string, object?> map:
                    foreach (var item in map.Values) CheckParameter(item);
                    break;
            }
        }
    }

    private async Task RunAutoCommitAsync(RunMessage run)
    {
        using var activity = Diagnostics.BoltTelemetry.Run(Id, explicitTransaction: false, _server.BoundEndpoint?.Port ?? 0);
        CheckParameters(run.Parameters);
        var (session, config) = OpenWork(run.Extra);
        var start = Stopwatch.GetTimestamp();
        var result = await session.RunAsync(run.Query, run.Parameters, config, WorkToken).ConfigureAwait(false);
        _autoResult = new OpenResult(result, result.GetAsyncEnumerator(WorkToken), -1, start);
        _state = BoltConnectionState.Streaming;
        SendSuccess(new Dictionary<string, object?>
        {
            ["fields"] = result.Keys.Cast<object?>().ToList(),
            ["t_first"] = (long)Stopwatch.GetElapsedTime(start).TotalMilliseconds,
        });
    }

    private async Task BeginAsync(BeginMessage begin)
    {
        var (session, config) = OpenWork(begin.Extra);
        _tx = await session.BeginTransactionAsync(config, WorkToken).ConfigureAwait(false);
        _nextQid = 0;
        _state = BoltConnectionState.TxReady;
        SendSuccess(MessageFields.Empty);
    }

    private async Task RunInTransactionAsync(RunMessage run)
    {
        using var activity = Diagnostics.BoltTelemetry.Run(Id, explicitTransaction: true, _server.BoundEndpoint?.Port ?? 0);
        CheckParameters(run.Parameters);
        var start = Stopwatch.GetTimestamp();
        var result = await _tx!.RunAsync(run.Query, run.Parameters, WorkToken).ConfigureAwait(false);
        var qid = _nextQid++;
        _txResults.Add(new OpenResult(result, result.GetAsyncEnumerator(WorkToken), qid, start));
        _state = BoltConnectionState.TxStreaming;
        SendSuccess(new Dictionary<string, object?>
        {
            ["fields"] = result.Keys.Cast<object?>().ToList(),
            ["t_first"] = (long)Stopwatch.GetElapsedTime(start).TotalMilliseconds,
            ["qid"] = qid,
        });
    }

    /// <summary>PULL / DISCARD: up to n records (n = -1: all); SUCCESS has_more, or the summary when exhausted.</summary>
    private async Task StreamAsync(long n, long qid, bool discard)
    {
        var open = _autoResult ?? FindTxResult(qid);
        var count = 0L;
        var exhausted = false;
        while (n == -1 || count < n)
        {
            if (!await open.Records.MoveNextAsync().ConfigureAwait(false))
            {
                exhausted = true;
                break;
            }
            count++;
            if (discard) continue;
            open.Streamed++;
            WriteRecord(open.Records.Current);
            if (_writer!.PendingBytes > FlushThreshold) await FlushRepliesAsync().ConfigureAwait(false);
        }
        if (!exhausted && discard && n == -1) exhausted = true;
        if (!exhausted)
        {
            SendSuccess(new Dictionary<string, object?> { ["has_more"] = true });
            return;
        }
        var summary = await open.Result.ConsumeAsync(WorkToken).ConfigureAwait(false);
        await open.Records.DisposeAsync().ConfigureAwait(false);
        var metadata = SummaryMetadata(summary, open.StartTicks, _minor, open.Result.Keys.Count > 0, open.Streamed > 0);
        if (_autoResult is not null)
        {
            _autoResult = null;
            if (_session!.LastBookmark is { } bookmark) metadata["bookmark"] = bookmark;
            await DisposeSessionAsync().ConfigureAwait(false);
            _state = BoltConnectionState.Ready;
        }
        else
        {
            _txResults.Remove(open);
            if (_txResults.Count == 0) _state = BoltConnectionState.TxReady;
        }
        SendSuccess(metadata);
    }

    private OpenResult FindTxResult(long qid)
    {
        if (_txResults.Count == 0) throw new Protocol.BoltProtocolException("No open result to PULL or DISCARD.");
        if (qid == -1) return _txResults[^1];
        return _txResults.Find(r => r.Qid == qid)
            ?? throw new GraphException(ErrorCodes.ProtocolError, $"No open result with qid {qid}.");
    }

    private void WriteRecord(Record record)
    {
        // Written in place (no RecordMessage allocation): this is the hot path of large results.
        _packer.Reset();
        _packer.WriteStructHeader(1, RecordMessage.Sig);
        var values = record.Values;
        _packer.WriteListHeader(values.Count);
        for (var i = 0; i < values.Count; i++) _packer.WriteValue(values[i]);
        _writer!.WriteMessage(_packer.Written.Span);
    }

    private async Task CommitAsync()
    {
        await DiscardTxResultsAsync().ConfigureAwait(false);
        await _tx!.CommitAsync(WorkToken).ConfigureAwait(false);
        var metadata = new Dictionary<string, object?>();
        if (_session!.LastBookmark is { } bookmark) metadata["bookmark"] = bookmark;
        await _tx.DisposeAsync().ConfigureAwait(false);
        _tx = null;
        await DisposeSessionAsync().ConfigureAwait(false);
        _state = BoltConnectionState.Ready;
        SendSuccess(metadata);
    }

    private async Task RollbackAsync()
    {
        await DiscardTxResultsAsync().ConfigureAwait(false);
        await _tx!.RollbackAsync(WorkToken).ConfigureAwait(false);
        await _tx.DisposeAsync().ConfigureAwait(false);
        _tx = null;
        await DisposeSessionAsync().ConfigureAwait(false);
        _state = BoltConnectionState.Ready;
        SendSuccess(MessageFields.Empty);
    }

    private async Task DiscardTxResultsAsync()
    {
        foreach (var open in _txResults)
        {
            await open.Result.ConsumeAsync(WorkToken).ConfigureAwait(false);
            await open.Records.DisposeAsync().ConfigureAwait(false);
        }
        _txResults.Clear();
    }

    private async Task DisposeSessionAsync()
    {
        var session = _session;
        _session = null;
        if (session is not null) await session.DisposeAsync().ConfigureAwait(false);
        _txTimeout?.Dispose();
        _txTimeout = null;
    }

    /// <summary>Abandons every open result and rolls back any open transaction (RESET, failure, disconnect).
    /// Never throws: cleanup errors are logged, since the client can do nothing about them.</summary>
    private async Task CloseWorkAsync()
    {
        var results = _txResults.ToList();
        if (_autoResult is not null) results.Add(_autoResult);
        _txResults.Clear();
        _autoResult = null;
        foreach (var open in results)
        {
            try
            {
                await open.Records.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                Microsoft.Extensions.Logging.LoggerExtensions.LogDebug(Logger, e, "Bolt connection {Id}: disposing a result failed.", Id);
            }
        }
        if (_tx is { } tx)
        {
            _tx = null;
            try
            {
                await tx.DisposeAsync().ConfigureAwait(false); // disposing without commit rolls back
            }
            catch (Exception e)
            {
                Microsoft.Extensions.Logging.LoggerExtensions.LogDebug(Logger, e, "Bolt connection {Id}: rolling back failed.", Id);
            }
        }
        try
        {
            await DisposeSessionAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Microsoft.Extensions.Logging.LoggerExtensions.LogDebug(Logger, e, "Bolt connection {Id}: closing the session failed.", Id);
        }
    }
}
