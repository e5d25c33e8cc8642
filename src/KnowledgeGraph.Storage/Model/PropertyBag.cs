namespace KnowledgeGraph.Storage.Model;

/// <summary>
/// The properties of one entity: key tokens sorted ascending with their normalised values. Immutable: every change
/// produces a new bag, so a snapshot that holds the old bag is never affected.
/// </summary>
internal sealed class PropertyBag
{
    public static readonly PropertyBag Empty = new([], []);

    public PropertyBag(int[] keys, object[] values)
    {
        Keys = keys;
        Values = values;
    }

    public int[] Keys { get; }

    public object[] Values { get; }

    public int Count => Keys.Length;

    public object? Get(int key)
    {
        var keys = Keys;
        // Most entities carry a handful of keys: a scan of the sorted keys beats the generic binary search there
        // (the read path of every property access).
        if (keys.Length <= 8)
        {
            for (var i = 0; i < keys.Length; i++)
            {
                if (keys[i] == key) return Values[i];
                if (keys[i] > key) return null;
            }
            return null;
        }
        // The span search compares ints directly; Array.BinarySearch goes through a comparer call per step.
        var found = ((ReadOnlySpan<int>)keys).BinarySearch(key);
        return found >= 0 ? Values[found] : null;
    }

    public PropertyBag With(int key, object value)
    {
        var i = Array.BinarySearch(Keys, key);
        if (i >= 0)
        {
            var values = (object[])Values.Clone();
            values[i] = value;
            return new PropertyBag(Keys, values);
        }

        i = ~i;
        var newKeys = new int[Keys.Length + 1];
        var newValues = new object[Keys.Length + 1];
        Array.Copy(Keys, newKeys, i);
        Array.Copy(Values, newValues, i);
        newKeys[i] = key;
        newValues[i] = value;
        Array.Copy(Keys, i, newKeys, i + 1, Keys.Length - i);
        Array.Copy(Values, i, newValues, i + 1, Keys.Length - i);
        return new PropertyBag(newKeys, newValues);
    }

    public PropertyBag Without(int key)
    {
        var i = Array.BinarySearch(Keys, key);
        if (i < 0) return this;
        if (Keys.Length == 1) return Empty;
        var newKeys = new int[Keys.Length - 1];
        var newValues = new object[Keys.Length - 1];
        Array.Copy(Keys, newKeys, i);
        Array.Copy(Values, newValues, i);
        Array.Copy(Keys, i + 1, newKeys, i, Keys.Length - i - 1);
        Array.Copy(Values, i + 1, newValues, i, Keys.Length - i - 1);
        return new PropertyBag(newKeys, newValues);
    }

    /// <summary>Builds a bag from unsorted (key, value) pairs; later duplicates win.</summary>
    public static PropertyBag From(List<KeyValuePair<int, object>> pairs)
    {
        if (pairs.Count == 0) return Empty;
        pairs.Sort((a, b) => a.Key.CompareTo(b.Key));
        var keys = new List<int>(pairs.Count);
        var values = new List<object>(pairs.Count);
        foreach (var (k, v) in pairs)
        {
            if (keys.Count > 0 && keys[^1] == k)
            {
                values[^1] = v;
            }
            else
            {
                keys.Add(k);
                values.Add(v);
            }
        }

        return new PropertyBag(keys.ToArray(), values.ToArray());
    }
}
