'use strict';
// Errors reach the driver with Neo4j codes and GQL statuses, and the session keeps working afterwards.
const { neo4j, driver, run } = require('./lib');

async function failure(session, query, params) {
  try {
    await session.run(query, params || {});
    return { code: null };
  } catch (e) {
    return { code: e.code, gqlStatus: e.gqlStatus, message: e.message, description: e.gqlStatusDescription, classification: e.classification };
  }
}

run(async () => {
  const d = driver();
  const session = d.session();
  const out = {};
  try {
    out.syntax = await failure(session, 'RETURN 1 +');
    out.missingParameter = await failure(session, 'RETURN $nope AS x');
    out.arithmetic = await failure(session, 'UNWIND [1, 2, 0] AS x RETURN 10 / x AS y');
    out.afterErrors = (await session.run('RETURN 3 AS x')).records[0].get('x').toNumber();
    const other = d.session({ database: 'nosuchdb' });
    out.unknownDatabase = await failure(other, 'RETURN 1');
    await other.close();
  } finally {
    await session.close();
    await d.close();
  }
  out.ok = out.syntax.code === 'Neo.ClientError.Statement.SyntaxError' && out.afterErrors === 3;
  return out;
});
