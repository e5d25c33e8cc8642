Feature: KgNulls - Three-valued logic and null propagation (project scenarios, TCK format)

  Scenario: [1] Arithmetic and comparison with null are null
    Given any graph
    When executing query:
      """
      RETURN null + 1 AS a, null * 2 AS b, null = null AS c, null <> 1 AS d, null < 1 AS e
      """
    Then the result should be, in any order:
      | a    | b    | c    | d    | e    |
      | null | null | null | null | null |
    And no side effects

  Scenario: [2] Boolean operators with null
    Given any graph
    When executing query:
      """
      RETURN true OR null AS a, false AND null AS b, true AND null AS c, false OR null AS d, null XOR true AS e, NOT null AS f
      """
    Then the result should be, in any order:
      | a    | b     | c    | d    | e    | f    |
      | true | false | null | null | null | null |
    And no side effects

  Scenario: [3] IS NULL and coalesce
    Given any graph
    When executing query:
      """
      RETURN null IS NULL AS a, 1 IS NOT NULL AS b, coalesce(null, null, 3, 4) AS c
      """
    Then the result should be, in any order:
      | a    | b    | c |
      | true | true | 3 |
    And no side effects

  Scenario: [4] A missing property is null
    Given an empty graph
    And having executed:
      """
      CREATE ({a: 1})
      """
    When executing query:
      """
      MATCH (n)
      RETURN n.b AS b, n.b IS NULL AS missing
      """
    Then the result should be, in any order:
      | b    | missing |
      | null | true    |
    And no side effects

  Scenario: [5] WHERE drops rows whose predicate is null
    Given any graph
    When executing query:
      """
      UNWIND [1, null, 3] AS x
      WITH x WHERE x > 1
      RETURN x
      """
    Then the result should be, in any order:
      | x |
      | 3 |
    And no side effects

  Scenario: [6] Comparing across types
    Given any graph
    When executing query:
      """
      RETURN 1 < 2.5 AS a, 'a' < 'b' AS b, 1 = 1.0 AS c, 'a' < 1 AS d, 1 <> 1.0 AS e
      """
    Then the result should be, in any order:
      | a    | b    | c    | d    | e     |
      | true | true | true | null | false |
    And no side effects
