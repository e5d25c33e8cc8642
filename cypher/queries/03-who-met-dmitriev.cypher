// Everyone who met a given person (by default Kirill Dmitriev) at a meeting both attended, with where and
// when, and on whose word the attendance and the meeting's dates rest (the startDate Fact's origins).
// Participation reported as denied does not count as a meeting.
// params: {"person": "person:kirill-dmitriev"}
MATCH (p:Person {key: $person})-[mine:ATTENDED]->(m:Meeting)<-[theirs:ATTENDED]-(other)
WHERE other <> p AND mine.confidence <> 'denied' AND theirs.confidence <> 'denied'
OPTIONAL MATCH (m)-[:HELD_IN]->(place:Place)
OPTIONAL MATCH (m)-[:HAS_FACT]->(dates:Fact {property: 'startDate'})
RETURN other.name AS met,
       m.name AS meeting,
       m.startDate AS startDate,
       m.endDate AS endDate,
       place.name AS place,
       theirs.confidence AS confidence,
       theirs.origins AS origins,
       theirs.sources AS sources,
       dates.confidence AS datesConfidence,
       dates.origins AS datesRestOn
ORDER BY startDate, met;
