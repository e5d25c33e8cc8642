using System.Security.Cryptography;
using System.Text;
using KnowledgeGraph.Bolt.Protocol;
using KnowledgeGraph.Bolt.Protocol.Messages;
using KnowledgeGraph.Errors;
using Microsoft.Extensions.Logging;

namespace KnowledgeGraph.Bolt.Server;

internal sealed partial class BoltServerConnection
{
    private const string ServerAgent = "Neo4j/5.26.0";
    private const string AuthFailureMessage = "The client is unauthorized due to authentication failure.";
    private const string AuthenticationRateLimit = "Neo.ClientError.Security.AuthenticationRateLimit";

    /// <summary>
    /// The state machine. A request a state does not list is a protocol violation (FAILURE, then close);
    /// in FAILED / INTERRUPTED everything except RESET and GOODBYE is IGNORED.
    /// </summary>
    private async Task HandleAsync(IBoltMessage message)
    {
        if (message is GoodbyeMessage)
        {
            _state = BoltConnectionState.Defunct;
            return;
        }
        if (message is ResetMessage && _state is not (BoltConnectionState.Connected or BoltConnectionState.Authentication))
        {
            _state = BoltConnectionState.Interrupted;
            await CloseWorkAsync().ConfigureAwait(false);
            RenewInterrupt();
            _state = BoltConnectionState.Ready;
            SendSuccess(MessageFields.Empty);
            return;
        }
        if (_state is BoltConnectionState.Failed or BoltConnectionState.Interrupted)
        {
            SendIgnored();
            return;
        }
        switch (_state, message)
        {
            case (BoltConnectionState.Connected, HelloMessage hello):
                await HandleHelloAsync(hello).ConfigureAwait(false);
                break;
            case (BoltConnectionState.Authentication, LogonMessage logon):
                await HandleLogonAsync(logon.Auth).ConfigureAwait(false);
                break;
            case (BoltConnectionState.Ready, LogoffMessage) when _minor >= 1:
                _readOnlyUser = false;
                _user = null;
                _state = BoltConnectionState.Authentication;
                SendSuccess(MessageFields.Empty);
                break;
            case (BoltConnectionState.Ready, TelemetryMessage):
                SendSuccess(MessageFields.Empty);
                break;
            case (BoltConnectionState.Ready, RouteMessage route):
                HandleRoute(route);
                break;
            case (BoltConnectionState.Ready, RunMessage run):
                await GuardAsync(() => RunAutoCommitAsync(run)).ConfigureAwait(false);
                break;
            case (BoltConnectionState.Ready, BeginMessage begin):
                await GuardAsync(() => BeginAsync(begin)).ConfigureAwait(false);
                break;
            case (BoltConnectionState.Streaming, PullMessage pull):
                await GuardAsync(() => StreamAsync(pull.N, pull.Qid, discard: false)).ConfigureAwait(false);
                break;
            case (BoltConnectionState.Streaming, DiscardMessage discard):
                await GuardAsync(() => StreamAsync(discard.N, discard.Qid, discard: true)).ConfigureAwait(false);
                break;
            case (BoltConnectionState.TxReady or BoltConnectionState.TxStreaming, RunMessage run):
                await GuardAsync(() => RunInTransactionAsync(run)).ConfigureAwait(false);
                break;
            case (BoltConnectionState.TxStreaming, PullMessage pull):
                await GuardAsync(() => StreamAsync(pull.N, pull.Qid, discard: false)).ConfigureAwait(false);
                break;
            case (BoltConnectionState.TxStreaming, DiscardMessage discard):
                await GuardAsync(() => StreamAsync(discard.N, discard.Qid, discard: true)).ConfigureAwait(false);
                break;
            // COMMIT/ROLLBACK with results still open is accepted: the open results are discarded first.
            case (BoltConnectionState.TxReady or BoltConnectionState.TxStreaming, CommitMessage):
                await GuardAsync(CommitAsync).ConfigureAwait(false);
                break;
            case (BoltConnectionState.TxReady or BoltConnectionState.TxStreaming, RollbackMessage):
                await GuardAsync(RollbackAsync).ConfigureAwait(false);
                break;
            default:
                throw new BoltProtocolException(
                    $"Message {message.GetType().Name.Replace("Message", "", StringComparison.Ordinal).ToUpperInvariant()} is not allowed in state {_state.ToString().ToUpperInvariant()}.");
        }
    }

    /// <summary>Runs request work; an engine error becomes FAILURE and the FAILED state, never a disconnect.</summary>
    private async Task GuardAsync(Func<Task> work)
    {
        try
        {
            await work().ConfigureAwait(false);
        }
        catch (Exception e) when (Interrupted && e is GraphException or OperationCanceledException)
        {
            // A RESET or GOODBYE arrived behind this request: the statement was cancelled; the RESET answers next.
            await FailAsync(ErrorCodes.TransactionTerminated,
                "The transaction has been terminated: the client sent RESET or GOODBYE while the statement was running.").ConfigureAwait(false);
        }
        catch (Exception e) when (TimedOut && e is GraphException or OperationCanceledException)
        {
            // Our tx_timeout token fired: whatever the engine reports for the cancellation, the client sees a timeout.
            // The client set it, so Neo4j 5's code for a client-configured timeout, as the engine itself reports.
            await FailAsync(ErrorCodes.TransactionTimedOutClientConfiguration,
                "The transaction has been terminated. Retry your operation in a new transaction, and you should see a successful result. "
                + "The transaction has not completed within the timeout specified at its start by the client (tx_timeout).").ConfigureAwait(false);
        }
        catch (GraphException e)
        {
            await FailAsync(e.Code, e.Message).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not (OperationCanceledException or IOException or System.Net.Sockets.SocketException or ObjectDisposedException or BoltProtocolException))
        {
            Logger.LogError(e, "Bolt connection {Id}: unexpected error while serving a request.", Id);
            var code = e is Protocol.PackStream.PackStreamException ? ErrorCodes.TypeError : ErrorCodes.UnknownError;
            await FailAsync(code, e.Message).ConfigureAwait(false);
        }
    }

    private bool TimedOut => _txTimeout?.IsCancellationRequested == true && !_interrupt.IsCancellationRequested;

    private bool Interrupted => _interrupt.IsCancellationRequested && !_abort.IsCancellationRequested;

    /// <summary>After a RESET: the next request gets a fresh interrupt token (the old one stays cancelled).</summary>
    private void RenewInterrupt()
    {
        if (!_interrupt.IsCancellationRequested) return;
        var old = _interrupt;
        lock (_workGate) _interrupt = CancellationTokenSource.CreateLinkedTokenSource(_abort.Token);
        old.Dispose();
    }

    private async Task FailAsync(string code, string message)
    {
        // The failed statement's transaction is gone (Neo4j terminates it); RESET returns to READY.
        await CloseWorkAsync().ConfigureAwait(false);
        Send(new FailureMessage(FailureMetadata(code, message)));
        _state = BoltConnectionState.Failed;
    }

    private Dictionary<string, object?> FailureMetadata(string code, string message)
    {
        if (_minor < 7) return new() { ["code"] = code, ["message"] = message };
        var gql = ErrorCodes.GqlStatusOf(code);
        var classification = code.Split('.') is { Length: > 1 } parts ? parts[1] : "DatabaseError";
        return new()
        {
            ["neo4j_code"] = code,
            ["message"] = message,
            ["gql_status"] = gql,
            ["description"] = $"error: {message}",
            ["diagnostic_record"] = new Dictionary<string, object?>
            {
                ["OPERATION"] = "",
                ["OPERATION_CODE"] = "0",
                ["CURRENT_SCHEMA"] = "/",
                ["_classification"] = classification switch
                {
                    "ClientError" => "CLIENT_ERROR",
                    "TransientError" => "TRANSIENT_ERROR",
                    _ => "DATABASE_ERROR",
                },
            },
        };
    }

    private async Task HandleHelloAsync(HelloMessage hello)
    {
        if (hello.Extra.GetMap("routing") is { } routing && routing.GetString("address") is { Length: > 0 } address)
            _routingAddress = address;
        if (_minor == 0 && !await LogInAsync(hello.Extra).ConfigureAwait(false)) return;
        var hints = new Dictionary<string, object?>();
        if (_minor >= 4) hints["telemetry.enabled"] = false;
        SendSuccess(new Dictionary<string, object?>
        {
            ["server"] = ServerAgent,
            ["connection_id"] = $"bolt-{Id}",
            ["hints"] = hints,
        });
        _state = _minor == 0 ? BoltConnectionState.Ready : BoltConnectionState.Authentication;
    }

    private async Task HandleLogonAsync(IReadOnlyDictionary<string, object?> auth)
    {
        if (!await LogInAsync(auth).ConfigureAwait(false)) return;
        SendSuccess(MessageFields.Empty);
        _state = BoltConnectionState.Ready;
    }

    /// <summary>
    /// Checks credentials behind the login throttle, then takes an authenticated slot. On any refusal sends the
    /// FAILURE and marks the connection defunct (like Neo4j, a failed login ends the connection).
    /// </summary>
    private async Task<bool> LogInAsync(IReadOnlyDictionary<string, object?> auth)
    {
        var user = auth.GetString("principal") ?? "";
        var address = Address.ToString();
        var throttle = _server.Throttle;
        // The wait must end before the login deadline; an attempt that cannot is refused without being checked.
        var budget = Promoted ? Options.HandshakeTimeout : Options.HandshakeTimeout - _connectedFor.Elapsed;
        if (throttle.Reserve(user, address, budget) is not { } wait)
        {
            Refuse(AuthenticationRateLimit, "The client has provided incorrect authentication details too many times in a row.");
            return false;
        }
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait, Promoted ? _abort.Token : _loginDeadline.Token).ConfigureAwait(false);
        if (!Authenticate(auth))
        {
            throttle.Failed(user, address);
            Refuse(ErrorCodes.Unauthorized, AuthFailureMessage);
            return false;
        }
        throttle.Succeeded(user, address);
        if (!_server.Promote(this))
        {
            Refuse(ErrorCodes.ServiceUnavailable,
                $"The server has reached its limit of {Options.MaxConnections} logged-in connections (Bolt:MaxConnections); retry later.");
            return false;
        }
        return true;

        void Refuse(string code, string message)
        {
            Send(new FailureMessage(FailureMetadata(code, message)));
            _state = BoltConnectionState.Defunct;
        }
    }

    /// <summary>Basic scheme only; passwords are compared in constant time.</summary>
    private bool Authenticate(IReadOnlyDictionary<string, object?> auth)
    {
        if (auth.GetString("scheme") != "basic") return false;
        var user = auth.GetString("principal");
        var password = auth.GetString("credentials");
        if (user is null || password is null) return false;
        if (user == Options.Username && SecretEquals(password, Options.Password))
        {
            _readOnlyUser = false;
            _user = user;
            return true;
        }
        if (Options.ReadOnlyUsername is not null && user == Options.ReadOnlyUsername && SecretEquals(password, Options.ReadOnlyPassword))
        {
            _readOnlyUser = true;
            _user = user;
            return true;
        }
        return false;
    }

    private static bool SecretEquals(string given, string? expected) =>
        expected is not null && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    private void HandleRoute(RouteMessage route)
    {
        if (!IsKnownDatabase(route.Extra.GetString("db")))
        {
            Send(new FailureMessage(FailureMetadata(ErrorCodes.DatabaseNotFound, DatabaseNotFoundMessage(route.Extra.GetString("db")!))));
            _state = BoltConnectionState.Failed;
            return;
        }
        if (route.Routing.GetString("address") is { Length: > 0 } address) _routingAddress = address;
        var addresses = new List<object?> { RouteAddress() };
        SendSuccess(new Dictionary<string, object?>
        {
            ["rt"] = new Dictionary<string, object?>
            {
                ["ttl"] = Options.RoutingTtlSeconds,
                ["db"] = CanonicalDatabase(route.Extra.GetString("db")),
                ["servers"] = new List<object?>
                {
                    new Dictionary<string, object?> { ["addresses"] = addresses, ["role"] = "WRITE" },
                    new Dictionary<string, object?> { ["addresses"] = addresses, ["role"] = "READ" },
                    new Dictionary<string, object?> { ["addresses"] = addresses, ["role"] = "ROUTE" },
                },
            },
        });
    }
}
