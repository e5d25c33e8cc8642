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
WITH weight, ns, ns[i] AS x, ns[i + 1] AS y
MATCH (x)-[r:LEADS|REPRESENTS|SPEAKS_FOR|MEMBER_OF|PART_OF|CITIZEN_OF|ALLY_OF|NEGOTIATES_WITH|ATTENDED|HELD_IN|LOCATED_IN|CAPITAL_OF|PARTY_TO|MEDIATES|DRAFTED|BRIEFED|BRIEFED_ON|COVERS|DEMANDS|PRECEDED_BY|DISCUSSED|STANCE_ON|DENIES]-(y)
WHERE r.confidence IN ['confirmed', 'reported', 'claimed'] AND coalesce(r.tier, 'reported') = 'reported'
// One group per path, its relationships hop after hop. A relationship's hop is the pair of nodes it joins (a path
// never visits a node twice); when every hop holds one relationship, rr[j] is hop j's (the GraphQL statement ranks
// those paths from rr directly, inside the page's subquery).
WITH weight, ns, collect(r) AS rr
WITH weight, ns, [j IN range(0, size(ns) - 2) | [q IN rr WHERE (startNode(q) = ns[j] AND endNode(q) = ns[j + 1]) OR (startNode(q) = ns[j + 1] AND endNode(q) = ns[j])]] AS hops
// A hop's score needs no sort: its best confidence weight x k/(k+1), k the distinct origins of its relationships.
WITH weight, ns, hops,
     [h IN hops | reduce(b = 0.0, q IN h | CASE WHEN weight[q.confidence] > b THEN weight[q.confidence] ELSE b END)] AS best,
     [h IN hops | size(reduce(o = [], q IN h | o + [k IN coalesce(q.origins, q.sources, []) WHERE NOT k IN o]))] AS ks,
     [h IN hops | any(q IN h WHERE type(q) = 'ATTENDED')] AS met
WITH weight, ns, hops, ks, met, [j IN range(0, size(hops) - 1) | best[j] * ks[j] / (ks[j] + 1.0)] AS s
// Two ATTENDED hops through a meeting are one link (A met B at M), scored by the weaker of the two.
WITH weight, ns, hops, ks,
     reduce(score = 1.0, j IN range(0, size(s) - 1) |
       score * CASE WHEN j < size(s) - 1 AND met[j] AND met[j + 1] AND ns[j + 1]:Meeting
                    THEN CASE WHEN s[j] < s[j + 1] THEN s[j] / s[j + 1] ELSE 1.0 END
                    ELSE s[j] END) AS score,
     reduce(t = '', n IN ns | t + n.key + ' ') AS seq
ORDER BY score DESC, size(ns), seq
LIMIT 10
// Only the paths shown: each hop's relationships strongest first.
CALL (weight, hops) {
  UNWIND range(0, size(hops) - 1) AS j
  UNWIND hops[j] AS q
  WITH j, q
  ORDER BY j, weight[q.confidence] DESC, CASE q.tier WHEN 'background' THEN 1 ELSE 0 END, type(q), startNode(q).key
  WITH j, collect(q) AS rs
  RETURN collect({i: j, via: [q IN rs | type(q)], confidence: rs[0].confidence}) AS unordered
}
WITH ns, ks, score, seq, [j IN range(0, size(hops) - 1) | head([h IN unordered WHERE h.i = j])] AS shown
RETURN score,
       size(ns) - 1 AS hops,
       [n IN ns | n.name] AS route,
       [n IN ns | n.key] AS keys,
       [h IN shown | h.via] AS via,
       [h IN shown | h.confidence] AS confidence,
       ks AS independentSources
ORDER BY score DESC, hops, seq;
