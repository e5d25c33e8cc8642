// Facts resting on a single independent origin, grouped by that origin. Relays do not count: Axios relayed by
// Il Giornale and Mena News is one origin (independentSources = 1), while Axios's unnamed officials plus a Reuters
// report are two. Background facts (tier 'background': capitals, memberships, org charts, ...) are reference
// knowledge and left out, as is bookkeeping that copies a document's or a claim's provenance (PUBLISHED, WROTE,
// CITES, MENTIONS, REPORTED_BY, STATED, ABOUT). Relationships, claims and node facts (Fact) all count.
// params: {}
CALL () {
  MATCH (x)-[r]->(y)
  WHERE r.tier = 'reported' AND r.independentSources = 1
    AND NOT type(r) IN ['PUBLISHED', 'WROTE', 'CITES', 'MENTIONS', 'REPORTED_BY', 'STATED', 'ABOUT', 'HAS_FACT']
  RETURN r.origins[0] AS origin, type(r) + ': ' + x.name + ' -> ' + y.name AS statement, r.confidence AS confidence
  UNION ALL
  MATCH (c:Claim)
  WHERE c.tier = 'reported' AND c.independentSources = 1
  RETURN c.origins[0] AS origin, 'Claim: ' + c.name AS statement, c.confidence AS confidence
  UNION ALL
  MATCH ()-[:HAS_FACT]->(f:Fact)
  WHERE f.tier = 'reported' AND f.independentSources = 1
  RETURN f.origins[0] AS origin, 'Fact: ' + f.name + ' = ' + f.value AS statement, f.confidence AS confidence
}
WITH origin, statement, confidence
ORDER BY statement
RETURN origin,
       count(*) AS facts,
       collect(statement + ' [' + confidence + ']') AS statements
ORDER BY facts DESC, origin;
