'use strict';
// The judge of Bolt over WebSocket: Debian's Chromium (headless, driven by puppeteer-core, no browser download) loads
// the official neo4j-driver browser bundle into a blank page; the driver in the page connects to BOLT_URI, which a
// browser can only reach over WebSocket, and runs queries. Prints one JSON object as its last stdout line.
const fs = require('fs');
const http = require('http');
const path = require('path');
const puppeteer = require('puppeteer-core');

const uri = process.env.BOLT_URI || 'bolt://127.0.0.1:7687';
const user = process.env.BOLT_USER || 'neo4j';
const password = process.env.BOLT_PASSWORD || '';
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const bundle = path.join(__dirname, 'node_modules', 'neo4j-driver', 'lib', 'browser', 'neo4j-web.min.js');

const consoleLines = [];

function emit(result) {
  process.stdout.write(JSON.stringify(result) + '\n');
}

// The page comes from a loopback origin, as a locally served tool would: Chromium's local-network-access checks block
// a WebSocket from an opaque origin (about:blank) to a loopback address.
function servePage() {
  const server = http.createServer((req, res) => {
    if (req.url === '/neo4j-web.min.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' });
      fs.createReadStream(bundle).pipe(res);
    } else {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<!doctype html><title>driver</title><script src="/neo4j-web.min.js"></script>');
    }
  });
  return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function main() {
  const pages = await servePage();
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage();
    const sockets = [];
    const cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    cdp.on('Network.webSocketCreated', e => sockets.push(e.url));
    consoleLines.length = 0;
    page.on('console', m => consoleLines.push(m.text()));
    await page.goto(`http://127.0.0.1:${pages.address().port}/`);
    const result = await page.evaluate(async (uri, user, password) => {
      /* global neo4j */
      const out = {};
      const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), { encrypted: 'ENCRYPTION_OFF', connectionTimeout: 10000 });
      try {
        const info = await driver.getServerInfo();
        out.protocolVersion = info.protocolVersion;
        out.agent = info.agent;
        const session = driver.session();
        try {
          const r = await session.run('UNWIND range(1, $n) AS i RETURN i, i * $m AS product, "café" AS word', { n: neo4j.int(3), m: 2 });
          out.rows = r.records.map(rec => [rec.get('i').toNumber(), rec.get('product'), rec.get('word')]);
          const w = await session.executeWrite(tx => tx.run('CREATE (n:BrowserProbe {at: $at}) RETURN n.at AS at', { at: 'chromium' }));
          out.written = w.records[0].get('at');
          out.counters = w.summary.counters.updates().nodesCreated;
          try {
            await session.run('RETURN 1 +');
          } catch (e) {
            out.errorCode = e.code;
          }
        } finally {
          await session.close();
        }
      } finally {
        await driver.close();
      }
      return out;
    }, uri, user, password);
    result.webSockets = sockets;
    result.browser = await browser.version();
    result.ok = true;
    emit(result);
  } finally {
    await browser.close();
    pages.close();
  }
}

main().then(() => process.exit(0)).catch(error => {
  emit({ ok: false, fatal: String((error && error.stack) || error), console: consoleLines });
  process.exit(1);
});
