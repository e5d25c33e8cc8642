Feature: KgSchema - Constraints and indexes (project scenarios, TCK format)

  Scenario: [1] A unique constraint rejects a duplicate
    Given an empty graph
    And having executed:
      """
      CREATE CONSTRAINT u_k FOR (n:U) REQUIRE n.k IS UNIQUE
      """
    When executing query:
      """
      CREATE (:U {k: 1}), (:U {k: 1})
      """
    Then a ConstraintValidationFailed should be raised at runtime: *

  Scenario: [2] A failed query leaves nothing behind
    Given an empty graph
    And having executed:
      """
      CREATE CONSTRAINT u_k FOR (n:U) REQUIRE n.k IS UNIQUE
      """
    And having executed:
      """
      CREATE (:U {k: 1})
      """
    When executing query:
      """
      CREATE (:U {k: 2})
      WITH 1 AS one
      CREATE (:U {k: 1})
      """
    Then a ConstraintValidationFailed should be raised at runtime: *
    When executing control query:
      """
      MATCH (n:U)
      RETURN n.k AS k
      """
    Then the result should be, in any order:
      | k |
      | 1 |

  Scenario: [3] IF NOT EXISTS is idempotent and SHOW lists the index
    Given an empty graph
    And having executed:
      """
      CREATE INDEX idx_p IF NOT EXISTS FOR (n:P) ON (n.name)
      """
    When executing query:
      """
      CREATE INDEX idx_p IF NOT EXISTS FOR (n:P) ON (n.name)
      """
    Then the result should be empty
    When executing control query:
      """
      SHOW INDEXES YIELD name, labelsOrTypes, properties
      WHERE name = 'idx_p'
      RETURN name, labelsOrTypes, properties
      """
    Then the result should be, in any order:
      | name    | labelsOrTypes | properties |
      | 'idx_p' | ['P']         | ['name']   |

  Scenario: [4] Index lookup returns the same as a scan
    Given an empty graph
    And having executed:
      """
      CREATE INDEX FOR (n:P) ON (n.name)
      """
    And having executed:
      """
      UNWIND range(1, 50) AS i
      CREATE (:P {name: 'p' + toString(i % 10)})
      """
    When executing query:
      """
      MATCH (n:P {name: 'p3'})
      RETURN count(n) AS c
      """
    Then the result should be, in any order:
      | c |
      | 5 |
    And no side effects
