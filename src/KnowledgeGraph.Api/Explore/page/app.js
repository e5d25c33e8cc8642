// The mediation explorer: search, paths and mediators between two entities, neighbourhoods, details with provenance,
// the "as of" filter, exports and live updates. Talks to the public GraphQL API only (api.js).

import { gql, namesQuery, SEARCH, PATHS, NEIGHBOURHOOD, ENTITY } from './api.js';
import { createGraph, merge, relayout, applyAsOf, removeDeleted, TYPE_FAMILIES, KIND_STYLE, DENIED_COLOR, RUMOURED_COLOR } from './graph.js';
import { toGraphML, toCytoscapeJson, toMermaid, pngBlob, svgText, download } from './exports.js';
import { startLive } from './live.js';

const $ = id => document.getElementById(id);
const state = { from: null, to: null, view: null, expanded: new Set(), names: new Map() };
let cy = null;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (v != null) node.setAttribute(k, v);
  }
  for (const c of children.flat(Infinity)) if (c != null) node.append(c instanceof Node ? c : String(c));
  return node;
}

function say(text, error = false) {
  $('message').textContent = text;
  $('message').classList.toggle('error', error);
  // Cytoscape caches where its container is; a message of another height moves it, so clicks would miss.
  cy?.resize();
}

function lower(v) { return v ? String(v).toLowerCase().replaceAll('_', ' ') : ''; }

function options() {
  const min = $('min-confidence').value;
  return {
    minConfidence: min === 'DENIED' ? 'RUMOURED' : min,
    includeDenied: min === 'DENIED',
    includeBackground: $('include-background').checked,
  };
}

// ---- search ----
async function search(text) {
  const list = $('search-results');
  list.replaceChildren();
  say(`Searching “${text}”…`);
  try {
    const data = await gql(SEARCH, { text });
    const edges = data.searchPage.edges;
    say(edges.length ? `${edges.length} match${edges.length === 1 ? '' : 'es'} for “${text}”.` : `Nothing matches “${text}”.`);
    for (const { node, matched } of edges) {
      const label = `${node.name} (${lower(node.kind)})`;
      list.append(el('li', { 'data-key': node.key },
        el('strong', {}, node.name), ' ', el('span', { class: 'kind' }, lower(node.kind)),
        matched !== node.name ? el('div', { class: 'kind' }, `matched “${matched}”`) : null,
        el('div', { class: 'actions' },
          el('button', { type: 'button', 'aria-label': `Use ${label} as “from”`, onclick: () => pick('from', node) }, 'From'),
          el('button', { type: 'button', 'aria-label': `Use ${label} as “to”`, onclick: () => pick('to', node) }, 'To'),
          el('button', { type: 'button', 'aria-label': `Show ${label} and its neighbourhood`, onclick: () => expand(node.key) }, 'Show'))));
    }
    list.querySelector('button')?.focus();
  } catch (e) {
    say(`Search failed: ${e.message}`, true);
  }
}

function pick(end, node) {
  state[end] = node;
  $(`${end}-name`).textContent = node.name;
  $('show-paths').disabled = !(state.from && state.to);
  say(`${end === 'from' ? 'From' : 'To'}: ${node.name}.`);
  if (state.from && state.to) $('show-paths').focus();
}

// ---- paths and mediators ----
async function showPaths() {
  if (!state.from || !state.to) return;
  state.view = { kind: 'paths', from: state.from.key, to: state.to.key };
  await refreshView(true);
}

async function loadPaths(fresh) {
  const { from, to } = state.view;
  const data = await gql(PATHS, { from, to, ...options() });
  if (fresh) { cy.elements().remove(); state.expanded.clear(); }
  const classes = { [from]: 'endpoint', [to]: 'endpoint' };
  const added = merge(cy, data.paths.network.nodes, data.paths.network.edges, classes);
  renderPaths(data.paths);
  renderMediators(data.mediators);
  say(`${data.paths.totalCount} path${data.paths.totalCount === 1 ? '' : 's'} between ${nameOf(from)} and ${nameOf(to)}; the ${data.paths.nodes.length} strongest are drawn.`);
  return added;
}

function nameOf(key) { return cy.getElementById(key).data('name') ?? key; }

function renderPaths(paths) {
  const list = $('paths-list');
  list.replaceChildren();
  paths.nodes.forEach((p, i) => {
    const keys = p.nodes.map(n => n.key);
    list.append(el('li', {},
      el('button', { type: 'button', class: 'path', 'data-index': i, 'aria-label': `Highlight path ${i + 1}: ${p.explanation}`, onclick: () => highlight(keys) },
        p.nodes.map(n => n.name).join(' → ')),
      el('div', { class: 'kind' }, `score ${p.score.toFixed(2)} · ${lower(p.confidence)} · ${p.explanation}`)));
  });
}

function renderMediators(mediators) {
  const list = $('mediators-list');
  list.replaceChildren();
  if (!mediators.length) list.append(el('li', {}, 'No third party found.'));
  for (const m of mediators) {
    list.append(el('li', {},
      el('strong', {}, m.entity.name), ` · score ${m.score.toFixed(2)}`,
      el('div', { class: 'actions' },
        el('button', { type: 'button', 'aria-label': `Draw ${m.entity.name} with its evidence`, onclick: () => drawMediator(m) }, 'Draw with evidence')),
      el('div', { class: 'kind' }, m.evidence.map(e => `${lower(e.kind)} via ${e.via.name}`).join('; '))));
  }
}

function drawMediator(m) {
  const nodes = new Map([[m.entity.key, m.entity]]);
  const edges = [];
  for (const ev of m.evidence) {
    const r = ev.relationship;
    nodes.set(ev.via.key, ev.via);
    nodes.set(r.from.key, r.from);
    nodes.set(r.to.key, r.to);
    const { from, to, ...rest } = r;
    edges.push({ ...rest, fromKey: from.key, toKey: to.key });
  }
  merge(cy, [...nodes.values()], edges, { [m.entity.key]: 'mediator' });
  afterChange(true);
  say(`${m.entity.name} drawn with ${m.evidence.length} piece${m.evidence.length === 1 ? '' : 's'} of evidence.`);
}

function highlight(keys) {
  const onPath = cy.collection();
  keys.forEach((k, i) => {
    onPath.merge(cy.getElementById(k));
    if (i > 0) onPath.merge(cy.getElementById(keys[i - 1]).edgesWith(cy.getElementById(k)));
  });
  cy.elements().removeClass('highlight').addClass('dimmed');
  onPath.removeClass('dimmed').addClass('highlight');
  setTimeout(() => cy.elements().removeClass('dimmed'), 2500);
}

// ---- neighbourhood ----
async function expand(key) {
  try {
    say(`Loading the neighbourhood of ${key}…`);
    if (!state.view) state.view = { kind: 'network' };
    state.expanded.add(key);
    const data = await gql(NEIGHBOURHOOD, { key, ...options() });
    const added = merge(cy, data.network.nodes, data.network.edges);
    afterChange(added > 0);
    say(`${nameOf(key)}: ${data.network.nodes.length - 1} neighbour${data.network.nodes.length === 2 ? '' : 's'}, ${added} new element${added === 1 ? '' : 's'} drawn.`);
  } catch (e) {
    say(`Could not load the neighbourhood: ${e.message}`, true);
  }
}

/** Re-asks the API for what is on screen (after a live event, or a new pair); returns how many elements were new. */
async function refreshView(fresh = false) {
  if (!state.view) return 0;
  try {
    let added = 0;
    if (state.view.kind === 'paths') added += await loadPaths(fresh);
    for (const key of state.expanded) {
      const data = await gql(NEIGHBOURHOOD, { key, ...options() });
      added += merge(cy, data.network.nodes, data.network.edges);
    }
    afterChange(fresh || added > 0);
    return added;
  } catch (e) {
    say(`Could not load: ${e.message}`, true);
    return 0;
  }
}

function afterChange(layout) {
  applyFilter();
  if (layout) relayout(cy);
  renderElements();
}

// ---- elements list (the keyboard's way into the graph) ----
function describeEdge(e) {
  return `${nameOf(e.data('source'))} ${lower(e.data('type'))} ${nameOf(e.data('target'))} (${lower(e.data('confidence')) || 'no confidence'})`;
}

function renderElements() {
  const list = $('elements-list');
  list.replaceChildren();
  cy.nodes(':visible').sort((a, b) => a.data('name').localeCompare(b.data('name'))).forEach(n => {
    list.append(el('li', {}, el('button', { type: 'button', 'data-id': n.id(), onclick: () => select(n.id()) }, `${n.data('name')} (${lower(n.data('kind'))})`)));
  });
  cy.edges(':visible').forEach(e => {
    list.append(el('li', {}, el('button', { type: 'button', 'data-id': e.id(), 'data-edge': '', onclick: () => select(e.id()) }, describeEdge(e))));
  });
}

function select(id) {
  const target = cy.getElementById(id);
  if (target.empty()) return;
  cy.elements().unselect();
  target.select();
  showDetails(target);
  // In one column (phones) the details sit below the graph: bring them into view.
  if (window.matchMedia('(max-width: 900px)').matches) $('details').scrollIntoView({ block: 'start' });
}

// ---- details ----
/** Names for the keys of sources and report chains; "unnamed:source:axios" reads "unnamed source (Axios)". */
async function entityNames(keys) {
  const plain = [...new Set(keys.map(k => k.replace(/^unnamed:/, '')))];
  const missing = plain.filter(k => !state.names.has(k)).slice(0, 40);
  if (missing.length) {
    try {
      const { query, variables } = namesQuery(missing);
      const data = await gql(query, variables);
      for (const e of Object.values(data)) if (e) state.names.set(e.key, e.name);
    } catch { /* names are a nicety; keys are shown instead */ }
    for (const k of missing) if (!state.names.has(k)) state.names.set(k, k);
  }
  return k => k.startsWith('unnamed:') ? `unnamed source (${state.names.get(k.slice(8)) ?? k.slice(8)})` : state.names.get(k) ?? k;
}

function provenanceKeys(facts) {
  return facts.flatMap(f => [...(f.sources ?? []).filter(s => typeof s === 'string'), ...(f.chains ?? []).flatMap(c => c.split(' > '))]);
}

function factBlock(f, name, title) {
  const chains = (f.chains ?? []).map(c => el('li', { class: 'chain' }, c.split(' > ').map(name).join(' → ')));
  return el('div', { class: 'fact', 'data-confidence': f.confidence ?? '' },
    title ? el('strong', {}, title) : null,
    el('dl', {},
      el('dt', {}, 'confidence'), el('dd', {}, lower(f.confidence) || '—'),
      f.tier ? [el('dt', {}, 'tier'), el('dd', {}, lower(f.tier))] : null,
      f.date ? [el('dt', {}, 'date'), el('dd', {}, f.date)] : null,
      f.independentSources != null ? [el('dt', {}, 'independent'), el('dd', {}, String(f.independentSources))] : null,
      el('dt', {}, 'sources'), el('dd', { class: 'sources' }, (f.sources ?? []).map(s => typeof s === 'string' ? name(s) : s.name).join(', ') || '—'),
      f.document ? [el('dt', {}, 'document'), el('dd', {}, f.document)] : null),
    chains.length ? [el('div', { class: 'kind' }, 'report chains (origin first):'), el('ul', { class: 'chains' }, chains)] : null,
    f.quote ? el('blockquote', { class: 'quote' }, f.quote) : null,
    f.contradictedBy?.length ? el('div', { class: 'kind' }, `contradicted by ${f.contradictedBy.join(', ')}`) : null);
}

async function showDetails(target) {
  const panel = $('details');
  if (target.isEdge()) {
    const d = target.data();
    const name = await entityNames(provenanceKeys([d]));
    panel.replaceChildren(el('h2', {}, 'Relationship'), el('p', {}, describeEdge(target)), factBlock(d, name));
  } else {
    const key = target.id();
    panel.replaceChildren(el('h2', {}, target.data('name')), el('p', {}, 'Loading…'));
    try {
      const data = await gql(ENTITY, { key });
      const e = data.entity;
      const rels = data.relationships.nodes;
      const name = await entityNames(provenanceKeys([...rels, ...(e.facts?.nodes ?? [])]));
      panel.replaceChildren(
        el('h2', {}, e.name),
        el('p', { class: 'kind' }, `${lower(e.kind)} · ${e.key}`),
        e.aliases.length ? el('p', {}, `Also: ${e.aliases.join(', ')}`) : null,
        e.description ? el('p', {}, e.description) : null,
        el('div', { class: 'actions' }, el('button', { type: 'button', id: 'expand-selected', onclick: () => expand(key) }, 'Expand neighbourhood'),
          el('button', { type: 'button', onclick: () => pick('from', e) }, 'From'), el('button', { type: 'button', onclick: () => pick('to', e) }, 'To')),
        (e.facts?.nodes ?? []).length ? [el('h3', {}, 'Its facts'), e.facts.nodes.map(f => factBlock(f, name, `${f.property} = ${f.value}`))] : null,
        el('h3', {}, `Relationships (${data.relationships.totalCount})`),
        rels.map(r => factBlock(r, name, `${r.from.name} ${lower(r.type)} ${r.to.name}`)));
    } catch (err) {
      panel.replaceChildren(el('h2', {}, target.data('name')), el('p', { class: 'error' }, err.message));
    }
  }
}

// ---- date filter, legend, exports ----
function applyFilter() {
  const asOf = $('as-of').value;
  const hidden = applyAsOf(cy, asOf);
  $('as-of-note').textContent = asOf
    ? `${hidden} element${hidden === 1 ? '' : 's'} began after ${asOf} and are hidden (undated facts stay).`
    : 'Filtered in the page on the facts’ own dates (partial dates count from their first day); undated facts stay.';
}

function swatch(color, dash, label) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('width', '28'); svg.setAttribute('height', '8'); svg.setAttribute('aria-hidden', 'true');
  const line = document.createElementNS('http://www.w3.org/2000/svg', 'line');
  for (const [k, v] of Object.entries({ x1: 0, y1: 4, x2: 28, y2: 4, stroke: color, 'stroke-width': 3, 'stroke-dasharray': dash ?? '' })) line.setAttribute(k, v);
  svg.append(line);
  return el('span', { class: 'swatch' }, svg, label);
}

function renderLegend() {
  $('legend-body').append(
    ...TYPE_FAMILIES.map(f => swatch(f.color, null, `${f.name}`)),
    swatch('#555', null, 'confirmed (thick) · reported · claimed (thin)'),
    swatch(RUMOURED_COLOR, '2 3', 'rumoured (dotted)'),
    swatch(DENIED_COLOR, '8 4', 'denied (dashed, bar head)'),
    el('span', { class: 'swatch' }, 'nodes: ', Object.entries(KIND_STYLE).map(([k, s]) => `${lower(k)} ${s.shape.replace('round-', '')}`).join(', ')),
    el('span', { class: 'swatch' }, 'large black border: the pair connected; double teal border: a mediator; dotted or dashed border: a rumoured or denied meeting'),
  );
}

function exportAs(kind) {
  if (cy.elements(':visible').empty()) { say('Nothing on screen to export.', true); return; }
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  try {
    switch (kind) {
      case 'png': download(`knowledgegraph-${stamp}.png`, pngBlob(cy), 'image/png'); break;
      case 'svg': download(`knowledgegraph-${stamp}.svg`, svgText(cy), 'image/svg+xml'); break;
      case 'graphml': download(`knowledgegraph-${stamp}.graphml`, toGraphML(cy), 'application/graphml+xml'); break;
      case 'json': download(`knowledgegraph-${stamp}.cyjs.json`, toCytoscapeJson(cy), 'application/json'); break;
      case 'mermaid': download(`knowledgegraph-${stamp}.mmd`, toMermaid(cy), 'text/plain'); break;
      default: return;
    }
    say(`Exported ${cy.elements(':visible').length} elements as ${kind}.`);
  } catch (e) {
    say(`Export failed: ${e.message}`, true);
  }
}

// ---- live ----
let refreshTimer = null;
/** Keys an event names (changes' from/to/key); null when it names none, so it may concern anything. */
function keysOf(payload) {
  const changes = payload && typeof payload === 'object' ? Object.values(payload).filter(Array.isArray).flat() : [];
  const keys = changes.flatMap(c => [c?.from, c?.to, c?.key]).filter(k => typeof k === 'string');
  return keys.length ? keys : null;
}

function onLiveEvent(field, payload) {
  const keys = keysOf(payload);
  // A change touching nothing on screen changes nothing on screen (a new fact links to a drawn node at least).
  if (keys && !keys.some(k => cy.getElementById(k).nonempty())) return;
  const seq = payload && typeof payload === 'object' ? Object.entries(payload).find(([k]) => /seq|sequence/i.test(k))?.[1] : null;
  const changes = payload && typeof payload === 'object' ? Object.values(payload).filter(Array.isArray).flat() : [];
  const removed = removeDeleted(cy, changes);
  if (removed) renderElements();
  // Several events of one commit arrive together: one refresh for the burst.
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(async () => {
    const added = await refreshView(false);
    say(`Live: ${field}${seq != null ? ` (commit ${seq})` : ''}; ${added} new element${added === 1 ? '' : 's'}${removed ? `, ${removed} removed` : ''} on screen.`);
  }, 150);
}

function onLiveStatus(stateName, detail) {
  const p = $('live-status');
  p.dataset.state = stateName;
  p.textContent = stateName === 'live' ? 'live updates on'
    : stateName === 'unavailable' ? 'live updates unavailable'
    : stateName === 'reconnecting' ? 'live updates: reconnecting…' : 'live updates: connecting…';
  p.title = detail ?? '';
}

// ---- start ----
function start() {
  cy = createGraph($('graph'));
  renderLegend();
  if (!cy) {
    say('The graph library was not built with the service (npm was unavailable at build time); search and lists still work.', true);
    onLiveStatus('unavailable', 'no graph library');
    return;
  }
  // Anything that moves the graph's container (the scrolling column, panels above it in one-column layout) must
  // refresh Cytoscape's cached position, or clicks land beside what they aim at.
  const moved = () => cy.resize();
  $('canvas-area').addEventListener('scroll', moved, { passive: true });
  new ResizeObserver(moved).observe($('controls'));
  cy.on('tap', 'node, edge', event => select(event.target.id()));
  cy.on('dbltap', 'node', event => expand(event.target.id()));
  $('search-form').addEventListener('submit', event => {
    event.preventDefault();
    const text = $('search-text').value.trim();
    if (text) search(text);
  });
  $('show-paths').addEventListener('click', showPaths);
  $('min-confidence').addEventListener('change', () => refreshView(true));
  $('include-background').addEventListener('change', () => refreshView(true));
  $('as-of').addEventListener('change', () => { applyFilter(); renderElements(); });
  $('clear-as-of').addEventListener('click', () => { $('as-of').value = ''; applyFilter(); renderElements(); });
  for (const b of document.querySelectorAll('[data-export]')) b.addEventListener('click', () => exportAs(b.dataset.export));
  startLive({ onEvent: onLiveEvent, onStatus: onLiveStatus });
  // For the browser console and page automation: the Cytoscape instance (cy.elements(), cy.png(), ...).
  window.kgExplorer = { cy };
  document.body.dataset.ready = 'true';
}

// Classic deferred scripts (the UMD library) run before module scripts, so window.cytoscape is there by now.
start();
