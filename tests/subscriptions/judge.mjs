// A subscription client for the tests: the graphql-ws (graphql-transport-ws) or graphql-sse client library,
// subscribing once and reporting what it receives as JSON lines on stdout:
//   {"type":"ready"}  the server has registered the subscription (ws: a pong answered a ping sent after subscribe;
//                     sse: the stream's response arrived)
//   {"type":"next","payload":{...}} | {"type":"error","error":...} | {"type":"complete"} | {"type":"closed","code":N,"reason":"..."}
// Usage: node judge.mjs <ws|sse> <http url of /graphql> <query> [variables json] [options json]
//   options: {"count": N (exit after N next), "timeoutMs": N, "slow": true (stop reading the socket until a line
//   "resume" arrives on stdin), "initPayload": {...}, "raw": true (ws: send the query without a connection_init)}
import { createClient as createWsClient } from 'graphql-ws';
import { createClient as createSseClient } from 'graphql-sse';
import WebSocket from 'ws';
import readline from 'node:readline';

const [transport, url, query, variablesJson, optionsJson] = process.argv.slice(2);
const variables = variablesJson ? JSON.parse(variablesJson) : {};
const options = optionsJson ? JSON.parse(optionsJson) : {};
const count = options.count ?? Infinity;
let received = 0;
let sockets = [];

const say = (msg) => process.stdout.write(JSON.stringify(msg) + '\n');
const finish = (code = 0) => { setTimeout(() => process.exit(code), 50); };
setTimeout(() => { say({ type: 'timeout' }); finish(0); }, options.timeoutMs ?? 20000);

const stdin = readline.createInterface({ input: process.stdin });
stdin.on('line', (line) => {
  if (line.trim() === 'resume') for (const s of sockets) s._socket?.resume();
});

const sink = {
  next: (payload) => {
    received++;
    say({ type: 'next', payload });
    if (received >= count) finish(0);
  },
  error: (error) => {
    if (error && typeof error === 'object' && 'code' in error && 'reason' in error) say({ type: 'closed', code: error.code, reason: error.reason });
    else say({ type: 'error', error: Array.isArray(error) ? error : { message: String(error?.message ?? error) } });
    finish(0);
  },
  complete: () => { say({ type: 'complete' }); finish(0); },
};

if (transport === 'ws') {
  class TrackedWebSocket extends WebSocket {
    constructor(...args) {
      super(...args);
      sockets.push(this);
    }
  }
  let subscribed = false;
  let pongsAfterSubscribe = 0;
  const client = createWsClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: TrackedWebSocket,
    connectionParams: options.initPayload,
    keepAlive: 100,
    retryAttempts: 0,
    lazy: false,
    on: {
      pong: () => {
        if (!subscribed) return;
        if (++pongsAfterSubscribe === 2) {
          say({ type: 'ready' });
          if (options.slow) for (const s of sockets) s._socket?.pause();
        }
      },
      closed: (event) => say({ type: 'closed', code: event.code, reason: event.reason }),
    },
  });
  client.on('connected', () => {
    if (subscribed) return;
    subscribed = true;
    client.subscribe({ query, variables }, sink);
  });
} else {
  const client = createSseClient({ url, retryAttempts: 0, headers: options.headers ?? {} });
  client.subscribe({ query, variables }, sink, { connected: () => say({ type: 'ready' }) });
}
