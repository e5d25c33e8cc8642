namespace KnowledgeGraph.Model;

public static partial class KnowledgeModel
{
    private const string Country = "Country", Person = "Person", Organization = "Organization", Source = "Source",
        Document = "Document", Meeting = "Meeting", Place = "Place", Proposal = "Proposal", Topic = "Topic",
        Conflict = "Conflict", Claim = "Claim", Fact = "Fact";

    // Written out rather than derived from Labels: see the note on initializer order in KnowledgeModel.cs.
    // Every label but the structural Fact.
    private static readonly string[] AnyLabel =
        [Country, Person, Organization, Source, Document, Meeting, Place, Proposal, Topic, Conflict, Claim];

    private static readonly string[] Actors = [Person, Country, Organization];

    private static PropertyDefinition Role() => new("role", PropertyKind.String, "Role or capacity, as reported.");

    /// <summary>Every relationship type, in documentation order.</summary>
    public static IReadOnlyList<RelationshipTypeDefinition> RelationshipTypes { get; } =
    [
        new("LEADS", [Person], [Country, Organization], "heads a state or body", "leads", "leaders", [Role()]),
        new("REPRESENTS", [Person], [Country, Organization], "acts as envoy or representative of",
            "represents", "representatives", [Role()]),
        new("SPEAKS_FOR", [Person], [Country, Organization], "official spokesperson of", "speaksFor", "spokespeople",
            [Role()]),
        new("MEMBER_OF", [Person, Country], [Organization], "belongs to a body or alliance", "memberOf", "members",
            [Role()]),
        new("PART_OF", [Organization, Topic], [Organization, Country, Topic],
            "structural part of (body of a state, sub-topic)", "partOf", "parts", []),
        new("CITIZEN_OF", [Person], [Country], "nationality", "citizenOf", "citizens", []),
        new("ALLY_OF", Actors, Actors, "political ally or partner", "allyOf", "allies", []),
        new("NEGOTIATES_WITH", Actors, Actors, "counterparts in a negotiation", "negotiatesWith", "negotiationPartners",
            [new("subject", PropertyKind.NodeKey, "Key of what is negotiated.")]),
        new("ATTENDED", Actors, [Meeting], "took part in a meeting", "attended", "participants", [Role()]),
        new("HELD_IN", [Meeting], [Place], "where a meeting took place", "heldIn", "meetings", []),
        new("LOCATED_IN", [Place, Organization, Source, Conflict], [Place, Country], "geographic location",
            "locatedIn", "locatedHere", []),
        new("CAPITAL_OF", [Place], [Country], "capital city (used as a metonym)", "capitalOf", "capital", []),
        new("PARTY_TO", [Country, Organization], [Conflict], "belligerent in a conflict", "partyTo", "parties", []),
        new("MEDIATES", Actors, [Conflict, Meeting, Proposal], "mediates a conflict or negotiation",
            "mediates", "mediators",
            [new("status", PropertyKind.Enum, "past, ongoing or potential.", Vocabularies.MediationStatus)]),
        new("DRAFTED", Actors, [Proposal], "drafted or co-drafted a proposal", "drafted", "draftedBy",
            [new("role", PropertyKind.Enum, "lead, co-drafter or contributor.", Vocabularies.DraftingRole)]),
        new("BRIEFED", Actors, Actors, "informed another party", "briefed", "briefedBy",
            [new("subject", PropertyKind.NodeKey, "Key of what the briefing was about.")]),
        new("BRIEFED_ON", Actors, [Proposal], "was briefed on, or received, a proposal", "briefedOn", "briefedParties",
            []),
        new("COVERS", [Proposal], [Topic], "an area a proposal covers", "covers", "coveredBy", []),
        new("DEMANDS", [Proposal], [Topic], "a condition a proposal demands", "demands", "demandedBy",
            [new("party", PropertyKind.NodeKey, "Key of who must comply.")]),
        new("PRECEDED_BY", [Proposal], [Proposal], "an earlier proposal on the same track", "precededBy",
            "succeededBy", []),
        new("DISCUSSED", [Meeting], [Proposal, Topic], "discussed at a meeting", "discussed", "discussedAt", []),
        new("STANCE_ON", Actors, [Proposal, Topic], "position taken", "stanceOn", "stakeholders",
        [
            new("stance", PropertyKind.Enum, "supports, open, cautious, reserved or opposes.",
                Vocabularies.Stance, Required: true),
        ]),
        new("DENIES", Actors, [Proposal, Meeting, Claim, Topic], "publicly denies", "denies", "deniedBy", []),
        new("STATED", Actors, [Claim], "made the statement", "statements", "statedBy", []),
        new("REPORTED_BY", [Claim], [Source], "outlet that reported the statement", "reportedBy", "reportedClaims", []),
        new("ABOUT", [Claim, Topic], AnyLabel, "what a claim or topic is about", "about", "subjectOf", []),
        new("MENTIONS", [Document], AnyLabel, "the document mentions the entity", "mentions", "mentionedIn", []),
        new("PUBLISHED", [Source], [Document], "outlet that published the document", "published", "publishedBy", []),
        new("WROTE", [Person], [Document], "author of the document", "wrote", "authors", []),
        new("WRITES_FOR", [Person], [Source], "journalist of an outlet", "writesFor", "contributors", []),
        new("CITES", [Document], [Source, Document], "the document relies on that outlet or document", "cites",
            "citedBy", []),
        new("SUPPORTS", [Claim], [Claim], "the statement backs another statement", "supports", "supportedByClaims", []),
        new("CONTRADICTS", [Claim], [Claim], "the statement contradicts another statement", "contradicts",
            "contradictedByClaims", []),
        new("HAS_FACT", [Country, Person, Organization, Source, Document, Meeting, Place, Proposal, Topic, Conflict],
            [Fact], "provenance of one of the entity's properties (structural)", "facts", "entity", [], Structural: true),
    ];
}
