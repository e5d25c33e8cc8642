using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Syntax;
using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Execution;

internal sealed partial class BulkWritePlan
{
    /// <summary>The static rules (1)-(3) of <see cref="BulkWritePlan"/>; null means "not this shape".</summary>
    private sealed class Shape
    {
        private readonly string? _sourceVariable;
        private readonly HashSet<string> _valueVariables = new(StringComparer.Ordinal);
        private readonly HashSet<string> _newVariables = new(StringComparer.Ordinal);
        private readonly HashSet<string> _patternKeys = new(StringComparer.Ordinal);
        private readonly HashSet<string> _matchLabels = new(StringComparer.Ordinal);
        private readonly HashSet<string> _matchVariables = new(StringComparer.Ordinal);
        private readonly HashSet<string> _createdLabels = new(StringComparer.Ordinal);

        private Shape(string? sourceVariable)
        {
            _sourceVariable = sourceVariable;
            if (sourceVariable is not null) _newVariables.Add(sourceVariable);
        }

        public static BulkWritePlan? Check(Clause? source, MatchClause? match, Clause write, List<SetPropertyItem> sets)
        {
            var shape = new Shape(source switch { LoadCsvClause l => l.Variable, UnwindClause u => u.Variable, _ => null });
            switch (source)
            {
                case LoadCsvClause l when !shape.Value(l.Url, allowSource: false):
                case UnwindClause u when !shape.Value(u.Expression, allowSource: false):
                    return null;
            }
            var seeks = new List<SeekPart>();
            if (match is not null)
            {
                if (match.Optional || match.Where is not null || match.Hints.Count > 0) return null;
                foreach (var part in match.Pattern.Parts)
                {
                    if (part.PathVariable is not null || part.Selector is not null || part.Path.Elements is not [NodePattern np]) return null;
                    if (shape.SeekPartOf(np) is not { Variable: { } variable } seek || !shape._matchVariables.Add(variable)) return null;
                    shape._newVariables.Add(variable);
                    shape._matchLabels.UnionWith(seek.Labels);
                    seeks.Add(seek);
                }
            }
            SeekPart? mergeSeek = null;
            var written = new HashSet<string>(shape._matchVariables, StringComparer.Ordinal);
            switch (write)
            {
                case CreateClause create:
                    foreach (var part in create.Pattern.Parts)
                        if (!shape.CreatablePart(part, written)) return null;
                    break;
                case MergeClause merge:
                    if (merge.Pattern.PathVariable is not null || merge.Pattern.Selector is not null) return null;
                    if (merge.Pattern.Path.Elements is [NodePattern node])
                    {
                        // MERGE of one node: found through an index, created like CREATE.
                        if (node.Variable is { } v && (shape._matchVariables.Contains(v) || !written.Add(v))) return null;
                        if (shape.SeekPartOf(node) is not { } seek) return null;
                        if (node.Variable is not null) shape._newVariables.Add(node.Variable);
                        shape._createdLabels.UnionWith(seek.Labels);
                        mergeSeek = seek;
                    }
                    else if (!shape.MergeRelationshipBetweenMatched(merge.Pattern, written)) return null;
                    foreach (var action in merge.Actions)
                        foreach (var item in action.Items)
                            if (item is not SetPropertyItem sp || !shape.Settable(sp, written)) return null;
                    break;
                default:
                    return null;
            }
            foreach (var set in sets)
                if (!shape.Settable(set, written)) return null;
            // Rule (1): a node the write creates must not be one a later row's MATCH could find.
            if (shape._createdLabels.Overlaps(shape._matchLabels)) return null;
            return new BulkWritePlan(source, seeks, write, sets, mergeSeek, shape._valueVariables, shape._newVariables);
        }

        /// <summary>A node with a variable-free label conjunction and a map literal whose values are plain values.</summary>
        private SeekPart? SeekPartOf(NodePattern np)
        {
            if (np.Where is not null || np.Labels?.AsConjunction() is not { Count: > 0 } labels) return null;
            if (np.Properties is not MapLiteral { Entries.Count: > 0 } map) return null;
            foreach (var entry in map.Entries)
            {
                if (!Value(entry.Value, allowSource: true)) return null;
                _patternKeys.Add(entry.Key);
            }
            return new SeekPart(np.Variable, labels, map.Entries);
        }

        /// <summary>A CREATE part: nodes new (labels, plain-value map) or matched, single-typed fixed relationships.</summary>
        private bool CreatablePart(PatternPart part, HashSet<string> written)
        {
            if (part.Selector is not null) return false;
            if (part.PathVariable is not null && !NewVariable(part.PathVariable, written)) return false;
            foreach (var element in part.Path.Elements)
            {
                switch (element)
                {
                    case NodePattern np when np.Variable is { } v && _matchVariables.Contains(v):
                        if (np.Labels is not null || np.Properties is not null || np.Where is not null) return false;
                        break;
                    case NodePattern np:
                        if (np.Where is not null || (np.Labels is not null && np.Labels.AsConjunction() is null)) return false;
                        if (np.Variable is { } nv && !NewVariable(nv, written)) return false;
                        if (!PropertyMap(np.Properties)) return false;
                        _createdLabels.UnionWith(np.Labels?.AsConjunction() ?? []);
                        break;
                    case RelationshipPattern rp:
                        if (rp.IsVariableLength || rp.Where is not null || rp.Types?.AsDisjunction() is not { Count: 1 }) return false;
                        if (rp.Direction is not (RelationshipDirection.Outgoing or RelationshipDirection.Incoming)) return false;
                        if (rp.Variable is { } rv && !NewVariable(rv, written)) return false;
                        if (!PropertyMap(rp.Properties)) return false;
                        break;
                    default:
                        return false;
                }
            }
            return true;
        }

        /// <summary><c>MERGE (a)-[r:T {…}]->(b)</c> with both ends matched: run by the general MERGE per row.</summary>
        private bool MergeRelationshipBetweenMatched(PatternPart part, HashSet<string> written)
        {
            if (part.Path.Elements is not [NodePattern a, RelationshipPattern rp, NodePattern b]) return false;
            foreach (var end in new[] { a, b })
                if (end.Variable is not { } v || !_matchVariables.Contains(v) || end.Labels is not null || end.Properties is not null || end.Where is not null) return false;
            if (rp.IsVariableLength || rp.Where is not null || rp.Types?.AsDisjunction() is not { Count: 1 }) return false;
            if (rp.Variable is { } rv && !NewVariable(rv, written)) return false;
            if (rp.Properties is MapLiteral map)
                foreach (var entry in map.Entries)
                    _patternKeys.Add(entry.Key);
            return PropertyMap(rp.Properties);
        }

        private bool NewVariable(string name, HashSet<string> written)
        {
            if (!written.Add(name) || name == _sourceVariable) return false;
            _newVariables.Add(name);
            return true;
        }

        private bool PropertyMap(Expression? properties) => properties switch
        {
            null => true,
            MapLiteral map => map.Entries.All(e => Value(e.Value, allowSource: true)),
            _ => false,
        };

        /// <summary>Rule (2): <c>x.key = value</c> on a written or matched entity, the key used by no pattern map.</summary>
        private bool Settable(SetPropertyItem item, HashSet<string> written) =>
            item.Entity is Variable { Name: var name } && written.Contains(name) && !_patternKeys.Contains(item.Key) && Value(item.Value, allowSource: true);

        /// <summary>Rule (3): an expression over the row's plain values only.</summary>
        private bool Value(Expression e, bool allowSource)
        {
            if (!PlainNode(e)) return false;
            foreach (var node in SyntaxTree.Descendants(e))
                if (!PlainNode(node)) return false;
            foreach (var v in AstWalk.VariablesIn(e))
            {
                if (v == _sourceVariable)
                {
                    if (!allowSource) return false;
                    continue;
                }
                _valueVariables.Add(v);
            }
            return true;
        }

        private static bool PlainNode(AstNode node) => node switch
        {
            Literal or ListLiteral or MapLiteral or MapEntry or Parameter or Variable or PropertyAccess or IndexAccess or SliceAccess
                or BinaryExpression or UnaryExpression or IsNullExpression or CaseExpression or CaseAlternative => true,
            FunctionCall f => f.Namespace.Count == 0 && !ExpressionFacts.AggregateFunctions.Contains(f.Name.ToLowerInvariant()),
            _ => false,
        };
    }
}
