using System.Net;
using System.Net.Sockets;
using KnowledgeGraph.Bolt.Protocol.Chunking;
using KnowledgeGraph.Bolt.Protocol.Messages;
using KnowledgeGraph.Bolt.Protocol.PackStream;

namespace KnowledgeGraph.Benchmarks.FuzzBolt;

/// <summary>Counts of what the server answered over a fuzz run.</summary>
public sealed class BoltFuzzStats
{
    public int Cases { get; set; }

    public int Successes { get; set; }

    public int Failures { get; set; }

    public int Ignored { get; set; }

    public int Records { get; set; }

    /// <summary>Cases the server ended by closing the connection.</summary>
    public int ClosedByServer { get; set; }

    /// <summary>Cases whose connection could not be opened or logged in (refused, reset).</summary>
    public int ConnectFailures { get; set; }

    public Dictionary<string, int> FailureCodes { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds another worker's counts.</summary>
    public void Add(BoltFuzzStats other)
    {
        Cases += other.Cases;
        Successes += other.Successes;
        Failures += other.Failures;
        Ignored += other.Ignored;
        Records += other.Records;
        ClosedByServer += other.ClosedByServer;
        ConnectFailures += other.ConnectFailures;
        foreach (var (code, count) in other.FailureCodes) FailureCodes[code] = FailureCodes.GetValueOrDefault(code) + count;
    }

    public override string ToString() =>
        $"{Cases} cases: {Successes} SUCCESS, {Failures} FAILURE, {Ignored} IGNORED, {Records} RECORD, {ClosedByServer} closed by server, {ConnectFailures} connect failures; codes: "
        + string.Join(", ", FailureCodes.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key}={kv.Value}"));
}

/// <summary>
/// Sends malformed Bolt to a server, one connection per case, deterministic for a seed: valid requests with bytes
/// flipped, inserted or deleted; random PackStream (deep nesting, lying sizes, unknown markers and structures,
/// out-of-range temporals); messages cut off mid-chunk; raw garbage, before and after login. It only reads what
/// comes back (with a short timeout) and counts it; the caller asserts the server is still healthy afterwards.
/// Login is always done with valid credentials and a mutation never turns a request into HELLO or LOGON, so the
/// fuzz does not trip the login throttle.
/// </summary>
public sealed class BoltFuzzer(IPEndPoint endPoint, string user, string password)
{
    private static readonly byte[] Magic = [0x60, 0x60, 0xB0, 0x17];
    private static readonly IReadOnlyDictionary<string, object?> NoFields = new Dictionary<string, object?>();

    private static readonly string[] Queries =
    [
        "RETURN 1 AS one", "UNWIND range(1, 50) AS i RETURN i", "RETURN $p AS p", "CREATE (n:Fuzz {v: $p}) RETURN n",
        "MATCH (n:Fuzz) DETACH DELETE n", "RETURN [x IN range(1, 10) | x * 2] AS xs", "RETURN duration($p) AS d",
    ];

    /// <summary>
    /// Runs <paramref name="workers"/> connections in parallel, worker <c>w</c> drawing its cases from
    /// <c>new Random(seed * 1000 + w)</c>, each until it ran <paramref name="casesPerWorker"/> cases or
    /// <paramref name="duration"/> passed: the same seed and case count send the same bytes.
    /// </summary>
    public async Task<BoltFuzzStats> RunAsync(int seed, int workers, int casesPerWorker, TimeSpan duration, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + duration;
        var results = await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var random = new Random(seed * 1000 + w);
            var stats = new BoltFuzzStats();
            for (var i = 0; i < casesPerWorker && DateTime.UtcNow < deadline && !cancellationToken.IsCancellationRequested; i++)
                await RunCaseAsync(random, stats, cancellationToken).ConfigureAwait(false);
            return stats;
        }, cancellationToken))).ConfigureAwait(false);
        var total = new BoltFuzzStats();
        foreach (var r in results) total.Add(r);
        return total;
    }

    /// <summary>Runs one case chosen by <paramref name="random"/>; never throws for anything the server does.</summary>
    public async Task RunCaseAsync(Random random, BoltFuzzStats stats, CancellationToken cancellationToken)
    {
        stats.Cases++;
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            connectTimeout.CancelAfter(TimeSpan.FromSeconds(5));
            await socket.ConnectAsync(endPoint, connectTimeout.Token).ConfigureAwait(false);
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            var reader = new ChunkReader(stream, 64 * 1024 * 1024);
            var kind = random.Next(10);
            if (kind == 0)
            {
                // Garbage or a mutated handshake.
                var hello = Magic.Concat(new byte[] { 0, 8, 8, 5, 0, 0, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0 }).ToArray();
                await WriteAsync(stream, random.Next(2) == 0 ? Mutate(random, hello) : RandomBytes(random, random.Next(1, 64)), cancellationToken).ConfigureAwait(false);
                await DrainAsync(stream, reader, stats, raw: true, cancellationToken).ConfigureAwait(false);
                return;
            }
            await WriteAsync(stream, Magic.Concat(new byte[] { 0, 8, 8, 5, 0, 0, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0 }).ToArray(), cancellationToken).ConfigureAwait(false);
            var version = await ReadRawAsync(reader, 4, cancellationToken).ConfigureAwait(false);
            if (version is null || version[3] != 5)
            {
                stats.ConnectFailures++;
                return;
            }
            var minor = version[2];
            var loggedIn = kind >= 3 && await LogInAsync(stream, reader, minor, stats, cancellationToken).ConfigureAwait(false);
            if (kind >= 3 && !loggedIn)
            {
                stats.ConnectFailures++;
                return;
            }
            var payload = new List<byte>();
            var requests = random.Next(1, 5);
            for (var i = 0; i < requests; i++) payload.AddRange(NextPayload(random));
            if (random.Next(4) == 0)
            {
                // Then a valid request, which must get some answer unless the connection was closed.
                payload.AddRange(Chunk(Pack(new RunMessage("RETURN 1 AS one", NoFields, NoFields)), 65535));
                payload.AddRange(Chunk(Pack(new PullMessage(-1)), 65535));
            }
            await WriteAsync(stream, payload.ToArray(), cancellationToken).ConfigureAwait(false);
            if (random.Next(5) == 0)
            {
                socket.Close(0); // RST mid-conversation
                return;
            }
            await DrainAsync(stream, reader, stats, raw: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            if (cancellationToken.IsCancellationRequested) throw;
            stats.ConnectFailures++;
        }
    }

    private async Task<bool> LogInAsync(NetworkStream stream, ChunkReader reader, int minor, BoltFuzzStats stats, CancellationToken cancellationToken)
    {
        var auth = new Dictionary<string, object?> { ["scheme"] = "basic", ["principal"] = user, ["credentials"] = password };
        var hello = minor == 0 ? new Dictionary<string, object?>(auth) { ["user_agent"] = "fuzz/1" } : new Dictionary<string, object?> { ["user_agent"] = "fuzz/1" };
        var bytes = new List<byte>(Chunk(Pack(new HelloMessage(hello)), 65535));
        if (minor > 0) bytes.AddRange(Chunk(Pack(new LogonMessage(auth)), 65535));
        await WriteAsync(stream, bytes.ToArray(), cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < (minor > 0 ? 2 : 1); i++)
        {
            var reply = await ReceiveAsync(reader, TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
            if (reply is not SuccessMessage)
            {
                Count(reply, stats);
                return false;
            }
        }
        return true;
    }

    /// <summary>One malformed (or occasionally valid) request, chunked or deliberately broken.</summary>
    private static byte[] NextPayload(Random random)
    {
        switch (random.Next(6))
        {
            case 0:
            case 1:
                return Chunk(GuardSignature(Mutate(random, Pack(ValidRequest(random)))), random.Next(1, 70_000));
            case 2:
            {
                var w = new PackStreamWriter();
                w.WriteStructHeader(3, RunMessage.Sig);
                w.WriteString("RETURN $p AS p");
                w.WriteMapHeader(1);
                w.WriteString("p");
                RandomValue(random, w, 0);
                w.WriteMapHeader(0);
                return Chunk(w.Written.ToArray(), random.Next(1, 70_000));
            }
            case 3:
            {
                // Cut mid-chunk or mid-header: the connection must wait (then time out) or see the next bytes as the
                // rest of that message.
                var whole = Chunk(Pack(ValidRequest(random)), random.Next(1, 64));
                return whole.AsSpan(0, random.Next(0, whole.Length)).ToArray();
            }
            case 4:
                return RandomBytes(random, random.Next(1, 200));
            default:
            {
                // A random structure as the whole message (unknown signatures, wrong field counts).
                var w = new PackStreamWriter();
                var fields = random.Next(0, 5);
                var signature = (byte)random.Next(256);
                if (signature is HelloMessage.Sig or LogonMessage.Sig) signature = 0x7F;
                w.WriteStructHeader(fields, signature);
                for (var i = 0; i < fields; i++) RandomValue(random, w, 0);
                return Chunk(w.Written.ToArray(), 65535);
            }
        }
    }

    private static IBoltMessage ValidRequest(Random random)
    {
        var p = RandomParameter(random);
        var parameters = new Dictionary<string, object?> { ["p"] = p };
        return random.Next(8) switch
        {
            0 => new BeginMessage(new Dictionary<string, object?> { ["tx_timeout"] = (long)random.Next(1, 2000) }),
            1 => new PullMessage(random.Next(-1, 100)),
            2 => new DiscardMessage(-1),
            3 => CommitMessage.Instance,
            4 => ResetMessage.Instance,
            _ => new RunMessage(Queries[random.Next(Queries.Length)], parameters, NoFields),
        };
    }

    private static object? RandomParameter(Random random) => random.Next(6) switch
    {
        0 => (long)random.Next(),
        1 => "fuzz-" + random.Next(1000),
        2 => Enumerable.Range(0, random.Next(20)).Select(i => (object?)(long)i).ToList(),
        3 => new Dictionary<string, object?> { ["a"] = 1L, ["b"] = "x" },
        4 => random.NextDouble(),
        _ => null,
    };

    /// <summary>Random PackStream, well-formed or not: every marker class, lying sizes, deep nesting, temporals
    /// (invalid UTF-8 and unknown markers come from <see cref="Mutate"/>).</summary>
    private static void RandomValue(Random random, PackStreamWriter w, int depth)
    {
        var choice = depth > 6 ? random.Next(6) : random.Next(14);
        switch (choice)
        {
            case 0: w.WriteInteger(random.NextInt64(long.MinValue, long.MaxValue)); break;
            case 1: w.WriteInteger(random.Next(-16, 128)); break;
            case 2: w.WriteString(new string('s', random.Next(0, 300))); break;
            case 3: w.WriteFloat(random.NextDouble()); break;
            case 4: w.WriteNull(); break;
            case 5: w.WriteBoolean(random.Next(2) == 0); break;
            case 6:
            {
                var n = random.Next(0, 8);
                w.WriteListHeader(n);
                for (var i = 0; i < n; i++) RandomValue(random, w, depth + 1);
                break;
            }
            case 7:
            {
                var n = random.Next(0, 6);
                w.WriteMapHeader(n);
                for (var i = 0; i < n; i++)
                {
                    if (random.Next(10) == 0) w.WriteInteger(i); // a non-string key
                    else w.WriteString("k" + i);
                    RandomValue(random, w, depth + 1);
                }
                break;
            }
            case 8:
            {
                // Deep nesting, beyond the reader's limit half of the time.
                var levels = random.Next(2) == 0 ? random.Next(200, 300) : random.Next(1000, 100_000);
                for (var i = 0; i < levels; i++) w.WriteListHeader(1);
                w.WriteInteger(1);
                break;
            }
            case 9:
            {
                // A size that lies: a header claiming far more than follows.
                w.WriteListHeader(random.Next(1000, int.MaxValue));
                w.WriteInteger(1);
                break;
            }
            case 10:
            {
                // Temporal structures with arbitrary fields (out-of-range dates, 2^63-1 nanoseconds, bad offsets).
                var signature = new[] { StructureSignature.Date, StructureSignature.Time, StructureSignature.LocalTime, StructureSignature.DateTime,
                    StructureSignature.DateTimeZoneId, StructureSignature.LocalDateTime, StructureSignature.Duration }[random.Next(7)];
                var fields = random.Next(1, 5);
                w.WriteStructHeader(fields, signature);
                for (var i = 0; i < fields; i++)
                {
                    if (random.Next(6) == 0) w.WriteString(random.Next(2) == 0 ? "Europe/Kyiv" : "Nowhere/City");
                    else w.WriteInteger(random.Next(3) == 0 ? long.MaxValue - random.Next(3) : random.NextInt64(-1_000_000_000_000_000, 1_000_000_000_000_000));
                }
                break;
            }
            case 11:
            {
                // Graph structures (nodes, relationships, paths, points) as parameters, with random fields.
                var signature = "NRrPXY"[random.Next(6)];
                var fields = random.Next(0, 9);
                w.WriteStructHeader(fields, (byte)signature);
                for (var i = 0; i < fields; i++) RandomValue(random, w, depth + 1);
                break;
            }
            case 12:
            {
                var raw = RandomBytes(random, random.Next(1, 16));
                w.WriteBytes(raw);
                break;
            }
            default:
                // Arbitrary UTF-16 code units, lone surrogates included (the writer encodes them as replacement characters).
                w.WriteString(new string(Enumerable.Range(0, random.Next(1, 20)).Select(_ => (char)random.Next(0xFFFF)).ToArray()));
                break;
        }
    }

    private static byte[] Pack(IBoltMessage message)
    {
        var w = new PackStreamWriter();
        message.Write(w);
        return w.Written.ToArray();
    }

    // A mutated request must never become HELLO or LOGON: those authenticate, and failed logins are throttled.
    private static byte[] GuardSignature(byte[] message)
    {
        if (message.Length > 1 && message[1] is HelloMessage.Sig or LogonMessage.Sig) message[1] = RunMessage.Sig;
        return message;
    }

    private static byte[] Mutate(Random random, byte[] bytes)
    {
        var list = bytes.ToList();
        var edits = random.Next(1, 4);
        for (var i = 0; i < edits && list.Count > 0; i++)
        {
            var at = random.Next(list.Count);
            switch (random.Next(4))
            {
                case 0: list[at] = (byte)random.Next(256); break;
                case 1: list.Insert(at, (byte)random.Next(256)); break;
                case 2: list.RemoveAt(at); break;
                default: list[at] ^= (byte)(1 << random.Next(8)); break;
            }
        }
        return list.ToArray();
    }

    private static byte[] Chunk(byte[] message, int chunkSize)
    {
        chunkSize = Math.Clamp(chunkSize, 1, 65535);
        var output = new List<byte>(message.Length + 16);
        for (var offset = 0; offset < message.Length; offset += chunkSize)
        {
            var size = Math.Min(chunkSize, message.Length - offset);
            output.Add((byte)(size >> 8));
            output.Add((byte)size);
            output.AddRange(message.AsSpan(offset, size).ToArray());
        }
        output.Add(0);
        output.Add(0);
        return output.ToArray();
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static async Task WriteAsync(Stream stream, byte[] bytes, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        await stream.WriteAsync(bytes, timeout.Token).ConfigureAwait(false);
    }

    private static async Task<byte[]?> ReadRawAsync(ChunkReader reader, int count, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            return (await reader.ReadRawAsync(count, timeout.Token).ConfigureAwait(false)).ToArray();
        }
        catch (EndOfStreamException)
        {
            return null;
        }
    }

    private static async Task<IBoltMessage?> ReceiveAsync(ChunkReader reader, TimeSpan wait, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(wait);
        var raw = await reader.ReadMessageAsync(timeout.Token).ConfigureAwait(false);
        return BoltMessageCodec.ReadResponse(raw);
    }

    /// <summary>Reads replies until the server closes or stays quiet for a moment.</summary>
    private static async Task DrainAsync(NetworkStream stream, ChunkReader reader, BoltFuzzStats stats, bool raw, CancellationToken cancellationToken)
    {
        try
        {
            if (raw)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromMilliseconds(300));
                var buffer = new byte[256];
                while (await stream.ReadAsync(buffer, timeout.Token).ConfigureAwait(false) > 0) { }
                stats.ClosedByServer++;
                return;
            }
            for (var i = 0; i < 64; i++) Count(await ReceiveAsync(reader, TimeSpan.FromMilliseconds(300), cancellationToken).ConfigureAwait(false), stats);
        }
        catch (EndOfStreamException)
        {
            stats.ClosedByServer++;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // quiet: the server waits for the rest of a cut-off message, or has answered everything
        }
    }

    private static void Count(IBoltMessage? message, BoltFuzzStats stats)
    {
        switch (message)
        {
            case SuccessMessage: stats.Successes++; break;
            case IgnoredMessage: stats.Ignored++; break;
            case RecordMessage: stats.Records++; break;
            case FailureMessage f:
                stats.Failures++;
                var code = (f.Metadata.TryGetValue("neo4j_code", out var c) ? c : f.Metadata.GetValueOrDefault("code")) as string ?? "?";
                stats.FailureCodes[code] = stats.FailureCodes.GetValueOrDefault(code) + 1;
                break;
        }
    }
}
