// The network around an entity, for a graph drawing: the entities within two admitted relationships of it (never
// documents, claims, sources or Fact nodes; no denied or rumoured facts; no background facts; no denied or rumoured
// meetings), nearest first, and every admitted relationship between two of them, each once, with provenance.
// The GraphQL field `network(keys: [...], hops: 2)` runs the same query.
// params: {"key": "person:steve-witkoff"}
MATCH (s:Person {key: $key})
MATCH p = (s)-[:LEADS|REPRESENTS|SPEAKS_FOR|MEMBER_OF|PART_OF|CITIZEN_OF|ALLY_OF|NEGOTIATES_WITH|ATTENDED|HELD_IN|LOCATED_IN|CAPITAL_OF|PARTY_TO|MEDIATES|DRAFTED|BRIEFED|BRIEFED_ON|COVERS|DEMANDS|PRECEDED_BY|DISCUSSED|STANCE_ON|DENIES*0..2]-(n)
WHERE all(v IN nodes(p)[1..] WHERE NOT (v:Document OR v:Claim OR v:Source OR v:Fact)
                               AND NOT (v:Meeting AND v.status IN ['denied', 'rumoured']))
  AND all(r IN relationships(p) WHERE r.confidence IN ['confirmed', 'reported', 'claimed'] AND coalesce(r.tier, 'reported') = 'reported')
WITH n, min(length(p)) AS distance
ORDER BY distance, n.key
LIMIT 100
WITH collect(n) AS nodes
CALL (nodes) {
  UNWIND nodes AS x
  MATCH (x)-[r:LEADS|REPRESENTS|SPEAKS_FOR|MEMBER_OF|PART_OF|CITIZEN_OF|ALLY_OF|NEGOTIATES_WITH|ATTENDED|HELD_IN|LOCATED_IN|CAPITAL_OF|PARTY_TO|MEDIATES|DRAFTED|BRIEFED|BRIEFED_ON|COVERS|DEMANDS|PRECEDED_BY|DISCUSSED|STANCE_ON|DENIES]->(y)
  WHERE y IN nodes AND r.confidence IN ['confirmed', 'reported', 'claimed'] AND coalesce(r.tier, 'reported') = 'reported'
  WITH r ORDER BY type(r), startNode(r).key, endNode(r).key
  RETURN collect({from: startNode(r).key, type: type(r), to: endNode(r).key, confidence: r.confidence,
                  independentSources: r.independentSources}) AS edges
}
RETURN [x IN nodes | {key: x.key, name: x.name, kind: labels(x)[0]}] AS nodes, edges;
