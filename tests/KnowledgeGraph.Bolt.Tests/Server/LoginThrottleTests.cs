using KnowledgeGraph.Bolt.Protocol.Messages;
using KnowledgeGraph.Bolt.Server;
using KnowledgeGraph.Bolt.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Xunit;

namespace KnowledgeGraph.Bolt.Tests.Server;

public sealed class LoginThrottleTests
{
    private sealed class ManualClock : TimeProvider
    {
        private long _ticks = 1_000_000;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }

    private sealed class CapturingLogger : ILogger
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }

    private static (LoginThrottle Throttle, ManualClock Clock, CapturingLogger Log) Create()
    {
        var clock = new ManualClock();
        var log = new CapturingLogger();
        return (new LoginThrottle(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), log, clock), clock, log);
    }

    [Fact]
    public void DelayAfter_Should_DoublePerFailureUpToTheMaximum()
    {
        var (throttle, _, _) = Create();
        Assert.Equal(TimeSpan.Zero, throttle.DelayAfter(0));
        Assert.Equal(TimeSpan.FromMilliseconds(100), throttle.DelayAfter(1));
        Assert.Equal(TimeSpan.FromMilliseconds(800), throttle.DelayAfter(4));
        Assert.Equal(TimeSpan.FromSeconds(10), throttle.DelayAfter(20));
        Assert.Equal(TimeSpan.FromSeconds(10), throttle.DelayAfter(62));
    }

    [Fact]
    public void Reserve_Should_SpaceAttempts_When_UserOrAddressFailedBefore()
    {
        var (throttle, _, _) = Create();
        Assert.Equal(TimeSpan.Zero, throttle.Reserve("neo4j", "10.0.0.1", TimeSpan.FromSeconds(5)));
        throttle.Failed("neo4j", "10.0.0.1");
        throttle.Failed("neo4j", "10.0.0.1");
        // Two failures: 200 ms until the next attempt for that user or that address, and each further attempt
        // queues 200 ms behind the last one reserved for the same user or address.
        Assert.Equal(TimeSpan.FromMilliseconds(200), throttle.Reserve("neo4j", "10.0.0.2", TimeSpan.FromSeconds(5)));
        Assert.Equal(TimeSpan.FromMilliseconds(200), throttle.Reserve("other", "10.0.0.1", TimeSpan.FromSeconds(5)));
        Assert.Equal(TimeSpan.Zero, throttle.Reserve("other", "10.0.0.3", TimeSpan.FromSeconds(5)));
        // Past the caller's deadline: refused, and nothing is reserved.
        Assert.Null(throttle.Reserve("neo4j", "10.0.0.1", TimeSpan.FromMilliseconds(100)));
        Assert.Equal(TimeSpan.FromMilliseconds(400), throttle.Reserve("neo4j", "10.0.0.1", TimeSpan.FromSeconds(5)));
        Assert.Equal(TimeSpan.FromMilliseconds(600), throttle.Reserve("neo4j", "10.0.0.4", TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Succeeded_Should_ResetTheDelay_When_UserLogsIn()
    {
        var (throttle, _, _) = Create();
        for (var i = 0; i < 5; i++) throttle.Failed("neo4j", "10.0.0.1");
        throttle.Succeeded("neo4j", "10.0.0.1");
        Assert.Equal(TimeSpan.Zero, throttle.Reserve("neo4j", "10.0.0.1", TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Failed_Should_LogOneWarningPerInterval_When_GuessesArriveFast()
    {
        var (throttle, clock, log) = Create();
        for (var i = 0; i < 1000; i++) throttle.Failed("neo4j", "10.0.0.1");
        Assert.Single(log.Entries, e => e.Level == LogLevel.Warning);
        Assert.DoesNotContain(log.Entries, e => e.Level == LogLevel.Information);
        clock.Advance(LoginThrottle.LogInterval);
        throttle.Failed("neo4j", "10.0.0.1");
        var warnings = log.Entries.Where(e => e.Level == LogLevel.Warning).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains("1000 failed login(s)", warnings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_Should_RefuseWithRateLimit_When_LoginFollowsAFailureWithinTheDelay()
    {
        await using var server = await BoltTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Bolt:LoginDelayMilliseconds"] = "10000",
            ["Bolt:LoginMaxDelaySeconds"] = "10",
            ["Bolt:HandshakeTimeoutSeconds"] = "2",
        });
        async Task<FailureMessage> LoginAsync(string password)
        {
            await using var client = await RawBoltClient.ConnectAsync(server.EndPoint);
            await client.HandshakeAsync([0, 8, 8, 5]);
            Assert.IsType<SuccessMessage>(await client.RequestAsync(new HelloMessage(new Dictionary<string, object?> { ["user_agent"] = "raw/1" })));
            var reply = await client.RequestAsync(new LogonMessage(new Dictionary<string, object?>
            {
                ["scheme"] = "basic", ["principal"] = BoltTestServer.User, ["credentials"] = password,
            }));
            Assert.True(await client.IsClosedByServerAsync());
            return Assert.IsType<FailureMessage>(reply);
        }
        Assert.Equal("Neo.ClientError.Security.Unauthorized", (await LoginAsync("wrong")).Metadata["neo4j_code"]);
        // The next attempt would have to wait 10 s, longer than the 2 s login deadline: refused without checking.
        Assert.Equal("Neo.ClientError.Security.AuthenticationRateLimit", (await LoginAsync("wrong-again")).Metadata["neo4j_code"]);
        Assert.Equal("Neo.ClientError.Security.AuthenticationRateLimit", (await LoginAsync(BoltTestServer.Password)).Metadata["neo4j_code"]);
    }
}
