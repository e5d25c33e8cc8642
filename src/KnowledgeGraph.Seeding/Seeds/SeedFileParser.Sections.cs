using System.Globalization;
using System.Text.Json;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.Seeding.Seeds;

public sealed partial class SeedFileParser
{
    private static readonly string[] ClaimSpeakers = ["Person", "Country", "Organization"];
    private static readonly string[] ClaimOwnProperties = ["text", "stance", "attribution"];

    private readonly Dictionary<string, List<string>> _supportingClaims = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _contradictingClaims = new(StringComparer.Ordinal);

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
        // Facts about the document itself rest on its publisher, and the document states them.
        string[] chains = [publisher];
        var provenance = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [Provenance.Confidence] = "confirmed",
            [Provenance.Tier] = Provenance.ReportedTier,
            [Provenance.Origins] = new List<object?> { publisher },
            [Provenance.IndependentSources] = 1L,
            [Provenance.Sources] = new List<object?> { publisher },
            [Provenance.Document] = key,
        };
        if (props.TryGetValue("publishedDate", out var date)) provenance[Provenance.Date] = date;
        AddRelationship("PUBLISHED", publisher, key, chains, provenance, $"{path}.publishedBy");
        LinkAll(e, path, "authors", ["Person"], k => AddRelationship("WROTE", k.Key, key, chains, provenance, k.Path));
        LinkAll(e, path, "cites", ["Source", "Document"], k => AddRelationship("CITES", key, k.Key, chains, provenance, k.Path));
        LinkAll(e, path, "mentions", null, k => AddRelationship("MENTIONS", key, k.Key, chains, provenance, k.Path));
    }

    private void ParseClaim(JsonElement e, string path)
    {
        CheckMembers(e, path, ClaimMembers);
        var label = KnowledgeModel.FindLabel("Claim")!;
        var props = new Dictionary<string, object?>(StringComparer.Ordinal);
        var key = ReadCommon(e, path, label, props);
        var own = label.Properties.Where(d => ClaimOwnProperties.Contains(d.Name)).ToList();
        foreach (var def in own)
            if (e.TryGetProperty(def.Name, out var value))
                SetIfValid(props, def.Name, ReadValue(value, $"{path}.{def.Name}", def));
        CheckRequired(path, own, e);
        var chains = ReadProvenance(e, path, props, evidence: false);
        if (props.GetValueOrDefault(Provenance.Tier) is Provenance.BackgroundTier)
            Error($"{path}.tier", "a claim is a statement some document reports; it cannot be background");
        // A claim's evidence is the SUPPORTS / CONTRADICTS relations of this file, so the two cannot disagree.
        if (key is not null && _supportingClaims.TryGetValue(key, out var supporting))
            props[Provenance.SupportedBy] = supporting.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Cast<object?>().ToList();
        if (key is not null && _contradictingClaims.TryGetValue(key, out var contradicting))
            props[Provenance.ContradictedBy] = contradicting.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Cast<object?>().ToList();
        AddNode(label, key, props, chains);
        if (key is null || chains is null) return;

        var provenance = props.Where(p => KnowledgeModel.ProvenanceProperties.Any(d => d.Name == p.Key)
                && p.Key is not (Provenance.SupportedBy or Provenance.ContradictedBy))
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        // That an outlet relayed the statement is stated as fact by the document, whatever the statement's grade.
        var reported = new Dictionary<string, object?>(provenance, StringComparer.Ordinal) { [Provenance.Confidence] = "confirmed" };
        var i = 0;
        foreach (var source in ProvenanceChains.Sources(chains))
            AddRelationship("REPORTED_BY", key, source, chains, reported, $"{path}.reports[{i++}]");
        LinkAll(e, path, "statedBy", ClaimSpeakers, k => AddRelationship("STATED", k.Key, key, chains, provenance, k.Path));
        LinkAll(e, path, "about", null, k => AddRelationship("ABOUT", key, k.Key, chains, provenance, k.Path));
    }

    private void ParseRelation(JsonElement e, string path)
    {
        CheckMembers(e, path, RelationMembers);
        var typeName = RequiredString(e, path, "type");
        if (typeName is null) return;
        var type = KnowledgeModel.FindRelationshipType(typeName);
        if (type is null || type.Structural)
        {
            var allowed = KnowledgeModel.RelationshipTypes.Where(t => !t.Structural).Select(t => t.Name);
            Error($"{path}.type", $"unknown relationship type '{typeName}'; expected one of {string.Join(", ", allowed)}");
            return;
        }
        var from = e.TryGetProperty("from", out var f) ? ReadKey(f, $"{path}.from", type.FromLabels) : MissingMember(path, "from");
        var to = e.TryGetProperty("to", out var t) ? ReadKey(t, $"{path}.to", type.ToLabels) : MissingMember(path, "to");

        var props = new Dictionary<string, object?>(StringComparer.Ordinal);
        var chains = ReadProvenance(e, path, props, evidence: true);
        if (e.TryGetProperty(Provenance.Note, out var note))
            SetIfValid(props, Provenance.Note, ReadString(note, $"{path}.note"));
        JsonElement? extraProps = e.TryGetProperty("props", out var extra) ? extra : null;
        if (extraProps is { } x)
            ReadProperties(x, $"{path}.props", type.Properties, props);
        CheckRequired(path, type.Properties, extraProps);
        if (from is null || to is null || chains is null) return;
        if (type.Name is "SUPPORTS" or "CONTRADICTS")
        {
            if (from == to) Error(path, $"a claim cannot {type.Name.ToLowerInvariant()} itself");
            var index = type.Name == "SUPPORTS" ? _supportingClaims : _contradictingClaims;
            if (!index.TryGetValue(to, out var list)) index[to] = list = [];
            list.Add(from);
            // Contradiction is mutual: each claim lists the other.
            if (type.Name == "CONTRADICTS")
            {
                if (!index.TryGetValue(from, out var back)) index[from] = back = [];
                back.Add(to);
            }
        }
        AddRelationship(type.Name, from, to, chains, props, path);
    }

    private void ParseFact(JsonElement e, string path)
    {
        CheckMembers(e, path, FactMembers);
        var entity = e.TryGetProperty("entity", out var en) ? ReadKey(en, $"{path}.entity", null) : MissingMember(path, "entity");
        var property = RequiredString(e, path, "property");
        var props = new Dictionary<string, object?>(StringComparer.Ordinal);
        var chains = ReadProvenance(e, path, props, evidence: true);
        if (entity is null || property is null) return;
        // The value is the entity's own property, so the Fact and the entity cannot disagree.
        var node = _nodes.FirstOrDefault(n => n.Key == entity);
        if (node is null || !node.Properties.TryGetValue(property, out var value) || property is "name" or "description")
        {
            Error($"{path}.property", $"'{entity}' has no property '{property}' set in this file; a fact records a property the entity declares");
            return;
        }
        if (node.Label is "Claim" or "Document")
        {
            Error($"{path}.entity", $"'{entity}' is a {node.Label}; its provenance is its own (claims) or its publisher (documents)");
            return;
        }
        var key = Provenance.FactKey(entity, property);
        if (_nodes.Any(n => n.Key == key))
        {
            Error(path, $"duplicate fact for '{entity}' property '{property}'");
            return;
        }
        if (chains is null) return;
        props["name"] = $"{node.Properties["name"]}: {property}";
        props["property"] = property;
        props["value"] = value switch
        {
            long l => l.ToString(CultureInfo.InvariantCulture),
            string s => s,
            _ => string.Join(", ", ((IEnumerable<object?>)value!).Cast<string>()),
        };
        _declared[key] = "Fact";
        AddNode(KnowledgeModel.FindLabel("Fact")!, key, props, chains);
        AddRelationship("HAS_FACT", entity, key, [], new Dictionary<string, object?>(StringComparer.Ordinal), path);
    }

    /// <summary>Adds a relationship whose endpoints' labels were already checked by the caller's key readers.</summary>
    private void AddRelationship(
        string type, string from, string to, IReadOnlyList<string> chains, Dictionary<string, object?> props, string path)
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
        _relationships.Add(new SeedRelationship(type, from, fromLabel, to, toLabel, new Dictionary<string, object?>(props), chains));
    }

    private void LinkAll(JsonElement e, string path, string member, IReadOnlyList<string>? labels, Action<(string Key, string Path)> link)
    {
        if (!e.TryGetProperty(member, out var value)) return;
        var keys = ReadKeyList(value, $"{path}.{member}", labels, allowEmpty: true);
        if (keys is null) return;
        foreach (var k in keys) link(k);
    }
}
