using KnowledgeGraph.Cypher.QueryErrors;

namespace KnowledgeGraph.Cypher.Functions;

internal static partial class FunctionRegistry
{
    private static void AddStrings(Dictionary<string, (int, int, Fn)> d)
    {
        d["tolower"] = (1, 1, (a, c) => a[0] is null ? null : Str(a[0], "toLower").ToLowerInvariant());
        d["toupper"] = (1, 1, (a, c) => a[0] is null ? null : Str(a[0], "toUpper").ToUpperInvariant());
        d["lower"] = d["tolower"];
        d["upper"] = d["toupper"];
        d["trim"] = (1, 1, (a, c) => a[0] is null ? null : Str(a[0], "trim").Trim());
        d["btrim"] = (1, 2, (a, c) => a[0] is null ? null : a.Length > 1 && a[1] is string t ? Str(a[0], "btrim").Trim(t.ToCharArray()) : Str(a[0], "btrim").Trim());
        d["ltrim"] = (1, 2, (a, c) => a[0] is null ? null : a.Length > 1 && a[1] is string t ? Str(a[0], "ltrim").TrimStart(t.ToCharArray()) : Str(a[0], "ltrim").TrimStart());
        d["rtrim"] = (1, 2, (a, c) => a[0] is null ? null : a.Length > 1 && a[1] is string t ? Str(a[0], "rtrim").TrimEnd(t.ToCharArray()) : Str(a[0], "rtrim").TrimEnd());
        d["replace"] = (3, 3, (a, c) => a.Any(x => x is null) ? null : Str(a[1], "replace").Length == 0 ? Str(a[0], "replace") : Str(a[0], "replace").Replace(Str(a[1], "replace"), Str(a[2], "replace"), StringComparison.Ordinal));
        d["split"] = (2, 2, (a, c) =>
        {
            if (a[0] is null || a[1] is null) return null;
            var s = Str(a[0], "split");
            if (a[1] is IReadOnlyList<object?> seps)
                return s.Split(seps.Select(x => Str(x, "split")).ToArray(), StringSplitOptions.None).Cast<object?>().ToList();
            var sep = Str(a[1], "split");
            if (sep.Length == 0) return s.Select(ch => (object?)ch.ToString()).ToList();
            return s.Split(sep).Cast<object?>().ToList();
        });
        d["substring"] = (2, 3, (a, c) =>
        {
            if (a[0] is null) return null;
            var s = Str(a[0], "substring");
            var start = Int(a[1], "substring");
            if (start < 0) throw Err.Argument("substring start must not be negative", "NegativeIntegerArgument");
            if (start >= s.Length) return "";
            if (a.Length < 3 || a[2] is null) return s[(int)start..];
            var len = Int(a[2], "substring");
            if (len < 0) throw Err.Argument("substring length must not be negative", "NegativeIntegerArgument");
            return s.Substring((int)start, (int)Math.Min(len, s.Length - start));
        });
        d["left"] = (2, 2, (a, c) =>
        {
            if (a[0] is null) return null;
            if (a[1] is null) throw Err.Argument("left() length must not be null", "InvalidArgumentValue");
            var n = Int(a[1], "left");
            if (n < 0) throw Err.Argument("left() length must not be negative", "NegativeIntegerArgument");
            var s = Str(a[0], "left");
            return s[..(int)Math.Min(n, s.Length)];
        });
        d["right"] = (2, 2, (a, c) =>
        {
            if (a[0] is null) return null;
            if (a[1] is null) throw Err.Argument("right() length must not be null", "InvalidArgumentValue");
            var n = Int(a[1], "right");
            if (n < 0) throw Err.Argument("right() length must not be negative", "NegativeIntegerArgument");
            var s = Str(a[0], "right");
            return s[(int)(s.Length - Math.Min(n, s.Length))..];
        });
        d["char_length"] = (1, 1, (a, c) => a[0] is null ? null : (long)Str(a[0], "char_length").Length);
        d["character_length"] = d["char_length"];
    }
}
