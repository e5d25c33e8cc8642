// The explorer's only server: the public GraphQL endpoint of the service that served the page (same origin).
// Every user value travels as a GraphQL variable, never spliced into the document.

const endpoint = new URL('../graphql', document.baseURI).href;

export class GraphQLError extends Error {}

export async function gql(query, variables = {}) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
  });
  let body;
  try {
    body = await response.json();
  } catch {
    throw new GraphQLError(`The API answered ${response.status} without JSON.`);
  }
  if (body.errors?.length) throw new GraphQLError(body.errors.map(e => e.message).join('; '));
  if (!response.ok) throw new GraphQLError(`The API answered ${response.status}.`);
  return body.data;
}

// What an edge carries everywhere (network edges, path hops, mediator evidence): its type and its provenance.
const provenance = 'confidence tier chains origins independentSources sources document quote date supportedBy contradictedBy note role status stance';
const nodeFields = 'key name kind entity { ... on Meeting { startDate endDate meetingStatus: status } ... on Proposal { date proposalStatus: status } }';

export const SEARCH = `query Search($text: String!) {
  searchPage(text: $text, first: 12) { edges { score matched node { key name kind aliases description } } }
}`;

export const PATHS = `query Paths($from: String!, $to: String!, $minConfidence: Confidence, $includeDenied: Boolean, $includeBackground: Boolean, $maxHops: Int) {
  paths(from: $from, to: $to, first: 10, minConfidence: $minConfidence, includeDenied: $includeDenied, includeBackground: $includeBackground, maxHops: $maxHops) {
    totalCount
    nodes { score confidence length explanation nodes { key name } }
    network { nodes { ${nodeFields} } edges { id type fromKey toKey ${provenance} } }
  }
  mediators(between: $from, and: $to, minConfidence: $minConfidence, includeDenied: $includeDenied, includeBackground: $includeBackground, first: 8) {
    entity { key name kind }
    score
    evidence { kind weight via { key name kind } relationship { id type from { key name kind } to { key name kind } ${provenance} } }
  }
}`;

export const NEIGHBOURHOOD = `query Neighbourhood($key: String!, $minConfidence: Confidence, $includeDenied: Boolean, $includeBackground: Boolean) {
  network(keys: [$key], hops: 1, maxNodes: 30, minConfidence: $minConfidence, includeDenied: $includeDenied, includeBackground: $includeBackground) {
    nodes { ${nodeFields} }
    edges { id type fromKey toKey ${provenance} }
  }
}`;

export const ENTITY = `query Entity($key: String!) {
  entity(key: $key) {
    key name kind aliases description
    sources { key name }
    ... on Meeting { startDate endDate meetingStatus: status facts(first: 20) { nodes { property value confidence chains sources { key name } quote } } }
    ... on Proposal { date proposalStatus: status pointCount facts(first: 20) { nodes { property value confidence chains sources { key name } quote } } }
  }
  relationships(between: $key, first: 40) {
    totalCount
    nodes { type from { key name } to { key name } ${provenance} }
  }
}`;

/** One request naming many entities (report-chain origins, sources): aliased entity lookups, keys as variables. */
export function namesQuery(keys) {
  const vars = keys.map((_, i) => `$k${i}: String!`).join(', ');
  const fields = keys.map((_, i) => `e${i}: entity(key: $k${i}) { key name }`).join('\n  ');
  const variables = Object.fromEntries(keys.map((k, i) => [`k${i}`, k]));
  return { query: `query Names(${vars}) {\n  ${fields}\n}`, variables };
}
