// Which pairs of officials attended the same meeting?
MATCH (a:Official)-[:ATTENDED]->(m:Meeting)<-[:ATTENDED]-(b:Official)
WHERE a.name < b.name
RETURN a.name AS official, b.name AS other, m.name AS meeting
ORDER BY official, other, meeting
