'use strict';
// bolt:// and neo4j:// both connect, negotiate Bolt 5.x and run a query.
const { neo4j, driver, run } = require('./lib');

run(async () => {
  const results = {};
  for (const scheme of ['bolt', 'neo4j']) {
    const uri = process.env.BOLT_URI.replace(/^bolt:/, `${scheme}:`);
    const d = driver(uri);
    try {
      await d.verifyConnectivity();
      const info = await d.getServerInfo();
      const res = await d.executeQuery('RETURN $x + 1 AS y', { x: neo4j.int(41) }, { routing: neo4j.routing.READ });
      results[scheme] = {
        protocolVersion: `${info.protocolVersion.major}.${info.protocolVersion.minor}`,
        agent: info.agent,
        y: res.records[0].get('y').toString(),
      };
    } finally {
      await d.close();
    }
  }
  return { ok: true, ...results };
});
