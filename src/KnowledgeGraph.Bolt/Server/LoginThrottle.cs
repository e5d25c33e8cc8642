using Microsoft.Extensions.Logging;

namespace KnowledgeGraph.Bolt.Server;

/// <summary>
/// Slows password guessing. Each user name and each client address that failed to log in gets a delay that starts
/// at <see cref="BoltServerOptions.LoginDelay"/> and doubles per consecutive failure up to
/// <see cref="BoltServerOptions.LoginMaxDelay"/>; a success resets both. Attempts for a throttled user or address
/// are spaced by that delay: each reserves the next free moment, so parallel connections cannot guess faster
/// than one at a time. An attempt that would have to wait past its login deadline is refused at once
/// (Neo.ClientError.Security.AuthenticationRateLimit), without consuming a moment.
/// Failures are logged as one warning per <see cref="LogInterval"/> with a count, never one line per guess.
/// </summary>
internal sealed class LoginThrottle
{
    /// <summary>At most one warning about failed logins per this interval.</summary>
    public static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(10);

    private const int MaxTracked = 10_000;

    private sealed class Entry
    {
        public int Failures;
        public long NextTicks;
        public long LastFailureTicks;
    }

    private readonly TimeSpan _delay;
    private readonly TimeSpan _maxDelay;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _lastLogTicks = long.MinValue;
    private int _unlogged;

    public LoginThrottle(TimeSpan delay, TimeSpan maxDelay, ILogger logger, TimeProvider? time = null)
    {
        _delay = delay;
        _maxDelay = maxDelay < delay ? delay : maxDelay;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// How long this attempt must wait before its password is checked, or null when that is longer than
    /// <paramref name="maxWait"/> (refuse it). A returned wait reserves its moment.
    /// </summary>
    public TimeSpan? Reserve(string user, string address, TimeSpan maxWait)
    {
        if (_delay <= TimeSpan.Zero) return TimeSpan.Zero;
        lock (_entries)
        {
            var now = _time.GetTimestamp();
            _entries.TryGetValue(UserKey(user), out var u);
            _entries.TryGetValue(AddressKey(address), out var a);
            if (u is null && a is null) return TimeSpan.Zero;
            var slot = Math.Max(now, Math.Max(u?.NextTicks ?? now, a?.NextTicks ?? now));
            var wait = _time.GetElapsedTime(now, slot);
            if (wait > maxWait) return null;
            foreach (var e in new[] { u, a })
                if (e is not null) e.NextTicks = slot + ToTicks(DelayAfter(e.Failures));
            return wait;
        }
    }

    /// <summary>Records a failed attempt and logs (rate-limited).</summary>
    public void Failed(string user, string address)
    {
        int count;
        lock (_entries)
        {
            var now = _time.GetTimestamp();
            if (_entries.Count >= MaxTracked) Prune(now);
            foreach (var key in new[] { UserKey(user), AddressKey(address) })
            {
                if (!_entries.TryGetValue(key, out var e)) _entries[key] = e = new Entry();
                e.Failures = Math.Min(e.Failures + 1, 62);
                e.LastFailureTicks = now;
                e.NextTicks = Math.Max(e.NextTicks, now + ToTicks(DelayAfter(e.Failures)));
            }
            _unlogged++;
            if (_lastLogTicks != long.MinValue && _time.GetElapsedTime(_lastLogTicks, now) < LogInterval)
            {
                _logger.LogDebug("Bolt: authentication failed for user '{User}' from {Address}.", user, address);
                return;
            }
            _lastLogTicks = now;
            count = _unlogged;
            _unlogged = 0;
        }
        _logger.LogWarning(
            "Bolt: {Count} failed login(s) since the last report (latest: user '{User}' from {Address}); further attempts for that user and address are delayed up to {MaxDelay}s.",
            count, user, address, _maxDelay.TotalSeconds);
    }

    /// <summary>A successful login clears the user's and the address's failures.</summary>
    public void Succeeded(string user, string address)
    {
        lock (_entries)
        {
            if (_entries.Count == 0) return;
            _entries.Remove(UserKey(user));
            _entries.Remove(AddressKey(address));
        }
    }

    /// <summary>The delay after <paramref name="failures"/> consecutive failures.</summary>
    public TimeSpan DelayAfter(int failures)
    {
        if (failures <= 0) return TimeSpan.Zero;
        var ticks = _delay.Ticks * Math.Pow(2, Math.Min(failures - 1, 40));
        return ticks >= _maxDelay.Ticks ? _maxDelay : TimeSpan.FromTicks((long)ticks);
    }

    // Bounded memory under a flood of invented user names: forget entries idle for longer than the longest delay,
    // and if that is not enough, the user entries (the address entries still slow the flood down).
    private void Prune(long now)
    {
        foreach (var (key, e) in _entries.ToList())
            if (_time.GetElapsedTime(e.LastFailureTicks, now) > _maxDelay && e.NextTicks <= now) _entries.Remove(key);
        if (_entries.Count < MaxTracked) return;
        foreach (var key in _entries.Keys.Where(k => k.StartsWith("u:", StringComparison.Ordinal)).ToList()) _entries.Remove(key);
    }

    private long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);

    private static string UserKey(string user) => "u:" + user;

    private static string AddressKey(string address) => "a:" + address;
}
