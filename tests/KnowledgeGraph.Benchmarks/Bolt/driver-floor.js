// The driver-floor bench's client (run by DriverFloorBenchCommand): times the official neo4j-driver's executeQuery
// against our Bolt server and against a replay of our server's own replies, alternately, and prints one JSON object.
// Usage: NODE_PATH=<tests/bolt-conformance/node_modules> node driver-floor.js '<settings JSON>'
const neo4j = require('neo4j-driver');
const s = JSON.parse(process.argv[2]);
const connect = port => neo4j.driver(`bolt://127.0.0.1:${port}`, neo4j.auth.basic(s.user, s.password), { disableLosslessIntegers: true });
const median = xs => { const a = [...xs].sort((x, y) => x - y); return a[Math.floor(a.length / 2)]; };
const time = async (driver, q) => {
  const start = process.hrtime.bigint();
  const r = await driver.executeQuery(q.text, q.params);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, value: r.records.length ? r.records[0].get(0) : null };
};
(async () => {
  // Record: every request the measured drivers will send goes once through the relay (a fresh driver sends BEGIN
  // without bookmarks first, then with the bookmark it got back, so each query runs twice).
  const recorder = connect(s.record);
  for (const q of s.queries) for (let i = 0; i < 3; i++) await recorder.executeQuery(q.text, q.params);
  await recorder.close();
  const ours = connect(s.ours), floor = connect(s.replay);
  const out = {};
  for (const q of s.queries) {
    for (let i = 0; i < (s.warmup ?? 200); i++) { await time(ours, q); await time(floor, q); } // warm-up (JIT on both sides)
    const a = [], b = []; let same = true;
    for (let i = 0; i < s.reps; i++) {
      // Alternate which goes first, so neither side always runs right after the other.
      let x, y;
      if (i % 2 === 0) { x = await time(ours, q); y = await time(floor, q); } else { y = await time(floor, q); x = await time(ours, q); }
      a.push(x.ms); b.push(y.ms);
      if (JSON.stringify(x.value) !== JSON.stringify(y.value)) same = false;
    }
    out[q.name] = { ours_ms: median(a), floor_ms: median(b), same };
  }
  await ours.close(); await floor.close();
  console.log(JSON.stringify(out));
})().catch(e => { console.error(e.code || '', e.message); process.exit(1); });
