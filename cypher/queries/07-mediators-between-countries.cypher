// Who mediates between two sides: third parties (people, countries, organizations; never events, conflicts,
// documents or claims) with the facts that make them mediators, whether or not the two sides are directly related.
// - explicit: a MEDIATES fact on a conflict, meeting or proposal both sides are involved in;
// - channel: an ATTENDED or DRAFTED fact on a meeting or proposal both sides are involved in.
// A side is involved in x when it, or someone acting for it (LEADS, REPRESENTS, SPEAKS_FOR, PART_OF, up to two
// steps), is PARTY_TO, ATTENDED, DRAFTED, took a STANCE_ON or was BRIEFED_ON x (any tier: that Russia is party to
// the war is reference knowledge; only the mediator's own facts must be reported). A third party is neither side,
// does not act for either, is no ally of either, and is not (nor acts for) a party to a conflict a side is party to.
// Facts: confirmed, reported or claimed, tier 'reported' (the GraphQL field `mediators` with its defaults).
// Score = sum over the evidence of confidence weight (confirmed 1, reported 0.8, claimed 0.6, rumoured 0.3,
// denied 0.1) x 1 for explicit mediation or 0.5 for a seat on a channel.
// params: {"from": "country:russia", "to": "country:ukraine"}
WITH {confirmed: 1.0, reported: 0.8, claimed: 0.6, rumoured: 0.3, denied: 0.1} AS weight,
     ['confirmed', 'reported', 'claimed'] AS admitted
MATCH (a:Country {key: $from})
MATCH (b:Country {key: $to})
MATCH (m)-[r:MEDIATES|ATTENDED|DRAFTED]->(x)
WHERE (m:Person OR m:Country OR m:Organization) AND m <> a AND m <> b
  AND ((x:Conflict AND type(r) = 'MEDIATES') OR x:Meeting OR x:Proposal)
  AND r.confidence IN admitted AND coalesce(r.tier, 'reported') = 'reported'
  AND NOT EXISTS { MATCH (m)-[:LEADS|REPRESENTS|SPEAKS_FOR|PART_OF|CITIZEN_OF*1..2]->(s) WHERE s = a OR s = b }
  AND NOT EXISTS { MATCH (m)-[:ALLY_OF]-(s) WHERE s = a OR s = b }
  AND NOT EXISTS { MATCH (m)-[:LEADS|REPRESENTS|SPEAKS_FOR|PART_OF|CITIZEN_OF*0..2]->(z)-[:PARTY_TO]->(:Conflict)<-[:PARTY_TO]-(s) WHERE s = a OR s = b }
  AND EXISTS { MATCH (a)<-[:LEADS|REPRESENTS|SPEAKS_FOR|PART_OF*0..2]-(g)-[q:PARTY_TO|ATTENDED|DRAFTED|STANCE_ON|BRIEFED_ON]->(x)
               WHERE g <> m AND q.confidence IN admitted }
  AND EXISTS { MATCH (b)<-[:LEADS|REPRESENTS|SPEAKS_FOR|PART_OF*0..2]-(g)-[q:PARTY_TO|ATTENDED|DRAFTED|STANCE_ON|BRIEFED_ON]->(x)
               WHERE g <> m AND q.confidence IN admitted }
WITH m, r, x, weight[r.confidence] * CASE type(r) WHEN 'MEDIATES' THEN 1.0 ELSE 0.5 END AS w
ORDER BY w DESC, type(r), x.key
RETURN m.name AS mediator,
       m.key AS key,
       sum(w) AS score,
       collect(CASE type(r) WHEN 'MEDIATES' THEN 'mediates ' ELSE toLower(type(r)) + ' ' END + x.name
               + coalesce(' (' + r.status + ')', '') + ' [' + r.confidence + ']') AS evidence
ORDER BY score DESC, mediator, key;
