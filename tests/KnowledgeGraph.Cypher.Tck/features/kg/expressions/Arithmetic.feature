Feature: KgArithmetic - Numbers (project scenarios, TCK format)

  Scenario: [1] Integer division and remainder truncate toward zero
    Given any graph
    When executing query:
      """
      RETURN 7 / 2 AS a, -7 / 2 AS b, 7 % 3 AS c, -7 % 3 AS d
      """
    Then the result should be, in any order:
      | a | b  | c | d  |
      | 3 | -3 | 1 | -1 |
    And no side effects

  Scenario: [2] Float division and exponentiation give floats
    Given any graph
    When executing query:
      """
      RETURN 7 / 2.0 AS a, 2 ^ 3 AS b, 1.0 / 0 AS c
      """
    Then the result should be, in any order:
      | a   | b   | c   |
      | 3.5 | 8.0 | Inf |
    And no side effects

  Scenario: [3] abs, sign, ceil, floor, round
    Given any graph
    When executing query:
      """
      RETURN abs(-3) AS a, abs(-2.5) AS b, sign(-7) AS c, ceil(1.2) AS d, floor(-1.2) AS e, round(2.4) AS f
      """
    Then the result should be, in any order:
      | a | b   | c  | d   | e    | f   |
      | 3 | 2.5 | -1 | 2.0 | -2.0 | 2.0 |
    And no side effects

  Scenario: [4] sqrt, exp, log10
    Given any graph
    When executing query:
      """
      RETURN sqrt(16) AS s, exp(0) AS e, log10(100) AS l
      """
    Then the result should be, in any order:
      | s   | e   | l   |
      | 4.0 | 1.0 | 2.0 |
    And no side effects

  Scenario: [5] Integer division by zero is an arithmetic error
    Given any graph
    And parameters are:
      | d | 0 |
    When executing query:
      """
      RETURN 1 / $d AS x
      """
    Then a ArithmeticError should be raised at runtime: DivisionByZero

  Scenario: [6] Integer overflow is an arithmetic error
    Given any graph
    When executing query:
      """
      WITH 9223372036854775807 AS m
      RETURN m + 1 AS x
      """
    Then a ArithmeticError should be raised at any time: IntegerOverflow

  Scenario: [7] Conversions
    Given any graph
    When executing query:
      """
      RETURN toInteger('42') AS a, toInteger(3.9) AS b, toFloat('1.5') AS c, toInteger('x') AS d,
             toBoolean('true') AS e, toBoolean('nope') AS f
      """
    Then the result should be, in any order:
      | a  | b | c   | d    | e    | f    |
      | 42 | 3 | 1.5 | null | true | null |
    And no side effects
