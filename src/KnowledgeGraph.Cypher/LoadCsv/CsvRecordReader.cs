using System.Text;

namespace KnowledgeGraph.Cypher.LoadCsv;

/// <summary>
/// Reads CSV records as Neo4j's LOAD CSV does: fields split by one separator character; a field starting with a
/// double quote is quoted (it may hold separators and line breaks; <c>""</c> and <c>\"</c> inside it are a quote);
/// records end at LF, CRLF or CR outside quotes; blank lines are skipped. Streams: one record in memory at a time.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader, char separator)
{
    private long _line = 1;
    private readonly StringBuilder _field = new();
    private readonly List<(string Text, bool Quoted)> _fields = [];

    /// <summary>The line (1-based) the last record returned by <see cref="Read"/> started on.</summary>
    public long RecordLine { get; private set; }

    /// <summary>The next record's fields (Quoted: the field was written in quotes), or null at the end. The list is
    /// reused by the next call: read it before calling again.</summary>
    public List<(string Text, bool Quoted)>? Read()
    {
        while (true)
        {
            var c = reader.Peek();
            if (c < 0) return null;
            if (c is '\n' or '\r')
            {
                // A blank line is no record.
                EndOfLine();
                continue;
            }
            break;
        }
        RecordLine = _line;
        _fields.Clear();
        while (true)
        {
            var (text, quoted, end) = ReadField();
            _fields.Add((text, quoted));
            if (end) return _fields;
        }
    }

    private void EndOfLine()
    {
        var c = reader.Read();
        if (c == '\r' && reader.Peek() == '\n') reader.Read();
        _line++;
    }

    // One field; End is true when the record ended after it (line break or end of input).
    private (string Text, bool Quoted, bool End) ReadField()
    {
        _field.Clear();
        var quoted = reader.Peek() == '"';
        if (quoted)
        {
            reader.Read();
            while (true)
            {
                var c = reader.Read();
                if (c < 0) break; // unterminated quote: the rest of the input is the field
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        _field.Append('"');
                        continue;
                    }
                    break;
                }
                if (c == '\\' && reader.Peek() == '"')
                {
                    reader.Read();
                    _field.Append('"');
                    continue;
                }
                if (c == '\n' || (c == '\r' && reader.Peek() != '\n')) _line++;
                _field.Append((char)c);
            }
        }
        // Unquoted text, or whatever follows a closing quote up to the separator (kept, as Neo4j does).
        while (true)
        {
            var c = reader.Peek();
            if (c < 0) return (_field.ToString(), quoted, true);
            if (c == separator)
            {
                reader.Read();
                return (_field.ToString(), quoted, false);
            }
            if (c is '\n' or '\r')
            {
                EndOfLine();
                return (_field.ToString(), quoted, true);
            }
            _field.Append((char)reader.Read());
        }
    }
}
