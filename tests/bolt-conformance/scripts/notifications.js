'use strict';
// Notifications and GQL status objects as neo4j-driver reads them from our Bolt server (Bolt 5.5+ negotiated:
// the server sends `statuses`, the driver derives summary.notifications from them): category, severity, position
// {offset, line, column}, and summary.gqlStatusObjects with gqlStatus, classification and Neo4j's order.
const { driver, run } = require('./lib');

run(async () => {
  const d = driver();
  const session = d.session();
  const problems = [];
  const check = (cond, what) => { if (!cond) problems.push(what); };
  const pos = p => p && `${p.offset}/${p.line}/${p.column}`;
  const seen = {};
  try {
    const runtime = (await session.run('CYPHER runtime=parallel RETURN 1 AS one')).summary;
    check(runtime.notifications.length === 1, `runtime notifications ${runtime.notifications.length}`);
    const n = runtime.notifications[0] || {};
    seen.runtime = { code: n.code, category: n.category, severity: n.rawSeverityLevel, position: pos(n.position) };
    check(n.code === 'Neo.ClientNotification.Statement.RuntimeUnsupported', `runtime code ${n.code}`);
    check(n.category === 'UNSUPPORTED' && n.rawCategory === 'UNSUPPORTED', `runtime category ${n.category}`);
    check(n.severityLevel === 'WARNING' && n.rawSeverityLevel === 'WARNING', `runtime severity ${n.rawSeverityLevel}`);
    check(pos(n.position) === '7/1/8', `runtime position ${pos(n.position)}`);
    check(typeof n.description === 'string' && n.description.startsWith('Selected runtime is unsupported'), `runtime description ${n.description}`);
    const statuses = runtime.gqlStatusObjects.map(s => s.gqlStatus);
    seen.runtimeStatuses = statuses;
    check(statuses.join() === '01N40,00000', `runtime statuses ${statuses}`);
    const w = runtime.gqlStatusObjects[0];
    check(w.isNotification === true && w.classification === 'UNSUPPORTED' && w.severity === 'WARNING', `warning status ${w.classification} ${w.severity}`);
    check(pos(w.position) === '7/1/8', `warning status position ${pos(w.position)}`);
    check(w.statusDescription.startsWith('warn: unsupported runtime.'), `warning status description ${w.statusDescription}`);
    check(w.diagnosticRecord._classification === 'UNSUPPORTED' && w.diagnosticRecord.OPERATION_CODE === '0' && w.diagnosticRecord.CURRENT_SCHEMA === '/',
      `diagnostic record ${JSON.stringify(w.diagnosticRecord)}`);
    check(runtime.gqlStatusObjects[1].statusDescription === 'note: successful completion' && runtime.gqlStatusObjects[1].isNotification === false,
      'success status');

    const deprecated = (await session.run('CYPHER\n  connectComponentsPlanner=greedy RETURN 1 AS one')).summary;
    const dn = deprecated.notifications[0] || {};
    seen.deprecated = { code: dn.code, category: dn.category, position: pos(dn.position) };
    check(dn.code === 'Neo.ClientNotification.Statement.FeatureDeprecationWarning' && dn.category === 'DEPRECATION', `deprecation ${dn.code} ${dn.category}`);
    check(pos(dn.position) === '9/2/3', `deprecation position ${pos(dn.position)}`);
    check(deprecated.gqlStatusObjects[0].gqlStatus === '01N02', `deprecation status ${deprecated.gqlStatusObjects[0].gqlStatus}`);

    const ignored = (await session.run('CYPHER planner=dp RETURN 1 AS one')).summary;
    const inf = ignored.notifications[0] || {};
    check(inf.severityLevel === 'INFORMATION' && inf.category === 'GENERIC' && pos(inf.position) === '7/1/8', `ignored option ${inf.severityLevel} ${inf.category} ${pos(inf.position)}`);
    check(ignored.gqlStatusObjects.map(s => s.gqlStatus).join() === '00000,03N42', `ignored option statuses ${ignored.gqlStatusObjects.map(s => s.gqlStatus)}`);

    const plain = (await session.run('RETURN 1 AS one')).summary;
    check(plain.notifications.length === 0 && plain.gqlStatusObjects.map(s => s.gqlStatus).join() === '00000', 'plain query: success only');
    const empty = (await session.run('MATCH (n:NoSuchLabelHere) RETURN n')).summary;
    check(empty.gqlStatusObjects.map(s => s.gqlStatus).join() === '02000', `no data ${empty.gqlStatusObjects.map(s => s.gqlStatus)}`);
    const omitted = (await session.run('UNWIND [] AS x CREATE (:NeverCreated)')).summary;
    check(omitted.gqlStatusObjects.map(s => s.gqlStatus).join() === '00001', `omitted result ${omitted.gqlStatusObjects.map(s => s.gqlStatus)}`);
  } finally {
    await session.close();
    await d.close();
  }
  return { ok: problems.length === 0, problems, seen };
});
