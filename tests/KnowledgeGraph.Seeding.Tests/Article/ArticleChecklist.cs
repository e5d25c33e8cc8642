namespace KnowledgeGraph.Seeding.Tests.Article;

/// <summary>One fact the article states, as a fact-checker reads it.</summary>
/// <param name="Id">Short handle.</param>
/// <param name="Statement">English paraphrase of what the article says.</param>
/// <param name="Confidence">The grade the article's own wording supports (cypher/README.md, Provenance v2).</param>
/// <param name="Origins">Who the statement rests on: the article's attribution ("selon Dmitriev" is Dmitriev,
/// "affirment certaines sources" is unnamed:source:mena-news), relays left out.</param>
/// <param name="Cue">The article's own words that carry the grade or the attribution.</param>
/// <param name="Facts">The seeded facts stating it: "TYPE from -> to" for relationships, a claim key, or a Fact key.</param>
public sealed record ArticleFact(string Id, string Statement, string Confidence, string[] Origins, string Cue, string[] Facts);

/// <summary>
/// The checklist of the first article (shared/seeds/000_8070831bbb14d085.txt, Mena News, 19 November 2025), in the
/// article's order. Every non-background fact the seeds hold must be listed here with the grade and origins below,
/// and every fact listed must be seeded: a fact the article does not state, or one graded above its wording, fails
/// ArticleChecklistTests. Deliberately not seeded: framing sentences with no fact of their own ("une nouvelle
/// orientation diplomatique émerge", "Reste à savoir si ...", "l'avenir du projet dépendra ...").
/// </summary>
public static class ArticleChecklist
{
    /// <summary>The sourceFile of the Document the checklist reads.</summary>
    public const string SourceFile = "000_8070831bbb14d085.txt";

    /// <summary>The Document key of the article.</summary>
    public const string DocumentKey = "document:mena-news-2025-11-19-28-point-plan";

    /// <summary>Every fact of the article.</summary>
    public static IReadOnlyList<ArticleFact> Facts { get; } =
    [
        new("plan-prepared", "The Trump administration is said to be preparing a 28-point plan with Russia; the revelation comes from US and Russian officials cited by Axios and is confirmed by a Reuters report.",
            "reported", ["unnamed:source:axios", "source:reuters"], "seraient en train de préparer",
            ["claim:us-preparing-28-point-plan", "DRAFTED org:us-government -> proposal:28-point-plan", "DRAFTED country:russia -> proposal:28-point-plan", "NEGOTIATES_WITH org:us-government -> org:kremlin", "fact:proposal:28-point-plan:pointCount"]),
        new("plan-surfaced", "The plan has surfaced in recent days (November 2025, by the dateline).",
            "reported", ["source:mena-news"], "Ces derniers jours",
            ["fact:proposal:28-point-plan:date"]),
        new("kremlin-denies-act", "The Kremlin has denied the reports.",
            "confirmed", ["org:kremlin"], "malgré les démentis du Kremlin",
            ["DENIES org:kremlin -> proposal:28-point-plan"]),
        new("kremlin-denial-content", "The Kremlin's denial: there is no such plan (its word).",
            "claimed", ["org:kremlin"], "démentis du Kremlin",
            ["claim:kremlin-denies-plan"]),
        new("denial-vs-officials", "The article sets the Kremlin's denial against the reporting (which cites Russian officials).",
            "confirmed", ["source:mena-news"], "malgré les démentis",
            ["CONTRADICTS claim:kremlin-denies-plan -> claim:us-preparing-28-point-plan"]),
        new("talks-hopes", "The discreet talks in Miami raise as many hopes as reservations (the article's assessment).",
            "reported", ["source:mena-news"], "autant d’espoirs que de réserves",
            ["claim:talks-raise-hopes-and-reservations"]),
        new("miami-talks-plan", "The lead ties the Miami talks to the plan; the body puts them in the conditional.",
            "reported", ["source:mena-news"], "Les discussions, menées discrètement à Miami",
            ["DISCUSSED meeting:miami-talks-2025-10 -> proposal:28-point-plan"]),
        new("witkoff-envoy", "Steve Witkoff is the US envoy.",
            "confirmed", ["source:il-giornale"], "l’envoyé américain Steve Witkoff",
            ["REPRESENTS person:steve-witkoff -> country:us"]),
        new("dmitriev-leads-russian-side", "Kirill Dmitriev leads the Russian side.",
            "confirmed", ["source:il-giornale"], "dirigée par le représentant Kirill Dmitriev",
            ["REPRESENTS person:kirill-dmitriev -> country:russia"]),
        new("witkoff-dmitriev-lead-initiative", "Witkoff leads the initiative, presented as the main interlocutor of the Russian side led by Dmitriev.",
            "reported", ["source:il-giornale"], "présenté comme le principal interlocuteur",
            ["DRAFTED person:steve-witkoff -> proposal:28-point-plan", "DRAFTED person:kirill-dmitriev -> proposal:28-point-plan"]),
        new("witkoff-dmitriev-counterparts", "Witkoff and Dmitriev are counterparts; their talks rest on Dmitriev, in the conditional.",
            "reported", ["source:il-giornale", "person:kirill-dmitriev"], "présenté comme",
            ["NEGOTIATES_WITH person:steve-witkoff -> person:kirill-dmitriev"]),
        new("miami-talks", "Witkoff and Dmitriev reportedly held talks in Miami for three days, 24-26 October, according to Dmitriev.",
            "claimed", ["person:kirill-dmitriev"], "auraient tenu des discussions",
            ["ATTENDED person:steve-witkoff -> meeting:miami-talks-2025-10", "ATTENDED person:kirill-dmitriev -> meeting:miami-talks-2025-10", "HELD_IN meeting:miami-talks-2025-10 -> place:miami", "claim:dmitriev-miami-three-days", "fact:meeting:miami-talks-2025-10:startDate", "fact:meeting:miami-talks-2025-10:endDate", "fact:meeting:miami-talks-2025-10:durationDays", "fact:meeting:miami-talks-2025-10:meetingType", "fact:meeting:miami-talks-2025-10:status"]),
        new("russian-position-heard", "Dmitriev: this time Russia's position is genuinely taken into account.",
            "claimed", ["person:kirill-dmitriev"], "selon Dmitriev",
            ["claim:dmitriev-russian-position-heard"]),
        new("four-areas", "According to documents published by Axios the plan covers four areas.",
            "reported", ["source:axios"], "D’après des documents publiés par «Axios»",
            ["claim:plan-four-areas", "COVERS proposal:28-point-plan -> topic:peace-in-ukraine", "COVERS proposal:28-point-plan -> topic:security-guarantees", "COVERS proposal:28-point-plan -> topic:european-stability", "COVERS proposal:28-point-plan -> topic:us-russia-ukraine-relations"]),
        new("white-house-briefing", "It was reported that the White House has begun briefing European partners and the Ukrainian government, at a preliminary stage.",
            "reported", ["unnamed:source:il-giornale"], "Il a également été rapporté",
            ["claim:white-house-briefing", "BRIEFED org:white-house -> org:european-allies", "BRIEFED org:white-house -> org:ukrainian-government", "BRIEFED_ON org:european-allies -> proposal:28-point-plan", "BRIEFED_ON org:ukrainian-government -> proposal:28-point-plan", "ALLY_OF org:european-allies -> country:us", "fact:proposal:28-point-plan:status"]),
        new("doha-ankara-drafting", "According to the Italian press, Qatar and Turkey are said to be involved in drafting the plan.",
            "reported", ["unnamed:source:mena-news"], "Selon la presse transalpine",
            ["claim:doha-ankara-drafting", "DRAFTED country:qatar -> proposal:28-point-plan", "DRAFTED country:turkey -> proposal:28-point-plan"]),
        new("qatar-turkey-mediation", "A source reportedly told Axios that Qatari and Turkish mediation helped end the Gaza war and could help end the war in Ukraine.",
            "reported", ["unnamed:source:axios"], "aurait déclaré une source au portail «Axios»",
            ["claim:qatar-turkey-mediation", "MEDIATES country:qatar -> conflict:gaza-war", "MEDIATES country:turkey -> conflict:gaza-war", "MEDIATES country:qatar -> conflict:russia-ukraine-war", "MEDIATES country:turkey -> conflict:russia-ukraine-war", "fact:conflict:gaza-war:status"]),
        new("kyiv-europe-caution", "Ukraine and the European allies remain cautious (the article's assessment).",
            "reported", ["source:mena-news"], "la prudence reste néanmoins de mise",
            ["claim:kyiv-europe-caution", "STANCE_ON country:ukraine -> proposal:28-point-plan", "STANCE_ON org:european-allies -> proposal:28-point-plan"]),
        new("european-allies-of-kyiv", "The European allies are Kyiv's allies.",
            "confirmed", ["source:mena-news"], "Kiev et les alliés européens",
            ["ALLY_OF org:european-allies -> country:ukraine"]),
        new("plan-conditions", "The document seems to suggest conditions on territory and alliance membership.",
            "reported", ["source:mena-news"], "semble suggérer",
            ["DEMANDS proposal:28-point-plan -> topic:territorial-concessions", "DEMANDS proposal:28-point-plan -> topic:military-alliance-membership"]),
        new("april-draft", "Some sources say an April 2025 draft already required Ukraine to renounce NATO membership and implicitly recognise Russian sovereignty over occupied regions.",
            "reported", ["unnamed:source:mena-news"], "affirment certaines sources",
            ["claim:april-draft-terms", "DEMANDS proposal:april-2025-draft -> topic:ukraine-renounces-nato-membership", "DEMANDS proposal:april-2025-draft -> topic:recognition-of-russian-sovereignty-over-occupied-regions", "PRECEDED_BY proposal:28-point-plan -> proposal:april-2025-draft", "fact:proposal:april-2025-draft:date", "fact:proposal:april-2025-draft:status"]),
        new("august-summit", "In August a Trump-Putin summit took place, where Russia showed openness to Article-5-like security guarantees for Ukraine.",
            "confirmed", ["source:mena-news"], "en août dernier, lors d’un sommet",
            ["ATTENDED person:donald-trump -> meeting:alaska-summit-2025-08", "ATTENDED person:vladimir-putin -> meeting:alaska-summit-2025-08", "fact:meeting:alaska-summit-2025-08:startDate", "fact:meeting:alaska-summit-2025-08:meetingType", "fact:meeting:alaska-summit-2025-08:status", "claim:russia-open-to-article-5-guarantees", "STANCE_ON country:russia -> proposal:article-5-like-guarantees", "DISCUSSED meeting:alaska-summit-2025-08 -> proposal:article-5-like-guarantees", "COVERS proposal:article-5-like-guarantees -> topic:security-guarantees", "fact:proposal:article-5-like-guarantees:date", "fact:proposal:article-5-like-guarantees:status"]),
        new("putin-reservations", "Putin had already voiced strong reservations about a quick ceasefire (no date given).",
            "confirmed", ["source:mena-news"], "Poutine avait déjà exprimé de fortes réserves",
            ["claim:putin-ceasefire-reservations", "STANCE_ON person:vladimir-putin -> topic:rapid-ceasefire"]),
        new("analyst", "An Italian analyst: Russia's military pressure drives the back-channel talks.",
            "claimed", ["person:unnamed-italian-analyst"], "affirme un analyste italien",
            ["claim:analyst-offensive-as-leverage"]),
        new("analyst-italian", "The analyst is Italian.",
            "confirmed", ["source:mena-news"], "un analyste italien",
            ["CITIZEN_OF person:unnamed-italian-analyst -> country:italy"]),
        new("battlefield-gains", "Moscow has made progress in some areas.",
            "confirmed", ["source:mena-news"], "Moscou a réalisé des progrès",
            ["claim:moscow-battlefield-gains"]),
        new("russia-stronger", "According to Dmitriev, Russia considers it has strengthened its negotiating position.",
            "claimed", ["person:kirill-dmitriev"], "selon Dmitriev, la Russie estime",
            ["claim:dmitriev-russia-stronger"]),
        new("facts-bear-out-analyst", "'Dans les faits' presents the gains and Dmitriev's view as bearing out the analyst.",
            "reported", ["source:mena-news"], "Dans les faits",
            ["SUPPORTS claim:moscow-battlefield-gains -> claim:analyst-offensive-as-leverage", "SUPPORTS claim:dmitriev-russia-stronger -> claim:analyst-offensive-as-leverage"]),
        new("driscoll-army", "Daniel Driscoll is a senior figure of the US Army.",
            "confirmed", ["source:mena-news"], "un haut gradé de l’Armée américaine",
            ["MEMBER_OF person:daniel-driscoll -> org:us-army"]),
        new("driscoll-ukraine-talks", "Driscoll held talks in Ukraine (no date given).",
            "confirmed", ["source:mena-news"], "entretiens de ce dernier en Ukraine",
            ["ATTENDED person:daniel-driscoll -> meeting:driscoll-ukraine-talks-2025-11", "fact:meeting:driscoll-ukraine-talks-2025-11:meetingType", "fact:meeting:driscoll-ukraine-talks-2025-11:status"]),
        new("peskov-denies-act", "Peskov denied the rumours of a Driscoll meeting with Russian representatives.",
            "confirmed", ["person:dmitry-peskov"], "démentant les rumeurs",
            ["DENIES person:dmitry-peskov -> meeting:driscoll-russia-meeting-rumoured", "fact:meeting:driscoll-russia-meeting-rumoured:meetingType", "fact:meeting:driscoll-russia-meeting-rumoured:status"]),
        new("driscoll-russia-meeting-denied", "The rumoured Driscoll meeting with Russian representatives is denied.",
            "denied", ["person:dmitry-peskov"], "n’est prévue",
            ["ATTENDED person:daniel-driscoll -> meeting:driscoll-russia-meeting-rumoured", "ATTENDED country:russia -> meeting:driscoll-russia-meeting-rumoured"]),
        new("peskov-no-meeting", "Peskov: no such meeting is planned (his word).",
            "claimed", ["person:dmitry-peskov"], "Dmitri Peskov l’a affirmé",
            ["claim:peskov-no-driscoll-meeting"]),
        new("peskov-alaska", "Peskov: Russia and the US discussed a peaceful settlement in Alaska, and nothing has developed since.",
            "claimed", ["person:dmitry-peskov"], "depuis lors, aucun développement",
            ["claim:peskov-nothing-since-alaska", "NEGOTIATES_WITH country:us -> country:russia", "DISCUSSED meeting:alaska-summit-2025-08 -> topic:peace-in-ukraine"]),
        new("peskov-spokesman", "Peskov is the Kremlin spokesman.",
            "confirmed", ["source:mena-news"], "le porte-parole du Kremlin",
            ["SPEAKS_FOR person:dmitry-peskov -> org:kremlin"]),
        new("politico-driscoll", "Politico: sending Driscoll to Kyiv could look unusual; the veteran and loyal ally of Vice President Vance has become an important Pentagon figure.",
            "reported", ["source:politico"], "explique «Politico»",
            ["claim:politico-driscoll-rising", "REPRESENTS person:daniel-driscoll -> country:us", "HELD_IN meeting:driscoll-ukraine-talks-2025-11 -> place:kyiv", "ALLY_OF person:daniel-driscoll -> person:jd-vance", "MEMBER_OF person:daniel-driscoll -> org:pentagon", "MEMBER_OF person:jd-vance -> org:us-government"]),
        new("back-channels", "Information is partial and sometimes contradictory, yet informal channels between Washington and Moscow remain open; a real peace process is uncertain (the article's assessment).",
            "reported", ["source:mena-news"], "parfois contradictoires",
            ["claim:back-channels-open"]),
        new("war-goes-on", "For now the war goes on.",
            "confirmed", ["source:mena-news"], "la guerre se poursuit",
            ["fact:conflict:russia-ukraine-war:status"]),
        new("trump-leads", "Donald Trump leads the United States and its administration.",
            "confirmed", ["source:mena-news"], "Les États-Unis de Donald Trump",
            ["LEADS person:donald-trump -> country:us", "LEADS person:donald-trump -> org:us-government"]),
        new("salvatore", "Francesca Salvatore writes in Il Giornale.",
            "confirmed", ["source:mena-news"], "écrit Francesca Salvatore dans «Il Giornale»",
            ["WRITES_FOR person:francesca-salvatore -> source:il-giornale"]),
    ];
}
