'use strict';
// A large result streams in batches of a small fetch size, both eagerly and record by record.
const { neo4j, driver, run } = require('./lib');

run(async () => {
  const rows = Number(process.env.ROWS || 100000);
  const d = driver(undefined, { fetchSize: 100 });
  const session = d.session({ fetchSize: 100 });
  try {
    let count = 0, sum = 0;
    const result = session.run('UNWIND range(1, $n) AS i RETURN i', { n: neo4j.int(rows) });
    for await (const record of result) {
      count++;
      sum += record.get('i').toNumber();
    }
    const summary = await result.summary();

    // Reactive-ish streaming with an early stop: the rest is discarded and the session stays usable.
    let seen = 0;
    const partial = session.run('UNWIND range(1, 50000) AS i RETURN i');
    for await (const record of partial) {
      if (++seen === 250) break;
    }
    const after = (await session.run('RETURN 1 AS one')).records[0].get('one').toNumber();
    return {
      ok: count === rows && sum === rows * (rows + 1) / 2 && after === 1,
      count, sum, seenBeforeBreak: seen, after, queryType: summary.queryType,
    };
  } finally {
    await session.close();
    await d.close();
  }
});
