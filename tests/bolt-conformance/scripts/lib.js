'use strict';
// Shared helpers: every scenario prints exactly one JSON object as its last stdout line.
const neo4j = require('neo4j-driver');

const uri = process.env.BOLT_URI || 'bolt://127.0.0.1:7687';
const user = process.env.BOLT_USER || 'neo4j';
const password = process.env.BOLT_PASSWORD || '';

function driver(overrideUri, config) {
  return neo4j.driver(overrideUri || uri, neo4j.auth.basic(user, password), {
    connectionTimeout: 10000,
    maxTransactionRetryTime: 15000,
    ...config,
  });
}

function emit(result) {
  process.stdout.write(JSON.stringify(result, (_, v) => (typeof v === 'bigint' ? v.toString() : v)) + '\n');
}

// Runs a scenario; an unexpected exception becomes { ok: false, fatal } so the C# side shows it.
function run(scenario) {
  scenario()
    .then(result => { emit(result); process.exit(0); })
    .catch(error => { emit({ ok: false, fatal: String(error && error.stack || error), code: error && error.code }); process.exit(1); });
}

// Deep equality aware of driver types: Integer, temporal values, bytes, NaN.
function same(a, b) {
  if (neo4j.isInt(a) || neo4j.isInt(b)) return neo4j.isInt(a) && neo4j.isInt(b) && a.equals(b);
  if (typeof a === 'number' && typeof b === 'number') return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
  if (a instanceof Int8Array || b instanceof Int8Array) {
    return a instanceof Int8Array && b instanceof Int8Array && a.length === b.length && a.every((x, i) => x === b[i]);
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (a.constructor !== b.constructor) return false;
  if (TEMPORAL.has(a.constructor.name)) return sameTemporal(a, b);
  if (Array.isArray(a)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  const keys = Object.keys(a).filter(k => a[k] !== undefined).sort();
  const otherKeys = Object.keys(b).filter(k => b[k] !== undefined).sort();
  return same(keys, otherKeys) && keys.every(k => same(a[k], b[k]));
}

const TEMPORAL = new Set(['Date', 'Time', 'LocalTime', 'DateTime', 'LocalDateTime', 'Duration']);
const FIELDS = ['year', 'month', 'day', 'hour', 'minute', 'second', 'nanosecond', 'months', 'days', 'seconds', 'nanoseconds'];

// Temporal fields may be JS numbers on one side and driver Integers on the other; compare numerically.
// A zone-id DateTime built without an offset gets its offset from the server: compare the offset only when both have one.
function sameTemporal(a, b) {
  const num = x => (x === undefined || x === null ? x : Number(x.toString()));
  for (const f of FIELDS) if (num(a[f]) !== num(b[f])) return false;
  if (a.timeZoneId !== b.timeZoneId && (a.timeZoneId || b.timeZoneId)) return false;
  const ao = num(a.timeZoneOffsetSeconds), bo = num(b.timeZoneOffsetSeconds);
  return ao === undefined || bo === undefined || ao === null || bo === null || ao === bo;
}

function show(v) {
  if (neo4j.isInt(v)) return `Integer(${v.toString()})`;
  if (v instanceof Int8Array) return `Bytes[${Array.from(v).join(',')}]`;
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  if (v && typeof v === 'object' && !Array.isArray(v) && v.constructor && v.constructor.name !== 'Object') {
    return `${v.constructor.name}(${v.toString()}${v.timeZoneId ? ' ' + v.timeZoneId : ''})`;
  }
  try { return JSON.stringify(v, (_, x) => (neo4j.isInt(x) ? `Integer(${x})` : x)); } catch { return String(v); }
}

module.exports = { neo4j, uri, user, password, driver, emit, run, same, show };
