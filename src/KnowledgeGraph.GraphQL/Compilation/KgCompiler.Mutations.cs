using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GraphQL;
using KnowledgeGraph.GraphQL.Model;
using KnowledgeGraph.GraphQL.Schema;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.GraphQL.Compilation;

internal sealed partial class KgCompiler
{
    private CompiledRoot CompileMutation(RootKind kind) => kind switch
    {
        RootKind.UpsertEntity => CompileUpsert(),
        RootKind.Relate => CompileRelate(),
        RootKind.Unrelate => CompileUnrelate(),
        RootKind.AddClaim => CompileAddClaim(),
        RootKind.DeleteEntity => CompileDelete(),
        _ => throw new InvalidOperationException("Unknown root field " + kind),
    };

    private Dictionary<string, object?> Input() =>
        _context.GetArgument<Dictionary<string, object?>>("input") ?? throw new KgGraphQLException(KgErrorCodes.InvalidArgument, "input is required.");

    private static string Required(Dictionary<string, object?> input, string name, string code = KgErrorCodes.InvalidArgument)
    {
        var value = input.GetValueOrDefault(name) as string;
        if (string.IsNullOrWhiteSpace(value)) throw new KgGraphQLException(code, $"{name} must not be empty.");
        return value;
    }

    /// <summary>The label of an existing-or-new key, checking its prefix.</summary>
    private KgLabel LabelOf(string key, string what) =>
        _model.LabelOfKey(key) ?? throw new KgGraphQLException(KgErrorCodes.UnknownKind, $"{what} '{key}' has no known key prefix (e.g. person:, country:).");

    private CompiledRoot CompileUpsert()
    {
        var input = Input();
        var kind = Required(input, "kind", KgErrorCodes.UnknownKind);
        if (!_model.LabelsByName.TryGetValue(kind, out var label))
            throw new KgGraphQLException(KgErrorCodes.UnknownKind, $"Unknown kind '{kind}'; expected one of {string.Join(", ", _model.Labels.Select(l => l.Label))}.");
        var key = Required(input, "key", KgErrorCodes.MissingKey);
        if (!key.StartsWith(label.KeyPrefix + ":", StringComparison.Ordinal) || key.Length == label.KeyPrefix.Length + 1)
            throw new KgGraphQLException(KgErrorCodes.InvalidArgument, $"A {label.Label} key must look like '{label.KeyPrefix}:<slug>'.");
        var name = Required(input, "name");
        var n = NewVar("n");
        var sb = new StringBuilder("MERGE (").Append(n).Append(':').Append(label.Label).Append(" {key: ").Append(Param(key)).Append("})")
            .Append(" SET ").Append(n).Append(".name = ").Append(Param(name))
            .Append(", ").Append(n).Append(".aliases = coalesce(").Append(Param(input.GetValueOrDefault("aliases"))).Append(", ").Append(n).Append(".aliases, [])");
        foreach (var property in (input.GetValueOrDefault("properties") as IEnumerable<object?>) ?? [])
        {
            var p = (IDictionary<string, object?>)property!;
            var propName = p["name"] as string ?? "";
            var def = label.Properties.FirstOrDefault(x => x.Name == propName)
                ?? throw new KgGraphQLException(KgErrorCodes.UnknownProperty, $"{label.Label} has no property '{propName}'.");
            sb.Append(", ").Append(n).Append('.').Append(def.Name).Append(" = ").Append(Param(PropertyValue(def, p)));
        }
        sb.Append(" RETURN ").Append(ProjectNode(n, label.Label, [_context.FieldAst.SelectionSet])).Append(" AS result");
        return new(Done(sb.ToString()), ResultShape.Single);
    }

    private static object? PropertyValue(KgProperty def, IDictionary<string, object?> p)
    {
        var value = p.TryGetValue("value", out var v) ? v as string : null;
        switch (def.Kind)
        {
            case KgScalar.StringList:
                return (p.TryGetValue("values", out var list) ? list : null) ?? (value is null ? null : new List<object?> { value });
            case KgScalar.Int:
                if (value is null) return null;
                return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l
                    : throw new KgGraphQLException(KgErrorCodes.InvalidArgument, $"{def.Name} must be an integer.");
            case KgScalar.Date:
                return value is null ? null : CheckDate(value, def.Name);
            default:
                return value;
        }
    }

    /// <summary>ISO dates at the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD, and a real date.</summary>
    internal static string CheckDate(string value, string what)
    {
        var ok = DatePattern().IsMatch(value) && value.Length switch
        {
            4 => true,
            7 => DateTime.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ => DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        };
        return ok ? value : throw new KgGraphQLException(KgErrorCodes.InvalidDate, $"{what} '{value}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD).");
    }

    [GeneratedRegex(@"^\d{4}(-\d{2}(-\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    private List<string> SourceKeys(Dictionary<string, object?> input)
    {
        var sources = Strings(input.GetValueOrDefault("sources")).ToList();
        if (sources.Count == 0) throw new KgGraphQLException(KgErrorCodes.InvalidArgument, "sources must name at least one Source key.");
        foreach (var s in sources)
            if (_model.LabelOfKey(s)?.Label != "Source")
                throw new KgGraphQLException(KgErrorCodes.InvalidArgument, $"'{s}' is not a Source key (source:...).");
        return sources;
    }

    private CompiledRoot CompileRelate()
    {
        var input = Input();
        var type = _model.RelationshipsByType[(string)input["type"]!];
        var from = Required(input, "from", KgErrorCodes.MissingKey);
        var to = Required(input, "to", KgErrorCodes.MissingKey);
        var fromLabel = LabelOf(from, "from");
        var toLabel = LabelOf(to, "to");
        if (!type.From.Contains(fromLabel.Label) || !type.To.Contains(toLabel.Label))
            throw new KgGraphQLException(KgErrorCodes.RelationshipNotAllowed,
                $"{type.Type} goes from {string.Join("|", type.From)} to {string.Join("|", type.To)}, not {fromLabel.Label} to {toLabel.Label}.");
        var sources = SourceKeys(input);
        var date = input.GetValueOrDefault("date") is string d ? CheckDate(d, "date") : null;
        var (a, b, r) = (NewVar("a"), NewVar("b"), NewVar("r"));
        var query = "MATCH (" + a + ":" + fromLabel.Label + " {key: " + Param(from) + "}) MATCH (" + b + ":" + toLabel.Label + " {key: " + Param(to) + "})"
            + " MERGE (" + a + ")-[" + r + ":" + type.Type + "]->(" + b + ")"
            + " SET " + r + ".sources = " + Param(sources) + ", " + r + ".confidence = " + Param(input["confidence"]) + ", " + r + ".date = " + Param(date)
            + " RETURN " + ProjectRelationship(r, [_context.FieldAst.SelectionSet]) + " AS result";
        return new(Done(query), ResultShape.Single) { NotFoundMessage = $"'{from}' or '{to}' does not exist." };
    }

    private CompiledRoot CompileUnrelate()
    {
        var type = _model.RelationshipsByType[_context.GetArgument<string>("type")!];
        var from = _context.GetArgument<string>("from") ?? "";
        var to = _context.GetArgument<string>("to") ?? "";
        var fromLabel = LabelOf(from, "from");
        var toLabel = LabelOf(to, "to");
        var (a, b, r) = (NewVar("a"), NewVar("b"), NewVar("r"));
        var query = "MATCH (" + a + ":" + fromLabel.Label + " {key: " + Param(from) + "})-[" + r + ":" + type.Type + "]->(" + b + ":" + toLabel.Label + " {key: " + Param(to) + "})"
            + " DELETE " + r + " RETURN count(*) AS result";
        return new(Done(query), ResultShape.Scalar);
    }

    private CompiledRoot CompileAddClaim()
    {
        var input = Input();
        var key = Required(input, "key", KgErrorCodes.MissingKey);
        if (_model.LabelOfKey(key)?.Label != "Claim")
            throw new KgGraphQLException(KgErrorCodes.InvalidArgument, "A claim key must look like 'claim:<slug>'.");
        var stance = Required(input, "stance");
        if (!KnowledgeModel.ClaimStances.Contains(stance))
            throw new KgGraphQLException(KgErrorCodes.InvalidArgument, $"stance must be one of {string.Join(", ", KnowledgeModel.ClaimStances)}.");
        var statedBy = Required(input, "statedBy", KgErrorCodes.MissingKey);
        var stated = _model.RelationshipsByType["STATED"];
        var speakerLabel = LabelOf(statedBy, "statedBy");
        if (!stated.From.Contains(speakerLabel.Label))
            throw new KgGraphQLException(KgErrorCodes.RelationshipNotAllowed, $"A {speakerLabel.Label} cannot state a claim.");
        var about = Strings(input.GetValueOrDefault("about")).Distinct().ToList();
        var sources = SourceKeys(input);
        var date = input.GetValueOrDefault("date") is string d ? CheckDate(d, "date") : null;
        var confidence = input["confidence"];

        // Every endpoint is matched before anything is written, so a missing key writes nothing.
        var c = NewVar("c");
        var speaker = NewVar("a");
        var matches = new List<string> { "(" + speaker + ":" + speakerLabel.Label + " {key: " + Param(statedBy) + "})" };
        var aboutVars = new List<string>();
        foreach (var k in about)
        {
            var v = NewVar("t");
            aboutVars.Add(v);
            matches.Add("(" + v + ":" + LabelOf(k, "about").Label + " {key: " + Param(k) + "})");
        }
        var sourceVars = new List<string>();
        foreach (var s in sources)
        {
            var v = NewVar("s");
            sourceVars.Add(v);
            matches.Add("(" + v + ":Source {key: " + Param(s) + "})");
        }
        var provenance = new Func<string, string>(r => r + ".sources = " + Param(sources) + ", " + r + ".confidence = " + Param(confidence) + ", " + r + ".date = " + Param(date));
        var sb = new StringBuilder("MATCH ").Append(string.Join(" MATCH ", matches))
            .Append(" MERGE (").Append(c).Append(":Claim {key: ").Append(Param(key)).Append("})")
            .Append(" SET ").Append(c).Append(".name = ").Append(Param(Required(input, "name")))
            .Append(", ").Append(c).Append(".text = ").Append(Param(Required(input, "text")))
            .Append(", ").Append(c).Append(".stance = ").Append(Param(stance))
            .Append(", ").Append(c).Append(".date = ").Append(Param(date))
            .Append(", ").Append(c).Append(".confidence = ").Append(Param(confidence))
            .Append(", ").Append(c).Append(".aliases = coalesce(").Append(c).Append(".aliases, [])");
        var r0 = NewVar("r");
        sb.Append(" MERGE (").Append(speaker).Append(")-[").Append(r0).Append(":STATED]->(").Append(c).Append(") SET ").Append(provenance(r0));
        foreach (var v in aboutVars)
        {
            var r = NewVar("r");
            sb.Append(" MERGE (").Append(c).Append(")-[").Append(r).Append(":ABOUT]->(").Append(v).Append(") SET ").Append(provenance(r));
        }
        foreach (var v in sourceVars)
        {
            var r = NewVar("r");
            sb.Append(" MERGE (").Append(c).Append(")-[").Append(r).Append(":REPORTED_BY]->(").Append(v).Append(") SET ").Append(provenance(r));
        }
        sb.Append(" RETURN ").Append(ProjectNode(c, "Claim", [_context.FieldAst.SelectionSet])).Append(" AS result");
        return new(Done(sb.ToString()), ResultShape.Single) { NotFoundMessage = "statedBy, about or sources names an entity that does not exist." };
    }

    private CompiledRoot CompileDelete()
    {
        var key = _context.GetArgument<string>("key") ?? "";
        var label = _model.LabelOfKey(key);
        if (label is null) return new(null, ResultShape.Scalar);
        var detach = _context.GetArgument<bool>("detach");
        var n = NewVar("n");
        var query = "MATCH (" + n + ":" + label.Label + " {key: " + Param(key) + "}) " + (detach ? "DETACH " : "") + "DELETE " + n + " RETURN count(*) AS result";
        return new(Done(query), ResultShape.Scalar)
        {
            ConstraintMessage = detach ? null : $"'{key}' still has relationships: delete them first, or pass detach: true.",
        };
    }
}
