using System.Text;
using GraphQLParser.AST;
using KnowledgeGraph.GraphQL.Model;
using KnowledgeGraph.GraphQL.Schema;

namespace KnowledgeGraph.GraphQL.Compilation;

internal sealed partial class KgCompiler
{
    /// <summary>
    /// Projects a node variable whose static type is <paramref name="typeName"/> (a label, <c>Entity</c> or
    /// <c>Node</c>). For abstract types each label whose selection differs gets its own CASE branch; the
    /// result always carries <c>__t</c> (the node's labels) for type resolution.
    /// </summary>
    private string ProjectNode(string v, string typeName, IEnumerable<GraphQLSelectionSet?> sets)
    {
        var setList = sets.ToList();
        if (_model.LabelsByName.TryGetValue(typeName, out var label))
            return ProjectLabel(v, label.Label, setList);
        var before = Snapshot();
        var common = ProjectLabel(v, "Entity", setList);
        var branches = new List<(string Label, string Projection)>();
        foreach (var l in _model.Labels)
        {
            // Compile the branch as if it replaced the common projection: same text means same parameters too.
            var committed = Snapshot();
            Restore(before);
            var trial = ProjectLabel(v, l.Label, setList);
            Restore(committed);
            if (trial != common) branches.Add((l.Label, ProjectLabel(v, l.Label, setList)));
        }
        if (branches.Count == 0) return common;
        var sb = new StringBuilder("CASE");
        foreach (var (l, p) in branches) sb.Append(" WHEN ").Append(v).Append(':').Append(l).Append(" THEN ").Append(p);
        return sb.Append(" ELSE ").Append(common).Append(" END").ToString();
    }

    /// <summary>A map projection of the fields selected for one label (or the Entity interface).</summary>
    private string ProjectLabel(string v, string typeName, List<GraphQLSelectionSet?> sets)
    {
        var type = TypeNamed(typeName);
        var entries = new List<string>();
        foreach (var (key, fields) in CollectFields(sets, typeName))
        {
            var def = type.GetField(fields[0].Name.StringValue);
            if (def is null) continue; // __typename and friends
            var spec = SpecOf(def);
            var k = MapKey(key);
            switch (spec)
            {
                case IdSpec:
                    entries.Add(k + ": " + v + ".key");
                    break;
                case KindSpec:
                    entries.Add(k + ": labels(" + v + ")");
                    break;
                case PropertySpec { Property: var p }:
                    entries.Add(PropertyEntry(v, key, p));
                    break;
                case RelationshipSpec rel:
                    entries.Add(k + ": " + Connection(v, rel, fields, def));
                    break;
                case DocumentsSpec:
                    entries.Add(k + ": " + Connection(v, new RelationshipSpec(_model.RelationshipsByType["MENTIONS"], Outgoing: false, _model.LabelsByName["Document"]), fields, def));
                    break;
                case SourcesSpec:
                    entries.Add(k + ": " + SourcesOf(v, fields));
                    break;
            }
        }
        entries.Add("__t: labels(" + v + ")");
        return v + "{" + string.Join(", ", entries) + "}";
    }

    private (int Variables, Dictionary<string, object?> Parameters) Snapshot() => (_variables, new Dictionary<string, object?>(_parameters));

    private void Restore((int Variables, Dictionary<string, object?> Parameters) state)
    {
        _variables = state.Variables;
        _parameters.Clear();
        foreach (var kv in state.Parameters) _parameters[kv.Key] = kv.Value;
    }

    private static string PropertyEntry(string v, string key, KgProperty p)
    {
        var k = MapKey(key);
        if (p.Kind == KgScalar.StringList) return k + ": coalesce(" + v + "." + p.Name + ", [])";
        return key == p.Name ? "." + p.Name : k + ": " + v + "." + p.Name;
    }

    /// <summary>The sources that published documents mentioning the node (cypher/README.md), by name.</summary>
    private string SourcesOf(string v, List<GraphQLField> fields)
    {
        var s = NewVar("s");
        return "COLLECT { MATCH (" + v + ")<-[:MENTIONS]-(:Document)<-[:PUBLISHED]-(" + s + ":Source) WITH DISTINCT " + s
            + " ORDER BY " + s + ".name RETURN " + ProjectLabel(s, "Source", Sub(fields).ToList()) + " }";
    }

    private bool IsRelationshipProperty(string name) =>
        KgModel.RelationshipProperties.Any(p => p.Name == name) || _model.ExtraRelationshipProperties.Any(p => p.Name == name);

    /// <summary>A relationship property's value; list properties are never null (an absent list is empty).</summary>
    private string RelationshipPropertyValue(string r, string name) =>
        RelationshipProperty(name) is { Kind: KgScalar.StringList } ? "coalesce(" + r + "." + name + ", [])" : r + "." + name;

    /// <summary>Projects a relationship variable as a <c>Relationship</c> object.</summary>
    private string ProjectRelationship(string r, IEnumerable<GraphQLSelectionSet?> sets)
    {
        var entries = new List<string>();
        foreach (var (key, fields) in CollectFields(sets, "Relationship"))
        {
            var k = MapKey(key);
            switch (fields[0].Name.StringValue)
            {
                // At most one relationship of a type joins two nodes in one direction (cypher/README.md), so
                // start key, type and end key identify it on any engine; element ids differ between databases.
                case "id": entries.Add(k + ": " + RelationshipIdentity(r)); break;
                case "type": entries.Add(k + ": type(" + r + ")"); break;
                case "from": entries.Add(k + ": " + Bind("startNode(" + r + ")", x => ProjectNode(x, "Entity", Sub(fields)))); break;
                case "to": entries.Add(k + ": " + Bind("endNode(" + r + ")", x => ProjectNode(x, "Entity", Sub(fields)))); break;
                case var name when IsRelationshipProperty(name): entries.Add(k + ": " + RelationshipPropertyValue(r, name)); break;
            }
        }
        entries.Add("__t: '" + KgSchemaBuilder.RelationshipTypeName + "'");
        return "{" + string.Join(", ", entries) + "}";
    }

    /// <summary>Binds an expression to a fresh variable so that a map projection can apply to it.</summary>
    private string Bind(string expression, Func<string, string> project)
    {
        var x = NewVar("b");
        return "head([" + x + " IN [" + expression + "] | " + project(x) + "])";
    }
}
