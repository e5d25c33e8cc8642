// Reads a JSON array of {id, query} from the file given as argument and prints a JSON array of
// {id, messages} for every query Neo4j's parser reports errors for (severity 1). Warnings are ignored.
import { readFileSync } from 'node:fs';
import { lintCypherQuery } from '@neo4j-cypher/language-support';

const items = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const failures = [];
for (const { id, query } of items) {
  // Parameters are supplied at run time; declare every $name used so only real dialect errors remain.
  const parameters = Object.fromEntries([...query.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map(m => [m[1], null]));
  const result = lintCypherQuery(query, { parameters });
  const errors = (result.diagnostics ?? [])
    .filter(d => d.severity === 1 && !/^Parameter \$\S+ is not defined/.test(d.message))
    .map(d => d.message);
  if (errors.length > 0) failures.push({ id, messages: errors });
}
process.stdout.write(JSON.stringify(failures));
