namespace KnowledgeGraph.Cypher.LoadCsv;

/// <summary>
/// Reads CSV records as Neo4j's LOAD CSV does: fields split by one separator character; a field starting with a
/// double quote is quoted (it may hold separators and line breaks; <c>""</c> and <c>\"</c> inside it are a quote);
/// records end at LF, CRLF or CR outside quotes; blank lines are skipped. Streams: one record in memory at a time.
/// The input is read in blocks into a char buffer and each record's fields are copied into one reused text buffer,
/// so <see cref="ReadFields"/> and <see cref="Field"/> read a record without allocating; <see cref="Read"/> makes a
/// string per field.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader, char separator)
{
    private readonly char[] _input = new char[1 << 16];
    private int _pos;
    private int _end;
    private bool _eof;
    private long _line = 1;

    // The current record: the text of all its fields back to back, and per field its end offset and quoting.
    private char[] _text = new char[256];
    private int _textLength;
    private int[] _ends = new int[16];
    private bool[] _quoted = new bool[16];
    private readonly List<(string Text, bool Quoted)> _fields = [];

    /// <summary>The line (1-based) the last record read started on.</summary>
    public long RecordLine { get; private set; }

    /// <summary>The number of fields of the last record read by <see cref="ReadFields"/>.</summary>
    public int FieldCount { get; private set; }

    /// <summary>Field <paramref name="index"/> of the last record read, valid until the next read.</summary>
    public ReadOnlySpan<char> Field(int index)
    {
        var start = index == 0 ? 0 : _ends[index - 1];
        return _text.AsSpan(start, _ends[index] - start);
    }

    /// <summary>Whether field <paramref name="index"/> of the last record was written in quotes.</summary>
    public bool IsQuoted(int index) => _quoted[index];

    /// <summary>The next record's fields (Quoted: the field was written in quotes), or null at the end. The list is
    /// reused by the next call: read it before calling again.</summary>
    public List<(string Text, bool Quoted)>? Read()
    {
        if (!ReadFields()) return null;
        _fields.Clear();
        for (var i = 0; i < FieldCount; i++) _fields.Add((Field(i).ToString(), _quoted[i]));
        return _fields;
    }

    /// <summary>Reads the next record into the reused buffers (see <see cref="Field"/>); false at the end.</summary>
    public bool ReadFields()
    {
        while (true)
        {
            var c = Peek();
            if (c < 0) return false;
            if (c is '\n' or '\r')
            {
                // A blank line is no record.
                EndOfLine();
                continue;
            }
            break;
        }
        RecordLine = _line;
        _textLength = 0;
        FieldCount = 0;
        while (true)
        {
            var (quoted, end) = ReadField();
            if (FieldCount == _ends.Length)
            {
                Array.Resize(ref _ends, FieldCount * 2);
                Array.Resize(ref _quoted, FieldCount * 2);
            }
            _ends[FieldCount] = _textLength;
            _quoted[FieldCount] = quoted;
            FieldCount++;
            if (end) return true;
        }
    }

    private int Peek()
    {
        if (_pos < _end) return _input[_pos];
        return Fill() ? _input[_pos] : -1;
    }

    private int Next()
    {
        if (_pos < _end || Fill()) return _input[_pos++];
        return -1;
    }

    private bool Fill()
    {
        if (_eof) return false;
        _pos = 0;
        _end = reader.Read(_input, 0, _input.Length);
        if (_end > 0) return true;
        _end = 0;
        _eof = true;
        return false;
    }

    private void Append(char c)
    {
        if (_textLength == _text.Length) Array.Resize(ref _text, _text.Length * 2);
        _text[_textLength++] = c;
    }

    private void Append(ReadOnlySpan<char> chars)
    {
        if (_textLength + chars.Length > _text.Length) Array.Resize(ref _text, Math.Max(_text.Length * 2, _textLength + chars.Length));
        chars.CopyTo(_text.AsSpan(_textLength));
        _textLength += chars.Length;
    }

    private void EndOfLine()
    {
        var c = Next();
        if (c == '\r' && Peek() == '\n') _pos++;
        _line++;
    }

    // One field, appended to the record's text; End is true when the record ended after it (line break or end of input).
    private (bool Quoted, bool End) ReadField()
    {
        var quoted = Peek() == '"';
        if (quoted)
        {
            _pos++;
            while (true)
            {
                var c = Next();
                if (c < 0) break; // unterminated quote: the rest of the input is the field
                if (c == '"')
                {
                    if (Peek() == '"')
                    {
                        _pos++;
                        Append('"');
                        continue;
                    }
                    break;
                }
                if (c == '\\' && Peek() == '"')
                {
                    _pos++;
                    Append('"');
                    continue;
                }
                if (c == '\n' || (c == '\r' && Peek() != '\n')) _line++;
                Append((char)c);
            }
        }
        // Unquoted text, or whatever follows a closing quote up to the separator (kept, as Neo4j does): copied a run
        // at a time up to the next separator or line break in the buffer.
        while (true)
        {
            if (_pos == _end && !Fill()) return (quoted, true);
            var rest = _input.AsSpan(_pos, _end - _pos);
            var stop = rest.IndexOfAny(separator, '\n', '\r');
            if (stop < 0)
            {
                Append(rest);
                _pos = _end;
                continue;
            }
            Append(rest[..stop]);
            _pos += stop;
            if (rest[stop] == separator)
            {
                _pos++;
                return (quoted, false);
            }
            EndOfLine();
            return (quoted, true);
        }
    }
}
