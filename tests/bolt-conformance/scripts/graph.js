'use strict';
// Node, Relationship and Path results carry Neo4j 5 element ids that agree with each other and with elementId().
const { neo4j, driver, run } = require('./lib');

run(async () => {
  const d = driver();
  const session = d.session();
  const problems = [];
  const check = (cond, what) => { if (!cond) problems.push(what); };
  try {
    const tag = `g${Date.now()}${Math.floor(Math.random() * 1e6)}`;
    const res = await session.run(
      `CREATE p = (a:Country {name: 'Ukraine', tag: $tag})-[r:BORDERS {km: 1974}]->(b:Country:Member {name: 'Poland', tag: $tag})<-[s:MEDIATES]-(c:Actor {name: 'Türkiye', tag: $tag})
       RETURN a, r, b, p, elementId(a) AS aid, elementId(r) AS rid, elementId(b) AS bid`, { tag });
    const rec = res.records[0];
    const a = rec.get('a'), r = rec.get('r'), b = rec.get('b'), p = rec.get('p');
    check(a instanceof neo4j.types.Node, 'a is a Node');
    check(r instanceof neo4j.types.Relationship, 'r is a Relationship');
    check(p instanceof neo4j.types.Path, 'p is a Path');
    check(typeof a.elementId === 'string' && a.elementId.length > 0, 'node has an elementId');
    check(a.elementId === rec.get('aid'), 'node elementId equals elementId(a)');
    check(r.elementId === rec.get('rid'), 'relationship elementId equals elementId(r)');
    check(r.startNodeElementId === a.elementId && r.endNodeElementId === b.elementId, 'relationship endpoints use element ids');
    check(a.labels.length === 1 && a.labels[0] === 'Country', 'labels of a');
    check(b.labels.slice().sort().join(',') === 'Country,Member', 'labels of b');
    check(a.properties.name === 'Ukraine' && r.type === 'BORDERS' && r.properties.km.toNumber() === 1974, 'properties and type');
    check(p.length === 2 && p.segments.length === 2, 'path has two segments');
    check(p.start.elementId === a.elementId && p.end.properties.name === 'Türkiye', 'path start and end');
    const second = p.segments[1];
    check(second.relationship.type === 'MEDIATES', 'second segment relationship');
    check(second.relationship.startNodeElementId === p.end.elementId && second.relationship.endNodeElementId === b.elementId,
      'reversed hop keeps the relationship direction');
    check(p.segments[0].relationship.elementId === r.elementId, 'path relationship element id');

    // Matching by an element id returned earlier finds the same node.
    const again = await session.run('MATCH (n) WHERE elementId(n) = $id RETURN n.name AS name', { id: b.elementId });
    check(again.records.length === 1 && again.records[0].get('name') === 'Poland', 'elementId round-trips as a parameter');
    await session.run('MATCH (n {tag: $tag}) DETACH DELETE n', { tag });
  } finally {
    await session.close();
    await d.close();
  }
  return { ok: problems.length === 0, problems };
});
