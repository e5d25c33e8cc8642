using System.Text.Json;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.Seeding.Seeds;

public sealed partial class SeedFileParser
{
    private static readonly string[] ClaimSpeakers = ["Person", "Country", "Organization"];
    private static readonly string[] V1ClaimProperties = ["text", "stance", "date", "attribution", "confidence"];
    private static readonly string[] V1RelationProperties = ["confidence", "date", "note"];

    private void ParseDocument(JsonElement e, string path)
    {
        CheckMembers(e, path, DocumentMembers);
        var label = KnowledgeModel.FindLabel("Document")!;
        var props = new Dictionary<string, object?>(StringComparer.Ordinal);
        var key = ReadCommon(e, path, label, props);
        foreach (var def in label.Properties)
            if (e.TryGetProperty(def.Name, out var value))
                SetIfValid(props, def.Name, ReadValue(value, $"{path}.{def.Name}", def));
        AddNode(label, key, props);

        var publisher = e.TryGetProperty("publishedBy", out var p)
            ? ReadKey(p, $"{path}.publishedBy", ["Source"])
            : MissingMember(path, "publishedBy");
        if (key is null || publisher is null) return;
        // Facts about the document itself rest on its publisher.
        var provenance = new Dictionary<string, object?>(StringComparer.Ordinal) { ["confidence"] = "confirmed" };
        if (props.TryGetValue("publishedDate", out var date)) provenance["date"] = date;
        string[] sources = [publisher];
        AddRelationship("PUBLISHED", publisher, key, sources, provenance, $"{path}.publishedBy");
        LinkAll(e, path, "authors", ["Person"], k => AddRelationship("WROTE", k.Key, key, sources, provenance, k.Path));
        LinkAll(e, path, "cites", ["Source", "Document"], k => AddRelationship("CITES", key, k.Key, sources, provenance, k.Path));
        LinkAll(e, path, "mentions", null, k => AddRelationship("MENTIONS", key, k.Key, sources, provenance, k.Path));
    }

    private void ParseClaim(JsonElement e, string path)
    {
        CheckMembers(e, path, ClaimMembers);
        var label = KnowledgeModel.FindLabel("Claim")!;
        var props = new Dictionary<string, object?>(StringComparer.Ordinal);
        var key = ReadCommon(e, path, label, props);
        // Format v1: the claim's own properties and v1 provenance (confidence, date) only.
        var claimProperties = label.Properties.Where(d => V1ClaimProperties.Contains(d.Name)).ToList();
        foreach (var def in claimProperties)
        {
            if (e.TryGetProperty(def.Name, out var value))
                SetIfValid(props, def.Name, ReadValue(value, $"{path}.{def.Name}", def));
        }
        CheckRequired(path, claimProperties, e);
        AddNode(label, key, props);

        List<string>? reportedBy = null;
        if (e.TryGetProperty("reportedBy", out var r))
            reportedBy = ReadKeyList(r, $"{path}.reportedBy", ["Source"], allowEmpty: false)?.Select(k => k.Key).ToList();
        else
            MissingMember(path, "reportedBy");
        if (key is null || reportedBy is null || !props.ContainsKey("confidence")) return;

        var provenance = new Dictionary<string, object?>(StringComparer.Ordinal) { ["confidence"] = props["confidence"] };
        if (props.TryGetValue("date", out var date)) provenance["date"] = date;
        var i = 0;
        foreach (var source in reportedBy)
        {
            // That an outlet reported a statement rests on the outlet itself.
            var reported = new Dictionary<string, object?>(provenance) { ["confidence"] = "confirmed" };
            AddRelationship("REPORTED_BY", key, source, [source], reported, $"{path}.reportedBy[{i++}]");
        }
        LinkAll(e, path, "statedBy", ClaimSpeakers, k => AddRelationship("STATED", k.Key, key, reportedBy, provenance, k.Path));
        LinkAll(e, path, "about", null, k => AddRelationship("ABOUT", key, k.Key, reportedBy, provenance, k.Path));
    }

    private void ParseRelation(JsonElement e, string path)
    {
        CheckMembers(e, path, RelationMembers);
        var typeName = RequiredString(e, path, "type");
        if (typeName is null) return;
        var type = KnowledgeModel.FindRelationshipType(typeName);
        if (type is null)
        {
            Error($"{path}.type", $"unknown relationship type '{typeName}'; expected one of {string.Join(", ", KnowledgeModel.RelationshipTypes.Select(t => t.Name))}");
            return;
        }
        var from = e.TryGetProperty("from", out var f) ? ReadKey(f, $"{path}.from", type.FromLabels) : MissingMember(path, "from");
        var to = e.TryGetProperty("to", out var t) ? ReadKey(t, $"{path}.to", type.ToLabels) : MissingMember(path, "to");
        List<string>? sources = null;
        if (e.TryGetProperty("sources", out var s))
            sources = ReadKeyList(s, $"{path}.sources", ["Source"], allowEmpty: false)?.Select(k => k.Key).ToList();
        else
            MissingMember(path, "sources");

        var props = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var def in KnowledgeModel.CommonRelationshipProperties.Where(d => V1RelationProperties.Contains(d.Name)))
            if (e.TryGetProperty(def.Name, out var value))
                SetIfValid(props, def.Name, ReadValue(value, $"{path}.{def.Name}", def));
        if (!props.ContainsKey("confidence") && !e.TryGetProperty("confidence", out _))
            MissingMember(path, "confidence");
        JsonElement? extraProps = e.TryGetProperty("props", out var extra) ? extra : null;
        if (extraProps is { } x)
            ReadProperties(x, $"{path}.props", type.Properties, props);
        CheckRequired(path, type.Properties, extraProps);
        if (from is null || to is null || sources is null) return;
        AddRelationship(type.Name, from, to, sources, props, path);
    }

    /// <summary>Adds a relationship whose endpoints' labels were already checked by the caller's key readers.</summary>
    private void AddRelationship(
        string type, string from, string to, IReadOnlyList<string> sources, Dictionary<string, object?> props, string path)
    {
        var definition = KnowledgeModel.FindRelationshipType(type)!;
        var fromLabel = LabelOf(from);
        var toLabel = LabelOf(to);
        if (fromLabel is null || toLabel is null) return;
        if (!definition.AllowsFrom(fromLabel) || !definition.AllowsTo(toLabel))
        {
            Error(path, $"{type} cannot go from {fromLabel} to {toLabel}; it goes from {string.Join("|", definition.FromLabels)} to {string.Join("|", definition.ToLabels)}");
            return;
        }
        if (!_relationshipIdentities.Add((from, type, to)))
        {
            Error(path, $"duplicate relationship ({from})-[:{type}]->({to}) in this file");
            return;
        }
        _relationships.Add(new SeedRelationship(type, from, fromLabel, to, toLabel, sources, new Dictionary<string, object?>(props)));
    }

    private void LinkAll(JsonElement e, string path, string member, IReadOnlyList<string>? labels, Action<(string Key, string Path)> link)
    {
        if (!e.TryGetProperty(member, out var value)) return;
        var keys = ReadKeyList(value, $"{path}.{member}", labels, allowEmpty: true);
        if (keys is null) return;
        foreach (var k in keys) link(k);
    }
}
