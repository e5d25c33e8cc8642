using System.Text;
using KnowledgeGraph.Cypher.LoadCsv;

namespace KnowledgeGraph.Cypher.Import;

/// <summary>
/// The records of one <c>--nodes</c> / <c>--relationships</c> input after its header (the first record of its first
/// file), read field by field from the reused buffers of <see cref="CsvRecordReader"/>: no string per field unless the
/// caller makes one. <see cref="Where"/> (file:line) is built only when a row is reported.
/// </summary>
internal sealed class ImportRows(CsvImportInput input, char delimiter) : IDisposable
{
    private int _file = -1;
    private StreamReader? _stream;
    private CsvRecordReader? _csv;
    private bool _headerRead;

    /// <summary>The header's columns; set once the first record has been read.</summary>
    public ImportColumn[] Columns { get; private set; } = [];

    /// <summary>The current record's reader (fields, quoting, line).</summary>
    public CsvRecordReader Csv => _csv ?? throw new InvalidOperationException("No record has been read.");

    /// <summary>file:line of the current record, for reports and errors.</summary>
    public string Where => $"{Path.GetFileName(input.Files[_file])}:{Csv.RecordLine}";

    /// <summary>Advances to the next data record; false after the last file.</summary>
    public bool Next()
    {
        while (true)
        {
            if (_csv is null)
            {
                if (++_file >= input.Files.Count) return false;
                _stream = new StreamReader(input.Files[_file], new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true,
                    new FileStreamOptions { BufferSize = 1 << 16, Options = FileOptions.SequentialScan });
                _csv = new CsvRecordReader(_stream, delimiter);
            }
            if (!_csv.ReadFields())
            {
                _stream!.Dispose();
                (_stream, _csv) = (null, null);
                continue;
            }
            if (_headerRead) return true;
            var columns = new ImportColumn[_csv.FieldCount];
            for (var i = 0; i < columns.Length; i++) columns[i] = ImportColumn.Parse(_csv.Field(i).ToString().Trim(), Where);
            Columns = columns;
            _headerRead = true;
        }
    }

    public void Dispose() => _stream?.Dispose();
}
