// Shared plumbing of the judges: connection from the command line, a driver, the battery runner.
import neo4j from 'neo4j-driver';
import assert from 'node:assert/strict';

/** bolt URL, user and password: `node script.mjs bolt://127.0.0.1:7687 neo4j secret`. */
export function connect() {
  const [url, user, password] = process.argv.slice(2);
  if (!url || !user || !password) {
    console.error('usage: node <script> <bolt-url> <user> <password>');
    process.exit(2);
  }
  return neo4j.driver(url, neo4j.auth.basic(user, password), { disableLosslessIntegers: true });
}

/** Runs Cypher over the driver and returns plain records. */
export async function cypher(driver, query, params = {}) {
  const { records } = await driver.executeQuery(query, params, { database: 'neo4j' });
  return records.map((r) => r.toObject());
}

/** Runs each operation; prints one line per failure and a summary line, exits non-zero on any failure. */
export async function runBattery(title, operations, minimum) {
  const failures = [];
  for (const op of operations) {
    try {
      await op.run();
    } catch (e) {
      failures.push(op.name);
      console.log(`FAIL ${op.name}: ${(e && e.stack) || e}`);
    }
  }
  const passed = operations.length - failures.length;
  console.log(`${title}: ${passed} passed, ${failures.length} failed`);
  if (operations.length < minimum) {
    console.log(`${title}: only ${operations.length} operations, expected at least ${minimum}`);
    return false;
  }
  return failures.length === 0;
}

export const sorted = (xs) => [...xs].sort();
export { assert };
