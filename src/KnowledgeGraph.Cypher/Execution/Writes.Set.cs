using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.QueryErrors;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Execution;

internal static partial class Writes
{
    public static void Set(IReadOnlyList<SetItem> items, Row row, ExecContext ctx)
    {
        var w = ctx.RequireWriter();
        foreach (var item in items)
        {
            switch (item)
            {
                case SetPropertyItem sp:
                    SetProp(Evaluator.Eval(sp.Entity, row, ctx), sp.Key, Evaluator.Eval(sp.Value, row, ctx), ctx);
                    break;
                case SetDynamicPropertyItem sd:
                    {
                        var key = Evaluator.Eval(sd.Key, row, ctx) as string ?? throw Err.Type("Property key must be a STRING");
                        SetProp(Evaluator.Eval(sd.Entity, row, ctx), key, Evaluator.Eval(sd.Value, row, ctx), ctx);
                        break;
                    }
                case SetPropertiesItem spi:
                    {
                        var target = Evaluator.Eval(spi.Entity, row, ctx);
                        if (target is null) break;
                        var value = Evaluator.Eval(spi.Value, row, ctx);
                        IReadOnlyDictionary<string, object?> map = value switch
                        {
                            null => new Dictionary<string, object?>(),
                            NodeValue or RelValue => Output.AllProperties(value, ctx),
                            IReadOnlyDictionary<string, object?> m => m,
                            _ => throw Err.Type($"Expected a map but got {CypherValues.TypeName(value)}", "InvalidArgumentType"),
                        };
                        if (target is not NodeValue and not RelValue)
                            throw Err.Type($"Expected a node or relationship but got {CypherValues.TypeName(target)}", "InvalidArgumentType");
                        if (!spi.Merge)
                        {
                            var existing = Output.AllProperties(target, ctx);
                            foreach (var k in existing.Keys.ToList())
                                if (!map.ContainsKey(k)) SetProp(target, k, null, ctx);
                        }
                        foreach (var (k, v) in map) SetProp(target, k, v, ctx);
                        break;
                    }
                case SetLabelsItem sl:
                    {
                        var target = row[sl.Variable];
                        if (target is null) break;
                        if (target is not NodeValue n) throw Err.Type($"Expected a node but got {CypherValues.TypeName(target)}");
                        foreach (var l in sl.Labels)
                            if (w.AddLabel(n.Id, l)) ctx.Counters.LabelsAdded++;
                        break;
                    }
            }
        }
    }

    private static void SetProp(object? target, string key, object? value, ExecContext ctx)
    {
        var w = ctx.RequireWriter();
        var stored = value is null ? null : Storable(value);
        switch (target)
        {
            case null: return;
            case NodeValue n:
                if (ctx.DeletedNodes.Contains(n.Id)) throw Err.Entity($"Node {n.Id} has been deleted");
                if (value is null && w.GetNodeProperty(n.Id, key) is null) return;
                w.SetNodeProperty(n.Id, key, stored);
                ctx.Counters.PropertiesSet++;
                return;
            case RelValue r:
                if (ctx.DeletedRels.Contains(r.Id)) throw Err.Entity($"Relationship {r.Id} has been deleted");
                if (value is null && w.GetRelationshipProperty(r.Id, key) is null) return;
                w.SetRelationshipProperty(r.Id, key, stored);
                ctx.Counters.PropertiesSet++;
                return;
            default:
                throw Err.Type($"Expected a node or relationship but got {CypherValues.TypeName(target)}", "InvalidArgumentType");
        }
    }

    public static void Remove(IReadOnlyList<RemoveItem> items, Row row, ExecContext ctx)
    {
        var w = ctx.RequireWriter();
        foreach (var item in items)
        {
            switch (item)
            {
                case RemovePropertyItem rp:
                    RemoveProp(Evaluator.Eval(rp.Entity, row, ctx), rp.Key, ctx);
                    break;
                case RemoveDynamicPropertyItem rd:
                    RemoveProp(Evaluator.Eval(rd.Entity, row, ctx), Evaluator.Eval(rd.Key, row, ctx) as string ?? throw Err.Type("Property key must be a STRING"), ctx);
                    break;
                case RemoveLabelsItem rl:
                    {
                        var target = row[rl.Variable];
                        if (target is null) break;
                        if (target is not NodeValue n) throw Err.Type($"Expected a node but got {CypherValues.TypeName(target)}");
                        foreach (var l in rl.Labels)
                            if (w.RemoveLabel(n.Id, l)) ctx.Counters.LabelsRemoved++;
                        break;
                    }
            }
        }
    }

    private static void RemoveProp(object? target, string key, ExecContext ctx)
    {
        var w = ctx.RequireWriter();
        switch (target)
        {
            case null: return;
            case NodeValue n:
                if (w.GetNodeProperty(n.Id, key) is not null) { w.SetNodeProperty(n.Id, key, null); ctx.Counters.PropertiesSet++; }
                return;
            case RelValue r:
                if (w.GetRelationshipProperty(r.Id, key) is not null) { w.SetRelationshipProperty(r.Id, key, null); ctx.Counters.PropertiesSet++; }
                return;
            default:
                throw Err.Type($"Expected a node or relationship but got {CypherValues.TypeName(target)}", "InvalidArgumentType");
        }
    }
}
