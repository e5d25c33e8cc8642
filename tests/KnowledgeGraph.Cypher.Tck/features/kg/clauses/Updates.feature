Feature: KgUpdates - CREATE, MERGE, SET, REMOVE, DELETE, FOREACH (project scenarios, TCK format)

  Scenario: [1] CREATE returns the created path
    Given an empty graph
    When executing query:
      """
      CREATE p = (:A {n: 1})-[:T {w: 2}]->(:B)
      RETURN p
      """
    Then the result should be, in any order:
      | p                                  |
      | <(:A {n: 1})-[:T {w: 2}]->(:B)> |
    And the side effects should be:
      | +nodes         | 2 |
      | +relationships | 1 |
      | +labels        | 2 |
      | +properties    | 2 |

  Scenario: [2] CREATE once per row
    Given an empty graph
    When executing query:
      """
      UNWIND range(1, 3) AS i
      CREATE (:N {i: i})
      """
    Then the result should be empty
    And the side effects should be:
      | +nodes      | 3 |
      | +labels     | 1 |
      | +properties | 3 |

  Scenario: [3] A null property is not stored
    Given an empty graph
    When executing query:
      """
      CREATE (n:N {a: null, b: 1})
      RETURN n
      """
    Then the result should be, in any order:
      | n            |
      | (:N {b: 1}) |
    And the side effects should be:
      | +nodes      | 1 |
      | +labels     | 1 |
      | +properties | 1 |

  Scenario: [4] CREATE needs exactly one relationship type
    Given any graph
    When executing query:
      """
      CREATE ()-->()
      """
    Then a SyntaxError should be raised at compile time: NoSingleRelationshipType

  Scenario: [5] FOREACH creates per element
    Given an empty graph
    When executing query:
      """
      FOREACH (i IN [1, 2] | CREATE (:F {i: i}))
      """
    Then the result should be empty
    And the side effects should be:
      | +nodes      | 2 |
      | +labels     | 1 |
      | +properties | 2 |

  Scenario: [6] MERGE creates what is missing
    Given an empty graph
    When executing query:
      """
      MERGE (a:M {k: 1})
      RETURN a.k AS k
      """
    Then the result should be, in any order:
      | k |
      | 1 |
    And the side effects should be:
      | +nodes      | 1 |
      | +labels     | 1 |
      | +properties | 1 |

  Scenario: [7] MERGE matches what exists
    Given an empty graph
    And having executed:
      """
      CREATE (:M {k: 1})
      """
    When executing query:
      """
      MERGE (a:M {k: 1})
      RETURN count(a) AS c
      """
    Then the result should be, in any order:
      | c |
      | 1 |
    And no side effects

  Scenario: [8] MERGE sees nodes it created on earlier rows
    Given an empty graph
    When executing query:
      """
      UNWIND [1, 1, 2] AS k
      MERGE (n:K {k: k})
        ON CREATE SET n.created = true
        ON MATCH SET n.matched = true
      """
    Then the result should be empty
    And the side effects should be:
      | +nodes      | 2 |
      | +labels     | 1 |
      | +properties | 5 |
    When executing control query:
      """
      MATCH (n:K)
      RETURN n.k AS k, n.created AS c, n.matched AS m
      """
    Then the result should be, in any order:
      | k | c    | m    |
      | 1 | true | true |
      | 2 | true | null |

  Scenario: [9] MERGE a relationship between bound nodes
    Given an empty graph
    And having executed:
      """
      CREATE (:A {id: 1}), (:B {id: 2})
      """
    When executing query:
      """
      MATCH (a:A), (b:B)
      MERGE (a)-[r:R]->(b)
      RETURN type(r) AS t
      """
    Then the result should be, in any order:
      | t   |
      | 'R' |
    And the side effects should be:
      | +relationships | 1 |

  Scenario: [10] ON CREATE SET with +=
    Given an empty graph
    When executing query:
      """
      MERGE (n:X {id: 1})
        ON CREATE SET n += {a: 1, b: 2}
      RETURN n
      """
    Then the result should be, in any order:
      | n                          |
      | (:X {id: 1, a: 1, b: 2}) |
    And the side effects should be:
      | +nodes      | 1 |
      | +labels     | 1 |
      | +properties | 3 |

  Scenario: [11] SET to null removes the property
    Given an empty graph
    And having executed:
      """
      CREATE (:S {a: 1, b: 2})
      """
    When executing query:
      """
      MATCH (n:S)
      SET n.a = null
      RETURN n
      """
    Then the result should be, in any order:
      | n            |
      | (:S {b: 2}) |
    And the side effects should be:
      | -properties | 1 |

  Scenario: [12] SET += with an empty map changes nothing
    Given an empty graph
    And having executed:
      """
      CREATE (:S {a: 1})
      """
    When executing query:
      """
      MATCH (n:S)
      SET n += {}
      RETURN n.a AS a
      """
    Then the result should be, in any order:
      | a |
      | 1 |
    And no side effects

  Scenario: [13] SET a label and a property together
    Given an empty graph
    And having executed:
      """
      CREATE (:S {a: 1})
      """
    When executing query:
      """
      MATCH (n:S)
      SET n:T, n.c = [1, 2]
      RETURN labels(n) AS l, n.c AS c
      """
    Then the result should be (ignoring element order for lists):
      | l          | c      |
      | ['S', 'T'] | [1, 2] |
    And the side effects should be:
      | +labels     | 1 |
      | +properties | 1 |

  Scenario: [14] REMOVE a property and a label
    Given an empty graph
    And having executed:
      """
      CREATE (:S {a: 1, b: 2})
      """
    When executing query:
      """
      MATCH (n:S)
      REMOVE n.a, n:S
      RETURN n
      """
    Then the result should be, in any order:
      | n         |
      | ({b: 2}) |
    And the side effects should be:
      | -labels     | 1 |
      | -properties | 1 |

  Scenario: [15] Deleting a node that still has relationships fails
    Given an empty graph
    And having executed:
      """
      CREATE (:A)-[:R]->(:B)
      """
    When executing query:
      """
      MATCH (a:A)
      DELETE a
      """
    Then a ConstraintVerificationFailed should be raised at runtime: DeleteConnectedNode

  Scenario: [16] DETACH DELETE removes the relationships too
    Given an empty graph
    And having executed:
      """
      CREATE (:A)-[:R {w: 1}]->(:B)
      """
    When executing query:
      """
      MATCH (n)
      DETACH DELETE n
      RETURN count(*) AS c
      """
    Then the result should be, in any order:
      | c |
      | 2 |
    And the side effects should be:
      | -nodes         | 2 |
      | -relationships | 1 |
      | -labels        | 2 |
      | -properties    | 1 |
