using GraphQL;

namespace KnowledgeGraph.GraphQL.Compilation;

internal sealed partial class KgCompiler
{
    /// <summary>
    /// The relationship types to traverse: the requested ones, or by default every type except the provenance
    /// types (MENTIONS, PUBLISHED, CITES, ...) and the structural ones (HAS_FACT, CONTRADICTS, SUPPORTS), which
    /// would make every document or claim a hub between everything.
    /// </summary>
    private string TypeFilter()
    {
        var requested = Strings(_context.GetArgument<List<object>>("relationshipTypes")).ToList();
        var types = requested.Count > 0
            ? requested.Select(t => _model.RelationshipsByType[t].Type) // enum values: whitelisted types
            : _model.Relationships.Select(r => r.Type).Where(t => !ProvenanceTypes.Contains(t));
        return ":" + string.Join("|", types);
    }

    /// <summary>Relationship types that record where facts come from (or how facts relate) rather than facts about the world.</summary>
    internal static readonly HashSet<string> ProvenanceTypes = new(StringComparer.Ordinal)
    {
        "MENTIONS", "PUBLISHED", "WROTE", "WRITES_FOR", "CITES", "REPORTED_BY", "STATED", "ABOUT", "HAS_FACT", "CONTRADICTS", "SUPPORTS",
    };

    /// <summary>Relationships through which an entity acts for a side: a person leading, representing or speaking
    /// for it, a body that is part of it (up to two steps: envoy of a government that is part of a country).</summary>
    private const string AgentTypes = "LEADS|REPRESENTS|SPEAKS_FOR|PART_OF";

    /// <summary>Relationships by which a side takes part in a conflict, meeting or proposal.</summary>
    private const string InvolvementTypes = "PARTY_TO|ATTENDED|DRAFTED|STANCE_ON|BRIEFED_ON";

    /// <summary>
    /// <c>mediators</c>: third parties between two sides, as in <c>cypher/queries/07-mediators-between-countries.cypher</c>.
    /// A candidate is a person, country or organization that is neither side, acts for neither (no LEADS, REPRESENTS,
    /// SPEAKS_FOR, PART_OF or CITIZEN_OF chain of up to two steps to a side), is no ally of either, and is not (and does
    /// not act for) a party to a conflict a side is party to; its evidence is
    /// every admitted MEDIATES fact on a conflict, meeting or proposal both sides are involved in (explicit), and every
    /// ATTENDED / DRAFTED fact on a meeting or proposal both sides are involved in (channel). A side is involved in x
    /// when it, or an agent acting for it, is PARTY_TO, ATTENDED, DRAFTED, took a STANCE_ON or was BRIEFED_ON x (any
    /// tier: that Russia is party to the war is reference knowledge; only the mediator's own facts must be reported).
    /// Membership chains and alliances decide sides from every tier too (structural side-assignment, not evidence);
    /// the evidence itself passes the fact filter, so it never cites a background fact unless includeBackground.
    /// </summary>
    private CompiledRoot CompileMediators()
    {
        var (a, b, m, r, x) = (NewVar("a"), NewVar("b"), NewVar("m"), NewVar("r"), NewVar("x"));
        var first = _context.GetArgument<int?>("first") ?? 10;
        CheckPageSize(first);
        var facts = NewFactFilter();
        var w = facts.Weights;
        string Involved(string side)
        {
            var (g, q) = (NewVar("g"), NewVar("q"));
            return "EXISTS { MATCH (" + side + ")<-[:" + AgentTypes + "*0..2]-(" + g + ")-[" + q + ":" + InvolvementTypes + "]->(" + x + ") WHERE " + g + " <> " + m + " AND " + q + ".confidence IN " + facts.Confidences + " }";
        }
        string BelongsTo(string side)
        {
            var s = NewVar("s");
            var (z, cf) = (NewVar("z"), NewVar("cf"));
            return "EXISTS { MATCH (" + m + ")-[:" + AgentTypes + "|CITIZEN_OF*1..2]->(" + s + ") WHERE " + s + " = " + side + " }"
                + " OR EXISTS { MATCH (" + m + ")-[:ALLY_OF]-(" + s + ") WHERE " + s + " = " + side + " }"
                // A belligerent facing (or fighting beside) a side, or anyone acting for one, is a party, not a mediator.
                + " OR EXISTS { MATCH (" + m + ")-[:" + AgentTypes + "|CITIZEN_OF*0..2]->(" + z + ")-[:PARTY_TO]->(" + cf + ":Conflict)<-[:PARTY_TO]-(" + s + ") WHERE " + s + " = " + side + " }";
        }
        var (e, ev, score) = (NewVar("e"), NewVar("evidence"), NewVar("score"));
        var query = "MATCH " + MatchEndpoint(a, "between") + " MATCH " + MatchEndpoint(b, "and") + " WHERE " + a + " <> " + b
            + " MATCH (" + m + ")-[" + r + ":MEDIATES|ATTENDED|DRAFTED]->(" + x + ")"
            + " WHERE (" + m + ":Person OR " + m + ":Country OR " + m + ":Organization) AND " + m + " <> " + a + " AND " + m + " <> " + b
            + " AND ((" + x + ":Conflict AND type(" + r + ") = 'MEDIATES') OR " + x + ":Meeting OR " + x + ":Proposal)"
            + " AND " + facts.On(r)
            + " AND NOT (" + BelongsTo(a) + ") AND NOT (" + BelongsTo(b) + ")"
            + " AND " + Involved(a) + " AND " + Involved(b)
            + " WITH " + m + ", " + r + ", " + x + ", " + w + "[" + r + ".confidence] * CASE type(" + r + ") WHEN 'MEDIATES' THEN 1.0 ELSE 0.5 END AS " + e
            + " ORDER BY " + e + " DESC, type(" + r + "), " + x + ".key"
            + " WITH " + m + ", collect({r: " + r + ", x: " + x + ", w: " + e + "}) AS " + ev + ", sum(" + e + ") AS " + score
            + " ORDER BY " + score + " DESC, " + m + ".name, " + m + ".key LIMIT " + Param((long)first)
            + " RETURN " + ProjectMediator(m, ev, score) + " AS result";
        return new(Done(query), ResultShape.List);
    }

    private string ProjectMediator(string m, string ev, string score)
    {
        var entries = new List<string>();
        foreach (var (key, fields) in CollectFields([_context.FieldAst.SelectionSet], "Mediator"))
        {
            var k = MapKey(key);
            switch (fields[0].Name.StringValue)
            {
                case "entity": entries.Add(k + ": " + ProjectNode(m, "Entity", Sub(fields))); break;
                case "score": entries.Add(k + ": " + score); break;
                case "evidence":
                    var v = NewVar("v");
                    var parts = new List<string>();
                    foreach (var (ek, ef) in CollectFields(Sub(fields), "MediationEvidence"))
                    {
                        var kk = MapKey(ek);
                        switch (ef[0].Name.StringValue)
                        {
                            case "kind": parts.Add(kk + ": CASE type(" + v + ".r) WHEN 'MEDIATES' THEN 'explicit' ELSE 'channel' END"); break;
                            case "relationship": parts.Add(kk + ": " + Bind(v + ".r", y => ProjectRelationship(y, Sub(ef)))); break;
                            case "via": parts.Add(kk + ": " + Bind(v + ".x", y => ProjectNode(y, "Entity", Sub(ef)))); break;
                            case "weight": parts.Add(kk + ": " + v + ".w"); break;
                        }
                    }
                    entries.Add(k + ": [" + v + " IN " + ev + " | {" + string.Join(", ", parts) + "}]");
                    break;
            }
        }
        return "{" + string.Join(", ", entries) + "}";
    }
}
