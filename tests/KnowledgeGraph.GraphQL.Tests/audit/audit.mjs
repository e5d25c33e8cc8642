// Runs the graphql-http server audits (the GraphQL-over-HTTP spec checks) against a URL and prints one JSON
// document: { ok, warn, error, results: [{ id, name, status, reason }] }. Exit code 0; the caller judges.
// Usage: node audit.mjs http://127.0.0.1:PORT/graphql
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs URL');
  process.exit(2);
}
const results = [];
for (const audit of serverAudits({ url, fetchFn: fetch })) {
  const r = await audit.fn();
  results.push({ id: audit.id, name: audit.name, status: r.status, reason: r.status === 'ok' ? undefined : r.reason });
}
const count = (s) => results.filter((r) => r.status === s).length;
console.log(JSON.stringify({ ok: count('ok'), warn: count('warn'), error: count('error'), results }, null, 1));
