// What posts did an official hold, in date order, each with its first and last dated evidence (former: every document writes it as a past post, 时任, 原…)?
// $name: the official's canonical name
MATCH (o:Official {name: $name})-[r:HOLDS_POSITION]->(b)
RETURN r.title AS post, b.name AS body, r.first_date AS first, r.last_date AS last, r.count AS evidence,
       coalesce(r.former, false) AS former
ORDER BY first, last, post, body
