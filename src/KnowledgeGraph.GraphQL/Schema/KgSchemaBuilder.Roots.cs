using GraphQL.Types;
using KnowledgeGraph.GraphQL.Model;

namespace KnowledgeGraph.GraphQL.Schema;

internal sealed partial class KgSchemaBuilder
{
    private ObjectGraphType BuildQuery()
    {
        var q = new ObjectGraphType { Name = "Query" };
        foreach (var label in _model.Labels)
        {
            var f = Root(label.RootField, NonNull(_connections[label.Label]), new RootSpec(RootKind.List, label), "All " + label.Label + " nodes, filtered, sorted and paged.");
            f.Arguments = PagingArguments(label.Label);
            f.Resolver = _rootResolver;
            q.AddField(f);
        }
        q.AddField(Root("entity", _entity, new RootSpec(RootKind.Entity), "The entity with this key.",
            Arg("key", NonNull(_string), "The entity's key, e.g. country:us or person:steve-witkoff.")));
        q.AddField(Root("node", _node, new RootSpec(RootKind.Node), "Fetches an entity or a relationship by its global id (Relay); a relationship's id encodes type, start key and end key, so the lookup is indexed.",
            Arg("id", NonNull(_id), "A global id from any id field.")));
        q.AddField(Root("nodes", NonNull(new ListGraphType(_node)), new RootSpec(RootKind.Nodes), "Fetches objects by global ids, in order; null where not found.",
            Arg("ids", NonNull(new ListGraphType(NonNull(_id))), "Global ids from id fields.")));
        q.AddField(Root("search", NonNull(new ListGraphType(NonNull(_entity))), new RootSpec(RootKind.Search),
            "Case- and accent-insensitive search over the words of names and aliases, through the entity_search fulltext index (Kiev finds Kyiv, OTAN finds NATO, a word's start finds the word), best match first: exact name, exact alias, prefix, inside, then matching words, ties by the index's relevance. searchPage pages the same results with scores.",
            Arg("text", NonNull(_string), "Text to look for in names and aliases; case and accents are ignored."),
            Arg("kinds", new ListGraphType(NonNull(_kind)), "Only entities of these kinds."),
            Arg("where", _filters[EntityName], "Filter on the entities found (HotChocolate style)."),
            Arg("first", _int, "How many (default 10, max 200).", 10)));
        q.AddField(Root("searchPage", NonNull(_searchConnection), new RootSpec(RootKind.SearchPage),
            "search as a connection: combines with where, pages with first/after, and gives each hit its score, the fulltext index's relevance and the name or alias that matched.",
            Arg("text", NonNull(_string), "Text to look for in names and aliases; case and accents are ignored."),
            Arg("kinds", new ListGraphType(NonNull(_kind)), "Only entities of these kinds."),
            Arg("where", _filters[EntityName], "Filter on the entities found (HotChocolate style)."),
            Arg("first", _int, "Page size (default 10, max 200).", 10),
            Arg("after", _string, "Cursor to continue after (endCursor of the previous page).")));
        q.AddField(Root("paths", NonNull(_pathConnection), new RootSpec(RootKind.Paths),
            "Who connects two entities, through which people, countries, organizations, meetings and proposals. One result per node sequence "
            + "(parallel relationships are listed on their hop, never repeated as paths); denied and rumoured facts and background knowledge "
            + "are left out unless asked; ranked by evidence (score), then length; paged, pageInfo.hasNextPage tells that more exist.",
            [.. EndpointArguments("from", "to"), .. PathArguments(), .. FactArguments(), Arg("first", _int, "Page size (default 10, max 200).", 10),
             Arg("after", _string, "Cursor to continue after (endCursor of the previous page).")]));
        q.AddField(Root("shortestPath", _path, new RootSpec(RootKind.ShortestPath), "One shortest path between two entities, with the same node and fact rules as paths.",
            [.. EndpointArguments("from", "to"), .. PathArguments(), .. FactArguments()]));
        q.AddField(Root("mediators", NonNull(new ListGraphType(NonNull(_mediator))), new RootSpec(RootKind.Mediators),
            "Third parties that mediate or broker between two sides: explicit MEDIATES facts on a conflict, meeting or proposal involving both, "
            + "and actors belonging to neither side that sit on the channels between them (meetings both attend, proposals both shape). "
            + "Never events, conflicts, documents or claims; not empty just because the sides are directly related. Ranked by score. "
            + "Which side an actor belongs to (LEADS, REPRESENTS, SPEAKS_FOR, PART_OF, CITIZEN_OF chains, alliances) is decided from every tier; "
            + "the evidence listed never cites a background fact unless includeBackground is true.",
            [.. EndpointArguments("between", "and"), .. FactArguments(), Arg("first", _int, "How many mediators (default 10, max 200).", 10)]));
        q.AddField(Root("network", NonNull(_network), new RootSpec(RootKind.Network),
            "A deduplicated subgraph around some entities for a graph-drawing front end: the entities within hops admitted relationships "
            + "(nearest first) and every admitted relationship between them, with ids, kinds, types and provenance.",
            [Arg("keys", NonNull(new ListGraphType(NonNull(_string))), "Keys of the entities at the centre."),
             Arg("hops", _int, "How far from the centre (default 1, at most GraphQL:MaxHops).", 1),
             Arg("kinds", new ListGraphType(NonNull(_kind)), "Only nodes of these kinds beyond the centre (default: every kind but Document, Claim, Source and Fact)."),
             Arg("relationshipTypes", new ListGraphType(NonNull(_relType)), "Relationship types to follow (default: all but provenance and structural types)."),
             .. FactArguments(), Arg("maxNodes", _int, "At most this many nodes, nearest first (default 100, max 200).", 100)]));
        q.AddField(Root("contradictions", NonNull(new ListGraphType(NonNull(_contradiction))), new RootSpec(RootKind.Contradictions),
            "Pairs of facts or claims that oppose each other (claims joined by CONTRADICTS, facts whose contradictedBy names a claim), each side with its sources.",
            Arg("subject", _string, "Only contradictions concerning this entity key (a side is it, is about it, was stated by it, or is a fact of it)."),
            Arg("first", _int, "How many pairs (default 50, max 200).", 50)));
        q.AddField(Root("relationships", NonNull(_relationshipConnection), new RootSpec(RootKind.Relationships),
            "Relationships (facts) filtered by their provenance, type and endpoints, paged: relationships(where: {independentSources: {eq: 1}}) lists the facts resting on one source. "
            + "Document and claim bookkeeping (MENTIONS, PUBLISHED, WROTE, WRITES_FOR, CITES, REPORTED_BY, STATED, ABOUT, HAS_FACT, CONTRADICTS, SUPPORTS) is left out unless where filters on type.",
            Arg("between", _string, "Only relationships touching the entity with this key (either direction)."),
            Arg("and", _string, "With between: only relationships between the two entities."),
            Arg("where", _edgeFilter, "Filter on the relationships."),
            Arg("order", new ListGraphType(NonNull(_edgeSort)), "Sort keys, in priority order (default: type, start key, end key)."),
            Arg("first", _int, "Page size (default 50, max 200).", null),
            Arg("after", _string, "Cursor to continue after.")));
        return q;
    }

    private QueryArgument[] EndpointArguments(string from, string to) =>
    [
        Arg(from, NonNull(_string), "Key of the first entity, e.g. country:us."),
        Arg(to, NonNull(_string), "Key of the second entity, e.g. country:russia."),
    ];

    private QueryArgument[] PathArguments() =>
    [
        Arg("maxHops", _int, "Longest path, in hops (default 4, at most GraphQL:MaxHops).", 4),
        Arg("innerKinds", new ListGraphType(NonNull(_kind)), "Kinds allowed as inner nodes (default: PERSON, COUNTRY, ORGANIZATION, MEETING, PROPOSAL; DOCUMENT, CLAIM, SOURCE and FACT never are)."),
        Arg("via", new ListGraphType(NonNull(_kind)), "Only paths with an inner node of one of these kinds (e.g. [MEETING])."),
        Arg("relationshipTypes", new ListGraphType(NonNull(_relType)), "Relationship types to follow (default: all but provenance and structural types)."),
    ];

    /// <summary>Which facts count: by confidence, denial and tier.</summary>
    private QueryArgument[] FactArguments() =>
    [
        Arg("minConfidence", _confidence, "Weakest confidence admitted (default CLAIMED: confirmed, reported or claimed; RUMOURED adds rumoured facts and meetings).", "claimed"),
        Arg("includeDenied", _boolean, "Also admit facts reported as denied (and denied meetings).", false),
        Arg("includeBackground", _boolean, "Also admit background facts (reference knowledge no document states, tier BACKGROUND), of every type; without it no path, network edge or mediator evidence rests on one.", false),
    ];

    private FieldType Root(string name, IGraphType type, RootSpec spec, string description, params QueryArgument[] args)
    {
        var f = Field(name, type, spec, description, _rootResolver);
        if (args.Length > 0) f.Arguments = new QueryArguments(args);
        return f;
    }

    private static QueryArgument Arg(string name, IGraphType type, string description, object? defaultValue = null) =>
        new(type) { Name = name, Description = description, DefaultValue = defaultValue };

    private ObjectGraphType BuildMutation()
    {
        var m = new ObjectGraphType { Name = "Mutation", Description = "Curator mutations; need Authorization: Bearer <GraphQL:ApiKey>." };
        var property = Input("PropertyInput", "A property value; dates as YYYY-MM-DD, numbers as text.");
        property.AddField(new FieldType { Name = "name", ResolvedType = NonNull(_string) });
        property.AddField(new FieldType { Name = "value", ResolvedType = _string, Description = "Scalar value (null removes the property)." });
        property.AddField(new FieldType { Name = "values", ResolvedType = new ListGraphType(NonNull(_string)), Description = "List value." });
        var upsert = Input("UpsertEntityInput", "Creates or updates an entity by key.");
        upsert.AddField(new FieldType { Name = "kind", ResolvedType = NonNull(_string), Description = "A label of the model, e.g. Person." });
        upsert.AddField(new FieldType { Name = "key", ResolvedType = NonNull(_string) });
        upsert.AddField(new FieldType { Name = "name", ResolvedType = NonNull(_string) });
        upsert.AddField(new FieldType { Name = "aliases", ResolvedType = new ListGraphType(NonNull(_string)) });
        upsert.AddField(new FieldType { Name = "properties", ResolvedType = new ListGraphType(NonNull(property)) });
        var relate = Input("RelateInput", "Creates or updates a relationship with its provenance.");
        relate.AddField(new FieldType { Name = "from", ResolvedType = NonNull(_string), Description = "Key of the start node." });
        relate.AddField(new FieldType { Name = "to", ResolvedType = NonNull(_string), Description = "Key of the end node." });
        relate.AddField(new FieldType { Name = "type", ResolvedType = NonNull(_relType) });
        relate.AddField(new FieldType { Name = "sources", ResolvedType = NonNull(new ListGraphType(NonNull(_string))), Description = "Source keys." });
        relate.AddField(new FieldType { Name = "confidence", ResolvedType = NonNull(_confidence) });
        relate.AddField(new FieldType { Name = "date", ResolvedType = _string });
        var claim = Input("AddClaimInput", "Adds a claim with who stated it, what it is about and its sources.");
        claim.AddField(new FieldType { Name = "key", ResolvedType = NonNull(_string) });
        claim.AddField(new FieldType { Name = "name", ResolvedType = NonNull(_string), Description = "Short title." });
        claim.AddField(new FieldType { Name = "text", ResolvedType = NonNull(_string), Description = "Short English paraphrase." });
        claim.AddField(new FieldType { Name = "stance", ResolvedType = NonNull(_enums[KnowledgeGraph.Model.Vocabularies.ClaimStance.Name]), Description = "What the statement does." });
        claim.AddField(new FieldType { Name = "date", ResolvedType = _string });
        claim.AddField(new FieldType { Name = "statedBy", ResolvedType = NonNull(_string), Description = "Key of who stated it." });
        claim.AddField(new FieldType { Name = "about", ResolvedType = new ListGraphType(NonNull(_string)), Description = "Keys of what it is about." });
        claim.AddField(new FieldType { Name = "sources", ResolvedType = NonNull(new ListGraphType(NonNull(_string))), Description = "Source keys." });
        claim.AddField(new FieldType { Name = "confidence", ResolvedType = NonNull(_confidence) });

        m.AddField(Mut("upsertEntity", NonNull(_entity), RootKind.UpsertEntity, "Creates or updates an entity.", Arg("input", NonNull(upsert), "The entity.")));
        m.AddField(Mut("relate", NonNull(_relationship), RootKind.Relate, "Creates or updates a relationship.", Arg("input", NonNull(relate), "The relationship and its provenance.")));
        m.AddField(Mut("unrelate", NonNull(_int), RootKind.Unrelate, "Deletes relationships of a type between two entities; returns how many.",
            Arg("from", NonNull(_string), "Key of the start node."), Arg("to", NonNull(_string), "Key of the end node."), Arg("type", NonNull(_relType), "The relationship type.")));
        m.AddField(Mut("addClaim", NonNull(_types["Claim"]), RootKind.AddClaim, "Adds (or updates) a claim.", Arg("input", NonNull(claim), "The claim.")));
        m.AddField(Mut("deleteEntity", NonNull(_boolean), RootKind.DeleteEntity, "Deletes an entity; with detach its relationships too.",
            Arg("key", NonNull(_string), "Key of the entity."), Arg("detach", _boolean, "Also delete its relationships.", false)));
        AddIngestionMutations(m);
        return m;
    }

    private FieldType Mut(string name, IGraphType type, RootKind kind, string description, params QueryArgument[] args)
    {
        var f = Field(name, type, new RootSpec(kind), description, _mutationResolver);
        f.Arguments = new QueryArguments(args);
        return f;
    }
}
