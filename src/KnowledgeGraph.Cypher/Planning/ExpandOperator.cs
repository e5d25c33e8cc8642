using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.QueryErrors;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher.Planning;

/// <summary>
/// Expand(All) binds the relationship and the far node of each relationship of the node in <see cref="From"/>;
/// Expand(Into) keeps the relationships that end at the node already bound in <see cref="To"/>. A relationship
/// already bound by the same MATCH (the slots in <see cref="Distinct"/>) is skipped: relationship uniqueness.
/// </summary>
internal sealed class ExpandOperator(PlanOperator child, int from, int rel, int to, bool into, Direction direction,
    LabelExpression? types, int[] distinct, string fromName) : PlanOperator(child)
{
    public int From { get; } = from;

    public int To { get; } = to;

    public int[] Distinct { get; } = distinct;

    public override string Name => into ? "Expand(Into)" : "Expand(All)";

    private readonly IReadOnlyList<string>? _typeList = types?.AsDisjunction();

    protected override IEnumerable<List<object?[]>> Produce(ExecContext ctx)
    {
        var filterTypes = _typeList is null && types is not null;
        var capacity = FirstBatchSize;
        var output = new List<object?[]>(capacity);
        foreach (var batch in Child!.Run(ctx))
        {
            foreach (var input in batch)
            {
                ctx.Tick();
                long start;
                switch (input[From])
                {
                    case NodeValue n: start = n.Id; break;
                    case null: continue;
                    case var other:
                        throw Err.Type($"Variable `{fromName}` already declared as {CypherValues.TypeName(other)}", "VariableTypeConflict");
                }
                long target = -1;
                if (into)
                {
                    if (input[To] is not NodeValue t) continue;
                    target = t.Id;
                }
                foreach (var r in ctx.Reader.GetRelationships(start, direction, _typeList))
                {
                    ctx.DbHits++;
                    if (filterTypes && !LabelMatch.TypeMatches(r.Type, types)) continue;
                    if (Used(input, r.Id)) continue;
                    var other = r.OtherNode(start);
                    if (into && other != target) continue;
                    var row = (object?[])input.Clone();
                    row[rel] = new RelValue(r.Id, r.Type, r.StartNodeId, r.EndNodeId);
                    if (!into) row[To] = new NodeValue(other);
                    output.Add(row);
                    if (output.Count == capacity)
                    {
                        yield return output;
                        capacity = Grow(capacity);
                        output = new List<object?[]>(capacity);
                    }
                }
            }
        }
        if (output.Count > 0) yield return output;
    }

    private bool Used(object?[] row, long id)
    {
        foreach (var slot in Distinct)
            if (row[slot] is RelValue r && r.Id == id) return true;
        return false;
    }
}
