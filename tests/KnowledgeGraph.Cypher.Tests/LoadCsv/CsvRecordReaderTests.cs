using System.Text;
using KnowledgeGraph.Cypher.LoadCsv;

namespace KnowledgeGraph.Cypher.Tests.LoadCsv;

/// <summary>
/// The block-buffered CSV reader against a straightforward character-by-character reading of the same rules, on
/// inputs long enough that records, quoted fields, doubled quotes and CRLF pairs straddle the 64 KiB block edge.
/// </summary>
public sealed class CsvRecordReaderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Reader_Should_ReadEveryRecord_When_FieldsStraddleTheBufferEdge(int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        var expected = new List<List<(string, bool)>>();
        while (text.Length < 300_000)
        {
            var fields = new List<(string, bool)>();
            var count = random.Next(1, 6);
            for (var f = 0; f < count; f++)
            {
                if (f > 0) text.Append(',');
                switch (count == 1 ? random.Next(1, 4) : random.Next(4))
                {
                    case 0:
                        fields.Add(("", false));
                        break;
                    case 1:
                        var plain = new string('x', random.Next(1, 40)) + random.Next();
                        text.Append(plain);
                        fields.Add((plain, false));
                        break;
                    default:
                        var value = "a,\"b\"\r\nc\n" + new string('y', random.Next(0, 30));
                        text.Append('"').Append(value.Replace("\"", "\"\"")).Append('"');
                        fields.Add((value, true));
                        break;
                }
            }
            text.Append(random.Next(3) switch { 0 => "\n", 1 => "\r\n", _ => "\r\n\r\n" });
            expected.Add(fields);
        }

        var reader = new CsvRecordReader(new StringReader(text.ToString()), ',');
        var actual = new List<List<(string, bool)>>();
        while (reader.Read() is { } record) actual.Add([.. record]);
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++) Assert.Equal(expected[i], actual[i]);
    }

    [Fact]
    public void Reader_Should_CountLinesAndKeepTextAfterAClosingQuote_When_RecordsSpanLines()
    {
        var reader = new CsvRecordReader(new StringReader("a,\"x\ny\"z\n\n\"q\\\"\",\r\nlast"), ',');
        Assert.True(reader.ReadFields());
        Assert.Equal((1L, 2), (reader.RecordLine, reader.FieldCount));
        Assert.Equal("x\nyz", reader.Field(1).ToString());
        Assert.True(reader.IsQuoted(1));
        Assert.Equal([("q\"", true), ("", false)], reader.Read()!);
        Assert.Equal(4, reader.RecordLine);
        Assert.Equal([("last", false)], reader.Read()!);
        Assert.Equal(5, reader.RecordLine);
        Assert.Null(reader.Read());
    }
}
