// Mediation paths between two countries: the chains of leaders, envoys, bodies, meetings, proposals and allies
// that connect them, shortest first, with the relationship types each chain goes through.
// Only relationships that carry influence are followed (not provenance such as MENTIONS or CITES), facts
// reported as denied are left out, and a path never visits the same node twice. Up to 4 hops.
// params: {"from": "country:us", "to": "country:ukraine"}
MATCH p = (a:Country {key: $from})-[:LEADS|REPRESENTS|SPEAKS_FOR|MEMBER_OF|PART_OF|ALLY_OF|NEGOTIATES_WITH|ATTENDED|MEDIATES|DRAFTED|BRIEFED|BRIEFED_ON|PARTY_TO*1..4]-(b:Country {key: $to})
WHERE all(r IN relationships(p) WHERE r.confidence <> 'denied')
  AND all(x IN nodes(p) WHERE single(y IN nodes(p) WHERE y = x))
RETURN length(p) AS hops,
       [x IN nodes(p) | x.name] AS route,
       [r IN relationships(p) | type(r)] AS via
ORDER BY hops, route, via
LIMIT 50;
