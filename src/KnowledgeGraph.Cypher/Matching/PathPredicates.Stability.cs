using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Matching;

internal sealed partial class PathPredicates
{
    /// <summary>Functions whose value depends only on their arguments and the snapshot: no clock, no randomness, no
    /// user-defined code. A predicate calling only these gives an element the same verdict in every statement that
    /// reads the same snapshot with the same parameter values.</summary>
    private static readonly HashSet<string> SnapshotFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "coalesce", "size", "length", "type", "labels", "keys", "properties", "id", "elementid", "startnode", "endnode",
        "head", "last", "tail", "isempty", "tolower", "toupper", "trim", "ltrim", "rtrim", "left", "right", "substring",
        "replace", "split", "reverse", "tointeger", "tofloat", "tostring", "toboolean", "abs", "sign", "round", "ceil", "floor",
    };

    /// <summary>
    /// The parameters the pushed predicates read, in a fixed order, when their verdicts depend on nothing else than the
    /// element, the snapshot and those parameters' values (every function they call is one of
    /// <see cref="SnapshotFunctions"/>, and they read no row variable); null otherwise. Such verdicts may be kept from one
    /// statement to the next (<see cref="WalkGraph"/>'s warm graphs). Found once, when the predicates are analysed.
    /// </summary>
    public string[]? StableParameters { get; }

    private string[]? Stability()
    {
        if (_reads.Length > 0) return null;
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var predicate in EveryNode.Concat(InnerNodes).Concat(EveryRelationship))
        {
            foreach (var n in SyntaxTree.Descendants(predicate.Where).Prepend(predicate.Where))
            {
                switch (n)
                {
                    case FunctionCall f when f.Namespace.Count > 0 || !SnapshotFunctions.Contains(f.Name):
                        return null;
                    case Parameter p:
                        names.Add(p.Name);
                        break;
                }
            }
        }
        return [.. names];
    }
}
