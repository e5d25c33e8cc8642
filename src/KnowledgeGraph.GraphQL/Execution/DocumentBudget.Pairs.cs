using System.Runtime.CompilerServices;
using GraphQLParser.AST;

namespace KnowledgeGraph.GraphQL.Execution;

internal static partial class DocumentBudget
{
    /// <summary>
    /// An upper bound on the comparisons OverlappingFieldsCanBeMerged makes: for each selection set (fragments and
    /// inline fragments merged into it, as the rule does), every pair of fields with the same response name, then
    /// the same for the merged sub-selections of each such group. GraphQL.NET's rule is pairwise and reports every
    /// conflicting pair as its own error, and it compares every pair of fragments spread into a set, so 600 copies of <c>a: entity(key: "kN")</c> cost 15 s, 900 one-field fragments
    /// 10 s and 999 fragments with distinct fields 6.6 s, all under the field and spread caps; this count (exact for those shapes) keeps it to thousands.
    /// Called only after the expanded counts passed, so walking the expansion is bounded by MaxFields + MaxFragmentSpreads.
    /// </summary>
    private static long FieldPairs(GraphQLDocument document, Dictionary<string, GraphQLFragmentDefinition> fragments)
    {
        long total = 0;
        foreach (var definition in document.Definitions)
        {
            var set = definition switch
            {
                GraphQLOperationDefinition o => o.SelectionSet,
                GraphQLFragmentDefinition f => f.SelectionSet,
                _ => null,
            };
            if (set is not null) total = SaturatingAdd(total, Pairs([set], fragments));
        }
        return total;
    }

    private static long Pairs(List<GraphQLSelectionSet> sets, Dictionary<string, GraphQLFragmentDefinition> fragments)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        var groups = new Dictionary<string, List<GraphQLField>>(StringComparer.Ordinal);
        var expanding = new HashSet<string>(StringComparer.Ordinal);
        long spreads = 0;
        foreach (var set in sets) spreads += Collect(set, groups, fragments, expanding);
        // the rule also compares every pair of fragments spread into the set, whatever they select
        var total = spreads * (spreads - 1) / 2;
        foreach (var group in groups.Values)
        {
            long k = group.Count;
            total = SaturatingAdd(total, k * (k - 1) / 2);
            var children = new List<GraphQLSelectionSet>();
            foreach (var field in group)
                if (field.SelectionSet is { } child) children.Add(child);
            if (children.Count > 0) total = SaturatingAdd(total, Pairs(children, fragments));
        }
        return total;
    }

    /// <summary>Adds the set's fields, fragments merged, to the groups; returns the number of spreads merged.</summary>
    private static long Collect(GraphQLSelectionSet set, Dictionary<string, List<GraphQLField>> groups,
        Dictionary<string, GraphQLFragmentDefinition> fragments, HashSet<string> expanding)
    {
        long spreads = 0;
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    var name = (field.Alias?.Name ?? field.Name).StringValue;
                    if (!groups.TryGetValue(name, out var list)) groups[name] = list = [];
                    list.Add(field);
                    break;
                case GraphQLInlineFragment inline:
                    spreads += Collect(inline.SelectionSet, groups, fragments, expanding);
                    break;
                case GraphQLFragmentSpread spread:
                    spreads++;
                    var fragmentName = spread.FragmentName.Name.StringValue;
                    // a cycle or an unknown fragment: validation reports it; nothing to merge here
                    if (fragments.TryGetValue(fragmentName, out var fragment) && expanding.Add(fragmentName))
                    {
                        spreads += Collect(fragment.SelectionSet, groups, fragments, expanding);
                        expanding.Remove(fragmentName);
                    }
                    break;
            }
        }
        return spreads;
    }

    private static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
}
