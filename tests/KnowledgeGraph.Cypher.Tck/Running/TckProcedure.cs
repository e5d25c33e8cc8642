using System.Text.RegularExpressions;
using KnowledgeGraph.Cypher.Tck.Values;

namespace KnowledgeGraph.Cypher.Tck.Running;

/// <summary>A declared parameter or output column of a test procedure: name and Cypher type text (e.g. <c>INTEGER?</c>).</summary>
public sealed record TckProcedureField(string Name, string Type);

/// <summary>
/// A procedure declared by <c>And there exists a procedure name(in :: T) :: (out :: T):</c> with a table whose
/// rows give, for each combination of input values, the output values. Calling it returns the output columns of
/// every row whose input columns equal the arguments.
/// </summary>
public sealed partial class TckProcedure
{
    /// <summary>Creates a procedure; each row holds the input values followed by the output values.</summary>
    public TckProcedure(string name, IReadOnlyList<TckProcedureField> inputs, IReadOnlyList<TckProcedureField> outputs, IReadOnlyList<IReadOnlyList<object?>> rows)
    {
        Name = name;
        Inputs = inputs;
        Outputs = outputs;
        Rows = rows;
    }

    /// <summary>Qualified name, e.g. <c>test.my.proc</c>.</summary>
    public string Name { get; }

    /// <summary>Declared inputs, in order.</summary>
    public IReadOnlyList<TckProcedureField> Inputs { get; }

    /// <summary>Declared outputs, in order (empty for a void procedure).</summary>
    public IReadOnlyList<TckProcedureField> Outputs { get; }

    /// <summary>Table rows: input values then output values.</summary>
    public IReadOnlyList<IReadOnlyList<object?>> Rows { get; }

    /// <summary>The output values of each row whose inputs equal <paramref name="arguments"/>.</summary>
    public IEnumerable<IReadOnlyList<object?>> Invoke(IReadOnlyList<object?> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        foreach (var row in Rows)
        {
            var match = true;
            for (var i = 0; i < Inputs.Count && match; i++)
                match = i < arguments.Count && TckValueConverter.EngineValuesEqual(row[i], arguments[i]);
            if (match) yield return row.Skip(Inputs.Count).ToList();
        }
    }

    /// <summary>
    /// Parses the step text after <c>there exists a procedure </c> (e.g.
    /// <c>test.my.proc(in :: INTEGER?) :: (out :: STRING?):</c>) and its table.
    /// </summary>
    public static TckProcedure Parse(string signature, IReadOnlyList<IReadOnlyList<string>>? table)
    {
        var m = SignaturePattern().Match(signature.Trim());
        if (!m.Success) throw new FormatException($"Procedure signature not understood: {signature}");
        var inputs = ParseFields(m.Groups["in"].Value);
        var outputs = ParseFields(m.Groups["out"].Value);
        var rows = new List<IReadOnlyList<object?>>();
        if (table is { Count: > 0 })
        {
            var header = table[0];
            var width = inputs.Count + outputs.Count;
            // A void procedure without inputs is declared with a lone '|' (a row of no cells).
            if (header.Count != width)
                throw new FormatException($"Procedure {m.Groups["name"].Value}: table has {header.Count} columns, signature has {width}.");
            var names = inputs.Concat(outputs).Select(f => f.Name).ToList();
            for (var i = 0; i < width; i++)
                if (!string.Equals(header[i], names[i], StringComparison.Ordinal))
                    throw new FormatException($"Procedure {m.Groups["name"].Value}: column {i + 1} is '{header[i]}', signature says '{names[i]}'.");
            foreach (var row in table.Skip(1))
                rows.Add(row.Select(cell => TckValueConverter.ToEngineValue(TckValueParser.Parse(cell))).ToList());
        }
        return new TckProcedure(m.Groups["name"].Value, inputs, outputs, rows);
    }

    private static List<TckProcedureField> ParseFields(string text)
    {
        var fields = new List<TckProcedureField>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split("::", 2, StringSplitOptions.TrimEntries);
            if (pieces.Length != 2 || pieces[0].Length == 0)
                throw new FormatException($"Procedure field not understood: {part}");
            fields.Add(new TckProcedureField(pieces[0], pieces[1]));
        }
        return fields;
    }

    [GeneratedRegex(@"^(?<name>[\w.]+)\s*\((?<in>[^)]*)\)\s*::\s*\((?<out>[^)]*)\)\s*:?$")]
    private static partial Regex SignaturePattern();
}
