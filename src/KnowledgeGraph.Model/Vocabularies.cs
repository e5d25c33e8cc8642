namespace KnowledgeGraph.Model;

/// <summary>
/// Every closed vocabulary of the model. A seed value outside its vocabulary is rejected by the loader; GraphQL
/// exposes each as an enum. Kept in a class of its own so the label and relationship initializers can use them in
/// any order (see the note in <see cref="KnowledgeModel"/>).
/// </summary>
public static class Vocabularies
{
    /// <summary>How sure a fact's reporting is, strongest first.</summary>
    public static Vocabulary Confidence { get; } = new("Confidence",
        "How sure the reporting is: confirmed (independently confirmed or stated as fact), reported (stated by an outlet, " +
        "conditional or unconfirmed wording), claimed (one party's word), rumoured, denied.",
        ["confirmed", "reported", "claimed", "rumoured", "denied"], Ordered: true);

    /// <summary>Whether a document states the fact or it is general reference knowledge.</summary>
    public static Vocabulary Tier { get; } = new("Tier",
        "reported: a document states it; background: reference knowledge no document states (cites source:reference).",
        ["reported", "background"]);

    /// <summary>The stance of a Claim.</summary>
    public static Vocabulary ClaimStance { get; } = new("ClaimStance",
        "What the statement does: asserts, denies, cautions or proposes.",
        ["asserts", "denies", "cautions", "proposes"]);

    /// <summary>Meeting.status.</summary>
    public static Vocabulary MeetingStatus { get; } = new("MeetingStatus",
        "held, planned, rumoured or denied.", ["held", "planned", "rumoured", "denied"]);

    /// <summary>Meeting.meetingType.</summary>
    public static Vocabulary MeetingType { get; } = new("MeetingType", "talks or summit.", ["talks", "summit"]);

    /// <summary>Proposal.status, in the order of a proposal's life.</summary>
    public static Vocabulary ProposalStatus { get; } = new("ProposalStatus",
        "Stage of a proposal: floated, draft, proposed, agreed, rejected.",
        ["floated", "draft", "proposed", "agreed", "rejected"], Ordered: true);

    /// <summary>Conflict.status.</summary>
    public static Vocabulary ConflictStatus { get; } = new("ConflictStatus", "ongoing or ended.", ["ongoing", "ended"]);

    /// <summary>MEDIATES.status.</summary>
    public static Vocabulary MediationStatus { get; } = new("MediationStatus",
        "past, ongoing or potential mediation.", ["past", "ongoing", "potential"]);

    /// <summary>STANCE_ON.stance, from support to opposition.</summary>
    public static Vocabulary Stance { get; } = new("Stance",
        "Position taken, from support to opposition: supports, open, cautious, reserved, opposes.",
        ["supports", "open", "cautious", "reserved", "opposes"], Ordered: true);

    /// <summary>DRAFTED.role, from most to least involved.</summary>
    public static Vocabulary DraftingRole { get; } = new("DraftingRole",
        "Part in drafting: lead, co-drafter, contributor.", ["lead", "co-drafter", "contributor"], Ordered: true);

    /// <summary>Organization.category.</summary>
    public static Vocabulary OrganizationCategory { get; } = new("OrganizationCategory", "Kind of organization.",
        ["government", "executive-office", "ministry", "armed-forces", "alliance", "coalition"]);

    /// <summary>Source.sourceType.</summary>
    public static Vocabulary SourceType { get; } = new("SourceType",
        "Kind of source; reference is general knowledge, not a document.",
        ["news-agency", "news-portal", "newspaper", "news-outlet", "reference"]);

    /// <summary>Place.placeType.</summary>
    public static Vocabulary PlaceType { get; } = new("PlaceType", "Kind of place.", ["city", "region", "state", "territory"]);

    /// <summary>Every vocabulary, in documentation order.</summary>
    public static IReadOnlyList<Vocabulary> All { get; } =
    [
        Confidence, Tier, ClaimStance, MeetingStatus, MeetingType, ProposalStatus, ConflictStatus, MediationStatus,
        Stance, DraftingRole, OrganizationCategory, SourceType, PlaceType,
    ];
}
