// A timeline of meetings: dates (at the precision the sources give; '2025-08' is the whole month), place,
// status and participants, and how sure the date is and on whose word it rests (the startDate Fact).
// Participation reported as denied is marked. Undated meetings come last.
// params: {}
MATCH (m:Meeting)
OPTIONAL MATCH (m)-[:HELD_IN]->(place:Place)
OPTIONAL MATCH (m)-[:HAS_FACT]->(date:Fact {property: 'startDate'})
RETURN m.startDate AS startDate,
       m.endDate AS endDate,
       m.name AS meeting,
       m.status AS status,
       place.name AS place,
       date.confidence AS dateConfidence,
       date.origins AS dateRestsOn,
       COLLECT { MATCH (x)-[a:ATTENDED]->(m)
                 RETURN x.name + CASE a.confidence WHEN 'denied' THEN ' (denied)' ELSE '' END ORDER BY x.name } AS participants
ORDER BY startDate IS NULL, startDate, meeting;
