namespace KnowledgeGraph.Cypher.Syntax.Ast;

/// <summary>
/// <c>LOAD CSV [WITH HEADERS] FROM url AS variable [FIELDTERMINATOR 'c']</c>: one row per CSV record, bound to
/// <see cref="Variable"/> as a map keyed by the header (with headers) or a list of strings (without).
/// <see cref="FieldTerminator"/> is the separator as written (one character, or <c>\t</c>), null for a comma.
/// </summary>
public sealed record LoadCsvClause(bool WithHeaders, Expression Url, string Variable, string? FieldTerminator) : Clause;
