namespace KnowledgeGraph.Cypher.Syntax.Ast;

/// <summary>
/// The one walker of the syntax tree: every node's direct children, written out per node type (no reflection), used
/// by the semantic analyzer, the planner and the executor alike. A node type it does not know fails loudly
/// (<see cref="NotSupportedException"/> naming it) rather than being walked as a leaf; <c>SyntaxTreeTests</c> checks
/// that every <see cref="AstNode"/> type is listed here, so a new node type is added in this one place.
/// </summary>
public static class SyntaxTree
{
    /// <summary>The direct children of <paramref name="node"/>, in source order where it has one.</summary>
    public static IEnumerable<AstNode> Children(AstNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node switch
        {
            // Statements and queries
            QueryStatement s => Of(s.Query),
            SingleQuery q => All(q.Clauses),
            UnionQuery u => Of(u.Left, u.Right),

            // Clauses
            MatchClause m => Of(m.Pattern, m.Where).Concat(All(m.Hints)),
            UsingHint => [],
            UnwindClause u => Of(u.Expression),
            WithClause w => Of(w.Body, w.Where),
            ReturnClause r => Of(r.Body),
            ProjectionBody b => All(b.Items).Concat(All(b.OrderBy)).Concat(Of(b.Skip, b.Limit)),
            ProjectionItem i => Of(i.Expression),
            SortItem s => Of(s.Expression),
            CreateClause c => Of(c.Pattern),
            MergeClause m => Of(m.Pattern).Concat(All(m.Actions)),
            MergeAction a => All(a.Items),
            SetClause s => All(s.Items),
            SetPropertyItem s => Of(s.Entity, s.Value),
            SetDynamicPropertyItem s => Of(s.Entity, s.Key, s.Value),
            SetPropertiesItem s => Of(s.Entity, s.Value),
            SetLabelsItem => [],
            RemoveClause r => All(r.Items),
            RemovePropertyItem r => Of(r.Entity),
            RemoveDynamicPropertyItem r => Of(r.Entity, r.Key),
            RemoveLabelsItem => [],
            DeleteClause d => All(d.Expressions),
            ForeachClause f => Of(f.List).Concat(All(f.Clauses)),
            CallProcedureClause c => All(c.Arguments).Concat(All(c.Yield)).Concat(Of(c.Where)),
            YieldItem => [],
            CallSubqueryClause c => Of(c.Body, c.InTransactions),
            InTransactions t => Of(t.Concurrency, t.BatchSize),
            FinishClause => [],

            // Expressions
            Literal or Parameter or Variable or CountStar => [],
            ListLiteral l => All(l.Items),
            MapLiteral m => All(m.Entries),
            MapEntry e => Of(e.Value),
            PropertyAccess p => Of(p.Target),
            IndexAccess i => Of(i.Target, i.Index),
            SliceAccess s => Of(s.Target, s.From, s.To),
            BinaryExpression b => Of(b.Left, b.Right),
            UnaryExpression u => Of(u.Operand),
            IsNullExpression n => Of(n.Operand),
            LabelPredicate l => Of(l.Target, l.Labels),
            FunctionCall f => All(f.Arguments),
            CaseExpression c => Of(c.Subject).Concat(All(c.Alternatives)).Concat(Of(c.Else)),
            CaseAlternative a => Of(a.When, a.Then),
            ListComprehension l => Of(l.Source, l.Where, l.Projection),
            PatternComprehension p => Of(p.Pattern, p.Where, p.Projection),
            PatternPredicate p => Of(p.Pattern),
            ListPredicate l => Of(l.Source, l.Where),
            ReduceExpression r => Of(r.Initial, r.Source, r.Expression),
            SubqueryExpression s => Of(s.Query, s.Pattern, s.Where),
            MapProjection m => Of(m.Subject).Concat(All(m.Items)),
            PropertySelector or AllPropertiesSelector or VariableSelector => [],
            LiteralEntry e => Of(e.Value),
            ShortestPathExpression s => Of(s.Pattern),
            TypePredicate t => Of(t.Operand),

            // Patterns
            Pattern p => All(p.Parts),
            PatternPart p => Of(p.Selector, p.Path),
            PathSelector => [],
            PathPattern p => All(p.Elements),
            NodePattern n => Of(n.Labels, n.Properties, n.Where),
            RelationshipPattern r => Of(r.Types, r.Length, r.Properties, r.Where, r.Quantifier),
            VariableLength or Quantifier => [],
            QuantifiedPathPattern q => Of(q.Path, q.Quantifier, q.Where),
            LabelName or LabelWildcard => [],
            LabelNot l => Of(l.Operand),
            LabelAnd a => Of(a.Left, a.Right),
            LabelOr o => Of(o.Left, o.Right),

            // Schema and administration commands
            CreateIndexCommand c => Of(c.Options),
            DropIndexCommand or DropConstraintCommand => [],
            CreateConstraintCommand c => Of(c.Options),
            ShowCommand s => All(s.Ids).Concat(Of(s.Yield, s.Where, s.Return)),
            TerminateTransactionsCommand t => All(t.Ids).Concat(Of(t.Yield, t.Where, t.Return)),

            _ => throw new NotSupportedException(
                $"SyntaxTree.Children does not know {node.GetType().Name}: list its child nodes there (src/KnowledgeGraph.Cypher.Syntax/Ast/SyntaxTree.cs)."),
        };
    }

    /// <summary>Every node below <paramref name="node"/>, depth first; <paramref name="descendInto"/> false for a
    /// node yields it but not its own descendants (e.g. to stay out of subquery expressions).</summary>
    public static IEnumerable<AstNode> Descendants(AstNode node, Func<AstNode, bool>? descendInto = null)
    {
        foreach (var child in Children(node))
        {
            yield return child;
            if (descendInto is null || descendInto(child))
                foreach (var d in Descendants(child, descendInto)) yield return d;
        }
    }

    private static IEnumerable<AstNode> Of(params AstNode?[] nodes) => nodes.OfType<AstNode>();

    private static IEnumerable<AstNode> All<T>(IEnumerable<T>? nodes) where T : AstNode => nodes ?? [];
}
