Feature: KgAggregates - Aggregating functions (project scenarios, TCK format)

  Scenario: [1] count skips nulls, count DISTINCT dedups, count(*) counts rows
    Given any graph
    When executing query:
      """
      UNWIND [1, 2, 2, null, 3] AS x
      RETURN count(x) AS c, count(DISTINCT x) AS d, count(*) AS s
      """
    Then the result should be, in any order:
      | c | d | s |
      | 4 | 3 | 5 |
    And no side effects

  Scenario: [2] collect skips nulls
    Given any graph
    When executing query:
      """
      UNWIND [1, 2, null] AS x
      RETURN collect(x) AS xs
      """
    Then the result should be, in any order:
      | xs     |
      | [1, 2] |
    And no side effects

  Scenario: [3] avg of integers is a float
    Given any graph
    When executing query:
      """
      UNWIND [2, 4] AS x
      RETURN avg(x) AS a
      """
    Then the result should be, in any order:
      | a   |
      | 3.0 |
    And no side effects

  Scenario: [4] sum keeps integers and widens to float when mixed
    Given any graph
    When executing query:
      """
      UNWIND [[1, 2, 3], [1, 2.5]] AS xs
      UNWIND xs AS x
      WITH xs, sum(x) AS s
      RETURN size(xs) AS n, s
      """
    Then the result should be, in any order:
      | n | s   |
      | 3 | 6   |
      | 2 | 3.5 |
    And no side effects

  Scenario: [5] Aggregates over no rows
    Given any graph
    When executing query:
      """
      UNWIND [] AS x
      RETURN count(x) AS c, sum(x) AS s, avg(x) AS a, min(x) AS mn, max(x) AS mx, collect(x) AS xs
      """
    Then the result should be, in any order:
      | c | s | a    | mn   | mx   | xs |
      | 0 | 0 | null | null | null | [] |
    And no side effects

  Scenario: [6] Grouping keys
    Given any graph
    When executing query:
      """
      UNWIND [['a', 1], ['b', 2], ['a', 3]] AS pair
      RETURN pair[0] AS k, sum(pair[1]) AS s
      """
    Then the result should be, in any order:
      | k   | s |
      | 'a' | 4 |
      | 'b' | 2 |
    And no side effects

  Scenario: [7] min and max of strings
    Given any graph
    When executing query:
      """
      UNWIND ['b', 'a', 'c'] AS x
      RETURN min(x) AS mn, max(x) AS mx
      """
    Then the result should be, in any order:
      | mn  | mx  |
      | 'a' | 'c' |
    And no side effects

  Scenario: [8] Sample and population standard deviation
    Given any graph
    When executing query:
      """
      UNWIND [2, 4, 4, 4, 5, 5, 7, 9] AS x
      RETURN stDev(x) AS s, stDevP(x) AS p
      """
    Then the result should be, in any order:
      | s                 | p   |
      | 2.138089935299395 | 2.0 |
    And no side effects

  Scenario: [9] collect after ORDER BY keeps the order
    Given any graph
    When executing query:
      """
      UNWIND [3, 1, 2] AS x
      WITH x ORDER BY x
      RETURN collect(x) AS xs
      """
    Then the result should be, in order:
      | xs        |
      | [1, 2, 3] |
    And no side effects

  Scenario: [10] collect DISTINCT
    Given any graph
    When executing query:
      """
      UNWIND [1, 1, 2] AS x
      RETURN collect(DISTINCT x) AS xs
      """
    Then the result should be (ignoring element order for lists):
      | xs     |
      | [1, 2] |
    And no side effects

  Scenario: [11] Counting nodes per label
    Given an empty graph
    And having executed:
      """
      CREATE (:A), (:A), (:B)
      """
    When executing query:
      """
      MATCH (n)
      RETURN labels(n)[0] AS label, count(*) AS c
      """
    Then the result should be, in any order:
      | label | c |
      | 'A'   | 2 |
      | 'B'   | 1 |
    And no side effects
