using KnowledgeGraph.Bolt.Protocol.Messages;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Bolt.Client;

/// <summary>
/// A streamed result: records arrive in batches of the fetch size (PULL n, repeated while has_more).
/// Invariants: exactly one PULL/DISCARD is in flight at a time; <c>onComplete</c> runs exactly once, when the
/// stream ends in SUCCESS, FAILURE or a transport error, and hands the connection back to its owner.
/// Records already received stay readable after completion (the session buffers a result before reusing
/// its connection).
/// </summary>
internal sealed class BoltQueryResult : IQueryResult
{
    private readonly BoltClientConnection _connection;
    private readonly string _query;
    private readonly IReadOnlyDictionary<string, object?> _runMetadata;
    private readonly long _fetchSize;
    private readonly long _qid;
    private readonly Func<IReadOnlyDictionary<string, object?>?, Exception?, ValueTask> _onComplete;
    private readonly Queue<Record> _buffer = new();
    private bool _inFlight = true; // RUN is always sent together with its first PULL
    private bool _enumerated;
    private Exception? _failure;
    private ResultSummary? _summary;

    public BoltQueryResult(
        BoltClientConnection connection, string query, IReadOnlyDictionary<string, object?> runMetadata,
        long fetchSize, long qid, Func<IReadOnlyDictionary<string, object?>?, Exception?, ValueTask> onComplete)
    {
        _connection = connection;
        _query = query;
        _runMetadata = runMetadata;
        _fetchSize = fetchSize;
        _qid = qid;
        _onComplete = onComplete;
        Keys = runMetadata.GetStrings("fields");
    }

    public IReadOnlyList<string> Keys { get; }

    public bool IsDone { get; private set; }

    public Exception? Failure => _failure;

    public async IAsyncEnumerator<Record> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (_enumerated) throw new InvalidOperationException("A result can be enumerated only once.");
        _enumerated = true;
        while (true)
        {
            while (_buffer.TryDequeue(out var record))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return record;
            }
            if (IsDone)
            {
                if (_failure is not null) throw _failure;
                yield break;
            }
            await FetchAsync(keep: true, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<ResultSummary> ConsumeAsync(CancellationToken cancellationToken = default)
    {
        _buffer.Clear();
        while (!IsDone)
        {
            if (!_inFlight)
            {
                _connection.Enqueue(new DiscardMessage(-1, _qid));
                await SendAsync(cancellationToken).ConfigureAwait(false);
            }
            await FetchAsync(keep: false, cancellationToken).ConfigureAwait(false);
        }
        _buffer.Clear();
        if (_failure is not null) throw _failure;
        return _summary!;
    }

    /// <summary>Reads the rest of the stream into memory so the connection can serve the next request.</summary>
    public async Task BufferAsync(CancellationToken cancellationToken)
    {
        while (!IsDone) await FetchAsync(keep: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task SendAsync(CancellationToken cancellationToken)
    {
        _inFlight = true;
        try
        {
            await _connection.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await CompleteAsync(null, e).ConfigureAwait(false);
            throw;
        }
    }

    private async Task FetchAsync(bool keep, CancellationToken cancellationToken)
    {
        if (!_inFlight)
        {
            _connection.Enqueue(new PullMessage(_fetchSize, _qid));
            await SendAsync(cancellationToken).ConfigureAwait(false);
        }
        IBoltMessage message;
        try
        {
            message = await _connection.ReceiveAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await CompleteAsync(null, e).ConfigureAwait(false);
            throw;
        }
        switch (message)
        {
            case RecordMessage record:
                if (keep)
                {
                    if (record.Fields.Count != Keys.Count)
                        throw new GraphException(ErrorCodes.ProtocolError, $"RECORD has {record.Fields.Count} values for {Keys.Count} fields.");
                    _buffer.Enqueue(new Record(Keys, record.Fields));
                }
                break;
            case SuccessMessage success when success.Metadata.TryGetValue("has_more", out var more) && more is true:
                _inFlight = false;
                break;
            case SuccessMessage success:
                _summary = SummaryReader.Read(_query, _runMetadata, success.Metadata);
                await CompleteAsync(success.Metadata, null).ConfigureAwait(false);
                break;
            case FailureMessage failure:
                await CompleteAsync(null, BoltClientConnection.ToException(failure)).ConfigureAwait(false);
                break;
            default:
                await CompleteAsync(null, new GraphException(ErrorCodes.ProtocolError, "The server ignored the PULL request.")).ConfigureAwait(false);
                break;
        }
    }

    private async ValueTask CompleteAsync(IReadOnlyDictionary<string, object?>? metadata, Exception? failure)
    {
        if (IsDone) return;
        IsDone = true;
        _inFlight = false;
        _failure = failure;
        await _onComplete(metadata, failure).ConfigureAwait(false);
    }
}
