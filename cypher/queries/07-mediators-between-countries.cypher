// Who mediates between two countries: third parties mediating a conflict both countries are party to
// (by default Russia and Ukraine), with the status of the mediation (past, ongoing, potential) and its sources.
// params: {"from": "country:russia", "to": "country:ukraine"}
MATCH (a:Country {key: $from})-[:PARTY_TO]->(c:Conflict)<-[:PARTY_TO]-(b:Country {key: $to})
MATCH (m)-[r:MEDIATES]->(c)
WHERE m <> a AND m <> b
RETURN m.name AS mediator,
       c.name AS conflict,
       r.status AS status,
       r.confidence AS confidence,
       r.sources AS sources,
       COLLECT { MATCH (m)-[past:MEDIATES]->(other:Conflict) WHERE other <> c RETURN other.name + ' (' + past.status + ')' } AS trackRecord
ORDER BY mediator;
