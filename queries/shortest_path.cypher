// How are two entities connected: a shortest path between them, in either direction, through any relation?
// $source: name of one entity
// $target: name of the other
MATCH (a:GovKG {name: $source}), (b:GovKG {name: $target})
MATCH p = shortestPath((a)-[*..12]-(b))
RETURN [n IN nodes(p) | n.name] AS path, [r IN relationships(p) | type(r)] AS relations, length(p) AS hops
ORDER BY hops
