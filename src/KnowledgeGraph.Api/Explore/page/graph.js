// The drawing: Cytoscape.js (window.cytoscape, with the fCoSE layout and the SVG exporter registered as extensions),
// our element model (node id = entity key, edge id = the relationship's global id) and the "as of" date filter.

export const KIND_STYLE = {
  COUNTRY: { shape: 'round-rectangle', color: '#1f5fa8' },
  PERSON: { shape: 'ellipse', color: '#2e7d4f' },
  ORGANIZATION: { shape: 'hexagon', color: '#6a4c93' },
  MEETING: { shape: 'diamond', color: '#b5651d' },
  PROPOSAL: { shape: 'tag', color: '#8a6d00' },
  PLACE: { shape: 'triangle', color: '#5a6b78' },
  CONFLICT: { shape: 'star', color: '#a4161a' },
  TOPIC: { shape: 'round-tag', color: '#48606e' },
};

// Relationship types in families, one colour each (the legend lists them).
export const TYPE_FAMILIES = [
  { name: 'Negotiation, mediation', color: '#1565c0', types: ['NEGOTIATES_WITH', 'MEDIATES', 'BRIEFED', 'BRIEFED_ON'] },
  { name: 'Attendance, place', color: '#ef6c00', types: ['ATTENDED', 'HELD_IN', 'LOCATED_IN', 'CAPITAL_OF'] },
  { name: 'Leadership, representation', color: '#2e7d32', types: ['LEADS', 'REPRESENTS', 'SPEAKS_FOR'] },
  { name: 'Membership, alliance', color: '#6a1b9a', types: ['MEMBER_OF', 'PART_OF', 'CITIZEN_OF', 'ALLY_OF', 'PARTY_TO'] },
  { name: 'Proposals, positions', color: '#8d6e00', types: ['DRAFTED', 'DISCUSSED', 'DEMANDS', 'COVERS', 'STANCE_ON', 'PRECEDED_BY', 'DENIES'] },
];
const OTHER_COLOR = '#607d8b';
export const DENIED_COLOR = '#c62828';
export const RUMOURED_COLOR = '#9e9d24';

export function typeColor(type) {
  return TYPE_FAMILIES.find(f => f.types.includes(type))?.color ?? OTHER_COLOR;
}

const style = [
  {
    selector: 'node',
    style: {
      label: 'data(name)', 'font-size': 11, 'text-wrap': 'wrap', 'text-max-width': 110, 'text-valign': 'bottom',
      'text-margin-y': 4, color: '#1b1b1b', 'text-outline-color': '#ffffff', 'text-outline-width': 2,
      width: 28, height: 28, 'border-width': 2, 'border-color': '#ffffff',
    },
  },
  ...Object.entries(KIND_STYLE).map(([kind, s]) => ({
    selector: `node[kind = "${kind}"]`, style: { shape: s.shape, 'background-color': s.color },
  })),
  { selector: 'node.endpoint', style: { width: 40, height: 40, 'border-color': '#111111', 'border-width': 3, 'font-weight': 'bold' } },
  // A meeting reported only as rumoured, or denied, is drawn with the border of its edges' style.
  { selector: 'node[status = "RUMOURED"]', style: { 'border-style': 'dotted', 'border-color': RUMOURED_COLOR, 'border-width': 3 } },
  { selector: 'node[status = "DENIED"]', style: { 'border-style': 'dashed', 'border-color': DENIED_COLOR, 'border-width': 3 } },
  { selector: 'node.mediator', style: { 'border-color': '#00897b', 'border-width': 4, 'border-style': 'double' } },
  {
    selector: 'edge',
    style: {
      width: 2, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'arrow-scale': 0.9,
      'line-color': 'data(color)', 'target-arrow-color': 'data(color)', label: 'data(label)', 'font-size': 8,
      'text-rotation': 'autorotate', color: '#333333', 'text-background-color': '#ffffff', 'text-background-opacity': 0.85,
      'text-background-padding': 1,
    },
  },
  { selector: 'edge[confidence = "CONFIRMED"]', style: { width: 4 } },
  { selector: 'edge[confidence = "REPORTED"]', style: { width: 3 } },
  { selector: 'edge[confidence = "CLAIMED"]', style: { width: 2, 'line-style': 'solid' } },
  { selector: 'edge[confidence = "RUMOURED"]', style: { width: 2, 'line-style': 'dotted', 'line-color': RUMOURED_COLOR, 'target-arrow-color': RUMOURED_COLOR } },
  { selector: 'edge[confidence = "DENIED"]', style: { width: 2, 'line-style': 'dashed', 'line-dash-pattern': [8, 4], 'line-color': DENIED_COLOR, 'target-arrow-color': DENIED_COLOR, 'target-arrow-shape': 'tee' } },
  { selector: 'edge[tier = "BACKGROUND"]', style: { opacity: 0.55 } },
  { selector: '.dimmed', style: { opacity: 0.15 } },
  { selector: '.highlight', style: { 'overlay-color': '#ffd600', 'overlay-opacity': 0.25, 'overlay-padding': 4 } },
  { selector: ':selected', style: { 'overlay-color': '#0d47a1', 'overlay-opacity': 0.3, 'overlay-padding': 5 } },
  { selector: '.future', style: { display: 'none' } },
];

export function createGraph(container) {
  const cytoscape = window.cytoscape;
  if (typeof cytoscape !== 'function') return null;
  if (window.cytoscapeFcose && !createGraph.registered) {
    cytoscape.use(window.cytoscapeFcose);
    if (window.cytoscapeSvg) cytoscape.use(window.cytoscapeSvg);
    createGraph.registered = true;
  }
  return cytoscape({
    container, style, elements: [], wheelSensitivity: 0.3, minZoom: 0.2, maxZoom: 3,
    boxSelectionEnabled: false, selectionType: 'single',
  });
}

/** Adds network nodes and edges (GraphQL shapes) that are not on the graph yet; returns how many were new. */
export function merge(cy, nodes, edges, classes = {}) {
  let added = 0;
  cy.batch(() => {
    for (const n of nodes) {
      const existing = cy.getElementById(n.key);
      if (existing.nonempty()) {
        if (classes[n.key]) existing.addClass(classes[n.key]);
        continue;
      }
      const e = n.entity ?? {};
      cy.add({
        group: 'nodes',
        data: { id: n.key, name: n.name, kind: n.kind, date: e.startDate ?? e.date ?? null, endDate: e.endDate ?? null, status: e.meetingStatus ?? e.proposalStatus ?? null },
        classes: classes[n.key] ?? '',
      });
      added++;
    }
    for (const r of edges) {
      const { fromKey, toKey, ...rest } = r;
      const data = { ...rest, color: typeColor(r.type), label: r.type.toLowerCase().replaceAll('_', ' ') };
      const existing = cy.getElementById(r.id);
      // A fact drawn before may have changed since (a live update): its provenance is refreshed in place.
      if (existing.nonempty()) { existing.data(data); continue; }
      if (cy.getElementById(fromKey).empty() || cy.getElementById(toKey).empty()) continue;
      cy.add({ group: 'edges', data: { ...data, source: fromKey, target: toKey } });
      added++;
    }
  });
  return added;
}

export function relayout(cy, animate = true) {
  const name = window.cytoscapeFcose ? 'fcose' : 'cose';
  cy.layout({ name, animate, animationDuration: 400, randomize: true, nodeRepulsion: 9000, idealEdgeLength: 110, padding: 30, fit: true }).run();
}

/** First day of a partial date (YYYY, YYYY-MM, YYYY-MM-DD) as YYYY-MM-DD, or null when there is none. */
export function firstDay(partial) {
  if (typeof partial !== 'string') return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(partial.trim());
  return m ? `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}` : null;
}

/**
 * "As of" a day: hides what began after it, judged client-side on the dates the API returns (fact dates, meeting start
 * dates, proposal dates), because paths and network take no date argument. A partial date counts from its first day,
 * so "2025-11" is kept as of 2025-11-01; undated facts and entities stay. Hidden edges of a hidden node follow it.
 * Returns how many elements are hidden.
 */
export function applyAsOf(cy, asOf) {
  cy.batch(() => {
    cy.elements().removeClass('future');
    if (!asOf) return;
    cy.elements().forEach(el => {
      const start = firstDay(el.data('date'));
      if (start && start > asOf) el.addClass('future');
    });
    cy.nodes('.future').connectedEdges().addClass('future');
  });
  return cy.elements('.future').length;
}

/** Removes what a change event says was deleted: relationships (type, from, to) and entities (key); returns how many. */
export function removeDeleted(cy, changes) {
  let removed = 0;
  for (const c of changes) {
    if (c?.operation !== 'DELETED') continue;
    const gone = c.type && c.from && c.to
      ? cy.edges().filter(e => e.data('type') === c.type && e.data('source') === c.from && e.data('target') === c.to)
      : c.key ? cy.getElementById(c.key) : cy.collection();
    removed += gone.length;
    gone.remove();
  }
  return removed;
}
