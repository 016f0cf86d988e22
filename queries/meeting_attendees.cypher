// Who attended a meeting, and in how many documents is it reported?
// $meeting: the meeting's canonical name
MATCH (o:Official)-[r:ATTENDED]->(m:Meeting {name: $meeting})
RETURN o.name AS official, r.count AS documents
ORDER BY official
