// Who held a post, and when: each official the news show in it, with the first and last date they do (posts written as past ones date nothing) and the evidence count?
// $post: the post with its body as one name (重庆市委书记, 国务院总理), or as the news write it (市委书记)
MATCH (o:Official)-[r:HOLDS_POSITION]->(b)
WHERE r.title = $post OR b.name + r.title_norm = $post
RETURN o.name AS official, min(r.first_date) AS first, max(r.last_date) AS last, sum(r.count) AS evidence
ORDER BY first, last, official
