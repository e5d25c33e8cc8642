// The claims an outlet reported (by default Axios): what was said, its stance, and by whom when named.
// params: {"source": "source:axios"}
MATCH (c:Claim)-[:REPORTED_BY]->(:Source {key: $source})
RETURN c.key AS claim,
       c.stance AS stance,
       c.confidence AS confidence,
       c.text AS text,
       COLLECT { MATCH (speaker)-[:STATED]->(c) RETURN speaker.name ORDER BY speaker.name } AS statedBy,
       coalesce(c.attribution, '') AS attribution
ORDER BY claim;
