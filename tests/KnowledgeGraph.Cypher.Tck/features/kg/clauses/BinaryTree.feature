Feature: KgBinaryTree - Patterns over the TCK's named binary-tree graphs (project scenarios, TCK format)

  Scenario: [1] Fixed two-step pattern with types
    Given the binary-tree-1 graph
    When executing query:
      """
      MATCH (:A)-[:KNOWS]->()-[:FRIEND]->(x)
      RETURN x.name AS name
      """
    Then the result should be, in any order:
      | name  |
      | 'c11' |
      | 'c12' |
      | 'b2'  |
      | 'c21' |
      | 'c22' |
      | 'b3'  |
    And no side effects

  Scenario: [2] Any two steps from the root
    Given the binary-tree-1 graph
    When executing query:
      """
      MATCH (:A)-[*2]->(x)
      RETURN count(*) AS c
      """
    Then the result should be, in any order:
      | c  |
      | 12 |
    And no side effects

  Scenario: [3] No path of a type the start node lacks
    Given the binary-tree-1 graph
    When executing query:
      """
      MATCH (:A)-[:FRIEND*]->(x)
      RETURN count(x) AS c
      """
    Then the result should be, in any order:
      | c |
      | 0 |
    And no side effects

  Scenario: [4] Around the ring and out to the leaves without reusing a relationship
    Given the binary-tree-1 graph
    When executing query:
      """
      MATCH (:X {name: 'b1'})-[:FRIEND*1..]->(x:X)
      RETURN count(*) AS paths, count(DISTINCT x) AS ends
      """
    Then the result should be, in any order:
      | paths | ends |
      | 14    | 12   |
    And no side effects

  Scenario: [5] Counting named paths with a filter on the end
    Given the binary-tree-1 graph
    When executing query:
      """
      MATCH p = (:A)-[:KNOWS|FOLLOWS]->()-[:FRIEND]->(c)
      WHERE c.name STARTS WITH 'c'
      RETURN count(p) AS c
      """
    Then the result should be, in any order:
      | c |
      | 8 |
    And no side effects

  Scenario: [6] Undirected two steps from a leaf
    Given the binary-tree-1 graph
    When executing query:
      """
      MATCH (:X {name: 'c11'})-[*2]-(x)
      RETURN x.name AS name
      """
    Then the result should be, in any order:
      | name  |
      | 'a'   |
      | 'c12' |
      | 'b2'  |
      | 'b4'  |
    And no side effects

  Scenario: [7] Label on the end node of the second tree
    Given the binary-tree-2 graph
    When executing query:
      """
      MATCH (:A)-->()-->(y:Y)
      RETURN count(y) AS c
      """
    Then the result should be, in any order:
      | c |
      | 4 |
    And no side effects

  Scenario: [8] Distinct ends within two steps
    Given the binary-tree-1 graph
    When executing query:
      """
      MATCH (:A)-[*1..2]->(x)
      RETURN count(DISTINCT x) AS c
      """
    Then the result should be, in any order:
      | c  |
      | 12 |
    And no side effects

  Scenario: [9] Zero or more of one type
    Given the binary-tree-1 graph
    When executing query:
      """
      MATCH (:A)-[:KNOWS*0..]->(x)
      RETURN count(x) AS c
      """
    Then the result should be, in any order:
      | c |
      | 3 |
    And no side effects
