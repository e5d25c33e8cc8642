Feature: KgSemantics - Scoping, MERGE, subqueries, quantified paths and other semantics (project scenarios, TCK format)

  Scenario: [1] DISTINCT then ORDER BY a dropped variable
    Given any graph
    When executing query:
      """
      UNWIND [1, 2] AS x
      RETURN DISTINCT x % 2 AS y
      ORDER BY x
      """
    Then a SyntaxError should be raised at compile time: UndefinedVariable

  Scenario: [2] Aggregation then ORDER BY a dropped variable
    Given any graph
    When executing query:
      """
      UNWIND [1, 2] AS x
      RETURN count(*) AS c
      ORDER BY x
      """
    Then a SyntaxError should be raised at compile time: UndefinedVariable

  Scenario: [3] ORDER BY a pre-projection variable without aggregation
    Given any graph
    When executing query:
      """
      UNWIND [3, 1, 2] AS x
      WITH x AS y
        ORDER BY x DESC
      RETURN collect(y) AS ys
      """
    Then the result should be, in any order:
      | ys        |
      | [3, 2, 1] |
    And no side effects

  Scenario: [4] Slicing and indexing beyond bounds
    Given any graph
    When executing query:
      """
      RETURN [1, 2, 3][0..10] AS a, [][0] AS b, substring('abc', 5) AS c, left('abc', 10) AS d, split('abc', '') AS e
      """
    Then the result should be, in any order:
      | a         | b    | c  | d     | e               |
      | [1, 2, 3] | null | '' | 'abc' | ['a', 'b', 'c'] |
    And no side effects

  Scenario: [5] MERGE of a whole pattern creates all of it when it is not all there
    Given an empty graph
    And having executed:
      """
      CREATE (:A {id: 1})
      """
    When executing query:
      """
      MERGE (a:A {id: 1})-[:R]->(b:B {id: 2})
      """
    Then the result should be empty
    And the side effects should be:
      | +nodes         | 2 |
      | +relationships | 1 |
      | +labels        | 1 |
      | +properties    | 2 |

  Scenario: [6] Copying properties with SET =
    Given an empty graph
    And having executed:
      """
      CREATE (:A {x: 1, y: 2}), (:B {z: 3})
      """
    When executing query:
      """
      MATCH (a:A), (b:B)
      SET b = properties(a)
      RETURN b
      """
    Then the result should be, in any order:
      | b                   |
      | (:B {x: 1, y: 2}) |
    And the side effects should be:
      | +properties | 2 |
      | -properties | 1 |

  Scenario: [7] REMOVE of a missing property
    Given an empty graph
    And having executed:
      """
      CREATE (:A {x: 1})
      """
    When executing query:
      """
      MATCH (a:A)
      REMOVE a.missing
      RETURN a.x AS x
      """
    Then the result should be, in any order:
      | x |
      | 1 |
    And no side effects

  Scenario: [8] CALL subquery per row
    Given any graph
    When executing query:
      """
      UNWIND [1, 2, 3] AS x
      CALL {
        WITH x
        RETURN x * 2 AS y
      }
      RETURN sum(y) AS s
      """
    Then the result should be, in any order:
      | s  |
      | 12 |
    And no side effects

  Scenario: [9] Unit subquery that writes
    Given an empty graph
    When executing query:
      """
      UNWIND [1, 2] AS x
      CALL {
        WITH x
        CREATE (:U {x: x})
      }
      RETURN count(*) AS c
      """
    Then the result should be, in any order:
      | c |
      | 2 |
    And the side effects should be:
      | +nodes      | 2 |
      | +labels     | 1 |
      | +properties | 2 |

  Scenario: [10] Float division result
    Given any graph
    When executing query:
      """
      RETURN toFloat(1) / 3 AS r
      """
    Then the result should be, in any order:
      | r                  |
      | 0.3333333333333333 |
    And no side effects

  Scenario: [11] startNode and endNode
    Given an empty graph
    And having executed:
      """
      CREATE (:A)-[:R]->(:B)
      """
    When executing query:
      """
      MATCH (a)-[r]->(b)
      RETURN startNode(r) = a AS s, endNode(r) = b AS e, labels(startNode(r)) AS l
      """
    Then the result should be, in any order:
      | s    | e    | l     |
      | true | true | ['A'] |
    And no side effects

  Scenario: [12] SET = from maps in UNWIND
    Given an empty graph
    When executing query:
      """
      UNWIND [{a: 1}, {a: 2, b: null}] AS m
      CREATE (n:M)
      SET n = m
      """
    Then the result should be empty
    And the side effects should be:
      | +nodes      | 2 |
      | +labels     | 1 |
      | +properties | 2 |

  Scenario: [13] ORDER BY an expression
    Given any graph
    When executing query:
      """
      UNWIND [1, 3, 2] AS x
      RETURN x
      ORDER BY -x
      LIMIT 1
      """
    Then the result should be, in any order:
      | x |
      | 3 |
    And no side effects

  Scenario: [14] percentiles
    Given any graph
    When executing query:
      """
      UNWIND [10, 20, 30] AS x
      RETURN percentileDisc(x, 0.5) AS d, percentileCont(x, 0.25) AS c
      """
    Then the result should be, in any order:
      | d  | c    |
      | 20 | 15.0 |
    And no side effects

  Scenario: [15] EXISTS with a full MATCH and WHERE
    Given an empty graph
    And having executed:
      """
      CREATE (:P {name: 'a'})-[:R]->(:Q {v: 1}), (:P {name: 'b'})-[:R]->(:Q {v: 5})
      """
    When executing query:
      """
      MATCH (p:P)
      WHERE EXISTS { MATCH (p)-[:R]->(q) WHERE q.v > 2 }
      RETURN p.name AS name
      """
    Then the result should be, in any order:
      | name |
      | 'b'  |
    And no side effects

  Scenario: [16] Quantified path pattern with a fixed count
    Given an empty graph
    And having executed:
      """
      CREATE (:N {i: 1})-[:T]->(:N {i: 2})-[:T]->(:N {i: 3})-[:T]->(:N {i: 4})
      """
    When executing query:
      """
      MATCH (a:N {i: 1})-[:T]->{2}(b)
      RETURN b.i AS i
      """
    Then the result should be, in any order:
      | i |
      | 3 |
    And no side effects

  Scenario: [17] Quantified path pattern with a group
    Given an empty graph
    And having executed:
      """
      CREATE (:N {i: 1})-[:T]->(:N {i: 2})-[:T]->(:N {i: 3})-[:T]->(:N {i: 4})
      """
    When executing query:
      """
      MATCH (a:N {i: 1}) ((x)-[:T]->(y)){1,3} (b)
      RETURN b.i AS i, size(x) AS n
      """
    Then the result should be, in any order:
      | i | n |
      | 2 | 1 |
      | 3 | 2 |
      | 4 | 3 |
    And no side effects
