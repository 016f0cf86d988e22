// Which entities were first seen between two dates (inclusive, YYYY-MM-DD)?
// $from: first day
// $to: last day
MATCH (e:GovKG)
WHERE e.label <> "Document" AND e.first_date >= $from AND e.first_date <= $to
RETURN e.label AS label, e.name AS name, e.first_date AS first_seen
ORDER BY first_seen, label, name
