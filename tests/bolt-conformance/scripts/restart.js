'use strict';
// The driver recovers after a server restart: one query, "ready" on stdout, wait for a line on stdin
// (the test restarts the server meanwhile), then queries again with the same driver.
const readline = require('readline');
const { neo4j, driver, emit, run } = require('./lib');

run(async () => {
  const d = driver(process.env.BOLT_URI, { maxTransactionRetryTime: 20000 });
  try {
    const before = (await d.executeQuery('RETURN 1 AS x')).records[0].get('x').toNumber();
    emit({ phase: 'ready' });
    const rl = readline.createInterface({ input: process.stdin });
    await new Promise(resolve => rl.once('line', resolve));
    rl.close();
    const session = d.session();
    let after;
    try {
      after = await session.executeRead(async tx => (await tx.run('RETURN 2 AS x')).records[0].get('x').toNumber());
    } finally {
      await session.close();
    }
    const third = (await d.executeQuery('RETURN 3 AS x')).records[0].get('x').toNumber();
    return { ok: before === 1 && after === 2 && third === 3, before, after, third };
  } finally {
    await d.close();
  }
});
