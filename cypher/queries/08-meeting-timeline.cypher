// A timeline of meetings: dates (at the precision the sources give), place, status and participants;
// participation reported as denied is marked. Undated meetings come last.
// params: {}
MATCH (m:Meeting)
OPTIONAL MATCH (m)-[:HELD_IN]->(place:Place)
RETURN m.startDate AS startDate,
       m.endDate AS endDate,
       m.name AS meeting,
       m.status AS status,
       place.name AS place,
       COLLECT { MATCH (x)-[a:ATTENDED]->(m)
                 RETURN x.name + CASE a.confidence WHEN 'denied' THEN ' (denied)' ELSE '' END ORDER BY x.name } AS participants
ORDER BY startDate IS NULL, startDate, meeting;
