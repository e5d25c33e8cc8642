using System.Globalization;
using System.Text;
using KnowledgeGraph.Cypher.Procedures;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Values;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Cypher.Catalog;

/// <summary>
/// The APOC functions and procedures Neo4j's own libraries emit (@neo4j/graphql: validation and date formats), with
/// APOC's names, signatures and behaviour. Like APOC on a Neo4j server they are not built in (isBuiltIn false).
/// </summary>
internal static partial class Apoc
{
    /// <summary>The APOC release that goes with Neo4j 5.26.</summary>
    public const string Version = "5.26.0";

    private const string ProcedureCallFailed = "Neo.ClientError.Procedure.ProcedureCallFailed";

    public static void Register(ProcedureRegistry r)
    {
        r.Add(BuiltinProcedures.Sig("apoc.util.validate", [("predicate", "BOOLEAN"), ("message", "STRING"), ("params", "LIST<ANY>")], []),
            (a, c) =>
            {
                if (a[0] is true) throw Failed("procedure", "apoc.util.validate", JavaFormat(a[1] as string ?? "", a[2] as IReadOnlyList<object?>));
                return [];
            },
            new("If the given predicate is true an exception is thrown.", false, BuiltIn: false));

        r.AddFunction(new FunctionInfo("apoc.util.validatePredicate", "",
                "apoc.util.validatePredicate(predicate :: BOOLEAN, message :: STRING, params :: LIST<ANY>) :: BOOLEAN",
                "If the given predicate is true an exception is thrown, otherwise it returns true (for use inside `WHERE` subclauses).", false),
            a =>
            {
                Arity("apoc.util.validatePredicate", a, 3, 3);
                if (a[0] is true)
                    throw Failed("function", "apoc.util.validatePredicate", JavaFormat(a[1] as string ?? "", a[2] as IReadOnlyList<object?>));
                return true;
            });
        r.AddFunction(new FunctionInfo("apoc.version", "", "apoc.version() :: STRING", "Returns the APOC version currently installed.", false),
            a =>
            {
                Arity("apoc.version", a, 0, 0);
                return Version;
            });
        r.AddFunction(new FunctionInfo("apoc.date.convertFormat", "",
                "apoc.date.convertFormat(temporal :: STRING, currentFormat :: STRING, convertTo = yyyy-MM-dd :: STRING) :: STRING",
                "Converts a `STRING` of one type of date format into a `STRING` of another type of date format.", false),
            a =>
            {
                Arity("apoc.date.convertFormat", a, 2, 3);
                if (a[0] is null) return null;
                var text = a[0] as string ?? throw Type("apoc.date.convertFormat", "temporal", a[0]);
                var from = a[1] as string ?? throw Type("apoc.date.convertFormat", "currentFormat", a[1]);
                var to = a.Length > 2 ? a[2] as string ?? "yyyy-MM-dd" : "yyyy-MM-dd";
                try
                {
                    return DateFormats.Format(DateFormats.Parse(text, from), to);
                }
                catch (FormatException e)
                {
                    throw Failed("function", "apoc.date.convertFormat", e.Message);
                }
            });
    }

    private static void Arity(string name, object?[] a, int min, int max)
    {
        if (a.Length < min || a.Length > max)
            throw new GraphException(ErrorCodes.SyntaxError, $"Function call does not provide the required number of arguments: expected {min} got {a.Length}.\n\nFunction {name} has signature ...")
            { Phase = ErrorPhase.CompileTime, Detail = "InvalidNumberOfArguments" };
    }

    private static GraphException Type(string fn, string arg, object? v) =>
        new(ErrorCodes.TypeError, $"Type mismatch for {fn}: {arg} expected STRING but was {CypherValues.TypeName(v)}") { Detail = "InvalidArgumentType" };

    /// <summary>APOC throws a Java RuntimeException; Neo4j wraps it as below, and clients (@neo4j/graphql) look for
    /// the <c>Caused by: java.lang.RuntimeException: </c> text to find the message.</summary>
    private static GraphException Failed(string kind, string name, string message) =>
        new(ProcedureCallFailed, $"Failed to invoke {kind} `{name}`: Caused by: java.lang.RuntimeException: {message}") { Detail = "ProcedureCallFailed" };

    /// <summary>
    /// Java's <c>String.format</c> for the conversions APOC messages use: <c>%s</c>, <c>%d</c>, <c>%f</c>, <c>%b</c>,
    /// <c>%n</c>, <c>%%</c> and explicit indexes (<c>%2$s</c>). A missing argument prints as <c>null</c>.
    /// </summary>
    public static string JavaFormat(string format, IReadOnlyList<object?>? args)
    {
        args ??= [];
        var sb = new StringBuilder();
        var next = 0;
        for (var i = 0; i < format.Length; i++)
        {
            var ch = format[i];
            if (ch != '%' || i + 1 >= format.Length)
            {
                sb.Append(ch);
                continue;
            }
            var j = i + 1;
            var index = -1;
            var digits = j;
            while (digits < format.Length && char.IsAsciiDigit(format[digits])) digits++;
            if (digits > j && digits < format.Length && format[digits] == '$')
            {
                index = int.Parse(format.AsSpan(j, digits - j), CultureInfo.InvariantCulture) - 1;
                j = digits + 1;
            }
            if (j >= format.Length)
            {
                sb.Append(format, i, format.Length - i);
                break;
            }
            var conv = format[j];
            switch (conv)
            {
                case '%': sb.Append('%'); break;
                case 'n': sb.Append('\n'); break;
                case 's' or 'S' or 'd' or 'f' or 'b':
                    {
                        var at = index >= 0 ? index : next++;
                        var value = at < args.Count ? args[at] : null;
                        var text = value switch
                        {
                            null => "null",
                            bool b => b ? "true" : "false",
                            double d when conv == 'f' => d.ToString("F6", CultureInfo.InvariantCulture),
                            string s => s,
                            long or double => Functions.Conversions.ToCypherString(value),
                            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null",
                        };
                        sb.Append(conv == 'S' ? text.ToUpperInvariant() : text);
                        break;
                    }
                default:
                    sb.Append(format, i, j - i + 1);
                    break;
            }
            i = j;
        }
        return sb.ToString();
    }
}
