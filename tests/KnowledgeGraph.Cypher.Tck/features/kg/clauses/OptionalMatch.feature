Feature: KgOptionalMatch - OPTIONAL MATCH (project scenarios, TCK format)

  Background:
    Given an empty graph
    And having executed:
      """
      CREATE (:P {name: 'a'})-[:KNOWS]->(:P {name: 'b'}), (:P {name: 'c'})
      """

  Scenario: [1] Missing optional parts are null
    When executing query:
      """
      MATCH (p:P)
      OPTIONAL MATCH (p)-[:KNOWS]->(f)
      RETURN p.name AS p, f.name AS f
      """
    Then the result should be, in any order:
      | p   | f    |
      | 'a' | 'b'  |
      | 'b' | null |
      | 'c' | null |
    And no side effects

  Scenario: [2] WHERE belongs to the optional match and keeps the row
    When executing query:
      """
      MATCH (p:P)
      OPTIONAL MATCH (p)-[:KNOWS]->(f)
        WHERE f.name = 'zzz'
      RETURN p.name AS p, f AS f
      """
    Then the result should be, in any order:
      | p   | f    |
      | 'a' | null |
      | 'b' | null |
      | 'c' | null |
    And no side effects

  Scenario: [3] Optional match alone on no data gives one row of nulls
    When executing query:
      """
      OPTIONAL MATCH (n:Nope)
      RETURN n
      """
    Then the result should be, in any order:
      | n    |
      | null |
    And no side effects

  Scenario: [4] Counting optional matches counts only the found ones
    When executing query:
      """
      MATCH (p:P)
      OPTIONAL MATCH (p)-[:KNOWS]->(f)
      RETURN p.name AS p, count(f) AS friends
      """
    Then the result should be, in any order:
      | p   | friends |
      | 'a' | 1       |
      | 'b' | 0       |
      | 'c' | 0       |
    And no side effects

  Scenario: [5] Functions of a missing relationship are null
    When executing query:
      """
      MATCH (p:P {name: 'c'})
      OPTIONAL MATCH (p)-[r]-()
      RETURN type(r) AS t
      """
    Then the result should be, in any order:
      | t    |
      | null |
    And no side effects

  Scenario: [6] Optional match between two bound nodes
    When executing query:
      """
      MATCH (a:P {name: 'a'}), (c:P {name: 'c'})
      OPTIONAL MATCH (a)-[r]->(c)
      RETURN r
      """
    Then the result should be, in any order:
      | r    |
      | null |
    And no side effects
