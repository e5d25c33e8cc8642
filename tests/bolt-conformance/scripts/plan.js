'use strict';
// EXPLAIN and PROFILE of a planned query as the driver exposes them: summary.plan / summary.profile trees with
// operatorType, identifiers, arguments (Details, EstimatedRows, runtime) and, profiled, rows and dbHits.
const { driver, run } = require('./lib');

function spine(node) {
  const out = [];
  for (let n = node; n; n = n.children && n.children.length > 0 ? n.children[0] : null) {
    out.push({
      operatorType: n.operatorType,
      identifiers: n.identifiers,
      details: n.arguments.Details === undefined ? null : String(n.arguments.Details),
      estimatedRows: n.arguments.EstimatedRows === undefined ? null : Number(n.arguments.EstimatedRows),
      runtime: n.arguments.runtime === undefined ? null : String(n.arguments.runtime),
      rows: n.rows === undefined ? null : Number(n.rows),
      dbHits: n.dbHits === undefined ? null : Number(n.dbHits),
    });
  }
  return out;
}

run(async () => {
  const d = driver();
  const session = d.session();
  try {
    await session.run("UNWIND range(0, 59) AS i CREATE (:PlanPerson {age: 20 + i, city: ['Kyiv', 'Rome', 'Paris'][i % 3]})");
    const query = 'MATCH (p:PlanPerson) WHERE p.age > 40 RETURN p.city AS city, count(*) AS n';
    const explained = await session.run('EXPLAIN ' + query);
    const profiled = await session.run('PROFILE ' + query);
    const total = profiled.records.reduce((s, r) => s + Number(r.get('n')), 0);
    return {
      ok: true,
      explainRecords: explained.records.length,
      hasPlan: explained.summary.hasPlan(),
      hasProfile: profiled.summary.hasProfile(),
      total,
      plan: spine(explained.summary.plan),
      profile: spine(profiled.summary.profile),
    };
  } finally {
    await session.close();
    await d.close();
  }
});
