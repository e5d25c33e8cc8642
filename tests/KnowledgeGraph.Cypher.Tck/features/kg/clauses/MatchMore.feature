Feature: KgMatchMore - Pattern matching rules (project scenarios, TCK format)

  Scenario: [1] A relationship is not matched twice within one pattern
    Given an empty graph
    And having executed:
      """
      CREATE (:X)-[:R]->(:X)
      """
    When executing query:
      """
      MATCH (x)-[r1]-(y)-[r2]-(z)
      RETURN count(*) AS c
      """
    Then the result should be, in any order:
      | c |
      | 0 |
    And no side effects

  Scenario: [2] Nor across the comma-separated patterns of one MATCH
    Given an empty graph
    And having executed:
      """
      CREATE (:X)-[:R]->(:X)
      """
    When executing query:
      """
      MATCH (x)-[r1]->(y), (p)-[r2]->(q)
      RETURN count(*) AS c
      """
    Then the result should be, in any order:
      | c |
      | 0 |
    And no side effects

  Scenario: [3] But separate MATCH clauses may reuse a relationship
    Given an empty graph
    And having executed:
      """
      CREATE (:X)-[:R]->(:X)
      """
    When executing query:
      """
      MATCH (x)-[r1]->(y)
      MATCH (p)-[r2]->(q)
      RETURN count(*) AS c
      """
    Then the result should be, in any order:
      | c |
      | 1 |
    And no side effects

  Scenario: [4] Label expressions
    Given an empty graph
    And having executed:
      """
      CREATE (:A), (:B), (:A:B), ()
      """
    When executing query:
      """
      MATCH (n)
      RETURN count(CASE WHEN n:A|B THEN 1 END) AS anyOf,
             count(CASE WHEN n:A&B THEN 1 END) AS allOf,
             count(CASE WHEN n:!A THEN 1 END) AS notA
      """
    Then the result should be, in any order:
      | anyOf | allOf | notA |
      | 3     | 1     | 2    |
    And no side effects

  Scenario: [5] Label expressions in a node pattern
    Given an empty graph
    And having executed:
      """
      CREATE (:A), (:B), (:A:B), ()
      """
    When executing query:
      """
      MATCH (n:A|B)
      RETURN count(n) AS c
      """
    Then the result should be, in any order:
      | c |
      | 3 |
    And no side effects

  Scenario: [6] Relationship type alternatives
    Given an empty graph
    And having executed:
      """
      CREATE (a:A)-[:R]->(), (a)-[:S]->(), (a)-[:T]->()
      """
    When executing query:
      """
      MATCH (:A)-[r:R|S]->()
      RETURN type(r) AS t
      """
    Then the result should be, in any order:
      | t   |
      | 'R' |
      | 'S' |
    And no side effects

  Scenario: [7] Pattern predicate in WHERE
    Given an empty graph
    And having executed:
      """
      CREATE (:A {name: 'x'})-[:R]->(), (:A {name: 'y'})
      """
    When executing query:
      """
      MATCH (n:A)
      WHERE NOT (n)-->()
      RETURN n.name AS name
      """
    Then the result should be, in any order:
      | name |
      | 'y'  |
    And no side effects

  Scenario: [8] Matching by id
    Given an empty graph
    And having executed:
      """
      CREATE (:A {name: 'x'}), (:A {name: 'y'})
      """
    When executing query:
      """
      MATCH (n:A {name: 'y'})
      WITH id(n) AS i
      MATCH (m)
      WHERE id(m) = i
      RETURN m.name AS name
      """
    Then the result should be, in any order:
      | name |
      | 'y'  |
    And no side effects

  Scenario: [9] Incoming, outgoing and undirected on the same data
    Given an empty graph
    And having executed:
      """
      CREATE (:A {name: 'a'})-[:R]->(:B {name: 'b'})
      """
    When executing query:
      """
      MATCH (b:B)
      RETURN COUNT { (b)-->() } AS outgoing, COUNT { (b)<--() } AS incoming, COUNT { (b)--() } AS either
      """
    Then the result should be, in any order:
      | outgoing | incoming | either |
      | 0        | 1        | 1      |
    And no side effects

  Scenario: [10] A path with no relationships
    Given an empty graph
    And having executed:
      """
      CREATE (:A {name: 'a'})
      """
    When executing query:
      """
      MATCH p = (a:A)
      RETURN length(p) AS len, p
      """
    Then the result should be, in any order:
      | len | p                  |
      | 0   | <(:A {name: 'a'})> |
    And no side effects
