using System.Text.Json;

namespace KnowledgeGraph.Ingestion.Lexicon;

/// <summary>A problem in a lexicon file: the file, the JSON path and what is wrong.</summary>
public sealed record LexiconError(string File, string JsonPath, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}: {JsonPath}: {Message}";
}

/// <summary>Thrown when <c>seeds/lexicon/</c> holds an invalid file; lists every problem.</summary>
public sealed class LexiconException(IReadOnlyList<LexiconError> errors)
    : Exception("Invalid ingestion lexicon:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
{
    /// <summary>The problems.</summary>
    public IReadOnlyList<LexiconError> Errors { get; } = errors;
}

/// <summary>
/// Reads and validates <c>seeds/lexicon/*.json</c> (<c>lexicon.schema.json</c> describes the same rules for editors):
/// <c>aliases.json</c> holds extra aliases; every other file is one language's word lists, named by its ISO 639-1 code.
/// </summary>
public static class LexiconLoader
{
    /// <summary>The file of extra aliases.</summary>
    public const string AliasesFile = "aliases.json";

    private static readonly string[] AliasMembers = ["entity", "names", "metonym", "note"];

    /// <summary>Loads the directory; throws <see cref="LexiconException"/> listing every problem.</summary>
    public static IngestionLexicon Load(string directory)
    {
        var (lexicon, errors) = TryLoad(directory);
        if (errors.Count > 0) throw new LexiconException(errors);
        return lexicon;
    }

    /// <summary>Loads what is valid and returns every problem found.</summary>
    public static (IngestionLexicon Lexicon, IReadOnlyList<LexiconError> Errors) TryLoad(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var errors = new List<LexiconError>();
        var languages = new Dictionary<string, LanguageLexicon>(StringComparer.Ordinal);
        var aliases = new List<LexiconAlias>();
        if (!Directory.Exists(directory))
        {
            errors.Add(new LexiconError(directory, "$", "the lexicon directory does not exist"));
            return (new IngestionLexicon(languages, aliases), errors);
        }
        foreach (var path in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (name.EndsWith(".schema.json", StringComparison.Ordinal)) continue;
            var before = errors.Count;
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            }
            catch (JsonException e)
            {
                errors.Add(new LexiconError(name, "$", "invalid JSON: " + e.Message));
                continue;
            }
            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                    errors.Add(new LexiconError(name, "$", "expected an object"));
                else if (name == AliasesFile)
                    ReadAliases(name, document.RootElement, aliases, errors);
                else if (ReadLanguage(name, document.RootElement, errors) is { } language && errors.Count == before)
                    languages[language.Language] = language;
            }
        }
        return (new IngestionLexicon(languages, aliases), errors);
    }

    private static LanguageLexicon? ReadLanguage(string file, JsonElement root, List<LexiconError> errors)
    {
        var expected = Path.GetFileNameWithoutExtension(file);
        string? language = null;
        var words = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var member in root.EnumerateObject())
        {
            if (member.Name is "$schema" or "$comment") continue;
            if (member.Name == "language")
            {
                language = member.Value.ValueKind == JsonValueKind.String ? member.Value.GetString() : null;
                if (language != expected)
                    errors.Add(new LexiconError(file, "$.language", $"expected \"{expected}\" (the file's name), found {member.Value.GetRawText()}"));
                continue;
            }
            if (!LanguageLexicon.Lists.ContainsKey(member.Name))
            {
                errors.Add(new LexiconError(file, $"$.{member.Name}", $"unknown member; expected language, {string.Join(", ", LanguageLexicon.Lists.Keys)}"));
                continue;
            }
            if (StringList(file, $"$.{member.Name}", member.Value, errors) is { } list) words[member.Name] = list;
        }
        if (language is null && !root.TryGetProperty("language", out _))
            errors.Add(new LexiconError(file, "$", "missing member 'language'"));
        foreach (var name in LanguageLexicon.Lists.Keys)
            if (!root.TryGetProperty(name, out _))
                errors.Add(new LexiconError(file, "$", $"missing member '{name}' ({LanguageLexicon.Lists[name]})"));
        if (words.TryGetValue("months", out var months) && months.Count != 12)
            errors.Add(new LexiconError(file, "$.months", $"expected the 12 month names, found {months.Count}"));
        return language is null ? null : new LanguageLexicon { Language = language, Words = words };
    }

    private static void ReadAliases(string file, JsonElement root, List<LexiconAlias> aliases, List<LexiconError> errors)
    {
        foreach (var member in root.EnumerateObject())
            if (member.Name is not ("$schema" or "$comment" or "aliases"))
                errors.Add(new LexiconError(file, $"$.{member.Name}", "unknown member; expected aliases"));
        if (!root.TryGetProperty("aliases", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new LexiconError(file, "$.aliases", "expected an array of {entity, names, metonym}"));
            return;
        }
        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var path = $"$.aliases[{i++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new LexiconError(file, path, "expected an object"));
                continue;
            }
            foreach (var m in item.EnumerateObject())
                if (!AliasMembers.Contains(m.Name))
                    errors.Add(new LexiconError(file, $"{path}.{m.Name}", $"unknown member; expected {string.Join(", ", AliasMembers)}"));
            var entity = item.TryGetProperty("entity", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()! : null;
            if (entity is null || !entity.Contains(':', StringComparison.Ordinal))
                errors.Add(new LexiconError(file, $"{path}.entity", "expected an entity key such as country:russia"));
            var names = item.TryGetProperty("names", out var n) ? StringList(file, $"{path}.names", n, errors) : null;
            if (!item.TryGetProperty("names", out _)) errors.Add(new LexiconError(file, path, "missing member 'names'"));
            var metonym = false;
            if (item.TryGetProperty("metonym", out var mt))
            {
                if (mt.ValueKind is JsonValueKind.True or JsonValueKind.False) metonym = mt.GetBoolean();
                else errors.Add(new LexiconError(file, $"{path}.metonym", "expected true or false"));
            }
            if (entity is not null && names is not null) aliases.Add(new LexiconAlias(entity, names, metonym));
        }
    }

    private static List<string>? StringList(string file, string path, JsonElement value, List<LexiconError> errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new LexiconError(file, path, "expected an array of strings"));
            return null;
        }
        var list = new List<string>();
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
                errors.Add(new LexiconError(file, $"{path}[{i}]", "expected a non-empty string"));
            else if (Text.Folding.Words(item.GetString()!).Length == 0)
                errors.Add(new LexiconError(file, $"{path}[{i}]", "has no letters or digits to match"));
            else
                list.Add(item.GetString()!);
            i++;
        }
        return list;
    }
}
