// Which posts does an official hold, and in which organization or district?
// $name: the official's canonical name
MATCH (o:Official {name: $name})-[r:HOLDS_POSITION]->(x)
RETURN o.name AS official, r.title AS title, r.former AS former, x.name AS body, r.count AS documents
ORDER BY title, body
