Feature: KgReturnOrder - RETURN, ORDER BY, SKIP, LIMIT, UNION (project scenarios, TCK format)

  Scenario: [1] Nulls sort last ascending
    Given any graph
    When executing query:
      """
      UNWIND [3, null, 1] AS x
      RETURN x
      ORDER BY x
      """
    Then the result should be, in order:
      | x    |
      | 1    |
      | 3    |
      | null |
    And no side effects

  Scenario: [2] Nulls sort first descending
    Given any graph
    When executing query:
      """
      UNWIND [3, null, 1] AS x
      RETURN x
      ORDER BY x DESC
      """
    Then the result should be, in order:
      | x    |
      | null |
      | 3    |
      | 1    |
    And no side effects

  Scenario: [3] Values of different types sort by type
    Given any graph
    When executing query:
      """
      UNWIND [1, 'a', true, [1]] AS x
      RETURN x
      ORDER BY x
      """
    Then the result should be, in order:
      | x    |
      | [1]  |
      | 'a'  |
      | true |
      | 1    |
    And no side effects

  Scenario: [4] SKIP and LIMIT from parameters
    Given any graph
    And parameters are:
      | s | 1 |
      | l | 2 |
    When executing query:
      """
      UNWIND range(1, 5) AS x
      RETURN x
      ORDER BY x
      SKIP $s
      LIMIT $l
      """
    Then the result should be, in order:
      | x |
      | 2 |
      | 3 |
    And no side effects

  Scenario: [5] An unaliased expression is named by its text
    Given any graph
    When executing query:
      """
      RETURN 1 + 2, 'x' AS y
      """
    Then the result should be, in any order:
      | 1 + 2 | y   |
      | 3     | 'x' |
    And no side effects

  Scenario: [6] Order by a property that is not returned
    Given an empty graph
    And having executed:
      """
      CREATE (:P {name: 'a', age: 30}), (:P {name: 'b', age: 40}), (:P {name: 'c', age: 20})
      """
    When executing query:
      """
      MATCH (n:P)
      RETURN n.name AS name
      ORDER BY n.age DESC
      """
    Then the result should be, in order:
      | name |
      | 'b'  |
      | 'a'  |
      | 'c'  |
    And no side effects

  Scenario: [7] Several sort keys with mixed directions
    Given any graph
    When executing query:
      """
      UNWIND [[1, 'b'], [1, 'a'], [0, 'z']] AS p
      RETURN p[0] AS a, p[1] AS b
      ORDER BY a, b DESC
      """
    Then the result should be, in order:
      | a | b   |
      | 0 | 'z' |
      | 1 | 'b' |
      | 1 | 'a' |
    And no side effects

  Scenario: [8] LIMIT 0 returns nothing
    Given any graph
    When executing query:
      """
      UNWIND [1, 2] AS x
      RETURN x
      LIMIT 0
      """
    Then the result should be empty
    And no side effects

  Scenario: [9] UNION removes duplicates, UNION ALL keeps them
    Given any graph
    When executing query:
      """
      UNWIND [1, 2] AS x
      RETURN x
      UNION
      UNWIND [2, 3] AS x
      RETURN x
      """
    Then the result should be, in any order:
      | x |
      | 1 |
      | 2 |
      | 3 |
    And no side effects

  Scenario: [10] UNION ALL keeps duplicates
    Given any graph
    When executing query:
      """
      RETURN 1 AS x
      UNION ALL
      RETURN 1 AS x
      """
    Then the result should be, in any order:
      | x |
      | 1 |
      | 1 |
    And no side effects

  Scenario: [11] DISTINCT over nodes
    Given an empty graph
    And having executed:
      """
      CREATE (a:A {name: 'a'})-[:R]->(:B), (a)-[:R]->(:B)
      """
    When executing query:
      """
      MATCH (a:A)-[:R]->()
      RETURN DISTINCT a
      """
    Then the result should be, in any order:
      | a                  |
      | (:A {name: 'a'}) |
    And no side effects
