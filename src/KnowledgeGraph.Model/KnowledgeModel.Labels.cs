namespace KnowledgeGraph.Model;

public static partial class KnowledgeModel
{
    /// <summary>Every node label, in documentation order.</summary>
    public static IReadOnlyList<LabelDefinition> Labels { get; } =
    [
        new("Country", "country", "Country", "countries", "A sovereign state.",
        [
            new("isoCode", PropertyKind.String, "ISO 3166-1 alpha-2 code."),
        ]),
        new("Person", "person", "Person", "people", "A named (or explicitly unnamed) individual.",
        [
            new("title", PropertyKind.String, "Role as reported, e.g. US special envoy."),
        ]),
        new("Organization", "org", "Organization", "organizations",
            "A government body, executive office, ministry, armed force, alliance or coalition.",
        [
            new("category", PropertyKind.Enum, "Kind of organization.", Vocabularies.OrganizationCategory),
        ]),
        new("Source", "source", "Source", "sources",
            "A news outlet or agency, or source:reference (general reference knowledge, not from a document).",
        [
            new("sourceType", PropertyKind.Enum, "Kind of source.", Vocabularies.SourceType),
        ]),
        new("Document", "document", "Document", "documents", "An article or report.",
        [
            new("publishedDate", PropertyKind.PartialDate, "Publication date."),
            new("language", PropertyKind.String, "ISO 639-1 language code."),
            new("dateline", PropertyKind.String, "Place the document was filed from."),
            new("sourceFile", PropertyKind.String, "Name of the source text this seed transcribes."),
            new("url", PropertyKind.String, "Where the document was published (set by ingestion)."),
            new("textHash", PropertyKind.String, "sha256:<hex> of the ingested text (UTF-8); the text itself is kept only as quotes."),
        ]),
        new("Meeting", "meeting", "Meeting", "meetings", "Talks, a summit, or a rumoured meeting.",
        [
            new("startDate", PropertyKind.PartialDate, "First day."),
            new("endDate", PropertyKind.PartialDate, "Last day."),
            new("durationDays", PropertyKind.Integer, "Length in days."),
            new("meetingType", PropertyKind.Enum, "talks or summit.", Vocabularies.MeetingType),
            new("status", PropertyKind.Enum, "held, planned, rumoured or denied.", Vocabularies.MeetingStatus),
        ]),
        new("Place", "place", "Place", "places", "A city, region, state or territory.",
        [
            new("placeType", PropertyKind.Enum, "Kind of place.", Vocabularies.PlaceType),
        ]),
        new("Proposal", "proposal", "Proposal", "proposals", "A plan, draft or idea for a settlement.",
        [
            new("date", PropertyKind.PartialDate, "When it was drafted or floated."),
            new("pointCount", PropertyKind.Integer, "Number of points."),
            new("status", PropertyKind.Enum, "Stage.", Vocabularies.ProposalStatus),
        ]),
        new("Topic", "topic", "Topic", "topics", "An area or condition a proposal covers or demands.", []),
        new("Conflict", "conflict", "Conflict", "conflicts", "A war or armed conflict.",
        [
            new("status", PropertyKind.Enum, "ongoing or ended.", Vocabularies.ConflictStatus),
        ]),
        new("Claim", "claim", "Claim", "claims", "A statement, paraphrased in short English.",
        [
            new("text", PropertyKind.String, "Short English paraphrase of the statement.", Required: true),
            new("stance", PropertyKind.Enum, "asserts, denies, cautions or proposes.", Vocabularies.ClaimStance, Required: true),
            new("attribution", PropertyKind.String, "Who said it, in the document's words, when the speaker is unnamed."),
            .. ProvenanceProperties,
        ]),
        new("Fact", "fact", "Fact", "facts",
            "Provenance of one property of one entity (a meeting's dates, a proposal's status): key " +
            "fact:<entity key>:<property>, reached by HAS_FACT. Structural: not an entity of its own.",
        [
            new("property", PropertyKind.String, "The entity property this fact records, e.g. startDate.", Required: true),
            new("value", PropertyKind.String,
                "The value, as the entity stores it (strings as is; integers in decimal text).", Required: true),
            .. ProvenanceProperties,
        ], Structural: true),
    ];
}
