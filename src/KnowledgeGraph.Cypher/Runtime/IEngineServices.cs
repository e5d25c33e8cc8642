namespace KnowledgeGraph.Cypher.Runtime;

/// <summary>A procedure body: arguments and the running query's context in, rows of output values out.</summary>
internal delegate IEnumerable<IReadOnlyList<object?>> ProcedureBody(IReadOnlyList<object?> args, ExecContext ctx);

/// <summary>
/// What a running statement needs from the database beyond its transaction's reader and writer: the procedures and
/// user functions it may call, and the default time zone of temporal values. The runtime sees the database only
/// through this (implemented by <see cref="GraphDatabase"/>), so new engine services join here, one member each.
/// </summary>
internal interface IEngineServices
{
    /// <summary>Zone used by temporal functions when a value is built without one (<c>Graph:DefaultTimeZone</c>).</summary>
    string DefaultTimeZone { get; }

    /// <summary>The folder <c>LOAD CSV</c> file URLs resolve in (<c>Graph:ImportDirectory</c>); null refuses them.</summary>
    string? ImportDirectory { get; }

    /// <summary>Whether <c>LOAD CSV</c> may read http(s) URLs (<c>Graph:ImportAllowHttp</c>).</summary>
    bool AllowHttpImport { get; }

    /// <summary>The procedure registered under <paramref name="name"/> (case-insensitive).</summary>
    bool TryGetProcedure(string name, out ProcedureSignature signature, out ProcedureBody body);

    /// <summary>True when the procedure registered under <paramref name="name"/> declares a writing mode (WRITE or
    /// SCHEMA); unknown procedures read (the call fails later with ProcedureNotFound).</summary>
    bool ProcedureWrites(string name);

    /// <summary><see cref="ProcedureWrites"/> as one shared delegate: every statement, and every query of it the
    /// executor builds, asks whether it writes, and a delegate made per question was about ten allocations per statement.</summary>
    Func<string, bool> ProcedureWritesCheck { get; }

    /// <summary>The user-defined function registered under the lower-cased qualified <paramref name="lowerName"/>.</summary>
    bool TryGetFunction(string lowerName, out Func<object?[], object?> function);

    /// <summary>When the database was opened (db.info(), SHOW DATABASES).</summary>
    DateTimeOffset OpenedAt { get; }

    /// <summary>Every registered procedure with what SHOW PROCEDURES says of it.</summary>
    IEnumerable<(ProcedureSignature Signature, ProcedureInfo Info)> Procedures { get; }

    /// <summary>Every registered (non built-in) function, for SHOW FUNCTIONS.</summary>
    IEnumerable<FunctionInfo> Functions { get; }
}

/// <summary>The transaction a statement runs in, as the runtime's limit checks see it.</summary>
internal interface ITransactionControl
{
    /// <summary>Who terminated the transaction (<c>TERMINATE TRANSACTIONS</c>), or null while it may run.</summary>
    string? TerminatedBy { get; }

    /// <summary>True once the client cancelled (Bolt RESET, GOODBYE, disconnect).</summary>
    bool Cancelled { get; }

    /// <summary>The session the transaction belongs to (its user, connection and database).</summary>
    Driver.SessionOptions Session { get; }
}
