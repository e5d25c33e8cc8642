// Contradictions: pairs of statements or facts that oppose each other, each side with its provenance.
// - a Claim that CONTRADICTS another Claim (the Kremlin's denial against the reporting it denies);
// - a relationship fact whose contradictedBy lists a Claim (Peskov's "nothing since Alaska" against the Miami talks);
// - a Fact node (one property of an entity) whose contradictedBy lists a Claim.
// Only pairs concerning the subject: a side is the subject, is about it, was stated by it, or is a fact of it.
// The GraphQL field `contradictions(subject: ...)` runs the same query.
// params: {"subject": "proposal:28-point-plan"}
CALL () {
  MATCH (c1:Claim)-[x:CONTRADICTS]->(c2:Claim)
  WHERE c1.key = $subject OR c2.key = $subject
     OR EXISTS { MATCH (c1)-[:ABOUT]->(z) WHERE z.key = $subject } OR EXISTS { MATCH (c2)-[:ABOUT]->(z) WHERE z.key = $subject }
     OR EXISTS { MATCH (z)-[:STATED]->(c1) WHERE z.key = $subject } OR EXISTS { MATCH (z)-[:STATED]->(c2) WHERE z.key = $subject }
  RETURN 'claim' AS kind, c1.key AS key, c1.text AS statement, c1.confidence AS confidence, c1.chains AS chains, c2 AS other
  UNION ALL
  MATCH (u)-[r]->(t)
  WHERE size(coalesce(r.contradictedBy, [])) > 0
  UNWIND r.contradictedBy AS ck
  MATCH (c:Claim {key: ck})
  WITH u, r, t, c
  WHERE u.key = $subject OR t.key = $subject OR c.key = $subject
     OR EXISTS { MATCH (c)-[:ABOUT]->(z) WHERE z.key = $subject } OR EXISTS { MATCH (z)-[:STATED]->(c) WHERE z.key = $subject }
  RETURN 'relationship' AS kind, u.key + '|' + type(r) + '|' + t.key AS key,
         u.name + ' ' + toLower(replace(type(r), '_', ' ')) + ' ' + t.name AS statement, r.confidence AS confidence, r.chains AS chains, c AS other
  UNION ALL
  MATCH (e)-[:HAS_FACT]->(f:Fact)
  WHERE size(coalesce(f.contradictedBy, [])) > 0
  UNWIND f.contradictedBy AS ck
  MATCH (c:Claim {key: ck})
  WITH e, f, c
  WHERE e.key = $subject OR EXISTS { MATCH (c)-[:ABOUT]->(z) WHERE z.key = $subject }
  RETURN 'fact' AS kind, f.key AS key, coalesce(f.name, e.name) + ' = ' + toString(f.value) AS statement,
         f.confidence AS confidence, f.chains AS chains, c AS other
}
RETURN kind, key, statement, confidence, chains,
       other.key AS contradictedBy, other.text AS contradiction, other.confidence AS contradictionConfidence,
       other.chains AS contradictionChains,
       COLLECT { MATCH (s)-[:STATED]->(other) RETURN s.name } AS contradictionStatedBy
ORDER BY kind, key, contradictedBy;
