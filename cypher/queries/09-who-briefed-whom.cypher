// Who briefed whom, about what, when (if the text says), how sure, and the report chains behind it.
// params: {}
MATCH (x)-[b:BRIEFED]->(y)
OPTIONAL MATCH (y)-[:BRIEFED_ON]->(subject:Proposal)
  WHERE subject.key = b.subject
RETURN x.name AS briefer,
       y.name AS briefed,
       subject.name AS about,
       b.date AS date,
       b.confidence AS confidence,
       b.chains AS chains,
       b.sources AS sources
ORDER BY briefer, briefed;
