Feature: KgLiteralsAndMaps - Literals, maps and comparisons (project scenarios, TCK format)

  Scenario: [1] Hexadecimal and octal integers
    Given any graph
    When executing query:
      """
      RETURN 0x1F AS h, 0o17 AS o, -0x10 AS nh
      """
    Then the result should be, in any order:
      | h  | o  | nh  |
      | 31 | 15 | -16 |
    And no side effects

  Scenario: [2] Float literal forms
    Given any graph
    When executing query:
      """
      RETURN 1e3 AS a, .5 AS b, 1.5e-2 AS c
      """
    Then the result should be, in any order:
      | a      | b   | c     |
      | 1000.0 | 0.5 | 0.015 |
    And no side effects

  Scenario: [3] Both quote styles
    Given any graph
    When executing query:
      """
      RETURN 'single' AS a, "double" AS b
      """
    Then the result should be, in any order:
      | a        | b        |
      | 'single' | 'double' |
    And no side effects

  Scenario: [4] Nested map literal keeps null values
    Given any graph
    When executing query:
      """
      RETURN {a: 1, b: [1, {c: null}]} AS m
      """
    Then the result should be, in any order:
      | m                        |
      | {a: 1, b: [1, {c: null}]} |
    And no side effects

  Scenario: [5] The extreme integers
    Given any graph
    When executing query:
      """
      RETURN 9223372036854775807 AS max, -9223372036854775808 AS min
      """
    Then the result should be, in any order:
      | max                 | min                  |
      | 9223372036854775807 | -9223372036854775808 |
    And no side effects

  Scenario: [6] An integer literal beyond 64 bits is rejected
    Given any graph
    When executing query:
      """
      RETURN 9223372036854775808 AS x
      """
    Then a SyntaxError should be raised at compile time: IntegerOverflow

  Scenario: [7] Static and dynamic map access
    Given any graph
    When executing query:
      """
      WITH {a: {b: 1}} AS m, 'a' AS k
      RETURN m.a.b AS x, m.missing AS y, m[k].b AS z
      """
    Then the result should be, in any order:
      | x | y    | z |
      | 1 | null | 1 |
    And no side effects

  Scenario: [8] keys and properties
    Given an empty graph
    And having executed:
      """
      CREATE ({a: 1, b: 'x'})
      """
    When executing query:
      """
      MATCH (n)
      RETURN keys(n) AS k, properties(n) AS p
      """
    Then the result should be (ignoring element order for lists):
      | k          | p               |
      | ['a', 'b'] | {a: 1, b: 'x'} |
    And no side effects

  Scenario: [9] Chained comparisons
    Given any graph
    When executing query:
      """
      UNWIND [1, 2, 3, 4] AS x
      WITH x WHERE 1 < x <= 3
      RETURN x
      """
    Then the result should be, in any order:
      | x |
      | 2 |
      | 3 |
    And no side effects

  Scenario: [10] Lists compare element by element; different types are unequal
    Given any graph
    When executing query:
      """
      RETURN [1, 2] < [1, 3] AS a, [1] < [1, 0] AS b, 1 = 'a' AS c
      """
    Then the result should be, in any order:
      | a    | b    | c     |
      | true | true | false |
    And no side effects
