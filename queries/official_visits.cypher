// Where did an official go, in date order (one row per reported visit; unknown dates last)?
// $name: the official's canonical name
MATCH (o:Official {name: $name})-[r:VISITED]->(p)
UNWIND range(0, size(r.evidence_docs) - 1) AS i
WITH p, r, i, CASE WHEN r.evidence_dates[i] = "" THEN null ELSE r.evidence_dates[i] END AS date
RETURN date, p.name AS place, r.evidence_docs[i] AS doc, r.evidence_sentences[i] AS sentence
ORDER BY date, place, doc
