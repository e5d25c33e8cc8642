// Exports of what is on screen: PNG and SVG pictures (Cytoscape and its SVG extension draw them), and the displayed
// subgraph as GraphML, Cytoscape JSON and Mermaid, generated here from the visible elements.

const NODE_KEYS = ['name', 'kind', 'date', 'status'];
const EDGE_KEYS = ['type', 'confidence', 'tier', 'date', 'independentSources', 'sources', 'chains', 'origins', 'document', 'quote'];

function visible(cy) {
  return { nodes: cy.nodes(':visible'), edges: cy.edges(':visible') };
}

function xml(text) {
  return String(text).replace(/[<>&"']/g, c => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' }[c]))
    // XML 1.0 forbids most control characters even escaped.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

function value(v) {
  return Array.isArray(v) ? v.join(' | ') : v;
}

export function toGraphML(cy) {
  const { nodes, edges } = visible(cy);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...NODE_KEYS.map(k => `  <key id="n_${k}" for="node" attr.name="${k}" attr.type="string"/>`),
    ...EDGE_KEYS.map(k => `  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="${k === 'independentSources' ? 'int' : 'string'}"/>`),
    '  <graph id="knowledgegraph" edgedefault="directed">',
  ];
  nodes.forEach(n => {
    lines.push(`    <node id="${xml(n.id())}">`);
    for (const k of NODE_KEYS) if (n.data(k) != null) lines.push(`      <data key="n_${k}">${xml(value(n.data(k)))}</data>`);
    lines.push('    </node>');
  });
  edges.forEach(e => {
    lines.push(`    <edge id="${xml(e.id())}" source="${xml(e.data('source'))}" target="${xml(e.data('target'))}">`);
    for (const k of EDGE_KEYS) if (e.data(k) != null) lines.push(`      <data key="e_${k}">${xml(value(e.data(k)))}</data>`);
    lines.push('    </edge>');
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

/** Cytoscape.js's own elements JSON (what cy.json() and cytoscape({ elements }) take), visible elements only. */
export function toCytoscapeJson(cy) {
  const { nodes, edges } = visible(cy);
  const strip = ({ color, label, ...data }) => data;
  return JSON.stringify({
    format_version: '1.0',
    generated_by: 'KnowledgeGraph explorer',
    target_cytoscapejs_version: '~3',
    elements: {
      nodes: nodes.map(n => ({ data: strip(n.data()), position: n.position(), classes: n.classes().filter(c => c !== 'highlight') })),
      edges: edges.map(e => ({ data: strip(e.data()) })),
    },
  }, null, 2);
}

const MERMAID_SHAPE = {
  COUNTRY: ['(', ')'], PERSON: ['([', '])'], ORGANIZATION: ['{{', '}}'], MEETING: ['{', '}'],
  PROPOSAL: ['>', ']'], PLACE: ['[/', '/]'], CONFLICT: ['[[', ']]'],
};

function mermaidText(text) {
  // Inside "…" Mermaid takes entity codes; quotes and angle brackets are the characters that break a label.
  return String(text).replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;').replace(/[\r\n]+/g, ' ');
}

/** A Mermaid flowchart; denied and rumoured facts are dotted links, and each link says its confidence. */
export function toMermaid(cy) {
  const { nodes, edges } = visible(cy);
  const ids = new Map();
  const lines = ['flowchart LR'];
  nodes.forEach(n => {
    const id = `n${ids.size}`;
    ids.set(n.id(), id);
    const [open, close] = MERMAID_SHAPE[n.data('kind')] ?? ['[', ']'];
    lines.push(`  ${id}${open}"${mermaidText(n.data('name'))}"${close}`);
  });
  edges.forEach(e => {
    const from = ids.get(e.data('source'));
    const to = ids.get(e.data('target'));
    if (!from || !to) return;
    const confidence = (e.data('confidence') ?? 'unknown').toLowerCase();
    const arrow = confidence === 'denied' || confidence === 'rumoured' ? '-.->' : confidence === 'confirmed' ? '==>' : '-->';
    lines.push(`  ${from} ${arrow}|"${mermaidText(`${e.data('type')} (${confidence})`)}"| ${to}`);
  });
  return lines.join('\n') + '\n';
}

export function pngBlob(cy) {
  return cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' });
}

export function svgText(cy) {
  if (typeof cy.svg !== 'function') throw new Error('The SVG exporter (cytoscape-svg) was not built.');
  return cy.svg({ full: true, scale: 1, bg: '#ffffff' });
}

export function download(name, content, type) {
  const blob = content instanceof Blob ? content : new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
