using KnowledgeGraph.Cypher.Import;

namespace KnowledgeGraph.Cypher.Tests.Import;

/// <summary>
/// The importer's id map against a <see cref="Dictionary{TKey, TValue}"/> over the same ids: short ids kept inline,
/// long ids in the arena, ids that differ only past the 8th char or in length, growth across many resizes.
/// </summary>
public sealed class ImportIdMapTests
{
    [Fact]
    public void IdMap_Should_AnswerAsADictionary_When_IdsAreShortLongAndSimilar()
    {
        var map = new ImportIdMap(expected: 4);
        var reference = new Dictionary<string, long>(StringComparer.Ordinal);
        var random = new Random(13);
        string[] shapes = ["p{0}", "person-with-a-long-prefix-{0}", "{0}", "12345678{0}", "ñ✓{0}"];
        for (var i = 0; i < 20_000; i++)
        {
            var id = string.Format(System.Globalization.CultureInfo.InvariantCulture, shapes[random.Next(shapes.Length)], random.Next(50_000));
            ref var slot = ref map.GetOrAdd(id, out var exists);
            Assert.Equal(reference.ContainsKey(id), exists);
            if (!exists)
            {
                slot = i;
                reference[id] = i;
            }
        }
        Assert.Equal(reference.Count, map.Count);
        foreach (var (id, node) in reference)
        {
            Assert.True(map.TryGetValue(id, out var found), id);
            Assert.Equal(node, found);
        }
        foreach (var absent in new[] { "p", "p-1", "12345678", "123456789x", "person-with-a-long-prefix-", "q0", "" })
        {
            if (reference.ContainsKey(absent)) continue;
            Assert.False(map.TryGetValue(absent, out _), absent);
        }
    }

    [Fact]
    public void IdMap_Should_TellIdsApart_When_TheyDifferOnlyInLengthOrTrailingChars()
    {
        var map = new ImportIdMap();
        string[] ids = ["a", "a\0", "a\0\0", "abcdefgh", "abcdefghi", "abcdefghj", "abcdefgh\0"];
        for (var i = 0; i < ids.Length; i++)
        {
            map.GetOrAdd(ids[i], out var exists) = i;
            Assert.False(exists, ids[i]);
        }
        for (var i = 0; i < ids.Length; i++)
        {
            Assert.True(map.TryGetValue(ids[i], out var node));
            Assert.Equal(i, node);
        }
    }
}
