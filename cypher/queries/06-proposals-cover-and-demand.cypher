// Each proposal with the areas it covers, the conditions it demands (and of whom), and who drafted it
// (with their role and how sure the reporting is).
// params: {}
MATCH (p:Proposal)
RETURN p.name AS proposal,
       p.date AS date,
       p.pointCount AS points,
       p.status AS status,
       COLLECT { MATCH (p)-[:COVERS]->(t:Topic) RETURN t.name ORDER BY t.name } AS covers,
       COLLECT { MATCH (p)-[:DEMANDS]->(t:Topic) RETURN t.name ORDER BY t.name } AS demands,
       COLLECT { MATCH (p)-[d:DEMANDS]->(:Topic) RETURN DISTINCT d.party } AS demandedOf,
       COLLECT { MATCH (x)-[d:DRAFTED]->(p)
                 RETURN x.name + ' (' + d.role + ', ' + d.confidence + ')' ORDER BY x.name } AS draftedBy
ORDER BY date;
