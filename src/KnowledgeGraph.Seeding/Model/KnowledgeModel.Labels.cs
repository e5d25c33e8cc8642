namespace KnowledgeGraph.Seeding.Model;

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
            new("category", PropertyKind.Enum, "Kind of organization.",
                ["government", "executive-office", "ministry", "armed-forces", "alliance", "coalition"]),
        ]),
        new("Source", "source", "Source", "sources", "A news outlet or agency.",
        [
            new("sourceType", PropertyKind.Enum, "Kind of outlet.", ["news-agency", "news-portal", "newspaper", "news-outlet"]),
        ]),
        new("Document", "document", "Document", "documents", "An article or report.",
        [
            new("publishedDate", PropertyKind.PartialDate, "Publication date."),
            new("language", PropertyKind.String, "ISO 639-1 language code."),
            new("dateline", PropertyKind.String, "Place the document was filed from."),
            new("sourceFile", PropertyKind.String, "Name of the source text this seed transcribes."),
        ]),
        new("Meeting", "meeting", "Meeting", "meetings", "Talks, a summit, or a rumoured meeting.",
        [
            new("startDate", PropertyKind.PartialDate, "First day."),
            new("endDate", PropertyKind.PartialDate, "Last day."),
            new("durationDays", PropertyKind.Integer, "Length in days."),
            new("meetingType", PropertyKind.Enum, "talks or summit.", ["talks", "summit"]),
            new("status", PropertyKind.Enum, "held, planned, rumoured or denied.", ["held", "planned", "rumoured", "denied"]),
        ]),
        new("Place", "place", "Place", "places", "A city, region, state or territory.",
        [
            new("placeType", PropertyKind.Enum, "Kind of place.", ["city", "region", "state", "territory"]),
        ]),
        new("Proposal", "proposal", "Proposal", "proposals", "A plan, draft or idea for a settlement.",
        [
            new("date", PropertyKind.PartialDate, "When it was drafted or floated."),
            new("pointCount", PropertyKind.Integer, "Number of points."),
            new("status", PropertyKind.Enum, "Stage.", ["draft", "floated", "proposed", "agreed", "rejected"]),
        ]),
        new("Topic", "topic", "Topic", "topics", "An area or condition a proposal covers or demands.", []),
        new("Conflict", "conflict", "Conflict", "conflicts", "A war or armed conflict.",
        [
            new("status", PropertyKind.Enum, "ongoing or ended.", ["ongoing", "ended"]),
        ]),
        new("Claim", "claim", "Claim", "claims", "A statement, paraphrased in short English.",
        [
            new("text", PropertyKind.String, "Short English paraphrase of the statement.", Required: true),
            new("stance", PropertyKind.Enum, "asserts, denies, cautions or proposes.", ClaimStances, Required: true),
            new("date", PropertyKind.PartialDate, "When it was stated or first reported."),
            new("attribution", PropertyKind.String, "Who said it, when the speaker is unnamed."),
            new("confidence", PropertyKind.Enum, "How sure the claim's reporting is.", Confidences, Required: true),
        ]),
    ];
}
