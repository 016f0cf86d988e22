// Which officials are connected to the most other entities (any relation but provenance)?
// $limit: how many officials to list
MATCH (o:Official)-[r]-(x)
WHERE NOT type(r) IN ["MENTIONED_IN", "WROTE"]
RETURN o.name AS official, count(DISTINCT x) AS connections
ORDER BY connections DESC, official
LIMIT $limit
