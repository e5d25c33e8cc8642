'use strict';
// Spatial values both ways: neo4j.types.Point parameters (Point2D / Point3D structures) reach Cypher as points of
// the right CRS, points built by Cypher come back as neo4j.types.Point, and stored points survive a round trip.
const { neo4j, driver, run } = require('./lib');

run(async () => {
  const d = driver();
  const session = d.session();
  const problems = [];
  const check = (cond, what) => { if (!cond) problems.push(what); };
  const close = (a, b) => Math.abs(a - b) < 1e-9;
  try {
    const tag = `s${Date.now()}${Math.floor(Math.random() * 1e6)}`;
    const params = {
      flat: new neo4j.types.Point(7203, 1.5, -2),
      space: new neo4j.types.Point(9157, 1, 2, 3),
      kyiv: new neo4j.types.Point(4326, 30.5234, 50.4501),
      high: new neo4j.types.Point(4979, 30.5234, 50.4501, 179),
    };
    const res = await session.run(
      `RETURN $flat.srid AS fs, $flat.x AS fx, $flat.y AS fy, $space.z AS sz, $kyiv.crs AS kc, $kyiv.latitude AS klat,
              $high.height AS hh, $flat AS flatBack, $high AS highBack,
              point({longitude: 21.0122, latitude: 52.2297}) AS warsaw, point({x: 1, y: 2, z: 3}) AS built,
              point.distance($kyiv, point({longitude: 21.0122, latitude: 52.2297})) AS km`, params);
    const r = res.records[0];
    check(r.get('fs').toNumber() === 7203 && close(r.get('fx'), 1.5) && close(r.get('fy'), -2), 'cartesian parameter fields');
    check(close(r.get('sz'), 3), 'cartesian-3d parameter z');
    check(r.get('kc') === 'wgs-84' && close(r.get('klat'), 50.4501), 'wgs-84 parameter crs and latitude');
    check(close(r.get('hh'), 179), 'wgs-84-3d parameter height');
    const flatBack = r.get('flatBack');
    check(neo4j.isPoint(flatBack) && flatBack.srid.toNumber() === 7203 && close(flatBack.x, 1.5) && flatBack.z === undefined, 'Point2D returned');
    const highBack = r.get('highBack');
    check(neo4j.isPoint(highBack) && highBack.srid.toNumber() === 4979 && close(highBack.z, 179), 'Point3D returned');
    const warsaw = r.get('warsaw');
    check(neo4j.isPoint(warsaw) && warsaw.srid.toNumber() === 4326 && close(warsaw.x, 21.0122) && close(warsaw.y, 52.2297), 'point() result is a Point');
    const built = r.get('built');
    check(neo4j.isPoint(built) && built.srid.toNumber() === 9157 && close(built.z, 3), 'cartesian-3d result');
    check(r.get('km') > 689000 && r.get('km') < 692000, `distance Kyiv-Warsaw ${r.get('km')}`);

    await session.run('CREATE (:SpatialProbe {tag: $tag, at: $kyiv, list: [$flat, $flat]})', { tag, ...params });
    const stored = (await session.run('MATCH (n:SpatialProbe {tag: $tag}) RETURN n.at AS at, n.list AS list, n', { tag })).records[0];
    check(neo4j.isPoint(stored.get('at')) && close(stored.get('at').y, 50.4501), 'stored point read back');
    check(stored.get('list').length === 2 && neo4j.isPoint(stored.get('list')[1]), 'stored list of points');
    check(neo4j.isPoint(stored.get('n').properties.at), 'point inside a node');
    const found = await session.run(
      'MATCH (n:SpatialProbe {tag: $tag}) WHERE point.withinBBox(n.at, $ll, $ur) RETURN count(n) AS c',
      { tag, ll: new neo4j.types.Point(4326, 30, 50), ur: new neo4j.types.Point(4326, 31, 51) });
    check(found.records[0].get('c').toNumber() === 1, 'withinBBox with Point parameters');
    try {
      await session.run('RETURN $p AS p', { p: new neo4j.types.Point(1234, 1, 2) });
      check(false, 'an unknown SRID must fail');
    } catch (e) {
      check(e.code === 'Neo.ClientError.Statement.ArgumentError', `unknown SRID code ${e.code}`);
    }
    const after = await session.run('RETURN 1 AS one');
    check(after.records[0].get('one').toNumber() === 1, 'session usable after a refused point');
    await session.run('MATCH (n:SpatialProbe {tag: $tag}) DELETE n', { tag });
  } finally {
    await session.close();
    await d.close();
  }
  return { ok: problems.length === 0, problems };
});
