// Mediation paths between two entities: who connects them, through which people, countries, organizations,
// meetings and proposals (never through documents, claims, sources or Fact nodes). Facts reported as denied or
// rumoured, meetings reported as denied or rumoured, and background knowledge (tier 'background', of every type,
// "Putin leads Russia" too) are left out: every hop rests on a document. (includeBackground: true in GraphQL admits
// the background tier; here, drop the tier condition.)
// A path is a node sequence: every admitted relationship between two consecutive nodes belongs to that hop, so
// parallel relationships (Witkoff negotiates with and met Dmitriev) never repeat a path.
// Ranking: score = product over hops of (best confidence weight on the hop: confirmed 1, reported 0.8, claimed 0.6,
// rumoured 0.3, denied 0.1) x k/(k+1), k = the hop's independent sources (distinct origins of its report chains);
// two ATTENDED hops through a meeting count as one link (A met B at M) with the weaker hop's score;
// then fewer hops, then the node keys. The GraphQL field `paths` runs the same query (per length, bounded).
// params: {"from": "country:us", "to": "country:russia"}
WITH {confirmed: 1.0, reported: 0.8, claimed: 0.6, rumoured: 0.3, denied: 0.1} AS weight
MATCH (a:Country {key: $from})
MATCH (b:Country {key: $to})
MATCH p = (a)-[:LEADS|REPRESENTS|SPEAKS_FOR|MEMBER_OF|PART_OF|CITIZEN_OF|ALLY_OF|NEGOTIATES_WITH|ATTENDED|HELD_IN|LOCATED_IN|CAPITAL_OF|PARTY_TO|MEDIATES|DRAFTED|BRIEFED|BRIEFED_ON|COVERS|DEMANDS|PRECEDED_BY|DISCUSSED|STANCE_ON|DENIES*1..4]-(b)
WHERE all(x IN nodes(p) WHERE single(y IN nodes(p) WHERE y = x))
  AND all(n IN nodes(p)[1..-1] WHERE (n:Person OR n:Country OR n:Organization OR n:Meeting OR n:Proposal)
                                 AND NOT (n:Meeting AND n.status IN ['denied', 'rumoured']))
  AND all(r IN relationships(p) WHERE r.confidence IN ['confirmed', 'reported', 'claimed'] AND coalesce(r.tier, 'reported') = 'reported')
WITH DISTINCT weight, nodes(p) AS ns
UNWIND range(0, size(ns) - 2) AS i
WITH weight, ns, i, ns[i] AS x, ns[i + 1] AS y
MATCH (x)-[r:LEADS|REPRESENTS|SPEAKS_FOR|MEMBER_OF|PART_OF|CITIZEN_OF|ALLY_OF|NEGOTIATES_WITH|ATTENDED|HELD_IN|LOCATED_IN|CAPITAL_OF|PARTY_TO|MEDIATES|DRAFTED|BRIEFED|BRIEFED_ON|COVERS|DEMANDS|PRECEDED_BY|DISCUSSED|STANCE_ON|DENIES]-(y)
WHERE r.confidence IN ['confirmed', 'reported', 'claimed'] AND coalesce(r.tier, 'reported') = 'reported'
WITH weight, ns, i, r
ORDER BY weight[r.confidence] DESC, CASE r.tier WHEN 'background' THEN 1 ELSE 0 END, type(r), startNode(r).key
WITH weight, ns, i, collect(r) AS rs
WITH weight, ns, i, rs, reduce(o = [], q IN rs | o + [k IN coalesce(q.origins, q.sources, []) WHERE NOT k IN o]) AS origins
WITH ns, collect({i: i, via: [q IN rs | type(q)], confidence: rs[0].confidence, k: size(origins),
                  s: weight[rs[0].confidence] * size(origins) / (size(origins) + 1.0),
                  met: any(q IN rs WHERE type(q) = 'ATTENDED')}) AS unordered
WITH ns, [j IN range(0, size(ns) - 2) | head([h IN unordered WHERE h.i = j])] AS hops
// Two ATTENDED hops through a meeting are one link (A met B at M), scored by the weaker of the two.
WITH ns, hops,
     reduce(s = 1.0, j IN range(0, size(hops) - 1) |
       s * CASE WHEN j < size(hops) - 1 AND hops[j].met AND hops[j + 1].met AND ns[j + 1]:Meeting
                THEN CASE WHEN hops[j].s < hops[j + 1].s THEN hops[j].s / hops[j + 1].s ELSE 1.0 END
                ELSE hops[j].s END) AS score,
     reduce(t = '', n IN ns | t + n.key + ' ') AS seq
RETURN score,
       size(ns) - 1 AS hops,
       [n IN ns | n.name] AS route,
       [n IN ns | n.key] AS keys,
       [h IN hops | h.via] AS via,
       [h IN hops | h.confidence] AS confidence,
       [h IN hops | h.k] AS independentSources
ORDER BY score DESC, hops, seq
LIMIT 10;
