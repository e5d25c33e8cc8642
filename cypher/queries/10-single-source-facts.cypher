// Facts resting on a single source: relationships whose provenance lists exactly one outlet, grouped by that
// outlet. Document bookkeeping (PUBLISHED, WROTE, CITES, MENTIONS, REPORTED_BY) rests on the document itself
// and is left out.
// params: {}
MATCH (x)-[r]->(y)
WHERE size(r.sources) = 1
  AND NOT type(r) IN ['PUBLISHED', 'WROTE', 'CITES', 'MENTIONS', 'REPORTED_BY']
WITH r.sources[0] AS source, type(r) AS fact, x.name + ' -> ' + y.name AS statement, r.confidence AS confidence
ORDER BY fact, statement
RETURN source,
       count(*) AS facts,
       collect(fact + ': ' + statement + ' [' + confidence + ']') AS statements
ORDER BY facts DESC, source;
