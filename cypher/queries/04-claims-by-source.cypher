// The claims an outlet reported or relayed (by default Axios): what was said, its stance and grade, by whom
// when named, and the independent origins behind it (an outlet relaying another is not an origin).
// params: {"source": "source:axios"}
MATCH (c:Claim)-[:REPORTED_BY]->(:Source {key: $source})
RETURN c.key AS claim,
       c.stance AS stance,
       c.confidence AS confidence,
       c.text AS text,
       COLLECT { MATCH (speaker)-[:STATED]->(c) RETURN speaker.name ORDER BY speaker.name } AS statedBy,
       coalesce(c.attribution, '') AS attribution,
       c.origins AS origins,
       c.independentSources AS independentSources
ORDER BY claim;
