// Type definitions of the knowledge graph for @neo4j/graphql (labels, properties and relationships as seeded:
// cypher/schema.cypher and seeds/). Shared by the GraphQL battery and the fulltext check.
export const typeDefs = /* GraphQL */ `
  type Person @node {
    key: String!
    name: String!
    title: String
    description: String
    aliases: [String!]!
    citizenOf: [Country!]! @relationship(type: "CITIZEN_OF", direction: OUT)
    represents: [Country!]! @relationship(type: "REPRESENTS", direction: OUT)
    memberOf: [Organization!]! @relationship(type: "MEMBER_OF", direction: OUT)
    attended: [Meeting!]! @relationship(type: "ATTENDED", direction: OUT, properties: "Attendance")
    stated: [Claim!]! @relationship(type: "STATED", direction: OUT)
    claimCount: Int! @cypher(statement: "MATCH (this)-[:STATED]->(c:Claim) RETURN count(c) AS n", columnName: "n")
    countryNames: [String!]! @cypher(statement: "MATCH (this)-[:CITIZEN_OF]->(c:Country) RETURN c.name AS n ORDER BY n", columnName: "n")
  }

  type Country @node {
    key: String!
    name: String!
    isoCode: String!
    aliases: [String!]!
    citizens: [Person!]! @relationship(type: "CITIZEN_OF", direction: IN)
    mediates: [Conflict!]! @relationship(type: "MEDIATES", direction: OUT)
    partyTo: [Conflict!]! @relationship(type: "PARTY_TO", direction: OUT)
    attended: [Meeting!]! @relationship(type: "ATTENDED", direction: OUT)
    memberOf: [Organization!]! @relationship(type: "MEMBER_OF", direction: OUT)
    drafted: [Proposal!]! @relationship(type: "DRAFTED", direction: OUT)
    capitals: [Place!]! @relationship(type: "CAPITAL_OF", direction: IN)
  }

  type Organization @node {
    key: String!
    name: String!
    category: String!
    description: String
    aliases: [String!]!
    members: [Person!]! @relationship(type: "MEMBER_OF", direction: IN)
    partOf: [Country!]! @relationship(type: "PART_OF", direction: OUT)
    drafted: [Proposal!]! @relationship(type: "DRAFTED", direction: OUT)
  }

  type Meeting @node {
    key: String!
    name: String!
    meetingType: String!
    status: String!
    startDate: String
    endDate: String
    durationDays: Int
    description: String
    attendees: [Person!]! @relationship(type: "ATTENDED", direction: IN, properties: "Attendance")
    countries: [Country!]! @relationship(type: "ATTENDED", direction: IN)
    heldIn: [Place!]! @relationship(type: "HELD_IN", direction: OUT)
    discussed: [Proposal!]! @relationship(type: "DISCUSSED", direction: OUT)
    facts: [Fact!]! @relationship(type: "HAS_FACT", direction: OUT)
  }

  type Attendance @relationshipProperties {
    role: String
    date: String
    confidence: String
  }

  type Place @node {
    key: String!
    name: String!
    placeType: String!
    aliases: [String!]!
    capitalOf: [Country!]! @relationship(type: "CAPITAL_OF", direction: OUT)
  }

  type Proposal @node {
    key: String!
    name: String!
    date: String!
    status: String!
    description: String!
    pointCount: Int
    covers: [Topic!]! @relationship(type: "COVERS", direction: OUT)
    draftedBy: [Country!]! @relationship(type: "DRAFTED", direction: IN)
  }

  type Topic @node {
    key: String!
    name: String!
    coveredBy: [Proposal!]! @relationship(type: "COVERS", direction: IN)
  }

  type Conflict @node {
    key: String!
    name: String!
    status: String!
    mediators: [Country!]! @relationship(type: "MEDIATES", direction: IN)
  }

  type Source @node {
    key: String!
    name: String!
    sourceType: String!
    description: String
    published: [Document!]! @relationship(type: "PUBLISHED", direction: OUT)
  }

  type Document @node {
    key: String!
    name: String!
    language: String!
    description: String!
    publishedDate: String
    publishedBy: [Source!]! @relationship(type: "PUBLISHED", direction: IN)
    mentionsPeople: [Person!]! @relationship(type: "MENTIONS", direction: OUT)
  }

  type Claim @node {
    key: String!
    name: String!
    text: String!
    stance: String!
    tier: String!
    confidence: String!
    independentSources: Int!
    statedBy: [Person!]! @relationship(type: "STATED", direction: IN)
    reportedBy: [Source!]! @relationship(type: "REPORTED_BY", direction: OUT)
  }

  type Fact @node {
    key: String!
    name: String!
    property: String!
    value: String!
    tier: String!
  }
`;
