Feature: KgLists - Lists (project scenarios, TCK format)

  Scenario: [1] range with positive and negative steps
    Given any graph
    When executing query:
      """
      RETURN range(0, 10, 3) AS up, range(5, 1, -2) AS down, range(3, 1) AS none
      """
    Then the result should be, in any order:
      | up           | down      | none |
      | [0, 3, 6, 9] | [5, 3, 1] | []   |
    And no side effects

  Scenario: [2] Slicing, including negative bounds
    Given any graph
    When executing query:
      """
      WITH [1, 2, 3, 4, 5] AS l
      RETURN l[1..3] AS a, l[-2..] AS b, l[..2] AS c, l[1..-1] AS d
      """
    Then the result should be, in any order:
      | a      | b      | c      | d         |
      | [2, 3] | [4, 5] | [1, 2] | [2, 3, 4] |
    And no side effects

  Scenario: [3] Indexing out of range gives null; negative indexes count from the end
    Given any graph
    When executing query:
      """
      WITH [1, 2, 3] AS l
      RETURN l[5] AS a, l[-1] AS b, l[-4] AS c
      """
    Then the result should be, in any order:
      | a    | b | c    |
      | null | 3 | null |
    And no side effects

  Scenario: [4] IN with nulls
    Given any graph
    When executing query:
      """
      RETURN 2 IN [1, 2] AS a, 3 IN [1, null] AS b, null IN [1] AS c, 1 IN [] AS d
      """
    Then the result should be, in any order:
      | a    | b    | c    | d     |
      | true | null | null | false |
    And no side effects

  Scenario: [5] Concatenation and appending
    Given any graph
    When executing query:
      """
      RETURN [1, 2] + [3] AS a, [1] + 2 AS b, 0 + [1] AS c
      """
    Then the result should be, in any order:
      | a         | b      | c      |
      | [1, 2, 3] | [1, 2] | [0, 1] |
    And no side effects

  Scenario: [6] reduce and list comprehension
    Given any graph
    When executing query:
      """
      RETURN reduce(acc = 0, x IN [1, 2, 3] | acc + x) AS s,
             [x IN range(1, 6) WHERE x % 2 = 0 | x * 10] AS evens
      """
    Then the result should be, in any order:
      | s | evens        |
      | 6 | [20, 40, 60] |
    And no side effects

  Scenario: [7] head, last and tail of an empty list
    Given any graph
    When executing query:
      """
      RETURN head([]) AS h, last([]) AS l, tail([]) AS t, size([1, [2, 3]]) AS n, reverse([1, 2, 3]) AS r
      """
    Then the result should be, in any order:
      | h    | l    | t  | n | r         |
      | null | null | [] | 2 | [3, 2, 1] |
    And no side effects

  Scenario: [8] Nested UNWIND
    Given any graph
    When executing query:
      """
      UNWIND [[1, 2], [3]] AS inner
      UNWIND inner AS x
      RETURN x
      """
    Then the result should be, in order:
      | x |
      | 1 |
      | 2 |
      | 3 |
    And no side effects

  Scenario: [9] Quantifiers
    Given any graph
    When executing query:
      """
      WITH [1, 2] AS l
      RETURN any(x IN l WHERE x > 1) AS a, all(x IN l WHERE x > 1) AS b,
             none(x IN l WHERE x > 5) AS c, single(x IN l WHERE x > 1) AS d
      """
    Then the result should be, in any order:
      | a    | b     | c    | d    |
      | true | false | true | true |
    And no side effects

  Scenario: [10] List equality with nulls
    Given any graph
    When executing query:
      """
      RETURN [1, 2] = [1, 2] AS eq, [1, null] = [1, null] AS n, [1, 2] = [1] AS ne
      """
    Then the result should be, in any order:
      | eq   | n    | ne    |
      | true | null | false |
    And no side effects

  Scenario: [11] UNWIND of null and of an empty list gives no rows
    Given any graph
    When executing query:
      """
      UNWIND null AS x
      RETURN x
      UNION ALL
      UNWIND [] AS x
      RETURN x
      """
    Then the result should be empty
    And no side effects
