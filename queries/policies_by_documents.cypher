// Which policies are written about most, and which officials appear in the documents that mention them?
MATCH (p:Policy)
OPTIONAL MATCH (p)-[:MENTIONED_IN]->(:Document)<-[:MENTIONED_IN]-(o:Official)
WITH p, o ORDER BY o.name
WITH p, collect(DISTINCT o.name) AS officials
RETURN p.name AS policy, p.documents AS documents, officials
ORDER BY documents DESC, policy
