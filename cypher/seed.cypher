// The knowledge graph's seed data as plain Cypher, for Neo4j Browser or cypher-shell.
// GENERATED from seeds/*.json by SeedCypherGenerator: do not edit by hand. To regenerate:
//   KG_UPDATE_SEED_CYPHER=1 dotnet test tests/KnowledgeGraph.Seeding.Tests --filter SeedCypher_Should_BeUpToDate
// Run cypher/schema.cypher first. Every statement MERGEs on key, so running it again changes nothing.

// Country (6)
MERGE (n:Country {key: 'country:italy'}) SET n += {name: 'Italy', aliases: ['Italie', 'Italia', 'Rome'], isoCode: 'IT'};
MERGE (n:Country {key: 'country:qatar'}) SET n += {name: 'Qatar', aliases: ['State of Qatar', 'Doha'], isoCode: 'QA'};
MERGE (n:Country {key: 'country:russia'}) SET n += {name: 'Russia', aliases: ['Russian Federation', 'Russie', 'Moscow', 'Moscou', 'Россия'], isoCode: 'RU'};
MERGE (n:Country {key: 'country:turkey'}) SET n += {name: 'Turkey', aliases: ['Türkiye', 'Turkiye', 'Turquie', 'Ankara'], isoCode: 'TR'};
MERGE (n:Country {key: 'country:ukraine'}) SET n += {name: 'Ukraine', aliases: ['Kyiv', 'Kiev', 'Україна', 'Ukraina'], isoCode: 'UA'};
MERGE (n:Country {key: 'country:us'}) SET n += {name: 'United States', aliases: ['USA', 'US', 'U.S.', 'United States of America', 'America', 'États-Unis', 'Etats-Unis', 'Washington'], isoCode: 'US'};

// Person (9)
MERGE (n:Person {key: 'person:daniel-driscoll'}) SET n += {name: 'Daniel Driscoll', aliases: ['Driscoll', 'Dan Driscoll'], title: 'Senior US Army official'};
MERGE (n:Person {key: 'person:dmitry-peskov'}) SET n += {name: 'Dmitry Peskov', aliases: ['Peskov', 'Dmitri Peskov', 'Дмитрий Песков'], title: 'Kremlin spokesman'};
MERGE (n:Person {key: 'person:donald-trump'}) SET n += {name: 'Donald Trump', aliases: ['Trump', 'Donald J. Trump'], title: 'President of the United States'};
MERGE (n:Person {key: 'person:francesca-salvatore'}) SET n += {name: 'Francesca Salvatore', aliases: ['Salvatore'], title: 'Journalist, Il Giornale'};
MERGE (n:Person {key: 'person:jd-vance'}) SET n += {name: 'JD Vance', aliases: ['J.D. Vance', 'Vance', 'James David Vance'], title: 'Vice President of the United States'};
MERGE (n:Person {key: 'person:kirill-dmitriev'}) SET n += {name: 'Kirill Dmitriev', aliases: ['Dmitriev', 'Kirill Dmitriyev', 'Кирилл Дмитриев'], title: 'Russian representative'};
MERGE (n:Person {key: 'person:steve-witkoff'}) SET n += {name: 'Steve Witkoff', aliases: ['Witkoff', 'Steven Witkoff'], title: 'US special envoy'};
MERGE (n:Person {key: 'person:unnamed-italian-analyst'}) SET n += {name: 'Unnamed Italian analyst', aliases: ['un analyste italien', 'Italian analyst'], description: 'An Italian analyst quoted without a name.', title: 'Analyst'};
MERGE (n:Person {key: 'person:vladimir-putin'}) SET n += {name: 'Vladimir Putin', aliases: ['Putin', 'Poutine', 'Vladimir Poutine', 'Владимир Путин'], title: 'President of Russia'};

// Organization (9)
MERGE (n:Organization {key: 'org:european-allies'}) SET n += {name: 'European allies', aliases: ['alliés européens', 'European partners', 'partenaires européens', 'Europeans'], description: 'Ukraine\'s and Washington\'s European partners, treated as a group by the source.', category: 'coalition'};
MERGE (n:Organization {key: 'org:kremlin'}) SET n += {name: 'Kremlin', aliases: ['Moscow', 'Moscou', 'Кремль', 'Russian presidency'], description: 'The Russian presidential administration.', category: 'executive-office'};
MERGE (n:Organization {key: 'org:nato'}) SET n += {name: 'NATO', aliases: ['OTAN', 'North Atlantic Treaty Organization', 'Atlantic Alliance', 'НАТО'], category: 'alliance'};
MERGE (n:Organization {key: 'org:pentagon'}) SET n += {name: 'Pentagon', aliases: ['US Department of Defense', 'Department of War', 'Pentagone'], category: 'ministry'};
MERGE (n:Organization {key: 'org:russian-armed-forces'}) SET n += {name: 'Russian armed forces', aliases: ['Russian army', 'armée russe'], category: 'armed-forces'};
MERGE (n:Organization {key: 'org:ukrainian-government'}) SET n += {name: 'Government of Ukraine', aliases: ['Ukrainian government', 'gouvernement ukrainien', 'Kyiv', 'Kiev'], category: 'government'};
MERGE (n:Organization {key: 'org:us-army'}) SET n += {name: 'US Army', aliases: ['United States Army', 'Armée américaine', 'American army'], category: 'armed-forces'};
MERGE (n:Organization {key: 'org:us-government'}) SET n += {name: 'US government', aliases: ['Washington', 'Trump administration', 'administration Trump', 'US administration', 'administration américaine'], description: 'The US federal executive under President Trump.', category: 'government'};
MERGE (n:Organization {key: 'org:white-house'}) SET n += {name: 'White House', aliases: ['Maison Blanche', 'Casa Bianca'], category: 'executive-office'};

// Source (5)
MERGE (n:Source {key: 'source:axios'}) SET n += {name: 'Axios', aliases: ['portail Axios'], sourceType: 'news-portal'};
MERGE (n:Source {key: 'source:il-giornale'}) SET n += {name: 'Il Giornale', aliases: ['ilGiornale', 'Giornale'], sourceType: 'newspaper'};
MERGE (n:Source {key: 'source:mena-news'}) SET n += {name: 'Mena News', aliases: ['MenaNews', 'Mena-News'], sourceType: 'news-portal'};
MERGE (n:Source {key: 'source:politico'}) SET n += {name: 'Politico', aliases: ['POLITICO'], sourceType: 'news-outlet'};
MERGE (n:Source {key: 'source:reuters'}) SET n += {name: 'Reuters', aliases: ['agence Reuters', 'Reuters news agency'], sourceType: 'news-agency'};

// Document (5)
MERGE (n:Document {key: 'document:axios-28-point-plan-documents'}) SET n += {name: 'Axios: documents on the 28-point plan', aliases: [], description: 'Axios report and published documents, citing US and Russian officials, outlining the plan\'s four areas.', publishedDate: '2025-11', language: 'en'};
MERGE (n:Document {key: 'document:il-giornale-salvatore-28-point-plan'}) SET n += {name: 'Il Giornale: Francesca Salvatore on the 28-point plan', aliases: [], description: 'Italian newspaper article relayed by Mena News; it relies on Axios and Reuters.', publishedDate: '2025-11', language: 'it'};
MERGE (n:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) SET n += {name: 'Mena News: the confidential Washington-Moscow 28-point plan (19 Nov 2025)', aliases: ['Mena News 28-point plan article'], description: 'French-language Mena News report, datelined Rome, relaying Il Giornale on a US-Russia 28-point peace plan for Ukraine.', publishedDate: '2025-11-19', language: 'fr', dateline: 'Rome', sourceFile: '000_8070831bbb14d085.txt'};
MERGE (n:Document {key: 'document:politico-driscoll-profile'}) SET n += {name: 'Politico: on sending Driscoll to Kyiv', aliases: [], description: 'Politico analysis of Daniel Driscoll\'s rising role.', publishedDate: '2025-11', language: 'en'};
MERGE (n:Document {key: 'document:reuters-28-point-plan-report'}) SET n += {name: 'Reuters: report confirming the 28-point plan', aliases: [], description: 'Reuters report said to confirm the Axios revelation.', publishedDate: '2025-11', language: 'en'};

// Meeting (4)
MERGE (n:Meeting {key: 'meeting:alaska-summit-2025-08'}) SET n += {name: 'Trump-Putin Alaska summit', aliases: ['Alaska summit', 'sommet d\'Alaska', 'Anchorage summit'], startDate: '2025-08', meetingType: 'summit', status: 'held'};
MERGE (n:Meeting {key: 'meeting:driscoll-russia-meeting-rumoured'}) SET n += {name: 'Rumoured Driscoll meeting with Russian representatives', aliases: ['Driscoll-Russia meeting'], description: 'A meeting rumoured to follow Driscoll\'s talks in Ukraine; the Kremlin says none is planned.', meetingType: 'talks', status: 'denied'};
MERGE (n:Meeting {key: 'meeting:driscoll-ukraine-talks-2025-11'}) SET n += {name: 'Driscoll\'s talks in Ukraine', aliases: ['Driscoll Kyiv visit', 'Driscoll in Kyiv'], startDate: '2025-11', meetingType: 'talks', status: 'held'};
MERGE (n:Meeting {key: 'meeting:miami-talks-2025-10'}) SET n += {name: 'Miami talks (Witkoff-Dmitriev)', aliases: ['Miami talks', 'Miami meeting', 'discussions de Miami'], startDate: '2025-10-24', endDate: '2025-10-26', durationDays: 3, meetingType: 'talks', status: 'held'};

// Place (10)
MERGE (n:Place {key: 'place:alaska'}) SET n += {name: 'Alaska', aliases: ['Аляска'], placeType: 'state'};
MERGE (n:Place {key: 'place:ankara'}) SET n += {name: 'Ankara', aliases: [], placeType: 'city'};
MERGE (n:Place {key: 'place:doha'}) SET n += {name: 'Doha', aliases: ['الدوحة'], placeType: 'city'};
MERGE (n:Place {key: 'place:gaza'}) SET n += {name: 'Gaza', aliases: ['Gaza Strip', 'bande de Gaza'], placeType: 'territory'};
MERGE (n:Place {key: 'place:kyiv'}) SET n += {name: 'Kyiv', aliases: ['Kiev', 'Kiew', 'Київ', 'Киев'], placeType: 'city'};
MERGE (n:Place {key: 'place:miami'}) SET n += {name: 'Miami', aliases: ['Miami, Florida'], placeType: 'city'};
MERGE (n:Place {key: 'place:moscow'}) SET n += {name: 'Moscow', aliases: ['Moscou', 'Mosca', 'Москва'], placeType: 'city'};
MERGE (n:Place {key: 'place:occupied-regions-of-ukraine'}) SET n += {name: 'Russian-occupied regions of Ukraine', aliases: ['occupied regions', 'régions occupées', 'occupied territories'], placeType: 'region'};
MERGE (n:Place {key: 'place:rome'}) SET n += {name: 'Rome', aliases: ['Roma'], placeType: 'city'};
MERGE (n:Place {key: 'place:washington'}) SET n += {name: 'Washington, D.C.', aliases: ['Washington', 'Washington DC'], placeType: 'city'};

// Proposal (3)
MERGE (n:Proposal {key: 'proposal:28-point-plan'}) SET n += {name: '28-point peace plan', aliases: ['28-point plan', 'plan en 28 points', 'new Trump plan', 'nouveau plan Trump', 'Trump peace plan', 'feuille de route en 28 points'], description: 'A confidential US roadmap, prepared in consultation with Russia, to end the war in Ukraine.', date: '2025-11', pointCount: 28, status: 'draft'};
MERGE (n:Proposal {key: 'proposal:april-2025-draft'}) SET n += {name: 'April 2025 draft', aliases: ['April draft', 'projet d\'avril 2025'], description: 'An earlier set of proposals on ending the war.', date: '2025-04', status: 'draft'};
MERGE (n:Proposal {key: 'proposal:article-5-like-guarantees'}) SET n += {name: 'Article-5-like security guarantees for Ukraine', aliases: ['Article 5-style guarantees', 'garanties type article 5'], description: 'Idea of security guarantees for Ukraine modelled on NATO\'s collective-defence clause.', date: '2025-08', status: 'floated'};

// Topic (9)
MERGE (n:Topic {key: 'topic:european-stability'}) SET n += {name: 'European stability', aliases: ['stabilité européenne']};
MERGE (n:Topic {key: 'topic:military-alliance-membership'}) SET n += {name: 'Membership of military alliances', aliases: ['alliance membership', 'appartenance aux alliances']};
MERGE (n:Topic {key: 'topic:peace-in-ukraine'}) SET n += {name: 'Peace in Ukraine', aliases: ['paix en Ukraine']};
MERGE (n:Topic {key: 'topic:rapid-ceasefire'}) SET n += {name: 'Rapid ceasefire', aliases: ['cessez-le-feu rapide', 'quick ceasefire']};
MERGE (n:Topic {key: 'topic:recognition-of-russian-sovereignty-over-occupied-regions'}) SET n += {name: 'Implicit recognition of Russian sovereignty over occupied regions', aliases: ['recognition of occupied regions', 'reconnaissance de la souveraineté russe']};
MERGE (n:Topic {key: 'topic:security-guarantees'}) SET n += {name: 'Security guarantees', aliases: ['garanties de sécurité']};
MERGE (n:Topic {key: 'topic:territorial-concessions'}) SET n += {name: 'Territorial concessions', aliases: ['territorial positions', 'concessions territoriales']};
MERGE (n:Topic {key: 'topic:ukraine-renounces-nato-membership'}) SET n += {name: 'Ukraine formally renounces NATO membership', aliases: ['NATO renunciation', 'renonciation à l\'OTAN']};
MERGE (n:Topic {key: 'topic:us-russia-ukraine-relations'}) SET n += {name: 'Future US-Russia-Ukraine relations', aliases: ['relations États-Unis–Russie–Ukraine']};

// Conflict (2)
MERGE (n:Conflict {key: 'conflict:gaza-war'}) SET n += {name: 'Gaza war', aliases: ['guerre à Gaza', 'war in Gaza'], status: 'ended'};
MERGE (n:Conflict {key: 'conflict:russia-ukraine-war'}) SET n += {name: 'Russia-Ukraine war', aliases: ['war in Ukraine', 'guerre en Ukraine', 'conflit ukrainien', 'Ukrainian conflict', 'dossier ukrainien'], status: 'ongoing'};

// Claim (19)
MERGE (n:Claim {key: 'claim:analyst-offensive-as-leverage'}) SET n += {name: 'Analyst: offensives are leverage for talks', aliases: [], text: 'An Italian analyst argues that Russia\'s continued offensives drive the back-channel talks, creating facts on the ground to strengthen its hand before any concession.', stance: 'asserts', date: '2025-11', attribution: 'unnamed Italian analyst', confidence: 'claimed'};
MERGE (n:Claim {key: 'claim:april-draft-terms'}) SET n += {name: 'April 2025 draft terms', aliases: [], text: 'Some sources say an April 2025 draft required Ukraine to formally give up NATO membership and implicitly accept Russian sovereignty over occupied regions.', stance: 'asserts', date: '2025-11', attribution: 'unnamed sources', confidence: 'reported'};
MERGE (n:Claim {key: 'claim:back-channels-open'}) SET n += {name: 'Informal channels remain open', aliases: [], text: 'Although details are partial and contradictory, informal diplomatic channels between Washington and Moscow remain open; whether they become a real peace process is uncertain.', stance: 'cautions', date: '2025-11-19', confidence: 'reported'};
MERGE (n:Claim {key: 'claim:dmitriev-miami-three-days'}) SET n += {name: 'Dmitriev: three days of talks in Miami', aliases: [], text: 'Dmitriev says he and Witkoff met in Miami for three days, from 24 to 26 October 2025.', stance: 'asserts', date: '2025-11', confidence: 'claimed'};
MERGE (n:Claim {key: 'claim:dmitriev-russia-stronger'}) SET n += {name: 'Dmitriev: Russia\'s hand is stronger', aliases: [], text: 'According to Dmitriev, Russia considers that it has strengthened its negotiating position.', stance: 'asserts', date: '2025-11', confidence: 'claimed'};
MERGE (n:Claim {key: 'claim:dmitriev-russian-position-heard'}) SET n += {name: 'Dmitriev: Russia\'s position is being heard', aliases: [], text: 'Dmitriev says that this time Russia\'s position is genuinely being taken into account.', stance: 'asserts', date: '2025-11', confidence: 'claimed'};
MERGE (n:Claim {key: 'claim:doha-ankara-drafting'}) SET n += {name: 'Qatar and Turkey involved in drafting', aliases: [], text: 'Italian press reports that Qatar and Turkey also took part in drafting the plan.', stance: 'asserts', date: '2025-11', confidence: 'reported'};
MERGE (n:Claim {key: 'claim:kremlin-denies-plan'}) SET n += {name: 'Kremlin denies the plan', aliases: [], text: 'The Kremlin denies reports that it is working out such a plan with Washington.', stance: 'denies', date: '2025-11', confidence: 'confirmed'};
MERGE (n:Claim {key: 'claim:kyiv-europe-caution'}) SET n += {name: 'Kyiv and Europeans remain cautious', aliases: [], text: 'Ukraine and its European allies remain wary of the territorial and security concessions the plan may involve; it is unclear whether Kyiv will accept.', stance: 'cautions', date: '2025-11-19', confidence: 'reported'};
MERGE (n:Claim {key: 'claim:moscow-battlefield-gains'}) SET n += {name: 'Russian gains in some areas', aliases: [], text: 'Russia has made progress in some areas of the front.', stance: 'asserts', date: '2025-11-19', confidence: 'reported'};
MERGE (n:Claim {key: 'claim:peskov-no-driscoll-meeting'}) SET n += {name: 'Peskov: no Driscoll meeting planned', aliases: [], text: 'Peskov denies rumours that a meeting between Driscoll and Russian representatives is planned after Driscoll\'s talks in Ukraine.', stance: 'denies', date: '2025-11', confidence: 'confirmed'};
MERGE (n:Claim {key: 'claim:peskov-nothing-since-alaska'}) SET n += {name: 'Peskov: nothing new since Alaska', aliases: [], text: 'Peskov says Russia and the US discussed a peaceful settlement in Alaska and that there has been no development since.', stance: 'denies', date: '2025-11', confidence: 'confirmed'};
MERGE (n:Claim {key: 'claim:plan-four-areas'}) SET n += {name: 'The plan covers four areas', aliases: [], text: 'Documents published by Axios show the plan spans peace in Ukraine, security guarantees, European stability and future US-Russia-Ukraine relations.', stance: 'asserts', date: '2025-11', confidence: 'reported'};
MERGE (n:Claim {key: 'claim:politico-driscoll-rising'}) SET n += {name: 'Politico: Driscoll\'s growing role', aliases: [], text: 'Politico says sending Driscoll to Kyiv looked unusual, but the veteran and close Vance ally has become an important Pentagon figure whose role may grow.', stance: 'asserts', date: '2025-11', confidence: 'reported'};
MERGE (n:Claim {key: 'claim:putin-ceasefire-reservations'}) SET n += {name: 'Putin wary of a quick ceasefire', aliases: [], text: 'Putin had voiced strong reservations about a quick ceasefire, insisting any deal reflect Russia\'s position on the ground and follow thorough negotiations.', stance: 'cautions', date: '2025-08', confidence: 'reported'};
MERGE (n:Claim {key: 'claim:qatar-turkey-mediation'}) SET n += {name: 'Qatari and Turkish mediation could help', aliases: [], text: 'A source told Axios that Qatari and Turkish mediation helped end the Gaza war and could help end the war in Ukraine.', stance: 'proposes', date: '2025-11', attribution: 'unnamed source quoted by Axios', confidence: 'reported'};
MERGE (n:Claim {key: 'claim:russia-open-to-article-5-guarantees'}) SET n += {name: 'Russia open to Article-5-like guarantees', aliases: [], text: 'At the August 2025 Alaska summit Russia signalled openness to security guarantees for Ukraine resembling NATO\'s Article 5.', stance: 'asserts', date: '2025-08', confidence: 'reported'};
MERGE (n:Claim {key: 'claim:us-preparing-28-point-plan'}) SET n += {name: 'US preparing a 28-point plan with Russia', aliases: [], text: 'The Trump administration is preparing a 28-point plan to end the war in Ukraine, drawn up in close consultation with Russia.', stance: 'asserts', date: '2025-11', attribution: 'US and Russian officials, per Axios; confirmed by Reuters', confidence: 'confirmed'};
MERGE (n:Claim {key: 'claim:white-house-briefing'}) SET n += {name: 'White House briefs Europeans and Kyiv', aliases: [], text: 'The White House has started, at an early stage, to brief its European partners and the Ukrainian government on the plan.', stance: 'asserts', date: '2025-11', confidence: 'reported'};

// LEADS (4)
MATCH (a:Person {key: 'person:donald-trump'}) MATCH (b:Country {key: 'country:us'}) MERGE (a)-[r:LEADS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', role: 'President'};
MATCH (a:Person {key: 'person:donald-trump'}) MATCH (b:Organization {key: 'org:us-government'}) MERGE (a)-[r:LEADS]->(b) SET r += {sources: ['source:axios', 'source:il-giornale', 'source:mena-news'], confidence: 'confirmed', role: 'President'};
MATCH (a:Person {key: 'person:vladimir-putin'}) MATCH (b:Country {key: 'country:russia'}) MERGE (a)-[r:LEADS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', role: 'President'};
MATCH (a:Person {key: 'person:vladimir-putin'}) MATCH (b:Organization {key: 'org:kremlin'}) MERGE (a)-[r:LEADS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', role: 'President'};

// REPRESENTS (5)
MATCH (a:Person {key: 'person:daniel-driscoll'}) MATCH (b:Country {key: 'country:us'}) MERGE (a)-[r:REPRESENTS]->(b) SET r += {sources: ['source:politico', 'source:mena-news'], confidence: 'reported', role: 'sent to Kyiv'};
MATCH (a:Person {key: 'person:kirill-dmitriev'}) MATCH (b:Country {key: 'country:russia'}) MERGE (a)-[r:REPRESENTS]->(b) SET r += {sources: ['source:axios', 'source:il-giornale', 'source:mena-news'], confidence: 'reported', role: 'leads the Russian side'};
MATCH (a:Person {key: 'person:kirill-dmitriev'}) MATCH (b:Organization {key: 'org:kremlin'}) MERGE (a)-[r:REPRESENTS]->(b) SET r += {sources: ['source:axios', 'source:il-giornale', 'source:mena-news'], confidence: 'reported', role: 'Kremlin emissary'};
MATCH (a:Person {key: 'person:steve-witkoff'}) MATCH (b:Country {key: 'country:us'}) MERGE (a)-[r:REPRESENTS]->(b) SET r += {sources: ['source:axios', 'source:il-giornale', 'source:mena-news'], confidence: 'reported', role: 'US envoy and main interlocutor of the Russian side'};
MATCH (a:Person {key: 'person:steve-witkoff'}) MATCH (b:Organization {key: 'org:us-government'}) MERGE (a)-[r:REPRESENTS]->(b) SET r += {sources: ['source:axios', 'source:il-giornale', 'source:mena-news'], confidence: 'reported', role: 'envoy'};

// SPEAKS_FOR (1)
MATCH (a:Person {key: 'person:dmitry-peskov'}) MATCH (b:Organization {key: 'org:kremlin'}) MERGE (a)-[r:SPEAKS_FOR]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', role: 'spokesman'};

// MEMBER_OF (6)
MATCH (a:Country {key: 'country:italy'}) MATCH (b:Organization {key: 'org:nato'}) MERGE (a)-[r:MEMBER_OF]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed'};
MATCH (a:Country {key: 'country:turkey'}) MATCH (b:Organization {key: 'org:nato'}) MERGE (a)-[r:MEMBER_OF]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed'};
MATCH (a:Country {key: 'country:us'}) MATCH (b:Organization {key: 'org:nato'}) MERGE (a)-[r:MEMBER_OF]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed'};
MATCH (a:Person {key: 'person:daniel-driscoll'}) MATCH (b:Organization {key: 'org:pentagon'}) MERGE (a)-[r:MEMBER_OF]->(b) SET r += {sources: ['source:politico', 'source:mena-news'], confidence: 'reported', role: 'rising figure'};
MATCH (a:Person {key: 'person:daniel-driscoll'}) MATCH (b:Organization {key: 'org:us-army'}) MERGE (a)-[r:MEMBER_OF]->(b) SET r += {sources: ['source:mena-news'], confidence: 'reported', role: 'senior official'};
MATCH (a:Person {key: 'person:jd-vance'}) MATCH (b:Organization {key: 'org:us-government'}) MERGE (a)-[r:MEMBER_OF]->(b) SET r += {sources: ['source:politico', 'source:mena-news'], confidence: 'confirmed', role: 'Vice President'};

// PART_OF (9)
MATCH (a:Organization {key: 'org:kremlin'}) MATCH (b:Country {key: 'country:russia'}) MERGE (a)-[r:PART_OF]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed'};
MATCH (a:Organization {key: 'org:pentagon'}) MATCH (b:Organization {key: 'org:us-government'}) MERGE (a)-[r:PART_OF]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed'};
MATCH (a:Organization {key: 'org:russian-armed-forces'}) MATCH (b:Country {key: 'country:russia'}) MERGE (a)-[r:PART_OF]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed'};
MATCH (a:Organization {key: 'org:ukrainian-government'}) MATCH (b:Country {key: 'country:ukraine'}) MERGE (a)-[r:PART_OF]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed'};
MATCH (a:Organization {key: 'org:us-army'}) MATCH (b:Organization {key: 'org:pentagon'}) MERGE (a)-[r:PART_OF]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed'};
MATCH (a:Organization {key: 'org:us-government'}) MATCH (b:Country {key: 'country:us'}) MERGE (a)-[r:PART_OF]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed'};
MATCH (a:Organization {key: 'org:white-house'}) MATCH (b:Organization {key: 'org:us-government'}) MERGE (a)-[r:PART_OF]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed'};
MATCH (a:Topic {key: 'topic:recognition-of-russian-sovereignty-over-occupied-regions'}) MATCH (b:Topic {key: 'topic:territorial-concessions'}) MERGE (a)-[r:PART_OF]->(b) SET r += {sources: ['source:mena-news'], confidence: 'reported'};
MATCH (a:Topic {key: 'topic:ukraine-renounces-nato-membership'}) MATCH (b:Topic {key: 'topic:military-alliance-membership'}) MERGE (a)-[r:PART_OF]->(b) SET r += {sources: ['source:mena-news'], confidence: 'reported'};

// CITIZEN_OF (8)
MATCH (a:Person {key: 'person:daniel-driscoll'}) MATCH (b:Country {key: 'country:us'}) MERGE (a)-[r:CITIZEN_OF]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed'};
MATCH (a:Person {key: 'person:dmitry-peskov'}) MATCH (b:Country {key: 'country:russia'}) MERGE (a)-[r:CITIZEN_OF]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed'};
MATCH (a:Person {key: 'person:donald-trump'}) MATCH (b:Country {key: 'country:us'}) MERGE (a)-[r:CITIZEN_OF]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed'};
MATCH (a:Person {key: 'person:jd-vance'}) MATCH (b:Country {key: 'country:us'}) MERGE (a)-[r:CITIZEN_OF]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed'};
MATCH (a:Person {key: 'person:kirill-dmitriev'}) MATCH (b:Country {key: 'country:russia'}) MERGE (a)-[r:CITIZEN_OF]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed'};
MATCH (a:Person {key: 'person:steve-witkoff'}) MATCH (b:Country {key: 'country:us'}) MERGE (a)-[r:CITIZEN_OF]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed'};
MATCH (a:Person {key: 'person:unnamed-italian-analyst'}) MATCH (b:Country {key: 'country:italy'}) MERGE (a)-[r:CITIZEN_OF]->(b) SET r += {sources: ['source:mena-news'], confidence: 'reported'};
MATCH (a:Person {key: 'person:vladimir-putin'}) MATCH (b:Country {key: 'country:russia'}) MERGE (a)-[r:CITIZEN_OF]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed'};

// ALLY_OF (3)
MATCH (a:Organization {key: 'org:european-allies'}) MATCH (b:Country {key: 'country:ukraine'}) MERGE (a)-[r:ALLY_OF]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed'};
MATCH (a:Organization {key: 'org:european-allies'}) MATCH (b:Country {key: 'country:us'}) MERGE (a)-[r:ALLY_OF]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', note: 'the White House\'s European partners'};
MATCH (a:Person {key: 'person:daniel-driscoll'}) MATCH (b:Person {key: 'person:jd-vance'}) MERGE (a)-[r:ALLY_OF]->(b) SET r += {sources: ['source:politico', 'source:mena-news'], confidence: 'reported', note: 'described as a veteran and loyal ally of the Vice President'};

// NEGOTIATES_WITH (3)
MATCH (a:Country {key: 'country:us'}) MATCH (b:Country {key: 'country:russia'}) MERGE (a)-[r:NEGOTIATES_WITH]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-08', note: 'peaceful settlement discussed in Alaska, per the Kremlin spokesman', subject: 'conflict:russia-ukraine-war'};
MATCH (a:Organization {key: 'org:us-government'}) MATCH (b:Organization {key: 'org:kremlin'}) MERGE (a)-[r:NEGOTIATES_WITH]->(b) SET r += {sources: ['source:axios', 'source:reuters', 'source:il-giornale', 'source:mena-news'], confidence: 'reported', date: '2025-11', note: 'plan drafted behind the scenes with Kremlin emissaries; the Kremlin denies it', subject: 'proposal:28-point-plan'};
MATCH (a:Person {key: 'person:steve-witkoff'}) MATCH (b:Person {key: 'person:kirill-dmitriev'}) MERGE (a)-[r:NEGOTIATES_WITH]->(b) SET r += {sources: ['source:axios', 'source:reuters', 'source:il-giornale', 'source:mena-news'], confidence: 'confirmed', date: '2025-10', subject: 'proposal:28-point-plan'};

// ATTENDED (8)
MATCH (a:Country {key: 'country:russia'}) MATCH (b:Meeting {key: 'meeting:driscoll-russia-meeting-rumoured'}) MERGE (a)-[r:ATTENDED]->(b) SET r += {sources: ['source:mena-news'], confidence: 'denied', note: 'rumoured; denied by the Kremlin spokesman', role: 'Russian representatives'};
MATCH (a:Organization {key: 'org:ukrainian-government'}) MATCH (b:Meeting {key: 'meeting:driscoll-ukraine-talks-2025-11'}) MERGE (a)-[r:ATTENDED]->(b) SET r += {sources: ['source:mena-news'], confidence: 'reported', date: '2025-11'};
MATCH (a:Person {key: 'person:daniel-driscoll'}) MATCH (b:Meeting {key: 'meeting:driscoll-russia-meeting-rumoured'}) MERGE (a)-[r:ATTENDED]->(b) SET r += {sources: ['source:mena-news'], confidence: 'denied', note: 'rumoured; denied by the Kremlin spokesman'};
MATCH (a:Person {key: 'person:daniel-driscoll'}) MATCH (b:Meeting {key: 'meeting:driscoll-ukraine-talks-2025-11'}) MERGE (a)-[r:ATTENDED]->(b) SET r += {sources: ['source:politico', 'source:mena-news'], confidence: 'reported', date: '2025-11'};
MATCH (a:Person {key: 'person:donald-trump'}) MATCH (b:Meeting {key: 'meeting:alaska-summit-2025-08'}) MERGE (a)-[r:ATTENDED]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-08'};
MATCH (a:Person {key: 'person:kirill-dmitriev'}) MATCH (b:Meeting {key: 'meeting:miami-talks-2025-10'}) MERGE (a)-[r:ATTENDED]->(b) SET r += {sources: ['source:il-giornale', 'source:mena-news'], confidence: 'claimed', date: '2025-10-24', role: 'Russian representative'};
MATCH (a:Person {key: 'person:steve-witkoff'}) MATCH (b:Meeting {key: 'meeting:miami-talks-2025-10'}) MERGE (a)-[r:ATTENDED]->(b) SET r += {sources: ['source:il-giornale', 'source:mena-news'], confidence: 'claimed', date: '2025-10-24', role: 'US envoy'};
MATCH (a:Person {key: 'person:vladimir-putin'}) MATCH (b:Meeting {key: 'meeting:alaska-summit-2025-08'}) MERGE (a)-[r:ATTENDED]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-08'};

// HELD_IN (3)
MATCH (a:Meeting {key: 'meeting:alaska-summit-2025-08'}) MATCH (b:Place {key: 'place:alaska'}) MERGE (a)-[r:HELD_IN]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed'};
MATCH (a:Meeting {key: 'meeting:driscoll-ukraine-talks-2025-11'}) MATCH (b:Place {key: 'place:kyiv'}) MERGE (a)-[r:HELD_IN]->(b) SET r += {sources: ['source:politico', 'source:mena-news'], confidence: 'reported'};
MATCH (a:Meeting {key: 'meeting:miami-talks-2025-10'}) MATCH (b:Place {key: 'place:miami'}) MERGE (a)-[r:HELD_IN]->(b) SET r += {sources: ['source:il-giornale', 'source:mena-news'], confidence: 'reported'};

// LOCATED_IN (6)
MATCH (a:Conflict {key: 'conflict:gaza-war'}) MATCH (b:Place {key: 'place:gaza'}) MERGE (a)-[r:LOCATED_IN]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed'};
MATCH (a:Conflict {key: 'conflict:russia-ukraine-war'}) MATCH (b:Country {key: 'country:ukraine'}) MERGE (a)-[r:LOCATED_IN]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed'};
MATCH (a:Place {key: 'place:alaska'}) MATCH (b:Country {key: 'country:us'}) MERGE (a)-[r:LOCATED_IN]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed'};
MATCH (a:Place {key: 'place:miami'}) MATCH (b:Country {key: 'country:us'}) MERGE (a)-[r:LOCATED_IN]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed'};
MATCH (a:Place {key: 'place:occupied-regions-of-ukraine'}) MATCH (b:Country {key: 'country:ukraine'}) MERGE (a)-[r:LOCATED_IN]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed'};
MATCH (a:Source {key: 'source:il-giornale'}) MATCH (b:Country {key: 'country:italy'}) MERGE (a)-[r:LOCATED_IN]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', note: 'called the Italian (transalpine) press'};

// CAPITAL_OF (6)
MATCH (a:Place {key: 'place:ankara'}) MATCH (b:Country {key: 'country:turkey'}) MERGE (a)-[r:CAPITAL_OF]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed'};
MATCH (a:Place {key: 'place:doha'}) MATCH (b:Country {key: 'country:qatar'}) MERGE (a)-[r:CAPITAL_OF]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed'};
MATCH (a:Place {key: 'place:kyiv'}) MATCH (b:Country {key: 'country:ukraine'}) MERGE (a)-[r:CAPITAL_OF]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed'};
MATCH (a:Place {key: 'place:moscow'}) MATCH (b:Country {key: 'country:russia'}) MERGE (a)-[r:CAPITAL_OF]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed'};
MATCH (a:Place {key: 'place:rome'}) MATCH (b:Country {key: 'country:italy'}) MERGE (a)-[r:CAPITAL_OF]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed'};
MATCH (a:Place {key: 'place:washington'}) MATCH (b:Country {key: 'country:us'}) MERGE (a)-[r:CAPITAL_OF]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed'};

// PARTY_TO (3)
MATCH (a:Country {key: 'country:russia'}) MATCH (b:Conflict {key: 'conflict:russia-ukraine-war'}) MERGE (a)-[r:PARTY_TO]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed'};
MATCH (a:Country {key: 'country:ukraine'}) MATCH (b:Conflict {key: 'conflict:russia-ukraine-war'}) MERGE (a)-[r:PARTY_TO]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed'};
MATCH (a:Organization {key: 'org:russian-armed-forces'}) MATCH (b:Conflict {key: 'conflict:russia-ukraine-war'}) MERGE (a)-[r:PARTY_TO]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', note: 'offensives continue; gains in some areas'};

// MEDIATES (4)
MATCH (a:Country {key: 'country:qatar'}) MATCH (b:Conflict {key: 'conflict:gaza-war'}) MERGE (a)-[r:MEDIATES]->(b) SET r += {sources: ['source:axios', 'source:mena-news'], confidence: 'reported', note: 'credited with helping end the Gaza war', status: 'past'};
MATCH (a:Country {key: 'country:qatar'}) MATCH (b:Conflict {key: 'conflict:russia-ukraine-war'}) MERGE (a)-[r:MEDIATES]->(b) SET r += {sources: ['source:axios', 'source:mena-news'], confidence: 'reported', status: 'potential'};
MATCH (a:Country {key: 'country:turkey'}) MATCH (b:Conflict {key: 'conflict:gaza-war'}) MERGE (a)-[r:MEDIATES]->(b) SET r += {sources: ['source:axios', 'source:mena-news'], confidence: 'reported', note: 'credited with helping end the Gaza war', status: 'past'};
MATCH (a:Country {key: 'country:turkey'}) MATCH (b:Conflict {key: 'conflict:russia-ukraine-war'}) MERGE (a)-[r:MEDIATES]->(b) SET r += {sources: ['source:axios', 'source:mena-news'], confidence: 'reported', status: 'potential'};

// DRAFTED (6)
MATCH (a:Country {key: 'country:qatar'}) MATCH (b:Proposal {key: 'proposal:28-point-plan'}) MERGE (a)-[r:DRAFTED]->(b) SET r += {sources: ['source:il-giornale', 'source:mena-news'], confidence: 'reported', role: 'contributor'};
MATCH (a:Country {key: 'country:russia'}) MATCH (b:Proposal {key: 'proposal:28-point-plan'}) MERGE (a)-[r:DRAFTED]->(b) SET r += {sources: ['source:axios', 'source:reuters', 'source:il-giornale', 'source:mena-news'], confidence: 'reported', note: 'in close consultation with Russia; denied by the Kremlin', role: 'co-drafter'};
MATCH (a:Country {key: 'country:turkey'}) MATCH (b:Proposal {key: 'proposal:28-point-plan'}) MERGE (a)-[r:DRAFTED]->(b) SET r += {sources: ['source:il-giornale', 'source:mena-news'], confidence: 'reported', role: 'contributor'};
MATCH (a:Organization {key: 'org:us-government'}) MATCH (b:Proposal {key: 'proposal:28-point-plan'}) MERGE (a)-[r:DRAFTED]->(b) SET r += {sources: ['source:axios', 'source:reuters', 'source:il-giornale', 'source:mena-news'], confidence: 'confirmed', role: 'lead'};
MATCH (a:Person {key: 'person:kirill-dmitriev'}) MATCH (b:Proposal {key: 'proposal:28-point-plan'}) MERGE (a)-[r:DRAFTED]->(b) SET r += {sources: ['source:axios', 'source:il-giornale', 'source:mena-news'], confidence: 'reported', role: 'co-drafter'};
MATCH (a:Person {key: 'person:steve-witkoff'}) MATCH (b:Proposal {key: 'proposal:28-point-plan'}) MERGE (a)-[r:DRAFTED]->(b) SET r += {sources: ['source:axios', 'source:reuters', 'source:il-giornale', 'source:mena-news'], confidence: 'confirmed', role: 'lead'};

// BRIEFED (2)
MATCH (a:Organization {key: 'org:white-house'}) MATCH (b:Organization {key: 'org:european-allies'}) MERGE (a)-[r:BRIEFED]->(b) SET r += {sources: ['source:axios', 'source:il-giornale', 'source:mena-news'], confidence: 'reported', date: '2025-11', note: 'at a preliminary stage', subject: 'proposal:28-point-plan'};
MATCH (a:Organization {key: 'org:white-house'}) MATCH (b:Organization {key: 'org:ukrainian-government'}) MERGE (a)-[r:BRIEFED]->(b) SET r += {sources: ['source:axios', 'source:il-giornale', 'source:mena-news'], confidence: 'reported', date: '2025-11', note: 'at a preliminary stage', subject: 'proposal:28-point-plan'};

// BRIEFED_ON (2)
MATCH (a:Organization {key: 'org:european-allies'}) MATCH (b:Proposal {key: 'proposal:28-point-plan'}) MERGE (a)-[r:BRIEFED_ON]->(b) SET r += {sources: ['source:axios', 'source:il-giornale', 'source:mena-news'], confidence: 'reported', date: '2025-11'};
MATCH (a:Organization {key: 'org:ukrainian-government'}) MATCH (b:Proposal {key: 'proposal:28-point-plan'}) MERGE (a)-[r:BRIEFED_ON]->(b) SET r += {sources: ['source:axios', 'source:il-giornale', 'source:mena-news'], confidence: 'reported', date: '2025-11'};

// COVERS (5)
MATCH (a:Proposal {key: 'proposal:28-point-plan'}) MATCH (b:Topic {key: 'topic:european-stability'}) MERGE (a)-[r:COVERS]->(b) SET r += {sources: ['source:axios', 'source:il-giornale', 'source:mena-news'], confidence: 'reported'};
MATCH (a:Proposal {key: 'proposal:28-point-plan'}) MATCH (b:Topic {key: 'topic:peace-in-ukraine'}) MERGE (a)-[r:COVERS]->(b) SET r += {sources: ['source:axios', 'source:il-giornale', 'source:mena-news'], confidence: 'reported'};
MATCH (a:Proposal {key: 'proposal:28-point-plan'}) MATCH (b:Topic {key: 'topic:security-guarantees'}) MERGE (a)-[r:COVERS]->(b) SET r += {sources: ['source:axios', 'source:il-giornale', 'source:mena-news'], confidence: 'reported'};
MATCH (a:Proposal {key: 'proposal:28-point-plan'}) MATCH (b:Topic {key: 'topic:us-russia-ukraine-relations'}) MERGE (a)-[r:COVERS]->(b) SET r += {sources: ['source:axios', 'source:il-giornale', 'source:mena-news'], confidence: 'reported'};
MATCH (a:Proposal {key: 'proposal:article-5-like-guarantees'}) MATCH (b:Topic {key: 'topic:security-guarantees'}) MERGE (a)-[r:COVERS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'reported'};

// DEMANDS (4)
MATCH (a:Proposal {key: 'proposal:28-point-plan'}) MATCH (b:Topic {key: 'topic:military-alliance-membership'}) MERGE (a)-[r:DEMANDS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'reported', note: 'conditions the document appears to suggest', party: 'country:ukraine'};
MATCH (a:Proposal {key: 'proposal:28-point-plan'}) MATCH (b:Topic {key: 'topic:territorial-concessions'}) MERGE (a)-[r:DEMANDS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'reported', note: 'conditions the document appears to suggest', party: 'country:ukraine'};
MATCH (a:Proposal {key: 'proposal:april-2025-draft'}) MATCH (b:Topic {key: 'topic:recognition-of-russian-sovereignty-over-occupied-regions'}) MERGE (a)-[r:DEMANDS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'reported', date: '2025-04', party: 'country:ukraine'};
MATCH (a:Proposal {key: 'proposal:april-2025-draft'}) MATCH (b:Topic {key: 'topic:ukraine-renounces-nato-membership'}) MERGE (a)-[r:DEMANDS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'reported', date: '2025-04', party: 'country:ukraine'};

// PRECEDED_BY (1)
MATCH (a:Proposal {key: 'proposal:28-point-plan'}) MATCH (b:Proposal {key: 'proposal:april-2025-draft'}) MERGE (a)-[r:PRECEDED_BY]->(b) SET r += {sources: ['source:mena-news'], confidence: 'reported'};

// DISCUSSED (3)
MATCH (a:Meeting {key: 'meeting:alaska-summit-2025-08'}) MATCH (b:Proposal {key: 'proposal:article-5-like-guarantees'}) MERGE (a)-[r:DISCUSSED]->(b) SET r += {sources: ['source:mena-news'], confidence: 'reported', date: '2025-08'};
MATCH (a:Meeting {key: 'meeting:alaska-summit-2025-08'}) MATCH (b:Topic {key: 'topic:peace-in-ukraine'}) MERGE (a)-[r:DISCUSSED]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-08'};
MATCH (a:Meeting {key: 'meeting:miami-talks-2025-10'}) MATCH (b:Proposal {key: 'proposal:28-point-plan'}) MERGE (a)-[r:DISCUSSED]->(b) SET r += {sources: ['source:axios', 'source:il-giornale', 'source:mena-news'], confidence: 'reported', date: '2025-10'};

// STANCE_ON (4)
MATCH (a:Country {key: 'country:russia'}) MATCH (b:Proposal {key: 'proposal:article-5-like-guarantees'}) MERGE (a)-[r:STANCE_ON]->(b) SET r += {sources: ['source:mena-news'], confidence: 'reported', date: '2025-08', stance: 'open'};
MATCH (a:Country {key: 'country:ukraine'}) MATCH (b:Proposal {key: 'proposal:28-point-plan'}) MERGE (a)-[r:STANCE_ON]->(b) SET r += {sources: ['source:mena-news'], confidence: 'reported', date: '2025-11', stance: 'cautious'};
MATCH (a:Organization {key: 'org:european-allies'}) MATCH (b:Proposal {key: 'proposal:28-point-plan'}) MERGE (a)-[r:STANCE_ON]->(b) SET r += {sources: ['source:mena-news'], confidence: 'reported', date: '2025-11', stance: 'cautious'};
MATCH (a:Person {key: 'person:vladimir-putin'}) MATCH (b:Topic {key: 'topic:rapid-ceasefire'}) MERGE (a)-[r:STANCE_ON]->(b) SET r += {sources: ['source:mena-news'], confidence: 'reported', stance: 'reserved'};

// DENIES (2)
MATCH (a:Organization {key: 'org:kremlin'}) MATCH (b:Proposal {key: 'proposal:28-point-plan'}) MERGE (a)-[r:DENIES]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11', note: 'the Kremlin denies the reports of a joint plan'};
MATCH (a:Person {key: 'person:dmitry-peskov'}) MATCH (b:Meeting {key: 'meeting:driscoll-russia-meeting-rumoured'}) MERGE (a)-[r:DENIES]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11'};

// STATED (8)
MATCH (a:Organization {key: 'org:kremlin'}) MATCH (b:Claim {key: 'claim:kremlin-denies-plan'}) MERGE (a)-[r:STATED]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Person {key: 'person:dmitry-peskov'}) MATCH (b:Claim {key: 'claim:peskov-no-driscoll-meeting'}) MERGE (a)-[r:STATED]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Person {key: 'person:dmitry-peskov'}) MATCH (b:Claim {key: 'claim:peskov-nothing-since-alaska'}) MERGE (a)-[r:STATED]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Person {key: 'person:kirill-dmitriev'}) MATCH (b:Claim {key: 'claim:dmitriev-miami-three-days'}) MERGE (a)-[r:STATED]->(b) SET r += {sources: ['source:il-giornale', 'source:mena-news'], confidence: 'claimed', date: '2025-11'};
MATCH (a:Person {key: 'person:kirill-dmitriev'}) MATCH (b:Claim {key: 'claim:dmitriev-russia-stronger'}) MERGE (a)-[r:STATED]->(b) SET r += {sources: ['source:mena-news'], confidence: 'claimed', date: '2025-11'};
MATCH (a:Person {key: 'person:kirill-dmitriev'}) MATCH (b:Claim {key: 'claim:dmitriev-russian-position-heard'}) MERGE (a)-[r:STATED]->(b) SET r += {sources: ['source:il-giornale', 'source:mena-news'], confidence: 'claimed', date: '2025-11'};
MATCH (a:Person {key: 'person:unnamed-italian-analyst'}) MATCH (b:Claim {key: 'claim:analyst-offensive-as-leverage'}) MERGE (a)-[r:STATED]->(b) SET r += {sources: ['source:mena-news'], confidence: 'claimed', date: '2025-11'};
MATCH (a:Person {key: 'person:vladimir-putin'}) MATCH (b:Claim {key: 'claim:putin-ceasefire-reservations'}) MERGE (a)-[r:STATED]->(b) SET r += {sources: ['source:mena-news'], confidence: 'reported', date: '2025-08'};

// REPORTED_BY (31)
MATCH (a:Claim {key: 'claim:analyst-offensive-as-leverage'}) MATCH (b:Source {key: 'source:mena-news'}) MERGE (a)-[r:REPORTED_BY]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:april-draft-terms'}) MATCH (b:Source {key: 'source:mena-news'}) MERGE (a)-[r:REPORTED_BY]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:back-channels-open'}) MATCH (b:Source {key: 'source:mena-news'}) MERGE (a)-[r:REPORTED_BY]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Claim {key: 'claim:dmitriev-miami-three-days'}) MATCH (b:Source {key: 'source:il-giornale'}) MERGE (a)-[r:REPORTED_BY]->(b) SET r += {sources: ['source:il-giornale'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:dmitriev-miami-three-days'}) MATCH (b:Source {key: 'source:mena-news'}) MERGE (a)-[r:REPORTED_BY]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:dmitriev-russia-stronger'}) MATCH (b:Source {key: 'source:mena-news'}) MERGE (a)-[r:REPORTED_BY]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:dmitriev-russian-position-heard'}) MATCH (b:Source {key: 'source:il-giornale'}) MERGE (a)-[r:REPORTED_BY]->(b) SET r += {sources: ['source:il-giornale'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:dmitriev-russian-position-heard'}) MATCH (b:Source {key: 'source:mena-news'}) MERGE (a)-[r:REPORTED_BY]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:doha-ankara-drafting'}) MATCH (b:Source {key: 'source:il-giornale'}) MERGE (a)-[r:REPORTED_BY]->(b) SET r += {sources: ['source:il-giornale'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:doha-ankara-drafting'}) MATCH (b:Source {key: 'source:mena-news'}) MERGE (a)-[r:REPORTED_BY]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:kremlin-denies-plan'}) MATCH (b:Source {key: 'source:mena-news'}) MERGE (a)-[r:REPORTED_BY]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:kyiv-europe-caution'}) MATCH (b:Source {key: 'source:mena-news'}) MERGE (a)-[r:REPORTED_BY]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Claim {key: 'claim:moscow-battlefield-gains'}) MATCH (b:Source {key: 'source:mena-news'}) MERGE (a)-[r:REPORTED_BY]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Claim {key: 'claim:peskov-no-driscoll-meeting'}) MATCH (b:Source {key: 'source:mena-news'}) MERGE (a)-[r:REPORTED_BY]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:peskov-nothing-since-alaska'}) MATCH (b:Source {key: 'source:mena-news'}) MERGE (a)-[r:REPORTED_BY]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:plan-four-areas'}) MATCH (b:Source {key: 'source:axios'}) MERGE (a)-[r:REPORTED_BY]->(b) SET r += {sources: ['source:axios'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:plan-four-areas'}) MATCH (b:Source {key: 'source:il-giornale'}) MERGE (a)-[r:REPORTED_BY]->(b) SET r += {sources: ['source:il-giornale'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:plan-four-areas'}) MATCH (b:Source {key: 'source:mena-news'}) MERGE (a)-[r:REPORTED_BY]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:politico-driscoll-rising'}) MATCH (b:Source {key: 'source:mena-news'}) MERGE (a)-[r:REPORTED_BY]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:politico-driscoll-rising'}) MATCH (b:Source {key: 'source:politico'}) MERGE (a)-[r:REPORTED_BY]->(b) SET r += {sources: ['source:politico'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:putin-ceasefire-reservations'}) MATCH (b:Source {key: 'source:mena-news'}) MERGE (a)-[r:REPORTED_BY]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-08'};
MATCH (a:Claim {key: 'claim:qatar-turkey-mediation'}) MATCH (b:Source {key: 'source:axios'}) MERGE (a)-[r:REPORTED_BY]->(b) SET r += {sources: ['source:axios'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:qatar-turkey-mediation'}) MATCH (b:Source {key: 'source:mena-news'}) MERGE (a)-[r:REPORTED_BY]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:russia-open-to-article-5-guarantees'}) MATCH (b:Source {key: 'source:mena-news'}) MERGE (a)-[r:REPORTED_BY]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-08'};
MATCH (a:Claim {key: 'claim:us-preparing-28-point-plan'}) MATCH (b:Source {key: 'source:axios'}) MERGE (a)-[r:REPORTED_BY]->(b) SET r += {sources: ['source:axios'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:us-preparing-28-point-plan'}) MATCH (b:Source {key: 'source:il-giornale'}) MERGE (a)-[r:REPORTED_BY]->(b) SET r += {sources: ['source:il-giornale'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:us-preparing-28-point-plan'}) MATCH (b:Source {key: 'source:mena-news'}) MERGE (a)-[r:REPORTED_BY]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:us-preparing-28-point-plan'}) MATCH (b:Source {key: 'source:reuters'}) MERGE (a)-[r:REPORTED_BY]->(b) SET r += {sources: ['source:reuters'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:white-house-briefing'}) MATCH (b:Source {key: 'source:axios'}) MERGE (a)-[r:REPORTED_BY]->(b) SET r += {sources: ['source:axios'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:white-house-briefing'}) MATCH (b:Source {key: 'source:il-giornale'}) MERGE (a)-[r:REPORTED_BY]->(b) SET r += {sources: ['source:il-giornale'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:white-house-briefing'}) MATCH (b:Source {key: 'source:mena-news'}) MERGE (a)-[r:REPORTED_BY]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11'};

// ABOUT (46)
MATCH (a:Claim {key: 'claim:analyst-offensive-as-leverage'}) MATCH (b:Conflict {key: 'conflict:russia-ukraine-war'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:mena-news'], confidence: 'claimed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:analyst-offensive-as-leverage'}) MATCH (b:Organization {key: 'org:russian-armed-forces'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:mena-news'], confidence: 'claimed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:april-draft-terms'}) MATCH (b:Organization {key: 'org:nato'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:mena-news'], confidence: 'reported', date: '2025-11'};
MATCH (a:Claim {key: 'claim:april-draft-terms'}) MATCH (b:Place {key: 'place:occupied-regions-of-ukraine'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:mena-news'], confidence: 'reported', date: '2025-11'};
MATCH (a:Claim {key: 'claim:april-draft-terms'}) MATCH (b:Proposal {key: 'proposal:april-2025-draft'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:mena-news'], confidence: 'reported', date: '2025-11'};
MATCH (a:Claim {key: 'claim:back-channels-open'}) MATCH (b:Conflict {key: 'conflict:russia-ukraine-war'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:mena-news'], confidence: 'reported', date: '2025-11-19'};
MATCH (a:Claim {key: 'claim:back-channels-open'}) MATCH (b:Organization {key: 'org:kremlin'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:mena-news'], confidence: 'reported', date: '2025-11-19'};
MATCH (a:Claim {key: 'claim:back-channels-open'}) MATCH (b:Organization {key: 'org:us-government'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:mena-news'], confidence: 'reported', date: '2025-11-19'};
MATCH (a:Claim {key: 'claim:dmitriev-miami-three-days'}) MATCH (b:Meeting {key: 'meeting:miami-talks-2025-10'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:il-giornale', 'source:mena-news'], confidence: 'claimed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:dmitriev-russia-stronger'}) MATCH (b:Conflict {key: 'conflict:russia-ukraine-war'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:mena-news'], confidence: 'claimed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:dmitriev-russia-stronger'}) MATCH (b:Country {key: 'country:russia'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:mena-news'], confidence: 'claimed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:dmitriev-russian-position-heard'}) MATCH (b:Country {key: 'country:russia'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:il-giornale', 'source:mena-news'], confidence: 'claimed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:dmitriev-russian-position-heard'}) MATCH (b:Proposal {key: 'proposal:28-point-plan'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:il-giornale', 'source:mena-news'], confidence: 'claimed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:doha-ankara-drafting'}) MATCH (b:Country {key: 'country:qatar'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:il-giornale', 'source:mena-news'], confidence: 'reported', date: '2025-11'};
MATCH (a:Claim {key: 'claim:doha-ankara-drafting'}) MATCH (b:Country {key: 'country:turkey'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:il-giornale', 'source:mena-news'], confidence: 'reported', date: '2025-11'};
MATCH (a:Claim {key: 'claim:doha-ankara-drafting'}) MATCH (b:Proposal {key: 'proposal:28-point-plan'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:il-giornale', 'source:mena-news'], confidence: 'reported', date: '2025-11'};
MATCH (a:Claim {key: 'claim:kremlin-denies-plan'}) MATCH (b:Proposal {key: 'proposal:28-point-plan'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:kyiv-europe-caution'}) MATCH (b:Country {key: 'country:ukraine'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:mena-news'], confidence: 'reported', date: '2025-11-19'};
MATCH (a:Claim {key: 'claim:kyiv-europe-caution'}) MATCH (b:Organization {key: 'org:european-allies'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:mena-news'], confidence: 'reported', date: '2025-11-19'};
MATCH (a:Claim {key: 'claim:kyiv-europe-caution'}) MATCH (b:Proposal {key: 'proposal:28-point-plan'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:mena-news'], confidence: 'reported', date: '2025-11-19'};
MATCH (a:Claim {key: 'claim:moscow-battlefield-gains'}) MATCH (b:Conflict {key: 'conflict:russia-ukraine-war'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:mena-news'], confidence: 'reported', date: '2025-11-19'};
MATCH (a:Claim {key: 'claim:moscow-battlefield-gains'}) MATCH (b:Country {key: 'country:russia'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:mena-news'], confidence: 'reported', date: '2025-11-19'};
MATCH (a:Claim {key: 'claim:peskov-no-driscoll-meeting'}) MATCH (b:Meeting {key: 'meeting:driscoll-russia-meeting-rumoured'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:peskov-no-driscoll-meeting'}) MATCH (b:Person {key: 'person:daniel-driscoll'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:peskov-nothing-since-alaska'}) MATCH (b:Meeting {key: 'meeting:alaska-summit-2025-08'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:peskov-nothing-since-alaska'}) MATCH (b:Proposal {key: 'proposal:28-point-plan'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:plan-four-areas'}) MATCH (b:Proposal {key: 'proposal:28-point-plan'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:axios', 'source:il-giornale', 'source:mena-news'], confidence: 'reported', date: '2025-11'};
MATCH (a:Claim {key: 'claim:politico-driscoll-rising'}) MATCH (b:Organization {key: 'org:pentagon'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:politico', 'source:mena-news'], confidence: 'reported', date: '2025-11'};
MATCH (a:Claim {key: 'claim:politico-driscoll-rising'}) MATCH (b:Person {key: 'person:daniel-driscoll'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:politico', 'source:mena-news'], confidence: 'reported', date: '2025-11'};
MATCH (a:Claim {key: 'claim:politico-driscoll-rising'}) MATCH (b:Person {key: 'person:jd-vance'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:politico', 'source:mena-news'], confidence: 'reported', date: '2025-11'};
MATCH (a:Claim {key: 'claim:putin-ceasefire-reservations'}) MATCH (b:Conflict {key: 'conflict:russia-ukraine-war'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:mena-news'], confidence: 'reported', date: '2025-08'};
MATCH (a:Claim {key: 'claim:putin-ceasefire-reservations'}) MATCH (b:Topic {key: 'topic:rapid-ceasefire'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:mena-news'], confidence: 'reported', date: '2025-08'};
MATCH (a:Claim {key: 'claim:qatar-turkey-mediation'}) MATCH (b:Conflict {key: 'conflict:gaza-war'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:axios', 'source:mena-news'], confidence: 'reported', date: '2025-11'};
MATCH (a:Claim {key: 'claim:qatar-turkey-mediation'}) MATCH (b:Conflict {key: 'conflict:russia-ukraine-war'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:axios', 'source:mena-news'], confidence: 'reported', date: '2025-11'};
MATCH (a:Claim {key: 'claim:qatar-turkey-mediation'}) MATCH (b:Country {key: 'country:qatar'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:axios', 'source:mena-news'], confidence: 'reported', date: '2025-11'};
MATCH (a:Claim {key: 'claim:qatar-turkey-mediation'}) MATCH (b:Country {key: 'country:turkey'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:axios', 'source:mena-news'], confidence: 'reported', date: '2025-11'};
MATCH (a:Claim {key: 'claim:russia-open-to-article-5-guarantees'}) MATCH (b:Country {key: 'country:russia'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:mena-news'], confidence: 'reported', date: '2025-08'};
MATCH (a:Claim {key: 'claim:russia-open-to-article-5-guarantees'}) MATCH (b:Meeting {key: 'meeting:alaska-summit-2025-08'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:mena-news'], confidence: 'reported', date: '2025-08'};
MATCH (a:Claim {key: 'claim:russia-open-to-article-5-guarantees'}) MATCH (b:Proposal {key: 'proposal:article-5-like-guarantees'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:mena-news'], confidence: 'reported', date: '2025-08'};
MATCH (a:Claim {key: 'claim:us-preparing-28-point-plan'}) MATCH (b:Country {key: 'country:russia'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:axios', 'source:reuters', 'source:il-giornale', 'source:mena-news'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:us-preparing-28-point-plan'}) MATCH (b:Organization {key: 'org:us-government'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:axios', 'source:reuters', 'source:il-giornale', 'source:mena-news'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:us-preparing-28-point-plan'}) MATCH (b:Proposal {key: 'proposal:28-point-plan'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:axios', 'source:reuters', 'source:il-giornale', 'source:mena-news'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Claim {key: 'claim:white-house-briefing'}) MATCH (b:Organization {key: 'org:european-allies'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:axios', 'source:il-giornale', 'source:mena-news'], confidence: 'reported', date: '2025-11'};
MATCH (a:Claim {key: 'claim:white-house-briefing'}) MATCH (b:Organization {key: 'org:ukrainian-government'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:axios', 'source:il-giornale', 'source:mena-news'], confidence: 'reported', date: '2025-11'};
MATCH (a:Claim {key: 'claim:white-house-briefing'}) MATCH (b:Organization {key: 'org:white-house'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:axios', 'source:il-giornale', 'source:mena-news'], confidence: 'reported', date: '2025-11'};
MATCH (a:Claim {key: 'claim:white-house-briefing'}) MATCH (b:Proposal {key: 'proposal:28-point-plan'}) MERGE (a)-[r:ABOUT]->(b) SET r += {sources: ['source:axios', 'source:il-giornale', 'source:mena-news'], confidence: 'reported', date: '2025-11'};

// MENTIONS (56)
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Conflict {key: 'conflict:gaza-war'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Conflict {key: 'conflict:russia-ukraine-war'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Country {key: 'country:italy'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Country {key: 'country:qatar'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Country {key: 'country:russia'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Country {key: 'country:turkey'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Country {key: 'country:ukraine'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Country {key: 'country:us'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Meeting {key: 'meeting:alaska-summit-2025-08'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Meeting {key: 'meeting:driscoll-russia-meeting-rumoured'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Meeting {key: 'meeting:driscoll-ukraine-talks-2025-11'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Meeting {key: 'meeting:miami-talks-2025-10'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Organization {key: 'org:european-allies'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Organization {key: 'org:kremlin'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Organization {key: 'org:nato'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Organization {key: 'org:pentagon'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Organization {key: 'org:russian-armed-forces'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Organization {key: 'org:ukrainian-government'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Organization {key: 'org:us-army'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Organization {key: 'org:us-government'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Organization {key: 'org:white-house'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Person {key: 'person:daniel-driscoll'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Person {key: 'person:dmitry-peskov'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Person {key: 'person:donald-trump'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Person {key: 'person:francesca-salvatore'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Person {key: 'person:jd-vance'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Person {key: 'person:kirill-dmitriev'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Person {key: 'person:steve-witkoff'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Person {key: 'person:unnamed-italian-analyst'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Person {key: 'person:vladimir-putin'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Place {key: 'place:alaska'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Place {key: 'place:ankara'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Place {key: 'place:doha'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Place {key: 'place:gaza'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Place {key: 'place:kyiv'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Place {key: 'place:miami'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Place {key: 'place:moscow'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Place {key: 'place:occupied-regions-of-ukraine'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Place {key: 'place:rome'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Place {key: 'place:washington'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Proposal {key: 'proposal:28-point-plan'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Proposal {key: 'proposal:april-2025-draft'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Proposal {key: 'proposal:article-5-like-guarantees'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Source {key: 'source:axios'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Source {key: 'source:il-giornale'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Source {key: 'source:politico'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Source {key: 'source:reuters'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Topic {key: 'topic:european-stability'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Topic {key: 'topic:military-alliance-membership'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Topic {key: 'topic:peace-in-ukraine'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Topic {key: 'topic:rapid-ceasefire'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Topic {key: 'topic:recognition-of-russian-sovereignty-over-occupied-regions'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Topic {key: 'topic:security-guarantees'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Topic {key: 'topic:territorial-concessions'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Topic {key: 'topic:ukraine-renounces-nato-membership'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Topic {key: 'topic:us-russia-ukraine-relations'}) MERGE (a)-[r:MENTIONS]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};

// PUBLISHED (5)
MATCH (a:Source {key: 'source:axios'}) MATCH (b:Document {key: 'document:axios-28-point-plan-documents'}) MERGE (a)-[r:PUBLISHED]->(b) SET r += {sources: ['source:axios'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Source {key: 'source:il-giornale'}) MATCH (b:Document {key: 'document:il-giornale-salvatore-28-point-plan'}) MERGE (a)-[r:PUBLISHED]->(b) SET r += {sources: ['source:il-giornale'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Source {key: 'source:mena-news'}) MATCH (b:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MERGE (a)-[r:PUBLISHED]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Source {key: 'source:politico'}) MATCH (b:Document {key: 'document:politico-driscoll-profile'}) MERGE (a)-[r:PUBLISHED]->(b) SET r += {sources: ['source:politico'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Source {key: 'source:reuters'}) MATCH (b:Document {key: 'document:reuters-28-point-plan-report'}) MERGE (a)-[r:PUBLISHED]->(b) SET r += {sources: ['source:reuters'], confidence: 'confirmed', date: '2025-11'};

// WROTE (1)
MATCH (a:Person {key: 'person:francesca-salvatore'}) MATCH (b:Document {key: 'document:il-giornale-salvatore-28-point-plan'}) MERGE (a)-[r:WROTE]->(b) SET r += {sources: ['source:il-giornale'], confidence: 'confirmed', date: '2025-11'};

// WRITES_FOR (1)
MATCH (a:Person {key: 'person:francesca-salvatore'}) MATCH (b:Source {key: 'source:il-giornale'}) MERGE (a)-[r:WRITES_FOR]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed'};

// CITES (7)
MATCH (a:Document {key: 'document:il-giornale-salvatore-28-point-plan'}) MATCH (b:Source {key: 'source:axios'}) MERGE (a)-[r:CITES]->(b) SET r += {sources: ['source:il-giornale'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Document {key: 'document:il-giornale-salvatore-28-point-plan'}) MATCH (b:Source {key: 'source:reuters'}) MERGE (a)-[r:CITES]->(b) SET r += {sources: ['source:il-giornale'], confidence: 'confirmed', date: '2025-11'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Document {key: 'document:il-giornale-salvatore-28-point-plan'}) MERGE (a)-[r:CITES]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Source {key: 'source:axios'}) MERGE (a)-[r:CITES]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Source {key: 'source:il-giornale'}) MERGE (a)-[r:CITES]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Source {key: 'source:politico'}) MERGE (a)-[r:CITES]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
MATCH (a:Document {key: 'document:mena-news-2025-11-19-28-point-plan'}) MATCH (b:Source {key: 'source:reuters'}) MERGE (a)-[r:CITES]->(b) SET r += {sources: ['source:mena-news'], confidence: 'confirmed', date: '2025-11-19'};
