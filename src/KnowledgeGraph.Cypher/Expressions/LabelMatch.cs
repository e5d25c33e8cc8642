using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher.Expressions;

/// <summary>Label and relationship-type expressions (<c>:A&amp;!B</c>, <c>:T|U</c>) tested against stored entities, for
/// label predicates in expressions and for the pattern matcher alike.</summary>
internal static class LabelMatch
{
    public static bool TypeMatches(string type, LabelExpression? types) => types switch
    {
        null => true,
        LabelName n => n.Name == type,
        LabelWildcard => true,
        LabelNot n => !TypeMatches(type, n.Operand),
        LabelAnd a => TypeMatches(type, a.Left) && TypeMatches(type, a.Right),
        LabelOr o => TypeMatches(type, o.Left) || TypeMatches(type, o.Right),
        _ => false,
    };

    public static bool NodeLabelsMatch(long node, LabelExpression? labels, ExecContext ctx)
    {
        switch (labels)
        {
            case null: return true;
            case LabelName n:
                ctx.DbHits++;
                return ctx.Reader.HasLabel(node, n.Name);
            case LabelWildcard: return ctx.Reader.ReadLabelsShared(node).Count > 0;
            case LabelNot n: return !NodeLabelsMatch(node, n.Operand, ctx);
            case LabelAnd a: return NodeLabelsMatch(node, a.Left, ctx) && NodeLabelsMatch(node, a.Right, ctx);
            case LabelOr o: return NodeLabelsMatch(node, o.Left, ctx) || NodeLabelsMatch(node, o.Right, ctx);
            default: return false;
        }
    }

    public static Direction ToStorage(RelationshipDirection d) => d switch
    {
        RelationshipDirection.Outgoing => Direction.Outgoing,
        RelationshipDirection.Incoming => Direction.Incoming,
        _ => Direction.Both,
    };
}
