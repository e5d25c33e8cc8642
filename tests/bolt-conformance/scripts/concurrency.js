'use strict';
// 50 sessions at once, each with its own parameters, reads and a write; nothing is mixed up or lost.
const { neo4j, driver, run } = require('./lib');

run(async () => {
  const sessions = Number(process.env.SESSIONS || 50);
  const d = driver(undefined, { maxConnectionPoolSize: 100 });
  const tag = `c${Date.now()}${Math.floor(Math.random() * 1e6)}`;
  try {
    const results = await Promise.all(Array.from({ length: sessions }, async (_, i) => {
      const session = d.session();
      try {
        const echo = (await session.run('UNWIND range(1, 200) AS k RETURN $i AS i, k', { i: neo4j.int(i) })).records;
        await session.executeWrite(tx => tx.run('CREATE (:Concurrent {tag: $tag, i: $i})', { tag, i: neo4j.int(i) }));
        return echo.length === 200 && echo.every(r => r.get('i').toNumber() === i);
      } finally {
        await session.close();
      }
    }));
    const written = (await d.executeQuery('MATCH (n:Concurrent {tag: $tag}) RETURN count(DISTINCT n.i) AS c', { tag })).records[0].get('c').toNumber();
    await d.executeQuery('MATCH (n:Concurrent {tag: $tag}) DELETE n', { tag });
    const correct = results.filter(Boolean).length;
    return { ok: correct === sessions && written === sessions, sessions, correct, written };
  } finally {
    await d.close();
  }
});
