// Which officials visited a district, or any district under it (PART_OF, up to 10 levels)?
// $district: the district's canonical name
MATCH (d:District {name: $district})<-[:PART_OF*0..10]-(s:District)<-[r:VISITED]-(o:Official)
RETURN o.name AS official, s.name AS place, r.count AS times
ORDER BY official, place, times
