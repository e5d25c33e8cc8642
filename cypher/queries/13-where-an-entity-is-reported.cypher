// Provenance of an entity (by default Kirill Dmitriev): the documents that mention it, who published them,
// the outlets and documents they cite, and the claims about it with the outlets that reported them.
// params: {"key": "person:kirill-dmitriev"}
MATCH (n {key: $key})<-[:MENTIONS]-(d:Document)<-[:PUBLISHED]-(publisher:Source)
RETURN d.name AS document,
       d.publishedDate AS published,
       publisher.name AS publisher,
       COLLECT { MATCH (d)-[:CITES]->(cited) RETURN cited.name ORDER BY cited.name } AS cites,
       COLLECT { MATCH (c:Claim)-[:ABOUT]->(n) RETURN c.key ORDER BY c.key } AS claimsAbout,
       COLLECT { MATCH (n)-[:STATED]->(c:Claim) RETURN c.key ORDER BY c.key } AS claimsStated
ORDER BY published, document;
