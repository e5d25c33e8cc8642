Feature: KgShortestPath - shortestPath, allShortestPaths and SHORTEST (project scenarios, TCK format)

  Background:
    Given an empty graph
    And having executed:
      """
      CREATE (a:S {name: 'a'})-[:R]->(:S {name: 'b'})-[:R]->(c:S {name: 'c'}),
             (a)-[:R]->(:S {name: 'd'})-[:R]->(:S {name: 'e'})-[:R]->(c)
      """

  Scenario: [1] shortestPath finds the shorter of two routes
    When executing query:
      """
      MATCH p = shortestPath((a:S {name: 'a'})-[:R*]->(c:S {name: 'c'}))
      RETURN length(p) AS len, [n IN nodes(p) | n.name] AS names
      """
    Then the result should be, in any order:
      | len | names           |
      | 2   | ['a', 'b', 'c'] |
    And no side effects

  Scenario: [2] allShortestPaths enumerates every shortest path once
    And having executed:
      """
      MATCH (a:S {name: 'a'}), (c:S {name: 'c'})
      CREATE (a)-[:R]->(:S {name: 'x'})-[:R]->(c)
      """
    When executing query:
      """
      MATCH p = allShortestPaths((a:S {name: 'a'})-[:R*]->(c:S {name: 'c'}))
      RETURN [n IN nodes(p) | n.name] AS names
      """
    Then the result should be, in any order:
      | names           |
      | ['a', 'b', 'c'] |
      | ['a', 'x', 'c'] |
    And no side effects

  Scenario: [3] No path against the direction
    When executing query:
      """
      MATCH p = shortestPath((c:S {name: 'c'})-[:R*]->(a:S {name: 'a'}))
      RETURN p
      """
    Then the result should be empty
    And no side effects

  Scenario: [4] Undirected shortest path
    When executing query:
      """
      MATCH p = shortestPath((c:S {name: 'c'})-[:R*]-(a:S {name: 'a'}))
      RETURN length(p) AS len
      """
    Then the result should be, in any order:
      | len |
      | 2   |
    And no side effects

  Scenario: [5] A hop limit shorter than any path gives no row
    When executing query:
      """
      MATCH p = shortestPath((a:S {name: 'a'})-[:R*..1]->(c:S {name: 'c'}))
      RETURN p
      """
    Then the result should be empty
    And no side effects

  Scenario: [6] SHORTEST 1 with a quantified relationship
    When executing query:
      """
      MATCH p = SHORTEST 1 (a:S {name: 'a'})-[:R]-+(c:S {name: 'c'})
      RETURN length(p) AS len
      """
    Then the result should be, in any order:
      | len |
      | 2   |
    And no side effects

  Scenario: [7] The relationships of a shortest path
    When executing query:
      """
      MATCH p = shortestPath((a:S {name: 'a'})-[:R*]->(c:S {name: 'c'}))
      RETURN [r IN relationships(p) | type(r)] AS types
      """
    Then the result should be, in any order:
      | types      |
      | ['R', 'R'] |
    And no side effects
