'use strict';
// Explicit and managed transactions: commits are visible, rollbacks leave nothing, bookmarks chain sessions.
const { neo4j, driver, run } = require('./lib');

run(async () => {
  const d = driver();
  const tag = `t${Date.now()}${Math.floor(Math.random() * 1e6)}`;
  const count = async label => {
    const res = await d.executeQuery(`MATCH (n:${label} {tag: $tag}) RETURN count(n) AS c`, { tag });
    return res.records[0].get('c').toNumber();
  };
  const out = {};
  const session = d.session();
  try {
    // Explicit commit: own writes visible inside, everyone's after commit.
    let tx = await session.beginTransaction({ timeout: 10000, metadata: { app: 'conformance' } });
    await tx.run('CREATE (:ExplicitCommit {tag: $tag})', { tag });
    out.insideTx = (await tx.run('MATCH (n:ExplicitCommit {tag: $tag}) RETURN count(n) AS c', { tag })).records[0].get('c').toNumber();
    await tx.commit();
    out.afterCommit = await count('ExplicitCommit');
    out.bookmarks = session.lastBookmarks().length;
    // A second session started from those bookmarks sees the committed write.
    const chained = d.session({ bookmarks: session.lastBookmarks(), defaultAccessMode: neo4j.session.READ });
    try {
      out.bookmarkRead = (await chained.run('MATCH (n:ExplicitCommit {tag: $tag}) RETURN count(n) AS c', { tag })).records[0].get('c').toNumber();
    } finally {
      await chained.close();
    }

    // Explicit rollback.
    tx = await session.beginTransaction();
    await tx.run('CREATE (:ExplicitRollback {tag: $tag})', { tag });
    await tx.rollback();
    out.afterRollback = await count('ExplicitRollback');

    // Managed write commits; a managed write whose work throws rolls back.
    const created = await session.executeWrite(async mtx => {
      const res = await mtx.run('CREATE (n:ManagedCommit {tag: $tag}) RETURN n.tag AS t', { tag });
      return res.records[0].get('t');
    });
    out.managedReturned = created === tag;
    const counted = await d.executeQuery('CREATE (a:Counted {tag: $tag})-[:LINKS]->(b:Counted {tag: $tag}) SET a.x = 1', { tag });
    const updates = counted.summary.counters.updates();
    out.counters = { nodesCreated: updates.nodesCreated, relationshipsCreated: updates.relationshipsCreated,
      propertiesSet: updates.propertiesSet, labelsAdded: updates.labelsAdded, containsUpdates: counted.summary.counters.containsUpdates() };
    out.afterManagedCommit = await count('ManagedCommit');
    try {
      await session.executeWrite(async mtx => {
        await mtx.run('CREATE (:ManagedRollback {tag: $tag})', { tag });
        throw new Error('abort on purpose');
      });
    } catch (e) {
      out.managedError = e.message;
    }
    out.afterManagedRollback = await count('ManagedRollback');

    // Managed read.
    out.managedRead = await session.executeRead(async mtx =>
      (await mtx.run('MATCH (n:ManagedCommit {tag: $tag}) RETURN count(n) AS c', { tag })).records[0].get('c').toNumber());

    // A failing query inside an explicit transaction rolls the whole transaction back.
    tx = await session.beginTransaction();
    await tx.run('CREATE (:FailedTx {tag: $tag})', { tag });
    try {
      await tx.run('RETURN 1 / 0 AS boom');
      out.failedTxError = null;
    } catch (e) {
      out.failedTxError = e.code;
    }
    try { await tx.rollback(); } catch { /* already rolled back */ }
    out.afterFailedTx = await count('FailedTx');
    await d.executeQuery('MATCH (n {tag: $tag}) DETACH DELETE n', { tag });
  } finally {
    await session.close();
    await d.close();
  }
  out.ok = out.insideTx === 1 && out.afterCommit === 1 && out.afterRollback === 0 && out.managedReturned &&
    out.afterManagedCommit === 1 && out.afterManagedRollback === 0 && out.managedRead === 1 && out.afterFailedTx === 0;
  return out;
});
