using System.Collections;
using System.Text;
using GraphQL;
using KnowledgeGraph.GraphQL.Model;
using KnowledgeGraph.GraphQL.Schema;

namespace KnowledgeGraph.GraphQL.Compilation;

/// <summary>How the rows of a root statement become the field's value.</summary>
internal enum ResultShape
{
    /// <summary>One row; its <c>result</c> is a connection map.</summary>
    Connection,

    /// <summary>Zero or one row; its <c>result</c> or null.</summary>
    Single,

    /// <summary>Every row's <c>result</c>, in order.</summary>
    List,

    /// <summary>Rows with <c>key</c> and <c>result</c>, reordered to the requested keys.</summary>
    ByKeys,

    /// <summary>One row whose <c>result</c> is a count.</summary>
    Scalar,
}

/// <summary>A compiled root field: the statement (null when the answer is known without a query) and its shape.</summary>
internal sealed record CompiledRoot(CompiledStatement? Statement, ResultShape Shape, IReadOnlyList<string>? Keys = null)
{
    /// <summary>When set, an empty result is this error (a mutation naming entities that do not exist).</summary>
    public string? NotFoundMessage { get; init; }

    /// <summary>When set, a constraint violation raised by the statement is reported with this message instead of the
    /// engine's (whose text differs between engines and names internal node ids).</summary>
    public string? ConstraintMessage { get; init; }
}

internal sealed partial class KgCompiler
{
    /// <summary>Compiles the current root field.</summary>
    public CompiledRoot CompileRoot(RootSpec spec) => spec.Kind switch
    {
        RootKind.List => CompileList(spec.Label!),
        RootKind.Entity => CompileEntity(_context.GetArgument<string>("key"), expectedType: null),
        RootKind.Node => CompileNode(),
        RootKind.Nodes => CompileNodes(),
        RootKind.Search => CompileSearch(page: false),
        RootKind.SearchPage => CompileSearch(page: true),
        RootKind.Paths => CompilePaths(shortest: false),
        RootKind.ShortestPath => CompilePaths(shortest: true),
        RootKind.Mediators => CompileMediators(),
        RootKind.Network => CompileNetwork(),
        RootKind.Contradictions => CompileContradictions(),
        RootKind.Relationships => CompileRelationships(),
        _ => CompileMutation(spec.Kind),
    };

    private List<GraphQLParser.AST.GraphQLField> RootFields => [_context.FieldAst];

    private CompiledRoot CompileList(KgLabel label)
    {
        var n = NewVar("n");
        var body = ConnectionBody("(" + n + ":" + label.Label + ")", null, n, label.Label, RootFields, _context.FieldDefinition);
        return new(Done("RETURN " + body + " AS result"), ResultShape.Connection);
    }

    private CompiledRoot CompileEntity(string key, string? expectedType)
    {
        var label = _model.LabelOfKey(key);
        if (label is null || (expectedType is not null && label.Label != expectedType))
            return new(null, ResultShape.Single);
        var n = NewVar("n");
        // The label is known from the key prefix, so the projection is that type's (no CASE over kinds).
        return new(Done("MATCH (" + n + ":" + label.Label + " {key: " + Param(key) + "}) RETURN "
            + ProjectNode(n, label.Label, [_context.FieldAst.SelectionSet]) + " AS result"), ResultShape.Single);
    }

    private CompiledRoot CompileNode()
    {
        var id = _context.GetArgument<string>("id");
        if (GlobalIds.TryDecode(id, out var relType, out var identity) && relType == KgSchemaBuilder.RelationshipTypeName)
            return CompileRelationshipById(identity);
        if (!GlobalIds.TryDecode(id, out var typeName, out var key) || !_model.LabelsByName.ContainsKey(typeName))
            throw new KgGraphQLException(KgErrorCodes.InvalidId, "The id is not a valid global id.");
        return CompileEntity(key, typeName);
    }

    /// <summary>A relationship by its identity <c>from|TYPE|to</c>: both endpoints by key (indexed), then the type.</summary>
    private CompiledRoot CompileRelationshipById(string identity)
    {
        var parts = identity.Split('|');
        if (parts.Length != 3 || !_model.RelationshipsByType.TryGetValue(parts[1], out var rel))
            throw new KgGraphQLException(KgErrorCodes.InvalidId, "The id is not a valid global id.");
        var from = _model.LabelOfKey(parts[0]);
        var to = _model.LabelOfKey(parts[2]);
        if (from is null || to is null) return new(null, ResultShape.Single);
        var (x, r, y) = (NewVar("x"), NewVar("r"), NewVar("y"));
        return new(Done("MATCH (" + x + ":" + from.Label + " {key: " + Param(parts[0]) + "})-[" + r + ":" + rel.Type + "]->(" + y + ":" + to.Label + " {key: " + Param(parts[2]) + "})"
            + " RETURN " + ProjectRelationship(r, [_context.FieldAst.SelectionSet]) + " AS result"), ResultShape.Single);
    }

    private CompiledRoot CompileNodes()
    {
        var ids = _context.GetArgument<List<string>>("ids") ?? [];
        if (ids.Count > _options.MaxPageSize)
            throw new KgGraphQLException(KgErrorCodes.PageSizeExceeded, $"At most {_options.MaxPageSize} ids per request.");
        var keys = new List<string>();
        var byLabel = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!GlobalIds.TryDecode(id, out var typeName, out var key) || !_model.LabelsByName.ContainsKey(typeName))
                throw new KgGraphQLException(KgErrorCodes.InvalidId, $"'{id}' is not a valid global id.");
            keys.Add(key);
            if (_model.LabelOfKey(key)?.Label != typeName) continue; // cannot exist
            if (!byLabel.TryGetValue(typeName, out var list)) byLabel[typeName] = list = [];
            if (!list.Contains(key)) list.Add(key);
        }
        if (byLabel.Count == 0) return new(null, ResultShape.ByKeys, keys);
        var n = NewVar("n");
        var unions = byLabel.Select(kv => "MATCH (" + n + ":" + kv.Key + ") WHERE " + n + ".key IN " + Param(kv.Value) + " RETURN " + n);
        var query = "CALL () { " + string.Join(" UNION ALL ", unions) + " } RETURN " + n + ".key AS key, "
            + ProjectNode(n, "Entity", [_context.FieldAst.SelectionSet]) + " AS result";
        return new(Done(query), ResultShape.ByKeys, keys);
    }

    internal const string SearchScoreDescription =
        "How well the text matched: 1 the name, 0.9 an alias, 0.7 the start of a name or alias, 0.6 inside one, 0.5 words of it (after folding case and accents).";

    internal const string SearchRelevanceDescription =
        "The fulltext index's relevance score for the words of the text (BM25 on the embedded engine, Lucene's on Neo4j); orders hits of equal score.";

    /// <summary>The fulltext index over names and aliases that search reads (cypher/schema.cypher).</summary>
    internal const string SearchIndex = "entity_search";

    /// <summary>At most this many words of the text go into the fulltext query.</summary>
    private const int MaxSearchWords = 16;

    /// <summary>
    /// <c>search</c> (a list) and <c>searchPage</c> (a connection): entities whose names or aliases hold a word of the
    /// text (whole, or as the start of a word), found with the <see cref="SearchIndex"/> fulltext index, with
    /// <c>where</c>; scored by how the folded text matched (exact name 1, exact alias 0.9, prefix 0.7, inside 0.6,
    /// words only 0.5), then the index's relevance, then name and key; <c>searchPage</c> is keyset-paged by that order.
    /// The text only ever travels as a parameter: its words are folded, Lucene-escaped and joined into
    /// <c>w w*</c> clauses (any word may match; more matching words score higher), so no input is a query syntax error.
    /// </summary>
    private CompiledRoot CompileSearch(bool page)
    {
        var text = Fold(_context.GetArgument<string>("text") ?? "").Trim();
        var first = _context.GetArgument<int?>("first") ?? 10;
        CheckPageSize(first);
        var kinds = Strings(_context.GetArgument<List<object>>("kinds")).Select(k => _model.LabelsByName[k]).ToList();
        if (kinds.Count == 0) kinds = [.. _model.Labels.Where(l => !l.Structural)];
        var words = SearchWords(text);
        if (words.Count == 0) return new(null, page ? ResultShape.Connection : ResultShape.List);
        var (n, x, s, c, i, originals, names, score, matched) = (NewVar("n"), NewVar("x"), NewVar("s"), NewVar("c"), NewVar("i"), NewVar("originals"), NewVar("names"), NewVar("score"), NewVar("matched"));
        var (relevance, w) = (NewVar("relevance"), NewVar("w"));
        var q = Param(text);
        var lucene = Param(string.Join(" ", words.Select(word => EscapeLucene(word) + " " + EscapeLucene(word) + "*")));
        var wordsParam = Param(words);
        var where = CompileFilter(n, "Entity", _context.GetArgument<IDictionary<string, object?>>("where"));
        var conditions = new List<string> { "(" + string.Join(" OR ", kinds.Select(k => n + ":" + k.Label)) + ")" };
        if (where is not null) conditions.Add(where);
        var order = new List<SortKey> { new(score, true), new(relevance, true), new(n + ".name", false), new(n + ".key", false) };
        var after = _context.GetArgument<string?>("after");
        var sb = new StringBuilder("CALL db.index.fulltext.queryNodes('").Append(SearchIndex).Append("', ").Append(lucene).Append(") YIELD node AS ").Append(n)
            .Append(", score AS ").Append(relevance).Append(" WHERE ").Append(string.Join(" AND ", conditions.Select(Wrap)))
            .Append(" WITH ").Append(n).Append(", ").Append(relevance).Append(", [").Append(n).Append(".name] + coalesce(").Append(n).Append(".aliases, []) AS ").Append(originals)
            .Append(" WITH ").Append(n).Append(", ").Append(relevance).Append(", ").Append(originals).Append(", [").Append(x).Append(" IN ").Append(originals).Append(" | reduce(").Append(s)
            .Append(" = toLower(").Append(x).Append("), ").Append(c).Append(" IN ").Append(Param(FoldTable)).Append(" | replace(").Append(s).Append(", ")
            .Append(c).Append("[0], ").Append(c).Append("[1]))] AS ").Append(names)
            .Append(" WITH ").Append(n).Append(", ").Append(relevance).Append(", ").Append(originals).Append(", ").Append(names).Append(", CASE WHEN ").Append(names).Append("[0] = ").Append(q)
            .Append(" THEN 1.0 WHEN any(").Append(x).Append(" IN ").Append(names).Append(" WHERE ").Append(x).Append(" = ").Append(q)
            .Append(") THEN 0.9 WHEN any(").Append(x).Append(" IN ").Append(names).Append(" WHERE ").Append(x).Append(" STARTS WITH ").Append(q)
            .Append(") THEN 0.7 WHEN any(").Append(x).Append(" IN ").Append(names).Append(" WHERE ").Append(x).Append(" CONTAINS ").Append(q)
            .Append(") THEN 0.6 ELSE 0.5 END AS ").Append(score)
            .Append(" WITH ").Append(n).Append(", ").Append(score).Append(", ").Append(relevance).Append(", ").Append(originals).Append("[head([")
            .Append(i).Append(" IN range(0, size(").Append(names).Append(") - 1) WHERE ").Append(names).Append('[').Append(i).Append("] = ").Append(q).Append("] + [")
            .Append(i).Append(" IN range(0, size(").Append(names).Append(") - 1) WHERE ").Append(names).Append('[').Append(i).Append("] STARTS WITH ").Append(q).Append("] + [")
            .Append(i).Append(" IN range(0, size(").Append(names).Append(") - 1) WHERE ").Append(names).Append('[').Append(i).Append("] CONTAINS ").Append(q).Append("] + [")
            .Append(i).Append(" IN range(0, size(").Append(names).Append(") - 1) WHERE any(").Append(w).Append(" IN ").Append(wordsParam).Append(" WHERE ")
            .Append(names).Append('[').Append(i).Append("] CONTAINS ").Append(w).Append(")] + [0])] AS ").Append(matched);
        var found = sb.ToString();
        if (!page)
            return new(Done(found + " WITH " + n + ", " + score + ", " + relevance + " ORDER BY " + string.Join(", ", order.Select(k => k.Expression + (k.Descending ? " DESC" : " ASC")))
                + " LIMIT " + Param((long)first) + " RETURN " + ProjectNode(n, "Entity", [_context.FieldAst.SelectionSet]) + " AS result"), ResultShape.List);
        var selected = CollectFields([_context.FieldAst.SelectionSet], "SearchConnection");
        var item = new List<string> { ConnectionPage.CursorKey + ": [" + string.Join(", ", order.Select(k => k.Expression)) + "]" };
        foreach (var (key, fields) in selected)
        {
            switch (fields[0].Name.StringValue)
            {
                case "nodes": item.Add(MapKey(key) + ": " + ProjectNode(n, "Entity", Sub(fields))); break;
                case "edges":
                    var edge = new List<string>();
                    foreach (var (ek, ef) in CollectFields(Sub(fields), "SearchEdge"))
                    {
                        switch (ef[0].Name.StringValue)
                        {
                            case "node": edge.Add(MapKey(ek) + ": " + ProjectNode(n, "Entity", Sub(ef))); break;
                            case "score": edge.Add(MapKey(ek) + ": " + score); break;
                            case "relevance": edge.Add(MapKey(ek) + ": " + relevance); break;
                            case "matched": edge.Add(MapKey(ek) + ": " + matched); break;
                        }
                    }
                    item.Add(MapKey(key) + ": {" + string.Join(", ", edge) + "}");
                    break;
            }
        }
        var parts = new List<string>();
        if (item.Count > 1 || selected.Any(sel => sel.Fields[0].Name.StringValue == "pageInfo"))
        {
            var keyset = after is null ? "" : " WITH " + n + ", " + score + ", " + relevance + ", " + matched + " WHERE " + Keyset(order, DecodeCursor(after, order.Count), invert: false);
            parts.Add(ConnectionPage.ItemsKey + ": COLLECT { " + found + keyset + " WITH " + n + ", " + score + ", " + relevance + ", " + matched
                + " ORDER BY " + string.Join(", ", order.Select(k => k.Expression + (k.Descending ? " DESC" : " ASC")))
                + " LIMIT " + Param((long)first + 1) + " RETURN {" + string.Join(", ", item) + "} }");
        }
        if (selected.Any(sel => sel.Fields[0].Name.StringValue is "totalCount" or "aggregate"))
            parts.Add(ConnectionPage.TotalKey + ": COUNT { " + found + " RETURN " + n + " }");
        parts.Add(ConnectionPage.SizeKey + ": " + first.ToString(System.Globalization.CultureInfo.InvariantCulture));
        parts.Add(ConnectionPage.BackKey + ": false");
        return new(Done("RETURN {" + string.Join(", ", parts) + "} AS result"), ResultShape.Connection);
    }

    private void CheckPageSize(int size)
    {
        if (size < 0) throw new KgGraphQLException(KgErrorCodes.InvalidPaging, "first must not be negative.");
        if (size > _options.MaxPageSize)
            throw new KgGraphQLException(KgErrorCodes.PageSizeExceeded, $"At most {_options.MaxPageSize} items; {size} requested.");
    }

    /// <summary>The words of folded search text: runs of letters, digits and inner apostrophes (what the index's
    /// analyzer keeps together), at most <see cref="MaxSearchWords"/>, without repeats.</summary>
    internal static List<string> SearchWords(string folded)
    {
        var words = new List<string>();
        var start = -1;
        for (var k = 0; k <= folded.Length; k++)
        {
            var inWord = k < folded.Length && (char.IsLetterOrDigit(folded[k]) || (folded[k] == '\'' && start >= 0 && k + 1 < folded.Length && char.IsLetterOrDigit(folded[k + 1])));
            if (inWord && start < 0) start = k;
            if (inWord || start < 0) continue;
            var word = folded[start..k];
            if (!words.Contains(word)) words.Add(word);
            start = -1;
            if (words.Count == MaxSearchWords) break;
        }

        return words;
    }

    /// <summary>Backslash-escapes Lucene's query syntax characters, so a word is always a plain term.</summary>
    internal static string EscapeLucene(string word)
    {
        var sb = new StringBuilder(word.Length);
        foreach (var ch in word)
        {
            if ("+-&|!(){}[]^\"~*?:\\/".Contains(ch, StringComparison.Ordinal)) sb.Append('\\');
            sb.Append(ch);
        }

        return sb.ToString();
    }

    /// <summary>
    /// Accent folding pairs applied in Cypher (which has no unaccent) to names and aliases, after toLower; the
    /// query text is folded the same way in C#, so "Kyïv", "KYIV" and "kyiv" compare equal.
    /// </summary>
    internal static readonly IReadOnlyList<IReadOnlyList<string>> FoldTable = BuildFoldTable();

    private static List<IReadOnlyList<string>> BuildFoldTable()
    {
        var groups = new (string From, string To)[]
        {
            ("àáâãäåāăą", "a"), ("çćčĉċ", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"), ("ìíîïĩīĭįı", "i"),
            ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"), ("òóôõöøōŏő", "o"), ("ŕŗř", "r"), ("śŝşšș", "s"), ("ţťŧț", "t"),
            ("ùúûüũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"), ("źżž", "z"), ("’‘`´", "'"), ("‐‑‒–—", "-"),
        };
        var table = new List<IReadOnlyList<string>>();
        foreach (var (from, to) in groups)
            foreach (var ch in from) table.Add([ch.ToString(), to]);
        table.Add(["œ", "oe"]);
        table.Add(["æ", "ae"]);
        table.Add(["ß", "ss"]);
        return table;
    }

    /// <summary>Lower-cases (invariant) and folds accents with <see cref="FoldTable"/>.</summary>
    internal static string Fold(string text)
    {
        var s = text.ToLowerInvariant();
        foreach (var pair in FoldTable) s = s.Replace(pair[0], pair[1], StringComparison.Ordinal);
        return s;
    }

    /// <summary>The MATCH of an endpoint by key; the label comes from the key prefix (so the key index applies).</summary>
    private string MatchEndpoint(string v, string argument)
    {
        var key = _context.GetArgument<string>(argument) ?? "";
        var label = _model.LabelOfKey(key)
            ?? throw new KgGraphQLException(KgErrorCodes.NotFound, $"No entity with key '{key}' (unknown key prefix).");
        return "(" + v + ":" + label.Label + " {key: " + Param(key) + "})";
    }

    private int MaxHops()
    {
        var hops = _context.GetArgument<int?>("maxHops") ?? 4;
        if (hops < 1) throw new KgGraphQLException(KgErrorCodes.InvalidArgument, "maxHops must be at least 1.");
        if (hops > _options.MaxHops)
            throw new KgGraphQLException(KgErrorCodes.MaxHopsExceeded, $"maxHops is at most {_options.MaxHops}; {hops} requested.");
        return hops;
    }

    private static IEnumerable<string> Strings(object? value) =>
        value is IEnumerable list and not string ? list.Cast<object?>().Select(v => v?.ToString() ?? "") : [];
}
