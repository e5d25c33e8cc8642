// Dialect check: runs Neo4j's own Cypher parser (@neo4j-cypher/language-support) over our Cypher text.
//
// Usage: node lint.mjs [--json FILE]... PATH...
//   PATH        a .cypher file, or a directory searched recursively for .cypher files (node_modules, bin, obj skipped);
//               a file may hold several statements separated by ';' (the parser splits them itself, so a ';'
//               inside a string or comment is handled correctly and positions stay file-relative).
//   --json FILE a JSON file holding an array of query strings, or of { "name": ..., "query": ... } objects.
// Prints one JSON document { checked, errors, warnings, diagnostics: [...] } and exits 1 when any syntax or
// semantic error is reported (warnings do not fail), 2 on bad usage.
// "Parameter $x is not defined" is not an error here: parameters are supplied at run time.
//
// Speed: Neo4j's own parser and semantic analysis (compiled from Neo4j's code) cost ~100 ms per statement, so
// a long generated script (cypher/seed.cypher: hundreds of statements from a few templates) is checked in two
// parts that together cover every statement: each distinct statement *shape* (the statement with its string and
// number literals blanked) is linted once, and all the literals are linted in batches as list elements of a
// RETURN. Files with fewer than SHAPE_MODE_MIN_STATEMENTS statements are linted whole.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve, relative } from 'node:path';
import { lintCypherQuery, isNotParamError, parseStatementsStrs } from '@neo4j-cypher/language-support';

const SHAPE_MODE_MIN_STATEMENTS = 20;
const LITERALS_PER_BATCH = 400;
// One left-to-right scan: string literals, comments (dropped), backticked names (kept), numbers.
const TOKEN = /'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|\/\/[^\n]*|\/\*[\s\S]*?\*\/|`[^`]*`|\b\d+(?:\.\d+)?\b/g;

const ERROR = 1;

function collectCypherFiles(path, out) {
  const stat = statSync(path);
  if (stat.isDirectory()) {
    for (const entry of readdirSync(path).sort()) {
      if (entry === 'node_modules' || entry === 'bin' || entry === 'obj' || entry.startsWith('.')) continue;
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

function toReport(name, diagnostics, context) {
  return diagnostics.filter(isNotParamError).map((d) => ({
    source: name,
    severity: d.severity === ERROR ? 'error' : 'warning',
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    offset: d.offsets?.start ?? null,
    message: d.message,
    ...(context ? { statement: context } : {}),
  }));
}

function blank(token) {
  return token.startsWith("'") ? "''" : token.startsWith('"') ? '""' : '0';
}

function lint(name, text) {
  const statements = parseStatementsStrs(text);
  if (statements.length < SHAPE_MODE_MIN_STATEMENTS) {
    return toReport(name, lintCypherQuery(text, {}).diagnostics);
  }
  const results = [];
  const shapes = new Map();
  const literals = [];
  statements.forEach((statement, i) => {
    const shape = statement.replace(TOKEN, (token) => {
      if (token.startsWith('//') || token.startsWith('/*')) return ' ';
      if (token.startsWith('`')) return token;
      literals.push({ literal: token, statement: i + 1 });
      return blank(token);
    });
    if (!shapes.has(shape)) shapes.set(shape, i + 1);
  });
  for (const [shape, index] of shapes) {
    // Positions are within the statement; name it so the report stays actionable.
    results.push(...toReport(name, lintCypherQuery(shape, {}).diagnostics, `statement ${index} (checked by shape)`));
  }
  for (let i = 0; i < literals.length; i += LITERALS_PER_BATCH) {
    const batch = literals.slice(i, i + LITERALS_PER_BATCH);
    const query = `RETURN [${batch.map((l) => l.literal).join(',\n')}] AS literals`;
    const first = batch[0].statement;
    const last = batch[batch.length - 1].statement;
    results.push(...toReport(name, lintCypherQuery(query, {}).diagnostics, `literals of statements ${first}-${last}`));
  }
  return results;
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
