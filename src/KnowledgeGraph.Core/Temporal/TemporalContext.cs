namespace KnowledgeGraph.Temporal;

/// <summary>
/// The clocks and default zone a statement sees: <c>date()</c>/<c>*.statement()</c> read <see cref="StatementTime"/>,
/// <c>*.transaction()</c> read <see cref="TransactionTime"/>, <c>*.realtime()</c> read the system clock.
/// </summary>
public sealed class TemporalContext
{
    /// <summary>The instant the current statement started.</summary>
    public DateTimeOffset StatementTime { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The instant the current transaction started.</summary>
    public DateTimeOffset TransactionTime { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Zone used when a value is built without one: "UTC"/"Z" (an offset of zero, printed <c>Z</c>),
    /// an offset such as "+01:00", or an IANA zone id.</summary>
    public string DefaultTimeZone { get; init; } = "UTC";

    /// <summary>A context whose clocks read "now".</summary>
    public static TemporalContext Now()
    {
        var now = DateTimeOffset.UtcNow;
        return new TemporalContext { StatementTime = now, TransactionTime = now };
    }
}
