namespace KnowledgeGraph.Ingestion.Tests;

/// <summary>Malformed or oversized input gets a clear error with a stable code.</summary>
public sealed class InputTests
{
    [Theory]
    [InlineData("", "Reuters", "2025-11-21", null, IngestionErrorCodes.InvalidText)]
    [InlineData("   \n ", "Reuters", "2025-11-21", null, IngestionErrorCodes.InvalidText)]
    [InlineData("Witkoff\u0000met Dmitriev.", "Reuters", "2025-11-21", null, IngestionErrorCodes.InvalidText)]
    [InlineData("Witkoff met Dmitriev.", "", "2025-11-21", null, IngestionErrorCodes.InvalidArgument)]
    [InlineData("Witkoff met Dmitriev.", "Reuters", "21/11/2025", null, IngestionErrorCodes.InvalidDate)]
    [InlineData("Witkoff met Dmitriev.", "Reuters", "2025-13-01", null, IngestionErrorCodes.InvalidDate)]
    [InlineData("Witkoff met Dmitriev.", "Reuters", null, null, IngestionErrorCodes.InvalidDate)]
    [InlineData("Witkoff met Dmitriev.", "Reuters", "2025-11-21", "french", IngestionErrorCodes.InvalidArgument)]
    public void Check_Should_RejectWithCode_When_InputIsMalformed(string text, string source, string? date, string? language, string code)
    {
        var e = Assert.Throws<IngestionException>(() => DocumentIngestor.Check(new IngestionRequest(text, null, null, source, date, language), 1000));
        Assert.Equal(code, e.Code);
    }

    [Fact]
    public async Task Ingest_Should_RejectWithTextTooLong_When_AboveMaxTextLength()
    {
        await using var graph = await TestGraph.CreateAsync();
        var e = await Assert.ThrowsAsync<IngestionException>(() => graph.IngestAsync(new string('a', 20_001), "Reuters", "2025-11-21", "en"));
        Assert.Equal(IngestionErrorCodes.TextTooLong, e.Code);
        Assert.Contains("Ingestion:MaxTextLength", e.Message);
    }

    [Fact]
    public void Check_Should_RejectALoneSurrogate_When_TextIsNotUnicode()
    {
        var text = "Witkoff " + (char)0xD800 + " met Dmitriev.";
        var e = Assert.Throws<IngestionException>(() => DocumentIngestor.Check(new IngestionRequest(text, null, null, "Reuters", "2025", "en"), 1000));
        Assert.Equal((IngestionErrorCodes.InvalidText, "text: a lone surrogate at offset 8; expected Unicode text."), (e.Code, e.Message));
    }

    [Fact]
    public void Check_Should_RejectAUrl_When_NotHttp()
    {
        var e = Assert.Throws<IngestionException>(() => DocumentIngestor.Check(new IngestionRequest("text", null, "file:///etc/passwd", "Reuters", "2025", "en"), 1000));
        Assert.Equal(IngestionErrorCodes.InvalidArgument, e.Code);
    }
}
