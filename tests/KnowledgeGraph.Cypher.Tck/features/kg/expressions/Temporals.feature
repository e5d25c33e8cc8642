Feature: KgTemporals - Temporal values (project scenarios, TCK format)

  Scenario: [1] Adding a year to a leap day clamps to the month end
    Given any graph
    When executing query:
      """
      RETURN date('2024-02-29') + duration('P1Y') AS d
      """
    Then the result should be, in any order:
      | d            |
      | '2025-02-28' |
    And no side effects

  Scenario: [2] duration.between two dates
    Given any graph
    When executing query:
      """
      RETURN duration.between(date('2024-01-01'), date('2024-03-15')) AS d
      """
    Then the result should be, in any order:
      | d        |
      | 'P2M14D' |
    And no side effects

  Scenario: [3] Date accessors
    Given any graph
    When executing query:
      """
      WITH date('2024-05-17') AS d
      RETURN d.year AS y, d.month AS m, d.day AS day, d.dayOfWeek AS w
      """
    Then the result should be, in any order:
      | y    | m | day | w |
      | 2024 | 5 | 17  | 5 |
    And no side effects

  Scenario: [4] Comparing local date-times
    Given any graph
    When executing query:
      """
      RETURN localdatetime('2024-01-01T10:00') < localdatetime('2024-01-01T11:00') AS lt
      """
    Then the result should be, in any order:
      | lt   |
      | true |
    And no side effects

  Scenario: [5] Building a date from a map and printing it
    Given any graph
    When executing query:
      """
      RETURN toString(date({year: 2024, month: 1, day: 5})) AS s
      """
    Then the result should be, in any order:
      | s            |
      | '2024-01-05' |
    And no side effects

  Scenario: [6] Epoch seconds of a UTC date-time
    Given any graph
    When executing query:
      """
      RETURN datetime('2024-01-01T00:00:00Z').epochSeconds AS e
      """
    Then the result should be, in any order:
      | e          |
      | 1704067200 |
    And no side effects

  Scenario: [7] Durations are normalised in print
    Given any graph
    When executing query:
      """
      RETURN duration('PT90M') AS d, time('12:00+01:00') AS t
      """
    Then the result should be, in any order:
      | d         | t             |
      | 'PT1H30M' | '12:00+01:00' |
    And no side effects

  Scenario: [8] Ordering dates
    Given any graph
    When executing query:
      """
      UNWIND [date('2024-03-01'), date('2023-12-31'), date('2024-01-15')] AS d
      RETURN d
      ORDER BY d
      """
    Then the result should be, in order:
      | d            |
      | '2023-12-31' |
      | '2024-01-15' |
      | '2024-03-01' |
    And no side effects
