// Dialect check: runs Neo4j's own Cypher parser (@neo4j-cypher/language-support) over our Cypher text.
//
// Usage: node lint.mjs [--json FILE]... PATH...
//   PATH        a .cypher file, or a directory searched recursively for .cypher files (node_modules skipped);
//               a file may hold several statements separated by ';' (the parser splits them itself, so a ';'
//               inside a string or comment is handled correctly and positions stay file-relative).
//   --json FILE a JSON file holding an array of query strings, or of { "name": ..., "query": ... } objects.
// Prints one JSON document { checked, errors, warnings, diagnostics: [...] } and exits 1 when any syntax or
// semantic error is reported (warnings do not fail), 2 on bad usage.
// "Parameter $x is not defined" is not an error here: parameters are supplied at run time.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve, relative } from 'node:path';
import { lintCypherQuery, isNotParamError } from '@neo4j-cypher/language-support';

const ERROR = 1;

function collectCypherFiles(path, out) {
  const stat = statSync(path);
  if (stat.isDirectory()) {
    for (const entry of readdirSync(path).sort()) {
      if (entry === 'node_modules' || entry.startsWith('.')) continue;
      collectCypherFiles(join(path, entry), out);
    }
  } else if (path.endsWith('.cypher')) {
    out.push(path);
  }
}

function parseArgs(argv) {
  const files = [];
  const jsonFiles = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') {
      if (i + 1 >= argv.length) throw new Error('--json needs a file');
      jsonFiles.push(argv[++i]);
    } else {
      collectCypherFiles(resolve(argv[i]), files);
    }
  }
  return { files, jsonFiles };
}

function lint(name, text) {
  const { diagnostics } = lintCypherQuery(text, {});
  return diagnostics.filter(isNotParamError).map((d) => ({
    source: name,
    severity: d.severity === ERROR ? 'error' : 'warning',
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    offset: d.offsets?.start ?? null,
    message: d.message,
  }));
}

let args;
try {
  args = parseArgs(process.argv.slice(2));
} catch (e) {
  console.error(`usage error: ${e.message}`);
  process.exit(2);
}
if (args.files.length === 0 && args.jsonFiles.length === 0) {
  console.error('usage: node lint.mjs [--json FILE]... PATH...');
  process.exit(2);
}

const diagnostics = [];
let checked = 0;
for (const file of args.files) {
  const text = readFileSync(file, 'utf8');
  if (text.trim().length === 0) continue;
  checked++;
  diagnostics.push(...lint(relative(process.cwd(), file), text));
}
for (const jsonFile of args.jsonFiles) {
  const items = JSON.parse(readFileSync(jsonFile, 'utf8'));
  if (!Array.isArray(items)) {
    console.error(`${jsonFile}: expected a JSON array`);
    process.exit(2);
  }
  items.forEach((item, i) => {
    const query = typeof item === 'string' ? item : item.query;
    const name = typeof item === 'string' ? `${jsonFile}[${i}]` : (item.name ?? `${jsonFile}[${i}]`);
    checked++;
    diagnostics.push(...lint(name, query));
  });
}

const errors = diagnostics.filter((d) => d.severity === 'error').length;
console.log(JSON.stringify({ checked, errors, warnings: diagnostics.length - errors, diagnostics }, null, 2));
process.exit(errors > 0 ? 1 : 0);
