Feature: KgEdgeCases - Corner cases of expressions (project scenarios, TCK format)

  Scenario: [1] Grouping on null keys
    Given any graph
    When executing query:
      """
      UNWIND [null, null, 1] AS x
      RETURN x, count(*) AS c
      """
    Then the result should be, in any order:
      | x    | c |
      | null | 2 |
      | 1    | 1 |
    And no side effects

  Scenario: [2] Escapes in string literals
    Given any graph
    When executing query:
      """
      RETURN 'a\tb' AS tab, '\u00e9' AS e, 'it\'s' AS q, size('a\\b') AS n
      """
    Then the result should be, in any order:
      | tab     | e   | q      | n |
      | 'a\tb' | 'é' | 'it\'s' | 3 |
    And no side effects

  Scenario: [3] Simple CASE does not match null
    Given any graph
    When executing query:
      """
      RETURN CASE null WHEN null THEN 1 ELSE 2 END AS c
      """
    Then the result should be, in any order:
      | c |
      | 2 |
    And no side effects

  Scenario: [4] Functions of null
    Given any graph
    When executing query:
      """
      RETURN toString(null) AS a, size(null) AS b, reverse(null) AS c, coalesce(null, null) AS d, toUpper(null) AS e
      """
    Then the result should be, in any order:
      | a    | b    | c    | d    | e    |
      | null | null | null | null | null |
    And no side effects

  Scenario: [5] Integer modulo by zero is an arithmetic error
    Given any graph
    And parameters are:
      | z | 0 |
    When executing query:
      """
      RETURN 5 % $z AS r
      """
    Then a ArithmeticError should be raised at runtime: DivisionByZero

  Scenario: [6] Float zero divided by zero is NaN
    Given any graph
    When executing query:
      """
      RETURN 0.0 / 0.0 AS r
      """
    Then the result should be, in any order:
      | r   |
      | NaN |
    And no side effects

  Scenario: [7] Two columns may not share a name
    Given any graph
    When executing query:
      """
      RETURN 1 AS a, 2 AS a
      """
    Then a SyntaxError should be raised at compile time: ColumnNameConflict

  Scenario: [8] count(*) over nothing is zero
    Given an empty graph
    When executing query:
      """
      MATCH (n)
      RETURN count(*) AS c
      """
    Then the result should be, in any order:
      | c |
      | 0 |
    And no side effects

  Scenario: [9] Map parameters and list parameters
    Given any graph
    And parameters are:
      | m   | {key: 'v', inner: {n: 2}} |
      | idx | 1                         |
    When executing query:
      """
      RETURN $m.key AS k, $m.inner.n AS n, [10, 20, 30][$idx] AS x
      """
    Then the result should be, in any order:
      | k   | n | x  |
      | 'v' | 2 | 20 |
    And no side effects

  Scenario: [10] A missing parameter is reported
    Given any graph
    When executing query:
      """
      RETURN $nope AS x
      """
    Then a ParameterMissing should be raised at compile time: MissingParameter

  Scenario: [11] Size of a filtered list
    Given any graph
    When executing query:
      """
      RETURN size([x IN [1, 2, 3] WHERE x > 1]) AS n, range(1, 3)[-1] AS last
      """
    Then the result should be, in any order:
      | n | last |
      | 2 | 3    |
    And no side effects

  Scenario: [12] Nested aggregation is rejected
    Given any graph
    When executing query:
      """
      UNWIND [1] AS x
      RETURN count(count(x)) AS c
      """
    Then a SyntaxError should be raised at compile time: NestedAggregation
