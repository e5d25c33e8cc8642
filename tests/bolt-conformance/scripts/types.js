'use strict';
// Every PackStream type goes out as a parameter and comes back as a result, unchanged.
const { neo4j, driver, run, same, show } = require('./lib');
const t = neo4j.types;

const ints = ['0', '1', '-1', '-16', '-17', '127', '128', '-128', '-129', '32767', '32768', '-32768', '-32769',
  '2147483647', '2147483648', '-2147483648', '-2147483649', '9223372036854775807', '-9223372036854775808'];

const cases = [
  ...ints.map(s => [`int ${s}`, neo4j.int(s)]),
  ['float 0', 0.5], ['float -1.25', -1.25], ['float max', Number.MAX_VALUE], ['float min positive', Number.MIN_VALUE],
  ['float NaN', NaN], ['float +Infinity', Infinity], ['float -Infinity', -Infinity],
  ['null', null], ['true', true], ['false', false],
  ['empty string', ''], ['ascii string', 'hello'], ['tiny boundary string 15', 'x'.repeat(15)], ['string 16', 'x'.repeat(16)],
  ['string 255', 'y'.repeat(255)], ['string 256', 'y'.repeat(256)], ['string 65536', 'z'.repeat(65536)],
  ['multibyte string', 'Київ · 東京 · Ελλάδα · 🇺🇦🕊️'],
  ['bytes', new Int8Array([0, 1, -1, 127, -128])], ['bytes 300', new Int8Array(300).fill(7)],
  ['empty list', []], ['list 16', Array.from({ length: 16 }, (_, i) => neo4j.int(i))],
  ['nested list', [neo4j.int(1), 'two', [3.5, [null, true]], { k: 'v' }]],
  ['empty map', {}], ['map 20', Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, neo4j.int(i)]))],
  ['nested map', { a: { b: { c: [neo4j.int(1), { d: 'deep' }] } }, 'ключ': 'значення' }],
  ['date', new t.Date(2024, 2, 29)], ['date early', new t.Date(1, 1, 1)], ['date negative epoch', new t.Date(1900, 12, 31)],
  ['local time', new t.LocalTime(23, 59, 59, 999999999)],
  ['time with offset', new t.Time(12, 30, 15, 1000, 3 * 3600)], ['time negative offset', new t.Time(0, 0, 0, 0, -(5 * 3600 + 30 * 60))],
  ['local datetime', new t.LocalDateTime(2022, 2, 24, 4, 0, 0, 123456789)],
  ['datetime with offset', new t.DateTime(2023, 6, 1, 10, 0, 0, 5, 2 * 3600)],
  ['datetime UTC', new t.DateTime(1970, 1, 1, 0, 0, 0, 0, 0)],
  ['datetime with zone id', new t.DateTime(2023, 6, 1, 10, 0, 0, 0, undefined, 'Europe/Kyiv')],
  ['duration', new t.Duration(14, 3, 3661, 500)], ['duration negative', new t.Duration(0, -2, -5, 0)],
];

run(async () => {
  const d = driver();
  const session = d.session();
  const failures = [];
  try {
    for (const [name, value] of cases) {
      const res = await session.run('RETURN $v AS v', { v: value });
      const got = res.records[0].get('v');
      if (!same(value, got)) failures.push({ name, sent: show(value), got: show(got) });
    }
    // Values built by Cypher itself come back with the right driver types.
    const built = (await session.run(
      "RETURN date('2024-02-29') AS d, localtime('12:00:01') AS lt, time('12:00:01+02:00') AS t, " +
      "localdatetime('2024-01-01T00:00:00') AS ldt, datetime('2024-01-01T12:00:00+02:00') AS dt, " +
      "duration('P1Y2M3DT4H') AS dur, 9223372036854775807 AS big, -1.5e300 AS f, [1, 'a', null] AS l, {k: true} AS m"
    )).records[0];
    const expected = {
      d: new t.Date(2024, 2, 29), lt: new t.LocalTime(12, 0, 1, 0), t: new t.Time(12, 0, 1, 0, 7200),
      ldt: new t.LocalDateTime(2024, 1, 1, 0, 0, 0, 0), dt: new t.DateTime(2024, 1, 1, 12, 0, 0, 0, 7200),
      dur: new t.Duration(14, 3, 14400, 0), big: neo4j.int('9223372036854775807'), f: -1.5e300,
      l: [neo4j.int(1), 'a', null], m: { k: true },
    };
    for (const [key, value] of Object.entries(expected)) {
      const got = built.get(key);
      if (!same(value, got)) failures.push({ name: `cypher ${key}`, sent: show(value), got: show(got) });
    }
  } finally {
    await session.close();
    await d.close();
  }
  return { ok: failures.length === 0, cases: cases.length + 10, failures };
});
