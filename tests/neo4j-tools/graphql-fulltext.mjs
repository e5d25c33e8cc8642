// Judge: @neo4j/graphql's @fulltext (db.index.fulltext.queryNodes behind a generated query), default settings.
// Creates the fulltext index it needs first; a server without CREATE FULLTEXT INDEX fails here with that message.
// Usage: node graphql-fulltext.mjs <bolt-url> <user> <password>
import { Neo4jGraphQL } from '@neo4j/graphql';
import { graphql } from 'graphql';
import { assert, connect, cypher, runBattery } from './lib.mjs';

const driver = connect();
try {
  await cypher(driver, 'CREATE FULLTEXT INDEX personText IF NOT EXISTS FOR (n:Person) ON EACH [n.name, n.description]');
} catch (e) {
  console.log(`FAIL CREATE FULLTEXT INDEX is not supported by this server: ${e.code ?? ''} ${e.message}`);
  console.log('@neo4j/graphql @fulltext: 0 passed, 1 failed');
  await driver.close();
  process.exit(1);
}

const typeDefs = /* GraphQL */ `
  type Person @node @fulltext(indexes: [{ indexName: "personText", queryName: "peopleByText", fields: ["name", "description"] }]) {
    key: String!
    name: String!
    description: String
    citizenOf: [Country!]! @relationship(type: "CITIZEN_OF", direction: OUT)
  }
  type Country @node {
    key: String!
    name: String!
  }
`;
const neoSchema = new Neo4jGraphQL({ typeDefs, driver });
const schema = await neoSchema.getSchema();
async function gql(source, variableValues = {}) {
  const result = await graphql({ schema, source, variableValues, contextValue: {} });
  if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.data;
}
const [word] = (await cypher(driver, "MATCH (p:Person) RETURN split(p.name, ' ')[-1] AS v ORDER BY p.name LIMIT 1")).map((r) => r.v);
const direct = async (phrase) =>
  (await cypher(driver, "CALL db.index.fulltext.queryNodes('personText', $p) YIELD node, score RETURN node.name AS name, score ORDER BY score DESC, name", { p: phrase }));

const ops = [];
const op = (name, run) => ops.push({ name, run });
op('assertIndexesAndConstraints finds the fulltext index', () => neoSchema.assertIndexesAndConstraints());
op('fulltext query with scores', async () => {
  const data = await gql('query($p: String!) { peopleByText(phrase: $p) { edges { score node { name } } } }', { p: word });
  const expected = await direct(word);
  assert.ok(expected.length > 0, `nothing found for ${word}`);
  assert.deepEqual(data.peopleByText.edges.map((e) => e.node.name).sort(), expected.map((r) => r.name).sort());
  for (const e of data.peopleByText.edges) assert.ok(e.score > 0);
});
op('fulltext query sorted by score', async () => {
  const data = await gql('query($p: String!) { peopleByText(phrase: $p, sort: [{ score: DESC }]) { edges { score node { name } } } }', { p: word });
  const scores = data.peopleByText.edges.map((e) => e.score);
  assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
});
op('fulltext query with a filter', async () => {
  const data = await gql('query($p: String!) { peopleByText(phrase: $p, where: { node: { name: { contains: "a" } } }) { edges { node { name } } } }', { p: word });
  const expected = (await direct(word)).filter((r) => r.name.includes('a')).map((r) => r.name);
  assert.deepEqual(data.peopleByText.edges.map((e) => e.node.name).sort(), expected.sort());
});
op('fulltext query finds nothing for an absent word', async () => {
  const data = await gql('{ peopleByText(phrase: "zzzzqqqq") { edges { node { name } } } }');
  assert.equal(data.peopleByText.edges.length, 0);
});

const ok = await runBattery("@neo4j/graphql @fulltext", ops, 5);
await driver.close();
process.exit(ok ? 0 : 1);
