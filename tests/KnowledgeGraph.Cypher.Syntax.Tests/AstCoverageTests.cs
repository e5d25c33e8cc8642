using System.Collections;
using System.Reflection;
using KnowledgeGraph.Cypher.Syntax.Ast;
using Xunit;

namespace KnowledgeGraph.Cypher.Syntax.Tests;

/// <summary>Every kind of AST node is produced by the parser and survives printing, for a corpus covering the language.</summary>
public sealed class AstCoverageTests
{
    internal static readonly string[] Corpus =
    [
        "EXPLAIN MATCH (a:A|B&!C:%)-[r:T|U*1..3 {w: 1} WHERE r.x > 0]->(b WHERE b.y IS NOT NULL) USING INDEX a:A(key) USING SCAN b:B USING JOIN ON a WHERE (a)-->(b) AND a:A RETURN DISTINCT a.x AS x ORDER BY x DESC SKIP 1 LIMIT $l",
        "OPTIONAL MATCH p = SHORTEST 2 (s) ((x)-[:T]->(y) WHERE x.v < y.v){1,3} (e)-[:U]-+(f) RETURN p",
        "MATCH p = shortestPath((a)-[*]-(b)) WITH p, allShortestPaths((a)-[*..3]-(b)) AS q WHERE length(p) > 1 RETURN *",
        "UNWIND [1, 2.5, 'x', true, null, {k: [1]}] AS v RETURN v[0], v[1..2], v IS :: INTEGER, -v, +v, NOT v, v IS NULL",
        "RETURN CASE WHEN $a THEN 1 ELSE 2 END, [x IN l WHERE x > 1 | x], [(n)-->(m) | m], all(x IN l WHERE x), reduce(s = 0, x IN l | s + x), count(*), count(DISTINCT y)",
        "MATCH (n) RETURN n {.a, .*, k: 1, v}, EXISTS { (n)-->() }, COUNT { MATCH (n)-->(m) RETURN m }, COLLECT { MATCH (n)-->(m) RETURN m.x }",
        "CREATE (a:A {x: 1})-[:T]->(b) MERGE (a)-[:U]->(c) ON CREATE SET c.x = 1, c = {y: 2}, c += $p, c:L, c['k'] = 3 ON MATCH SET c.seen = true",
        "MATCH (n) REMOVE n.x, n:L, n['k'] DETACH DELETE n",
        "MATCH (n) SET n.x = 1 DELETE n",
        "FOREACH (x IN [1] | CREATE ({v: x}))",
        "CALL db.labels() YIELD label AS l WHERE l <> '' RETURN l UNION ALL CALL db.labels() YIELD label AS l RETURN l",
        "CALL db.labels",
        "MATCH (n) CALL (n) { MATCH (n)-->(m) RETURN m } IN TRANSACTIONS OF 10 ROWS ON ERROR CONTINUE REPORT STATUS AS s RETURN m, s",
        "MATCH (n) OPTIONAL CALL { WITH n RETURN 1 AS one } FINISH",
        "CREATE INDEX idx IF NOT EXISTS FOR (n:L) ON (n.p)",
        "DROP INDEX idx IF EXISTS",
        "CREATE CONSTRAINT c FOR (n:L) REQUIRE n.p IS UNIQUE",
        "DROP CONSTRAINT c",
        "SHOW CONSTRAINTS",
        "SHOW TRANSACTIONS 'neo4j-transaction-1', $ids YIELD transactionId, currentQuery WHERE currentQuery <> '' RETURN transactionId",
        "TERMINATE TRANSACTIONS 'neo4j-transaction-1' YIELD transactionId, message RETURN message",
        "LOAD CSV WITH HEADERS FROM $url AS row FIELDTERMINATOR ';' RETURN row.name, linenumber(), file()",
    ];

    private static void Collect(object? node, HashSet<Type> seen)
    {
        switch (node)
        {
            case null or string:
                return;
            case AstNode ast:
                seen.Add(ast.GetType());
                foreach (var property in ast.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    if (property.GetIndexParameters().Length == 0 && property.Name != "EqualityContract")
                    {
                        Collect(property.GetValue(ast), seen);
                    }
                }

                return;
            case IEnumerable list:
                foreach (var item in list)
                {
                    Collect(item, seen);
                }

                return;
        }
    }

    [Fact]
    public void Corpus_Should_ProduceEveryNodeType_When_Parsed()
    {
        var seen = new HashSet<Type>();
        foreach (var q in Corpus)
        {
            var statement = CypherParser.Parse(q);
            Collect(statement, seen);
            var reparsed = CypherParser.Parse(CypherPrinter.Print(statement)) with { Text = statement.Text };
            Assert.Equal(statement, reparsed);
        }

        var all = typeof(AstNode).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(AstNode)) && !t.IsAbstract).ToList();
        var missing = all.Where(t => !seen.Contains(t)).Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "Never produced: " + string.Join(", ", missing));
    }
}
