Feature: KgReadWrite - Reading what the same query wrote (project scenarios, TCK format)

  Scenario: [1] MATCH after CREATE sees the new node
    Given an empty graph
    When executing query:
      """
      CREATE (:Q {v: 1})
      WITH 1 AS one
      MATCH (m:Q)
      RETURN count(m) AS c
      """
    Then the result should be, in any order:
      | c |
      | 1 |
    And the side effects should be:
      | +nodes      | 1 |
      | +labels     | 1 |
      | +properties | 1 |

  Scenario: [2] SET from another property
    Given an empty graph
    And having executed:
      """
      CREATE ({a: 1}), ({a: 2})
      """
    When executing query:
      """
      MATCH (n)
      SET n.b = n.a + 1
      RETURN n.b AS b
      """
    Then the result should be, in any order:
      | b |
      | 2 |
      | 3 |
    And the side effects should be:
      | +properties | 2 |

  Scenario: [3] Updating a relationship property
    Given an empty graph
    And having executed:
      """
      CREATE ()-[:R {w: 1}]->()
      """
    When executing query:
      """
      MATCH ()-[r:R]->()
      SET r.w = r.w * 10
      RETURN r
      """
    Then the result should be, in any order:
      | r             |
      | [:R {w: 10}] |
    And the side effects should be:
      | +properties | 1 |
      | -properties | 1 |

  Scenario: [4] Cartesian product of two matches
    Given an empty graph
    And having executed:
      """
      CREATE (:A), (:A), (:B), (:B), (:B)
      """
    When executing query:
      """
      MATCH (a:A), (b:B)
      RETURN count(*) AS pairs, count(DISTINCT a) AS na, count(DISTINCT b) AS nb
      """
    Then the result should be, in any order:
      | pairs | na | nb |
      | 6     | 2  | 3  |
    And no side effects

  Scenario: [5] Filtering nulls out of an optional match with WITH
    Given an empty graph
    And having executed:
      """
      CREATE (:P {name: 'a'})-[:R]->(:P {name: 'b'})
      """
    When executing query:
      """
      MATCH (p:P)
      OPTIONAL MATCH (p)-[:R]->(q)
      WITH p, q
        WHERE q IS NOT NULL
      RETURN p.name AS p, q.name AS q
      """
    Then the result should be, in any order:
      | p   | q   |
      | 'a' | 'b' |
    And no side effects

  Scenario: [6] Deleting a relationship keeps its nodes
    Given an empty graph
    And having executed:
      """
      CREATE (:A)-[:R]->(:B)
      """
    When executing query:
      """
      MATCH ()-[r:R]->()
      DELETE r
      """
    Then the result should be empty
    And the side effects should be:
      | -relationships | 1 |
    When executing control query:
      """
      MATCH (n)
      RETURN count(n) AS c
      """
    Then the result should be, in any order:
      | c |
      | 2 |
