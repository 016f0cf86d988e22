// Which projects are located in a district, or in any district under it?
// $district: the district's canonical name
MATCH (d:District {name: $district})<-[:PART_OF*0..10]-(s:District)<-[:LOCATED_IN]-(p:Project)
RETURN p.name AS project, s.name AS located_in
ORDER BY project, located_in
