// Everyone with a part in a proposal (by default the 28-point plan): drafters, parties briefed on it, those
// who took a stance, those who deny it, and the meetings that discussed it.
// params: {"proposal": "proposal:28-point-plan"}
MATCH (p:Proposal {key: $proposal})<-[r:DRAFTED|BRIEFED_ON|STANCE_ON|DENIES|DISCUSSED]-(x)
RETURN type(r) AS relation,
       x.name AS who,
       coalesce(r.role, r.stance, '') AS detail,
       r.confidence AS confidence,
       r.sources AS sources
ORDER BY relation, who;
