// Judge: what Neo4j Browser, Desktop, cypher-shell and NeoDash send at connect time, through neo4j-driver over
// Bolt: the system database (session and explicit transaction), routing (neo4j://) for both databases, the
// procedures and SHOW commands they list, query options with their notifications.
// Usage: node connect-time.mjs <bolt-url> <user> <password>
import neo4j from 'neo4j-driver';
import { assert, connect, runBattery } from './lib.mjs';

const driver = connect();
const [url, user, password] = process.argv.slice(2);
const run = async (database, query, params = {}) => {
  const session = driver.session({ database });
  try {
    const result = await session.run(query, params);
    return { rows: result.records.map((r) => r.toObject()), summary: result.summary };
  } finally {
    await session.close();
  }
};
const ops = [];
const op = (name, f) => ops.push({ name, run: f });

op('server agent is a Neo4j 5 version', async () => {
  const info = await driver.getServerInfo();
  assert.match(info.agent, /^Neo4j\/5\.\d+\.\d+$/);
});
op('system: SHOW DATABASES lists neo4j and system', async () => {
  const { rows, summary } = await run('system', 'SHOW DATABASES');
  assert.deepEqual(rows.map((r) => r.name), ['neo4j', 'system']);
  assert.deepEqual(Object.keys(rows[0]), ['name', 'type', 'aliases', 'access', 'address', 'role', 'writer', 'requestedStatus', 'currentStatus', 'statusMessage', 'default', 'home', 'constituents']);
  assert.equal(summary.database.name, 'system');
});
op('system: SHOW DEFAULT DATABASE and SHOW HOME DATABASE', async () => {
  assert.equal((await run('system', 'SHOW DEFAULT DATABASE')).rows[0].name, 'neo4j');
  assert.equal((await run('system', 'SHOW HOME DATABASE')).rows[0].name, 'neo4j');
});
op('system: current user, components, client config', async () => {
  assert.equal((await run('system', 'CALL dbms.showCurrentUser()')).rows[0].username, user);
  assert.equal((await run('system', 'SHOW CURRENT USER')).rows[0].user, user);
  const components = (await run('system', 'CALL dbms.components() YIELD name, versions, edition RETURN *')).rows[0];
  assert.equal(components.name, 'Neo4j Kernel');
  assert.ok((await run('system', 'CALL dbms.clientConfig()')).rows.length > 0);
});
op('system: an explicit transaction', async () => {
  const session = driver.session({ database: 'system' });
  try {
    const tx = await session.beginTransaction();
    const result = await tx.run('SHOW DATABASES YIELD name WHERE name = $n RETURN name', { n: 'neo4j' });
    assert.equal(result.records[0].get('name'), 'neo4j');
    await tx.commit();
  } finally {
    await session.close();
  }
});
op('system refuses graph queries with NotSystemDatabaseError', async () => {
  await assert.rejects(run('system', 'MATCH (n) RETURN count(n)'), (e) => e.code === 'Neo.ClientError.Statement.NotSystemDatabaseError');
});
op('an unknown database is DatabaseNotFound', async () => {
  await assert.rejects(run('movies', 'RETURN 1'), (e) => e.code === 'Neo.ClientError.Database.DatabaseNotFound');
});
op('routing (neo4j://) reaches both databases', async () => {
  const routed = neo4j.driver(url.replace(/^bolt:/, 'neo4j:'), neo4j.auth.basic(user, password));
  try {
    for (const database of ['neo4j', 'system']) {
      const session = routed.session({ database, defaultAccessMode: neo4j.session.READ });
      const result = await session.run(database === 'system' ? 'SHOW DATABASES YIELD name RETURN name' : 'RETURN 1 AS x');
      assert.ok(result.records.length > 0, database);
      await session.close();
    }
  } finally {
    await routed.close();
  }
});
op('neo4j: schema visualization', async () => {
  const { rows } = await run('neo4j', 'CALL db.schema.visualization()');
  assert.ok(rows[0].nodes.some((n) => n.labels.includes('Person')));
  assert.ok(rows[0].relationships.some((r) => r.type === 'CITIZEN_OF'));
});
op('neo4j: db.info and dbms.info', async () => {
  assert.equal((await run('neo4j', 'CALL db.info()')).rows[0].name, 'neo4j');
  assert.ok((await run('neo4j', 'CALL dbms.info()')).rows[0].name.length > 0);
});
op('neo4j: SHOW PROCEDURES and SHOW FUNCTIONS with signatures', async () => {
  const procedures = (await run('neo4j', 'SHOW PROCEDURES EXECUTABLE BY CURRENT USER YIELD name, signature, description')).rows;
  for (const name of ['db.labels', 'db.schema.visualization', 'dbms.components', 'apoc.util.validate']) assert.ok(procedures.some((p) => p.name === name), name);
  assert.ok(procedures.every((p) => p.signature.startsWith(p.name + '(')));
  const functions = (await run('neo4j', 'SHOW FUNCTIONS YIELD *')).rows;
  assert.ok(functions.length > 100);
  assert.ok(functions.some((f) => f.name === 'apoc.util.validatePredicate' && f.isBuiltIn === false));
});
op('neo4j: SHOW TRANSACTIONS lists itself', async () => {
  const { rows } = await run('neo4j', 'SHOW TRANSACTIONS');
  assert.ok(rows.some((r) => r.currentQuery === 'SHOW TRANSACTIONS'));
});
op('query options: CYPHER 5 and an ignored runtime with its notification', async () => {
  assert.equal((await run('neo4j', 'CYPHER 5 RETURN 1 AS x')).rows[0].x, 1);
  const { summary } = await run('neo4j', 'CYPHER runtime=slotted RETURN 1 AS x');
  assert.ok(summary.notifications.some((n) => n.code === 'Neo.ClientNotification.Statement.RuntimeUnsupported'));
});
op('query options: an invalid version is an ArgumentError', async () => {
  await assert.rejects(run('neo4j', 'CYPHER 25 RETURN 1'), (e) => e.code === 'Neo.ClientError.Statement.ArgumentError');
});

const ok = await runBattery('Neo4j tools at connect time', ops, 10);
await driver.close();
process.exit(ok ? 0 : 1);
