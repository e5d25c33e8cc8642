// Live updates over GraphQL subscriptions, protocol graphql-transport-ws (the one graphql-ws, Apollo and Banana Cake
// Pop speak) on the same /graphql endpoint. Feature check first: the schema must have a subscription type with the
// fields below (asked by introspection, so an API without subscriptions costs no failed socket); otherwise, or when
// the server refuses the socket or the subscription, the page says "live updates unavailable" and keeps working.

import { gql } from './api.js';

/** Subscription fields the explorer listens to; any event of them refreshes what is on screen. */
export const LIVE_FIELDS = ['relationshipChanged', 'entityChanged'];

const INTROSPECT = `query LiveFeature {
  __schema { subscriptionType { fields { name args { name type { kind } } type { kind name ofType { kind name ofType { kind name } } } } } }
}`;

const FIELDS_OF = `query LivePayload($name: String!) {
  __type(name: $name) { fields { name args { name } type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } }
}`;

function named(type) {
  while (type?.ofType) type = type.ofType;
  return type;
}

/**
 * The scalar fields of a payload type, and those of its object fields down to `depth` more levels (an event's
 * `sequence` and its `changes { operation type from to key … }`), so the page can tell whether a change concerns
 * what is on screen. Fields with arguments are left out.
 */
async function selectionOf(typeName, depth) {
  const payload = await gql(FIELDS_OF, { name: typeName });
  const parts = ['__typename'];
  for (const f of payload.__type?.fields ?? []) {
    // Whole property maps before and after a change are not needed to decide what to refresh.
    if (f.args.length || f.name === 'before' || f.name === 'after') continue;
    const t = named(f.type);
    if (t.kind === 'SCALAR' || t.kind === 'ENUM') parts.push(f.name);
    else if (t.kind === 'OBJECT' && depth > 0) parts.push(`${f.name} { ${await selectionOf(t.name, depth - 1)} }`);
  }
  return parts.join(' ');
}

/** The subscription document: each available field with no required argument, with its scalar payload fields. */
async function subscriptionDocument() {
  const data = await gql(INTROSPECT);
  const fields = data.__schema.subscriptionType?.fields ?? [];
  const chosen = fields.filter(f => LIVE_FIELDS.includes(f.name) && !f.args.some(a => a.type.kind === 'NON_NULL'));
  if (chosen.length === 0) return null;
  const parts = [];
  for (const f of chosen) {
    const type = named(f.type);
    if (type.kind === 'SCALAR' || type.kind === 'ENUM') { parts.push(f.name); continue; }
    const selection = type.kind === 'OBJECT' ? await selectionOf(type.name, 1) : '__typename';
    parts.push(`${f.name} { ${selection} }`);
  }
  // graphql-transport-ws allows one root field per subscription operation: one operation per field.
  return parts.map((p, i) => ({ id: `live-${i}`, query: `subscription Live${i} { ${p} }` }));
}

/**
 * Starts listening. onEvent(fieldName, payload) is called for every event; onStatus(state, detail) with
 * 'connecting' | 'live' | 'unavailable' | 'reconnecting'. Returns a stop function.
 */
export function startLive({ onEvent, onStatus }) {
  let socket = null;
  let stopped = false;
  let attempts = 0;
  let operations = null;

  const unavailable = detail => { onStatus('unavailable', detail); };

  async function open() {
    if (stopped) return;
    if (!('WebSocket' in window)) return unavailable('this browser has no WebSocket');
    try {
      operations ??= await subscriptionDocument();
    } catch (e) {
      return unavailable(`the API did not answer the feature check (${e.message})`);
    }
    if (!operations) return unavailable('the API offers no subscriptions');
    onStatus(attempts === 0 ? 'connecting' : 'reconnecting');
    const url = new URL('../graphql', document.baseURI);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    let acked = false;
    const ws = new WebSocket(url, 'graphql-transport-ws');
    socket = ws;
    const ackTimer = setTimeout(() => { if (!acked) ws.close(4408, 'Connection initialisation timeout'); }, 8000);
    ws.onopen = () => {
      if (ws.protocol !== 'graphql-transport-ws') { ws.close(1000); return; }
      ws.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    };
    ws.onmessage = message => {
      let m;
      try { m = JSON.parse(message.data); } catch { return; }
      switch (m.type) {
        case 'connection_ack':
          acked = true;
          // After a reconnect, what happened meanwhile was missed: the page asks again for what is on screen.
          if (attempts > 0) onEvent('reconnected', null);
          attempts = 0;
          clearTimeout(ackTimer);
          for (const op of operations) ws.send(JSON.stringify({ id: op.id, type: 'subscribe', payload: { query: op.query } }));
          onStatus('live');
          break;
        case 'ping':
          ws.send(JSON.stringify({ type: 'pong' }));
          break;
        case 'next': {
          const data = m.payload?.data ?? {};
          for (const [field, payload] of Object.entries(data)) onEvent(field, payload);
          break;
        }
        case 'error':
          stopped = true;
          ws.close(1000);
          unavailable(`the server refused the subscription (${(m.payload ?? []).map(e => e.message).join('; ')})`);
          break;
        default:
          break;
      }
    };
    ws.onclose = event => {
      clearTimeout(ackTimer);
      if (stopped) return;
      if (!acked) return unavailable(`the server refused the connection (close ${event.code}${event.reason ? `: ${event.reason}` : ''})`);
      // A dropped live connection retries a few times with back-off; the page itself keeps working meanwhile.
      if (++attempts > 5) return unavailable('the connection was lost');
      onStatus('reconnecting');
      setTimeout(open, 500 * 2 ** attempts);
    };
  }

  open();
  return () => { stopped = true; socket?.close(1000); };
}
