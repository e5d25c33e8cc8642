'use strict';
// 50 sessions at once, each with its own parameters, reads and a write; nothing is mixed up or lost.
// CONNECT_RETRIES=N (default 0): an auto-commit run whose connection could not be opened (ServiceUnavailable) is
// tried again up to N times in a new session, as the driver itself does for managed transactions. Only the flood test
// sets it: there a connection of ours that stays silent while the flood opens a few hundred others is displaced like
// the flood's own (the server cannot tell them apart), and a starved client process can be that slow.
const { neo4j, driver, run } = require('./lib');

run(async () => {
  const sessions = Number(process.env.SESSIONS || 50);
  const connectRetries = Number(process.env.CONNECT_RETRIES || 0);
  let retried = 0;
  const d = driver(undefined, { maxConnectionPoolSize: 100 });
  const tag = `c${Date.now()}${Math.floor(Math.random() * 1e6)}`;
  async function echo(i) {
    for (let attempt = 0; ; attempt++) {
      const session = d.session();
      try {
        return (await session.run('UNWIND range(1, 200) AS k RETURN $i AS i, k', { i: neo4j.int(i) })).records;
      } catch (error) {
        if (error.code !== 'ServiceUnavailable' || attempt >= connectRetries) throw error;
        retried++;
      } finally {
        await session.close();
      }
    }
  }
  try {
    const results = await Promise.all(Array.from({ length: sessions }, async (_, i) => {
      const records = await echo(i);
      const session = d.session();
      try {
        await session.executeWrite(tx => tx.run('CREATE (:Concurrent {tag: $tag, i: $i})', { tag, i: neo4j.int(i) }));
        return records.length === 200 && records.every(r => r.get('i').toNumber() === i);
      } finally {
        await session.close();
      }
    }));
    const written = (await d.executeQuery('MATCH (n:Concurrent {tag: $tag}) RETURN count(DISTINCT n.i) AS c', { tag })).records[0].get('c').toNumber();
    await d.executeQuery('MATCH (n:Concurrent {tag: $tag}) DELETE n', { tag });
    const correct = results.filter(Boolean).length;
    return { ok: correct === sessions && written === sessions, sessions, correct, written, retried };
  } finally {
    await d.close();
  }
});
