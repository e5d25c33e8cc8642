using GraphQL.Resolvers;
using GraphQL.Types;
using KnowledgeGraph.GraphQL.Ingestion;

namespace KnowledgeGraph.GraphQL.Schema;

internal sealed partial class KgSchemaBuilder
{
    /// <summary>ingestDocument and reloadSeeds: typed results built from dictionaries (<see cref="IngestionShapes"/>).</summary>
    private void AddIngestionMutations(ObjectGraphType mutation)
    {
        var classification = new EnumerationGraphType { Name = "FactClassification", Description = "How a candidate fact stands against the graph." };
        classification.Add("NEW", "new", "The graph does not hold it.");
        classification.Add("CORROBORATES", "corroborates", "The same fact from an independent origin: its independent-source count would rise.");
        classification.Add("REPEATS", "repeats", "The same fact from an origin already counted, relayed again.");
        classification.Add("CONTRADICTS", "contradicts", "Opposes a fact or claim the graph holds.");

        var candidate = Obj("MentionCandidate", "An entity a mention may name.",
            ("key", NonNull(_string), "Entity key."), ("label", NonNull(_string), "Its kind (label)."), ("name", NonNull(_string), "Its name."));
        var mention = Obj("IngestedMention", "A known entity named in the text. Offsets are UTF-16 code units into the text, 0-based.",
            ("text", NonNull(_string), "The words as written."),
            ("offset", NonNull(_int), "UTF-16 offset of the first character."),
            ("length", NonNull(_int), "UTF-16 length."),
            ("key", _string, "The linked entity; null when ambiguous."),
            ("label", _string, "The linked entity's kind."),
            ("rule", NonNull(_string), "name, alias, locative, metonym, earlier-full-name or ambiguous."),
            ("candidates", NonNull(new ListGraphType(NonNull(candidate))), "Every entity the words may name."),
            ("reason", _string, "Why it is ambiguous, or why a rule chose."),
            ("quote", NonNull(_string), "The sentence around it (at most 200 characters)."),
            ("quoteOffset", NonNull(_int), "UTF-16 offset of the quote."));
        var entity = Obj("IngestionCandidate", "A name the graph does not know, a title, or a new outlet.",
            ("kind", NonNull(_string), "name, title or outlet."),
            ("text", NonNull(_string), "The words."),
            ("offset", NonNull(_int), "UTF-16 offset."),
            ("proposedKey", _string, "A key for a new entity."),
            ("proposedLabel", _string, "Person or Source when the words tell; else null."),
            ("person", _string, "For a title: the linked person it is given to."),
            ("evidence", NonNull(_string), "Why it is proposed."),
            ("quote", NonNull(_string), "The sentence around it."),
            ("quoteOffset", NonNull(_int), "UTF-16 offset of the quote."));
        var existing = Obj("ExistingFact", "A fact already in the graph.",
            ("type", NonNull(_string), "Relationship type, or Fact for a node fact."),
            ("from", NonNull(_string), "Start key (or the node fact's entity)."),
            ("to", NonNull(_string), "End key (or the node fact's property)."),
            ("confidence", _string, "Its confidence."),
            ("chains", NonNull(new ListGraphType(NonNull(_string))), "Its report chains."),
            ("independentSources", NonNull(_int), "Its distinct origins."),
            ("value", _string, "A node fact's value."));
        var fact = Obj("IngestedFact", "A candidate fact, classified against the graph.",
            ("kind", NonNull(_string), "meeting, drafting or denial."),
            ("type", NonNull(_string), "ATTENDED, HELD_IN, DRAFTED or DENIES."),
            ("from", NonNull(_string), "Start key."),
            ("to", _string, "End key (a new meeting's proposed key; null when unknown)."),
            ("classification", NonNull(classification), "new, corroborates, repeats or contradicts."),
            ("reason", NonNull(_string), "Why."),
            ("related", existing, "The existing fact it relates to."),
            ("independentSourcesBefore", NonNull(_int), "The related fact's count now (0 when new)."),
            ("independentSourcesAfter", NonNull(_int), "The count once the draft is loaded."),
            ("chain", NonNull(_string), "Its report chain (origin > relays > publisher)."),
            ("confidence", NonNull(_string), "confirmed, reported or claimed."),
            ("quote", NonNull(_string), "The supporting sentence."),
            ("quoteOffset", NonNull(_int), "UTF-16 offset of the quote."),
            ("words", NonNull(new ListGraphType(NonNull(_string))), "The words supporting it."),
            ("startDate", _string, "Meetings: first day (partial ISO date)."),
            ("endDate", _string, "Meetings: last day."),
            ("place", _string, "Meetings: place key."),
            ("inDraft", NonNull(_boolean), "False when left out of the draft for the curator to settle."));
        var report = Obj("IngestedReport", "A report chain read from the text.",
            ("chain", NonNull(_string), "origin > relays > publisher."),
            ("origin", NonNull(_string), "Who says so first."),
            ("words", NonNull(_string), "The words it was read from."),
            ("offset", NonNull(_int), "UTF-16 offset of the words."),
            ("classification", NonNull(classification), "The strongest classification of the facts it carries."));
        var result = Obj("IngestionResult", "What a document adds, corroborates, repeats or contradicts, and the seed draft.",
            ("documentKey", NonNull(_string), "The draft's Document key."),
            ("fileName", NonNull(_string), "The draft's file name in the seeds directory."),
            ("textHash", NonNull(_string), "sha256:<hex> of the UTF-8 text."),
            ("mentions", NonNull(new ListGraphType(NonNull(mention))), "Known entities named in the text."),
            ("candidates", NonNull(new ListGraphType(NonNull(entity))), "Names not linked, titles, new outlets."),
            ("facts", NonNull(new ListGraphType(NonNull(fact))), "Candidate facts, classified."),
            ("reports", NonNull(new ListGraphType(NonNull(report))), "Report chains read from the text."),
            ("draft", NonNull(_string), "The seed file draft (seed format 2, JSON)."),
            ("draftErrors", NonNull(new ListGraphType(NonNull(_string))), "What the seed validator says of the draft (empty when valid)."),
            ("written", NonNull(_boolean), "True when the draft was written (dryRun: false)."),
            ("writtenFile", _string, "seeds/<file> when written."));
        var fileReport = Obj("SeedFileReport", "What reloading did with one seed file.",
            ("file", NonNull(_string), "seeds/<file>."),
            ("loaded", NonNull(_boolean), "Valid and committed."),
            ("nodes", NonNull(_int), "Nodes the file declares."),
            ("relationships", NonNull(_int), "Relationships the file declares."),
            ("nodesCreated", NonNull(_int), "Nodes created (0 when all existed)."),
            ("relationshipsCreated", NonNull(_int), "Relationships created."),
            ("errors", NonNull(new ListGraphType(NonNull(_string))), "Why it was rejected."));
        var reload = Obj("SeedReloadResult", "The outcome of reloadSeeds.",
            ("succeeded", NonNull(_boolean), "Every file loaded."),
            ("nodesCreated", NonNull(_int), "Nodes created over all files (0 on a second run)."),
            ("relationshipsCreated", NonNull(_int), "Relationships created over all files."),
            ("files", NonNull(new ListGraphType(NonNull(fileReport))), "One entry per file, in load order."));

        var input = Input("IngestDocumentInput", "A document to ingest.");
        input.AddField(new FieldType { Name = "text", ResolvedType = NonNull(_string), Description = "The document's plain text (at most Ingestion:MaxTextLength characters)." });
        input.AddField(new FieldType { Name = "title", ResolvedType = _string, Description = "Its title; the draft's file name and key derive from it." });
        input.AddField(new FieldType { Name = "url", ResolvedType = _string, Description = "Where it was published (http or https)." });
        input.AddField(new FieldType { Name = "source", ResolvedType = NonNull(_string), Description = "The publisher: a Source key (source:reuters) or name (Reuters); a new outlet otherwise." });
        input.AddField(new FieldType { Name = "publishedAt", ResolvedType = NonNull(_string), Description = "YYYY-MM-DD, YYYY-MM or YYYY." });
        input.AddField(new FieldType { Name = "language", ResolvedType = _string, Description = "ISO 639-1 (fr, en, it); omitted: every language's word lists." });
        input.AddField(new FieldType { Name = "dryRun", ResolvedType = _boolean, DefaultValue = true, Description = "True (default): write nothing. False: write the draft into the seeds directory (Seed:Directory)." });

        mutation.AddField(new FieldType
        {
            Name = "ingestDocument",
            ResolvedType = NonNull(result),
            Description = "Links a new document's mentions to known entities, proposes new entities and facts, classifies each fact against the graph (new, corroborates, repeats, contradicts) and drafts a seed file. Writes nothing to the graph; writes the draft file only with dryRun: false.",
            Arguments = new QueryArguments(Arg("input", NonNull(input), "The document.")),
            Resolver = IngestionResolvers.Ingest,
        });
        mutation.AddField(new FieldType
        {
            Name = "reloadSeeds",
            ResolvedType = NonNull(reload),
            Description = "Loads every seed file of the seeds directory again (idempotent MERGE through the seeder), so reviewed drafts appear without a restart.",
            Resolver = IngestionResolvers.Reload,
        });
    }

    private ObjectGraphType Obj(string name, string description, params (string Name, IGraphType Type, string Description)[] fields)
    {
        var type = new ObjectGraphType { Name = name, Description = description };
        foreach (var (field, graphType, text) in fields)
            type.AddField(new FieldType { Name = field, ResolvedType = graphType, Description = text, Resolver = ByName });
        return type;
    }

    private static readonly IFieldResolver ByName = new FuncFieldResolver<object?>(context =>
        context.Source is IReadOnlyDictionary<string, object?> map ? map.GetValueOrDefault(context.FieldDefinition.Name) : null);
}
