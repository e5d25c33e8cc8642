namespace KnowledgeGraph.Cypher.Runtime;

/// <summary>What SHOW PROCEDURES says of a procedure besides its signature (which carries its mode): whether it runs
/// on the <c>system</c> database, and whether it is built in (APOC's are not).</summary>
internal sealed record ProcedureInfo(string Description, bool WorksOnSystem, bool BuiltIn = true, bool Admin = false);

/// <summary>A function SHOW FUNCTIONS lists: Neo4j 5 signature text (<c>name(arg :: TYPE, ...) :: TYPE</c>),
/// category, description, and whether it is built in and aggregating.</summary>
internal sealed record FunctionInfo(string Name, string Category, string Signature, string Description, bool BuiltIn, bool Aggregating = false);
