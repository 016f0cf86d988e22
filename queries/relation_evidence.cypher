// What sentences back the relations from one entity to another?
// $source: name of the relation's source entity
// $target: name of the relation's target entity
MATCH (a:GovKG {name: $source})-[r]->(b:GovKG {name: $target})
UNWIND range(0, size(r.evidence_docs) - 1) AS i
RETURN type(r) AS relation, r.evidence_docs[i] AS doc,
       CASE WHEN r.evidence_dates[i] = "" THEN null ELSE r.evidence_dates[i] END AS date,
       r.evidence_sentences[i] AS sentence
ORDER BY relation, doc, sentence
