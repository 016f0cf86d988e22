// Which districts are visited most (reports of visits by officials, each district on its own)?
MATCH (o:Official)-[r:VISITED]->(d:District)
RETURN d.name AS district, SUM(r.count) AS visits, COUNT(o) AS officials
ORDER BY visits DESC, district
