Feature: KgSubqueries - Subqueries, comprehensions, projections, CASE (project scenarios, TCK format)

  Background:
    Given an empty graph
    And having executed:
      """
      CREATE (a:P {name: 'a'})-[:KNOWS]->(b:P {name: 'b'}),
             (a)-[:KNOWS]->(c:P {name: 'c'}),
             (b)-[:KNOWS]->(c)
      """

  Scenario: [1] COUNT subquery
    When executing query:
      """
      MATCH (p:P)
      RETURN p.name AS name, COUNT { (p)-[:KNOWS]->() } AS n
      """
    Then the result should be, in any order:
      | name | n |
      | 'a'  | 2 |
      | 'b'  | 1 |
      | 'c'  | 0 |
    And no side effects

  Scenario: [2] EXISTS subquery in WHERE
    When executing query:
      """
      MATCH (p:P)
      WHERE EXISTS { (p)<-[:KNOWS]-() }
      RETURN p.name AS name
      """
    Then the result should be, in any order:
      | name |
      | 'b'  |
      | 'c'  |
    And no side effects

  Scenario: [3] COLLECT subquery
    When executing query:
      """
      MATCH (p:P {name: 'a'})
      RETURN COLLECT { MATCH (p)-[:KNOWS]->(f) RETURN f.name } AS names
      """
    Then the result should be (ignoring element order for lists):
      | names      |
      | ['b', 'c'] |
    And no side effects

  Scenario: [4] Pattern comprehension
    When executing query:
      """
      MATCH (p:P {name: 'a'})
      RETURN [(p)-[:KNOWS]->(f) | f.name] AS names
      """
    Then the result should be (ignoring element order for lists):
      | names      |
      | ['b', 'c'] |
    And no side effects

  Scenario: [5] CALL subquery with an importing WITH runs once per row
    When executing query:
      """
      MATCH (p:P)
      CALL {
        WITH p
        MATCH (p)-[:KNOWS]->(f)
        RETURN count(f) AS n
      }
      RETURN p.name AS name, n
      """
    Then the result should be, in any order:
      | name | n |
      | 'a'  | 2 |
      | 'b'  | 1 |
      | 'c'  | 0 |
    And no side effects

  Scenario: [6] Map projection
    When executing query:
      """
      MATCH (p:P {name: 'a'})
      RETURN p {.name, k: 1} AS m
      """
    Then the result should be, in any order:
      | m                  |
      | {name: 'a', k: 1} |
    And no side effects

  Scenario: [7] Simple and generic CASE
    When executing query:
      """
      UNWIND [1, 2, 3] AS x
      RETURN CASE x WHEN 1 THEN 'one' WHEN 2 THEN 'two' ELSE 'many' END AS s,
             CASE WHEN x > 2 THEN 'big' END AS b
      """
    Then the result should be, in any order:
      | s      | b     |
      | 'one'  | null  |
      | 'two'  | null  |
      | 'many' | 'big' |
    And no side effects

  Scenario: [8] Aggregation after WITH and filtering on the aggregate
    When executing query:
      """
      MATCH (p:P)-[:KNOWS]->(f)
      WITH p, count(f) AS n
        WHERE n > 1
      RETURN p.name AS name, n
      """
    Then the result should be, in any order:
      | name | n |
      | 'a'  | 2 |
    And no side effects

  Scenario: [9] A variable is out of scope after WITH drops it
    When executing query:
      """
      WITH 1 AS a
      WITH 2 AS b
      RETURN a
      """
    Then a SyntaxError should be raised at compile time: UndefinedVariable

  Scenario: [10] WITH DISTINCT
    When executing query:
      """
      MATCH (:P)-[:KNOWS]->(f)
      WITH DISTINCT f
      RETURN count(*) AS c
      """
    Then the result should be, in any order:
      | c |
      | 2 |
    And no side effects
