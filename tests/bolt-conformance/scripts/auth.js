'use strict';
// Good credentials work; bad ones fail with the Neo4j code and message; the read-only user cannot write.
const { neo4j, uri, run } = require('./lib');

async function attempt(user, password) {
  const d = neo4j.driver(uri, neo4j.auth.basic(user, password));
  try {
    await d.verifyConnectivity();
    return { ok: true };
  } catch (e) {
    return { ok: false, code: e.code, message: e.message };
  } finally {
    await d.close();
  }
}

run(async () => {
  const good = await attempt(process.env.BOLT_USER, process.env.BOLT_PASSWORD);
  const bad = await attempt(process.env.BOLT_USER, 'not-the-password');
  const reader = neo4j.driver(uri, neo4j.auth.basic(process.env.BOLT_READER_USER, process.env.BOLT_READER_PASSWORD));
  let readerRead = null, readerWrite = null;
  try {
    readerRead = (await reader.executeQuery('RETURN 7 AS x')).records[0].get('x').toString();
    try {
      await reader.executeQuery('CREATE (:ForbiddenFromJs)');
      readerWrite = { ok: true };
    } catch (e) {
      readerWrite = { ok: false, code: e.code };
    }
  } finally {
    await reader.close();
  }
  return { ok: true, good, bad, readerRead, readerWrite };
});
