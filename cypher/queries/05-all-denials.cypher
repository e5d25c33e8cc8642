// Every denial in the graph, in its three forms: a party DENIES something; a claim whose stance is 'denies';
// a reported fact whose confidence is 'denied' (it is kept, never dropped).
// params: {}
CALL () {
  MATCH (who)-[d:DENIES]->(what)
  RETURN 'denies' AS form, who.name AS who, what.name AS what, d.date AS date, d.sources AS sources
  UNION ALL
  MATCH (who)-[:STATED]->(c:Claim {stance: 'denies'})
  RETURN 'claim' AS form, who.name AS who, c.text AS what, c.date AS date,
         COLLECT { MATCH (c)-[:REPORTED_BY]->(s:Source) RETURN s.key ORDER BY s.key } AS sources
  UNION ALL
  MATCH (x)-[r]->(y)
  WHERE r.confidence = 'denied'
  RETURN 'denied fact' AS form, x.name AS who, type(r) + ' ' + y.name AS what, r.date AS date, r.sources AS sources
}
RETURN form, who, what, date, sources
ORDER BY form, who, what;
