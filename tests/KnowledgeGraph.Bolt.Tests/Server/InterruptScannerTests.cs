using KnowledgeGraph.Bolt.Server;
using Xunit;

namespace KnowledgeGraph.Bolt.Tests.Server;

public sealed class InterruptScannerTests
{
    private static readonly byte[] Reset = [0x00, 0x02, 0xB0, 0x0F, 0x00, 0x00];
    private static readonly byte[] Goodbye = [0x00, 0x02, 0xB0, 0x02, 0x00, 0x00];
    private static readonly byte[] Pull = [0x00, 0x05, 0xB1, 0x3F, 0xA1, 0x81, 0x6E, 0x00, 0x00]; // PULL {n: ...} cut short on purpose

    [Fact]
    public void ContainsInterrupt_Should_FindResetOrGoodbye_When_WholeMessageArrived()
    {
        Assert.True(InterruptScanner.ContainsInterrupt(Reset, []));
        Assert.True(InterruptScanner.ContainsInterrupt([], Goodbye));
        Assert.True(InterruptScanner.ContainsInterrupt([.. Pull, .. Reset.AsSpan(0, 3)], Reset.AsSpan(3)));
        Assert.True(InterruptScanner.ContainsInterrupt([0x00, 0x00, .. Reset], [])); // after a NOOP
    }

    [Fact]
    public void ContainsInterrupt_Should_IgnoreResetBytes_When_InsideAnotherMessageOrIncomplete()
    {
        // A RUN whose string parameter holds the exact bytes of a RESET message.
        byte[] run = [0x00, 0x09, 0xB3, 0x10, 0x86, .. Reset, 0x00, 0x00];
        Assert.False(InterruptScanner.ContainsInterrupt(run, []));
        Assert.False(InterruptScanner.ContainsInterrupt(Reset.AsSpan(0, 4), [])); // no end marker yet
        // A one-byte first chunk then the signature: still a RESET, split across chunks.
        Assert.True(InterruptScanner.ContainsInterrupt([0x00, 0x01, 0xB0, 0x00, 0x01, 0x0F, 0x00, 0x00], []));
    }

    [Fact]
    public void ContainsCompleteMessage_Should_CountOnlyWholeRequests_When_NoopsOrPartsArrived()
    {
        Assert.True(InterruptScanner.ContainsCompleteMessage(Reset, []));
        Assert.True(InterruptScanner.ContainsCompleteMessage(Reset.AsSpan(0, 4), Reset.AsSpan(4))); // split across buffers
        Assert.True(InterruptScanner.ContainsCompleteMessage([0x00, 0x00], Goodbye)); // after a NOOP
        Assert.False(InterruptScanner.ContainsCompleteMessage([0x00, 0x00, 0x00, 0x00], [])); // NOOPs alone
        Assert.False(InterruptScanner.ContainsCompleteMessage(Reset.AsSpan(0, 4), [])); // no end marker yet
        Assert.False(InterruptScanner.ContainsCompleteMessage([0x00, 0x05, 0xB1], [])); // chunk cut short
        Assert.False(InterruptScanner.ContainsCompleteMessage([], []));
    }
}
