Feature: KgStrings - String functions and operators (project scenarios, TCK format)

  Scenario: [1] substring with and without length
    Given any graph
    When executing query:
      """
      RETURN substring('hello', 1, 3) AS a, substring('hello', 2) AS b
      """
    Then the result should be, in any order:
      | a     | b     |
      | 'ell' | 'llo' |
    And no side effects

  Scenario: [2] left and right
    Given any graph
    When executing query:
      """
      RETURN left('hello', 2) AS l, right('hello', 2) AS r
      """
    Then the result should be, in any order:
      | l    | r    |
      | 'he' | 'lo' |
    And no side effects

  Scenario: [3] split keeps empty parts in the middle
    Given any graph
    When executing query:
      """
      RETURN split('a,b,,c', ',') AS parts
      """
    Then the result should be, in any order:
      | parts                |
      | ['a', 'b', '', 'c'] |
    And no side effects

  Scenario: [4] replace every occurrence
    Given any graph
    When executing query:
      """
      RETURN replace('banana', 'an', 'AN') AS r
      """
    Then the result should be, in any order:
      | r        |
      | 'bANANa' |
    And no side effects

  Scenario: [5] Case and trimming
    Given any graph
    When executing query:
      """
      RETURN toUpper('abc') AS u, toLower('ABC') AS l, trim('  x  ') AS t, ltrim('  x  ') AS lt, rtrim('  x  ') AS rt
      """
    Then the result should be, in any order:
      | u     | l     | t   | lt     | rt     |
      | 'ABC' | 'abc' | 'x' | 'x  ' | '  x' |
    And no side effects

  Scenario: [6] reverse and size
    Given any graph
    When executing query:
      """
      RETURN reverse('abc') AS r, size('héllo') AS n
      """
    Then the result should be, in any order:
      | r     | n |
      | 'cba' | 5 |
    And no side effects

  Scenario: [7] String predicates, with null
    Given any graph
    When executing query:
      """
      RETURN 'abc' STARTS WITH null AS s, 'abc' CONTAINS 'b' AS c, 'abc' ENDS WITH 'bc' AS e
      """
    Then the result should be, in any order:
      | s    | c    | e    |
      | null | true | true |
    And no side effects

  Scenario: [8] Regular expressions match the whole string
    Given any graph
    When executing query:
      """
      RETURN 'abc' =~ 'a.*' AS m, 'abc' =~ 'b' AS n
      """
    Then the result should be, in any order:
      | m    | n     |
      | true | false |
    And no side effects

  Scenario: [9] toString of numbers and booleans
    Given any graph
    When executing query:
      """
      RETURN toString(42) AS a, toString(1.5) AS b, toString(true) AS c
      """
    Then the result should be, in any order:
      | a    | b     | c      |
      | '42' | '1.5' | 'true' |
    And no side effects

  Scenario: [10] Concatenation with + also takes numbers
    Given any graph
    When executing query:
      """
      RETURN 'a' + 'b' AS s, 'a' + 1 AS t
      """
    Then the result should be, in any order:
      | s    | t    |
      | 'ab' | 'a1' |
    And no side effects
