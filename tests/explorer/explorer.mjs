// Drives the /explore page of a running service in Debian's Chromium (puppeteer-core, no browser download) and prints
// one JSON object with what it observed; tests/KnowledgeGraph.Api.Tests/Explore/ExplorerPageTests asserts on it.
// Usage: node explorer.mjs <scenario> <baseUrl> <outDir> [apiKey]
import puppeteer from 'puppeteer-core';
import fs from 'node:fs';
import path from 'node:path';

const [scenario, baseUrl, outDir, apiKey] = process.argv.slice(2);
const chromium = process.env.CHROMIUM_PATH || ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(p => fs.existsSync(p));
fs.mkdirSync(outDir, { recursive: true });
const base = new URL(baseUrl);
const report = { scenario, consoleErrors: [], foreignRequests: [], failedRequests: [] };

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--no-default-browser-check', '--disable-extensions', '--disable-background-networking', '--disable-component-update'],
});

async function openPage(width, height) {
  const page = await browser.newPage();
  await page.setViewport({ width, height });
  page.on('console', m => { if (m.type() === 'error') report.consoleErrors.push(m.text()); });
  page.on('pageerror', e => report.consoleErrors.push(`pageerror: ${e.message}`));
  await page.setRequestInterception(true);
  page.on('request', r => {
    const url = new URL(r.url());
    const local = url.protocol === 'data:' || url.protocol === 'blob:' || (url.hostname === base.hostname && url.port === base.port);
    if (!local) { report.foreignRequests.push(r.url()); r.abort(); } else r.continue();
  });
  page.on('requestfailed', r => { if (!r.url().startsWith('blob:')) report.failedRequests.push(`${r.url()} ${r.failure()?.errorText}`); });
  page.on('response', r => { if (r.status() >= 400) report.failedRequests.push(`${r.url()} ${r.status()}`); });
  await page.goto(new URL('/explore', base).href, { waitUntil: 'networkidle0' });
  await page.waitForSelector('body[data-ready="true"]', { timeout: 10_000 });
  return page;
}

async function search(page, text) {
  await page.click('#search-text', { clickCount: 3 });
  await page.type('#search-text', text);
  await page.keyboard.press('Enter');
  await page.waitForFunction(t => document.getElementById('message').textContent.includes(`“${t}”.`), { timeout: 10_000 }, text);
  return page.$$eval('#search-results li', lis => lis.map(li => li.dataset.key));
}

async function pickPair(page, from, to) {
  const [fromText, fromKey] = from;
  const [toText, toKey] = to;
  await search(page, fromText);
  await page.click(`#search-results li[data-key="${fromKey}"] button:nth-of-type(1)`);
  await search(page, toText);
  await page.click(`#search-results li[data-key="${toKey}"] button:nth-of-type(2)`);
  await page.click('#show-paths');
  await page.waitForSelector('#paths-list li', { timeout: 15_000 });
  await settle(page);
}

// The layout animates for 400 ms; wait until positions are final before clicking or taking pictures.
async function settle(page) {
  await new Promise(r => setTimeout(r, 1200));
}

const onScreen = page => page.evaluate(() => ({
  nodes: window.kgExplorer.cy.nodes(':visible').map(n => n.id()).sort(),
  edges: window.kgExplorer.cy.edges(':visible').map(e => ({ id: e.id(), type: e.data('type'), source: e.data('source'), target: e.data('target'), confidence: e.data('confidence') })),
  listed: [...document.querySelectorAll('#elements-list button')].map(b => b.dataset.id),
}));

// A real mouse click on the canvas. The layout is random, so the edge's midpoint may lie under a node or another
// edge: candidate points along the edge are tried until the click selects that edge.
async function clickEdge(page, predicate) {
  const target = await page.evaluate(src => {
    const cy = window.kgExplorer.cy;
    const edge = cy.edges(':visible').filter(new Function('e', `return (${src})(e)`))[0];
    if (!edge) return null;
    const box = cy.container().getBoundingClientRect();
    const a = edge.renderedSourceEndpoint();
    const b = edge.renderedTargetEndpoint();
    const points = [edge.renderedMidpoint(), ...[0.3, 0.7, 0.4, 0.6, 0.2, 0.8].map(t => ({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t }))];
    return { id: edge.id(), points: points.map(p => ({ x: box.left + p.x, y: box.top + p.y })) };
  }, predicate.toString());
  if (!target) throw new Error('no such edge on screen');
  for (const point of target.points) {
    await page.mouse.click(point.x, point.y);
    await new Promise(r => setTimeout(r, 150));
    const selected = await page.evaluate(() => window.kgExplorer.cy.$(':selected').map(e => e.id()));
    if (selected.includes(target.id)) break;
  }
  try {
    await page.waitForFunction(() => document.querySelector('#details h2')?.textContent === 'Relationship', { timeout: 5000 });
  } catch (e) {
    await page.screenshot({ path: path.join(outDir, 'click-edge-failed.png') });
    throw new Error(`clicking edge ${target.id} showed no relationship: ${e.message}`);
  }
  return target.id;
}

async function readDetails(page) {
  return page.$eval('#details', d => ({
    title: d.querySelector('h2')?.textContent,
    text: d.innerText,
    sources: [...d.querySelectorAll('.sources')].map(s => s.textContent),
    chains: [...d.querySelectorAll('.chain')].map(s => s.textContent),
    quotes: [...d.querySelectorAll('.quote')].map(s => s.textContent),
  }));
}

try {
  switch (scenario) {
    case 'load': {
      const page = await openPage(1280, 800);
      report.title = await page.title();
      report.searchKeys = await search(page, 'Kiev');
      report.liveStatus = await page.$eval('#live-status', p => ({ state: p.dataset.state, text: p.textContent, detail: p.title }));
      await page.screenshot({ path: path.join(outDir, 'explore-load.png') });
      break;
    }
    case 'paths': {
      const page = await openPage(1280, 800);
      await pickPair(page, ['United States', 'country:us'], ['Russia', 'country:russia']);
      report.screen = await onScreen(page);
      report.paths = await page.$$eval('#paths-list li', lis => lis.map(li => li.innerText));
      report.mediators = await page.$$eval('#mediators-list li strong', s => s.map(x => x.textContent));
      report.clickedEdge = await clickEdge(page, e => e.data('source') === 'country:us' && e.data('target') === 'country:russia');
      report.details = await readDetails(page);
      await page.screenshot({ path: path.join(outDir, 'explore-paths.png') });
      break;
    }
    case 'exports': {
      const page = await openPage(1280, 800);
      await pickPair(page, ['United States', 'country:us'], ['Russia', 'country:russia']);
      const downloads = path.join(outDir, 'downloads');
      fs.rmSync(downloads, { recursive: true, force: true });
      fs.mkdirSync(downloads, { recursive: true });
      const cdp = await browser.target().createCDPSession();
      await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
      report.files = {};
      for (const kind of ['png', 'svg', 'graphml', 'json', 'mermaid']) {
        const before = new Set(fs.readdirSync(downloads));
        await page.click(`[data-export="${kind}"]`);
        const deadline = Date.now() + 10_000;
        let file = null;
        while (!file && Date.now() < deadline) {
          await new Promise(r => setTimeout(r, 100));
          file = fs.readdirSync(downloads).find(f => !before.has(f) && !f.endsWith('.crdownload'));
        }
        report.files[kind] = file ? path.join(downloads, file) : null;
      }
      report.screen = await onScreen(page);
      break;
    }
    case 'mobile': {
      const page = await openPage(375, 812);
      await pickPair(page, ['United States', 'country:us'], ['Russia', 'country:russia']);
      report.layout = await page.evaluate(() => {
        const box = id => document.getElementById(id).getBoundingClientRect();
        return {
          scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
          controls: box('controls').toJSON(), graph: box('graph').toJSON(), details: box('details').toJSON(),
        };
      });
      report.screen = await onScreen(page);
      // A tap on an edge works at phone width too, and brings the details (below the graph) into view.
      await page.$eval('#graph', g => g.scrollIntoView());
      report.clickedEdge = await clickEdge(page, e => e.data('source') === 'country:us' && e.data('target') === 'country:russia');
      report.details = await readDetails(page);
      await new Promise(r => setTimeout(r, 300));
      report.detailsTop = await page.$eval('#details', d => d.getBoundingClientRect().top);
      await page.screenshot({ path: path.join(outDir, 'explore-375.png'), fullPage: true });
      break;
    }
    case 'keyboard': {
      const page = await openPage(1280, 800);
      const active = () => page.evaluate(() => {
        const a = document.activeElement;
        const style = getComputedStyle(a);
        return { id: a.id, tag: a.tagName, text: a.textContent.trim().slice(0, 80), label: a.getAttribute('aria-label'), outline: style.outlineStyle, outlineWidth: style.outlineWidth, dataId: a.dataset?.id ?? null };
      });
      report.steps = [];
      await page.keyboard.press('Tab');
      report.steps.push(await active()); // the skip link
      await page.keyboard.press('Enter');
      report.steps.push(await active()); // the search box
      await page.keyboard.type('Witkoff');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#search-results li', { timeout: 10_000 });
      await page.waitForFunction(() => document.activeElement?.closest('#search-results'), { timeout: 5000 });
      report.steps.push(await active()); // first result's "From"
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      report.steps.push(await active()); // "Show"
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelectorAll('#elements-list button').length > 1, { timeout: 10_000 });
      // Tab on until the focus reaches the list of elements on screen, then Enter shows the details.
      let reached = null;
      for (let i = 0; i < 80 && !reached; i++) {
        await page.keyboard.press('Tab');
        const a = await active();
        if (a.dataId) reached = a;
      }
      report.steps.push(reached);
      if (reached) {
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => !document.querySelector('#details').innerText.includes('Loading') && document.querySelector('#details .fact, #details .kind'), { timeout: 10_000 });
        report.details = await readDetails(page);
      }
      report.unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select, button')]
        .filter(e => !(e.labels?.length || e.getAttribute('aria-label') || e.textContent.trim())).map(e => e.outerHTML));
      break;
    }
    case 'live': {
      const page = await openPage(1280, 800);
      await pickPair(page, ['United States', 'country:us'], ['Russia', 'country:russia']);
      try {
        await page.waitForFunction(() => ['live', 'unavailable'].includes(document.getElementById('live-status').dataset.state), { timeout: 10_000 });
      } catch { /* reported below */ }
      report.liveStatus = await page.$eval('#live-status', p => ({ state: p.dataset.state, text: p.textContent, detail: p.title }));
      report.before = await onScreen(page);
      // The mutation goes through the real API, from outside the page, as another client's write would.
      const response = await fetch(new URL('/graphql', base), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
        body: JSON.stringify({
          query: 'mutation Live($input: RelateInput!) { relate(input: $input) { id type } }',
          variables: { input: { from: 'country:russia', to: 'country:us', type: 'NEGOTIATES_WITH', confidence: 'CONFIRMED', sources: ['source:mena-news'] } },
        }),
      });
      report.mutation = await response.json();
      if (report.liveStatus.state === 'live') {
        try {
          await page.waitForFunction(() => window.kgExplorer.cy.edges().some(e => e.data('source') === 'country:russia' && e.data('target') === 'country:us' && e.data('type') === 'NEGOTIATES_WITH'), { timeout: 10_000 });
        } catch { /* reported below */ }
      }
      report.after = await onScreen(page);
      report.message = await page.$eval('#message', m => m.textContent);
      await page.screenshot({ path: path.join(outDir, 'explore-live.png') });
      break;
    }
    case 'asof': {
      const page = await openPage(1280, 800);
      await pickPair(page, ['United States', 'country:us'], ['Russia', 'country:russia']);
      report.before = await onScreen(page);
      await page.$eval('#as-of', i => { i.value = '2025-09-01'; i.dispatchEvent(new Event('change', { bubbles: true })); });
      // Cytoscape may apply the filter's classes to the style on its next frame: wait (bounded) until nothing marked
      // as future is still visible; if it never happens, the C# assertion fails with the nodes and their classes.
      await page.waitForFunction(() => document.getElementById('as-of-note').textContent.includes('2025-09-01')
        && window.kgExplorer.cy.elements('.future').filter(':visible').length === 0, { timeout: 5000 }).catch(() => {});
      report.after = await onScreen(page);
      report.note = await page.$eval('#as-of-note', n => n.textContent);
      // What the filter judged by, should an assertion fail.
      report.dates = await page.evaluate(() => window.kgExplorer.cy.nodes().map(n => `${n.id()} date=${n.data('date')} classes=${n.classes().join(',')}`));
      await page.click('#clear-as-of');
      // The filter may still be finishing the date change when Clear lands: wait (bounded) for the graph drawn before
      // the filter; if it never comes back, the C# assertion on "cleared" fails with both lists.
      await page.waitForFunction(n => window.kgExplorer.cy.nodes(':visible').length === n, { timeout: 5000 }, report.before.nodes.length).catch(() => {});
      report.cleared = await onScreen(page);
      break;
    }
    case 'screenshot': {
      const page = await openPage(1280, 800);
      await pickPair(page, ['United States', 'country:us'], ['Russia', 'country:russia']);
      // Rumoured and denied facts too, so the picture shows every edge style of the legend.
      await page.select('#min-confidence', 'DENIED');
      await page.waitForFunction(() => document.getElementById('message').textContent.includes('16 paths'), { timeout: 10_000 });
      await search(page, 'Driscoll');
      await page.click('#search-results li[data-key="meeting:driscoll-russia-meeting-rumoured"] button:nth-of-type(3)');
      await page.waitForFunction(() => window.kgExplorer.cy.edges('[confidence = "DENIED"]').length > 0, { timeout: 10_000 });
      await settle(page);
      await page.$eval('#controls', c => { c.scrollTop = 0; });
      await clickEdge(page, e => e.data('confidence') === 'DENIED' && e.data('source') === 'country:russia');
      await settle(page);
      report.file = path.join(outDir, 'explore.png');
      await page.screenshot({ path: report.file, type: 'png' });
      break;
    }
    default:
      throw new Error(`unknown scenario ${scenario}`);
  }
} catch (e) {
  report.error = `${e.message}\n${e.stack}`;
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report));
