Feature: KgWithMore - Projections, grouping, SKIP/LIMIT and UNION rules (project scenarios, TCK format)

  Scenario: [1] SKIP takes a constant expression
    Given any graph
    When executing query:
      """
      UNWIND range(1, 5) AS x
      RETURN x
      ORDER BY x
      SKIP toInteger(ceil(1.5))
      LIMIT 1
      """
    Then the result should be, in order:
      | x |
      | 3 |
    And no side effects

  Scenario: [2] UNION and UNION ALL cannot be mixed
    Given any graph
    When executing query:
      """
      RETURN 1 AS a
      UNION
      RETURN 2 AS a
      UNION ALL
      RETURN 3 AS a
      """
    Then a SyntaxError should be raised at compile time: InvalidClauseComposition

  Scenario: [3] ORDER BY and LIMIT in WITH before aggregating
    Given any graph
    When executing query:
      """
      UNWIND [5, 3, 1, 4] AS x
      WITH x ORDER BY x DESC LIMIT 2
      RETURN collect(x) AS xs
      """
    Then the result should be, in any order:
      | xs     |
      | [5, 4] |
    And no side effects

  Scenario: [4] Re-binding a name in WITH
    Given any graph
    When executing query:
      """
      WITH 1 AS x
      WITH x + 1 AS x
      RETURN x
      """
    Then the result should be, in any order:
      | x |
      | 2 |
    And no side effects

  Scenario: [5] RETURN DISTINCT with an aggregate
    Given any graph
    When executing query:
      """
      UNWIND [1, 1, 2] AS x
      RETURN DISTINCT x, count(*) AS c
      """
    Then the result should be, in any order:
      | x | c |
      | 1 | 2 |
      | 2 | 1 |
    And no side effects

  Scenario: [6] An expression as grouping key
    Given any graph
    When executing query:
      """
      UNWIND [1, 2, 3, 4] AS x
      RETURN x % 2 = 0 AS even, sum(x) AS s
      """
    Then the result should be, in any order:
      | even  | s |
      | false | 4 |
      | true  | 6 |
    And no side effects

  Scenario: [7] An aggregate inside an expression
    Given any graph
    When executing query:
      """
      UNWIND [1, 2, 3] AS x
      RETURN count(*) * 10 AS c
      """
    Then the result should be, in any order:
      | c  |
      | 30 |
    And no side effects

  Scenario: [8] ORDER BY an aggregate alias
    Given any graph
    When executing query:
      """
      UNWIND ['a', 'b', 'b'] AS x
      RETURN x, count(*) AS c
      ORDER BY c DESC
      """
    Then the result should be, in order:
      | x   | c |
      | 'b' | 2 |
      | 'a' | 1 |
    And no side effects

  Scenario: [9] WITH * keeps every variable
    Given any graph
    When executing query:
      """
      WITH 1 AS a, 2 AS b
      WITH *
      RETURN a + b AS s
      """
    Then the result should be, in any order:
      | s |
      | 3 |
    And no side effects

  Scenario: [10] Aggregating over an empty match still returns a row
    Given an empty graph
    When executing query:
      """
      MATCH (n:Nothing)
      RETURN count(n) AS c, collect(n) AS xs
      """
    Then the result should be, in any order:
      | c | xs |
      | 0 | []  |
    And no side effects

  Scenario: [11] Grouped aggregation over an empty match returns no row
    Given an empty graph
    When executing query:
      """
      MATCH (n:Nothing)
      RETURN n.name AS name, count(*) AS c
      """
    Then the result should be empty
    And no side effects
