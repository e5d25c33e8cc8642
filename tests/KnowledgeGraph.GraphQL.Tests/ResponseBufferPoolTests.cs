using System.Text.Encodings.Web;
using System.Text.Json;
using KnowledgeGraph.GraphQL.Execution.Direct;

namespace KnowledgeGraph.GraphQL.Tests;

/// <summary>The direct path's response buffers: returned ones are written again, empty, with the same writer options.</summary>
public sealed class ResponseBufferPoolTests
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Default, SkipValidation = true };

    private static ReadOnlyMemory<byte> Write(ResponseBuffer buffer, string value)
    {
        buffer.Writer.WriteStartObject();
        buffer.Writer.WriteString("a", value);
        buffer.Writer.WriteEndObject();
        return buffer.Written;
    }

    [Fact]
    public void Rent_Should_GiveBackTheReturnedBufferEmpty_When_ItWasReturned()
    {
        var pool = new ResponseBufferPool(Options);
        var first = pool.Rent();
        Assert.Equal("""{"a":"x"}""", System.Text.Encoding.UTF8.GetString(Write(first, "x").Span));
        first.Return();
        var second = pool.Rent();
        Assert.Same(first, second);
        Assert.Equal(0, second.Written.Length);
        // The writer starts a new document, with the pool's encoder (non-ASCII escaped as the serializer does).
        Assert.Equal("""{"a":"\u00F3"}""", System.Text.Encoding.UTF8.GetString(Write(second, "ó").Span));
    }

    [Fact]
    public void Rent_Should_GiveADifferentBuffer_When_TheReturnedOneGrewPastTheKeptSize()
    {
        var pool = new ResponseBufferPool(Options);
        var big = pool.Rent();
        Write(big, new string('x', 300 * 1024));
        big.Return();
        var next = pool.Rent();
        Assert.NotSame(big, next);
        Assert.Equal(0, next.Written.Length);
    }

    [Fact]
    public void Rent_Should_GiveDistinctBuffers_When_SeveralResponsesAreInFlight()
    {
        var pool = new ResponseBufferPool(Options);
        var buffers = Enumerable.Range(0, 40).Select(_ => pool.Rent()).ToList();
        Assert.Equal(40, buffers.Distinct().Count());
        foreach (var b in buffers) b.Return();
        // 32 are kept; renting 40 again reuses those and makes the rest.
        var again = Enumerable.Range(0, 40).Select(_ => pool.Rent()).ToList();
        Assert.Equal(40, again.Distinct().Count());
        Assert.Equal(32, again.Count(buffers.Contains));
    }
}
