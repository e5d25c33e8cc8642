// Schema of the knowledge graph (Neo4j 5 syntax; also run by our embedded engine).
// Applied by KnowledgeGraph.Seeding before the seed data, one statement at a time; every statement is
// idempotent (IF NOT EXISTS), so it is safe to run on every start and to paste into cypher-shell.

// Every node has a unique key (country:us, person:steve-witkoff, ...). A uniqueness constraint is backed by
// an index, so MATCH (n:Label {key: $key}) is an index seek.
CREATE CONSTRAINT country_key IF NOT EXISTS FOR (n:Country) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT person_key IF NOT EXISTS FOR (n:Person) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT organization_key IF NOT EXISTS FOR (n:Organization) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT source_key IF NOT EXISTS FOR (n:Source) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT document_key IF NOT EXISTS FOR (n:Document) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT meeting_key IF NOT EXISTS FOR (n:Meeting) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT place_key IF NOT EXISTS FOR (n:Place) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT proposal_key IF NOT EXISTS FOR (n:Proposal) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT topic_key IF NOT EXISTS FOR (n:Topic) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT conflict_key IF NOT EXISTS FOR (n:Conflict) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT claim_key IF NOT EXISTS FOR (n:Claim) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT fact_key IF NOT EXISTS FOR (n:Fact) REQUIRE n.key IS UNIQUE;

// Name lookups (entity search, GraphQL ordering by name).
CREATE INDEX country_name IF NOT EXISTS FOR (n:Country) ON (n.name);
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE INDEX source_name IF NOT EXISTS FOR (n:Source) ON (n.name);
CREATE INDEX document_name IF NOT EXISTS FOR (n:Document) ON (n.name);
CREATE INDEX meeting_name IF NOT EXISTS FOR (n:Meeting) ON (n.name);
CREATE INDEX place_name IF NOT EXISTS FOR (n:Place) ON (n.name);
CREATE INDEX proposal_name IF NOT EXISTS FOR (n:Proposal) ON (n.name);
CREATE INDEX topic_name IF NOT EXISTS FOR (n:Topic) ON (n.name);
CREATE INDEX conflict_name IF NOT EXISTS FOR (n:Conflict) ON (n.name);
CREATE INDEX claim_name IF NOT EXISTS FOR (n:Claim) ON (n.name);
CREATE INDEX fact_name IF NOT EXISTS FOR (n:Fact) ON (n.name);

// Entity search (GraphQL search and searchPage): the words of names and aliases of every entity kind but the
// structural Fact, folded for case and accents by the standard-folding analyzer (Kyïv = kyiv, Erdoğan = erdogan),
// queried with CALL db.index.fulltext.queryNodes('entity_search', ...).
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
  FOR (n:Country|Person|Organization|Source|Document|Meeting|Place|Proposal|Topic|Conflict|Claim)
  ON EACH [n.name, n.aliases]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};

// Timeline of meetings; claims by stance (all denials); proposals by date.
CREATE INDEX meeting_start_date IF NOT EXISTS FOR (n:Meeting) ON (n.startDate);
CREATE INDEX claim_stance IF NOT EXISTS FOR (n:Claim) ON (n.stance);
CREATE INDEX claim_date IF NOT EXISTS FOR (n:Claim) ON (n.date);
CREATE INDEX proposal_date IF NOT EXISTS FOR (n:Proposal) ON (n.date);
