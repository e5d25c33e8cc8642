// The shortest chain of influence between two entities (by default the White House and the Kremlin), over the
// same relationship types as the mediation paths and ignoring facts reported as denied.
// params: {"from": "org:white-house", "to": "org:kremlin"}
MATCH (a {key: $from})
MATCH (b {key: $to})
MATCH p = shortestPath((a)-[:LEADS|REPRESENTS|SPEAKS_FOR|MEMBER_OF|PART_OF|ALLY_OF|NEGOTIATES_WITH|ATTENDED|MEDIATES|DRAFTED|BRIEFED|BRIEFED_ON|PARTY_TO*..6]-(b))
WHERE all(r IN relationships(p) WHERE r.confidence <> 'denied')
RETURN length(p) AS hops,
       [x IN nodes(p) | x.name] AS route,
       [r IN relationships(p) | type(r)] AS via,
       [r IN relationships(p) | r.confidence] AS confidence;
