Feature: KgVarLength - Variable-length relationship patterns (project scenarios, TCK format)

  Background:
    Given an empty graph
    And having executed:
      """
      CREATE (:N {name: 'a'})-[:T]->(:N {name: 'b'})-[:T]->(:N {name: 'c'})-[:T]->(:N {name: 'd'})
      """

  Scenario: [1] Unbounded length follows the whole chain
    When executing query:
      """
      MATCH (:N {name: 'a'})-[:T*]->(x)
      RETURN x.name AS name
      """
    Then the result should be, in any order:
      | name |
      | 'b'  |
      | 'c'  |
      | 'd'  |
    And no side effects

  Scenario: [2] Fixed length two
    When executing query:
      """
      MATCH (:N {name: 'a'})-[:T*2]->(x)
      RETURN x.name AS name
      """
    Then the result should be, in any order:
      | name |
      | 'c'  |
    And no side effects

  Scenario: [3] Lower bound zero includes the start node
    When executing query:
      """
      MATCH (:N {name: 'a'})-[:T*0..1]->(x)
      RETURN x.name AS name
      """
    Then the result should be, in any order:
      | name |
      | 'a'  |
      | 'b'  |
    And no side effects

  Scenario: [4] Upper bound only
    When executing query:
      """
      MATCH (:N {name: 'a'})-[:T*..2]->(x)
      RETURN x.name AS name
      """
    Then the result should be, in any order:
      | name |
      | 'b'  |
      | 'c'  |
    And no side effects

  Scenario: [5] A variable-length relationship variable is a list of relationships
    When executing query:
      """
      MATCH (:N {name: 'a'})-[r:T*2..3]->(x)
      RETURN size(r) AS hops, x.name AS name
      """
    Then the result should be, in any order:
      | hops | name |
      | 2    | 'c'  |
      | 3    | 'd'  |
    And no side effects

  Scenario: [6] Undirected variable length goes both ways
    When executing query:
      """
      MATCH (:N {name: 'b'})-[:T*1..2]-(x)
      RETURN x.name AS name
      """
    Then the result should be, in any order:
      | name |
      | 'a'  |
      | 'c'  |
      | 'd'  |
    And no side effects

  Scenario: [7] A named variable-length path has the nodes in order
    When executing query:
      """
      MATCH p = (:N {name: 'a'})-[:T*]->(:N {name: 'd'})
      RETURN length(p) AS len, [n IN nodes(p) | n.name] AS names
      """
    Then the result should be, in any order:
      | len | names                |
      | 3   | ['a', 'b', 'c', 'd'] |
    And no side effects

  Scenario: [8] Zero length matches the node itself
    When executing query:
      """
      MATCH (:N {name: 'a'})-[*0]->(x)
      RETURN x.name AS name
      """
    Then the result should be, in any order:
      | name |
      | 'a'  |
    And no side effects

  Scenario: [9] Relationships are not reused in a cycle but nodes may repeat
    And having executed:
      """
      CREATE (x:C {name: 'x'})-[:R]->(y:C {name: 'y'})-[:R]->(x)
      """
    When executing query:
      """
      MATCH (:C {name: 'x'})-[:R*]->(z)
      RETURN z.name AS name
      """
    Then the result should be, in any order:
      | name |
      | 'y'  |
      | 'x'  |
    And no side effects

  Scenario: [10] Type alternatives in a variable-length pattern
    And having executed:
      """
      CREATE (:S)-[:A]->()-[:B]->({name: 'c'})-[:C]->({name: 'd'})
      """
    When executing query:
      """
      MATCH (:S)-[:A|B*]->(x)
      RETURN count(x) AS n
      """
    Then the result should be, in any order:
      | n |
      | 2 |
    And no side effects

  Scenario: [11] Property predicate on every relationship of a variable-length pattern
    And having executed:
      """
      CREATE (:W {name: 'a'})-[:T {w: 1}]->(:W {name: 'b'})-[:T {w: 2}]->(:W {name: 'c'})
      """
    When executing query:
      """
      MATCH (:W {name: 'a'})-[:T* {w: 1}]->(x)
      RETURN x.name AS name
      """
    Then the result should be, in any order:
      | name |
      | 'b'  |
    And no side effects
