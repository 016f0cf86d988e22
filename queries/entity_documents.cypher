// Which documents mention an entity?
// $name: the entity's canonical name (any label)
MATCH (e:GovKG {name: $name})-[:MENTIONED_IN]->(d:Document)
RETURN d.doc_id AS doc, d.title AS title, d.date AS date
ORDER BY doc
