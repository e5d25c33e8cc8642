namespace KnowledgeGraph.Errors;

/// <summary>
/// The Neo4j status codes this project raises, in one list. Storage, the Cypher engine and Bolt all use these
/// strings, so a client sees the same code whether the embedded engine or a real Neo4j answered.
/// </summary>
public static class ErrorCodes
{
    public const string SyntaxError = "Neo.ClientError.Statement.SyntaxError";
    public const string SemanticError = "Neo.ClientError.Statement.SemanticError";
    public const string TypeError = "Neo.ClientError.Statement.TypeError";
    public const string ArgumentError = "Neo.ClientError.Statement.ArgumentError";
    public const string ArithmeticError = "Neo.ClientError.Statement.ArithmeticError";
    public const string ParameterMissing = "Neo.ClientError.Statement.ParameterMissing";
    public const string EntityNotFound = "Neo.ClientError.Statement.EntityNotFound";
    public const string AccessMode = "Neo.ClientError.Statement.AccessMode";
    public const string ConstraintValidationFailed = "Neo.ClientError.Schema.ConstraintValidationFailed";
    public const string ConstraintCreationFailed = "Neo.ClientError.Schema.ConstraintCreationFailed";
    public const string EquivalentSchemaRuleAlreadyExists = "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists";
    public const string IndexAlreadyExists = "Neo.ClientError.Schema.IndexAlreadyExists";
    public const string ConstraintAlreadyExists = "Neo.ClientError.Schema.ConstraintAlreadyExists";
    public const string IndexNotFound = "Neo.ClientError.Schema.IndexDropFailed";
    public const string ConstraintNotFound = "Neo.ClientError.Schema.ConstraintDropFailed";
    /// <summary>The server's default timeout (<c>Graph:TransactionTimeout</c>, Neo4j's db.transaction.timeout) expired.</summary>
    public const string TransactionTimedOut = "Neo.ClientError.Transaction.TransactionTimedOut";

    /// <summary>The timeout the client set when it began the transaction expired (Neo4j 5).</summary>
    public const string TransactionTimedOutClientConfiguration = "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration";

    /// <summary>The transaction was terminated by <c>TERMINATE TRANSACTIONS</c> (a caller cancelling gets <see cref="TransactionTerminated"/>).</summary>
    public const string TransactionTerminatedWhileRunning = "Neo.TransientError.Transaction.Terminated";

    /// <summary>A transaction, or all running ones together, needed more memory than their limit allows.</summary>
    public const string MemoryPoolOutOfMemory = "Neo.TransientError.General.MemoryPoolOutOfMemoryError";
    public const string TransactionStartFailed = "Neo.DatabaseError.Transaction.TransactionStartFailed";
    public const string TransactionTerminated = "Neo.ClientError.Transaction.Terminated";
    public const string InvalidBookmark = "Neo.ClientError.Transaction.InvalidBookmark";
    /// <summary>A change identifier that is malformed, from another database, or older than the retained changes.</summary>
    public const string CdcInvalidIdentifier = "Neo.ClientError.ChangeDataCapture.InvalidIdentifier";
    /// <summary>Change data capture is off for this database.</summary>
    public const string CdcDisabled = "Neo.DatabaseError.ChangeDataCapture.Disabled";
    public const string DatabaseNotFound = "Neo.ClientError.Database.DatabaseNotFound";
    public const string Unauthorized = "Neo.ClientError.Security.Unauthorized";
    public const string Forbidden = "Neo.ClientError.Security.Forbidden";
    public const string ProtocolError = "Neo.ClientError.Request.Invalid";
    public const string InvalidFormat = "Neo.ClientError.Request.InvalidFormat";
    public const string DatabaseUnavailable = "Neo.TransientError.General.DatabaseUnavailable";
    public const string DeadlockDetected = "Neo.TransientError.Transaction.DeadlockDetected";
    public const string StorageError = "Neo.DatabaseError.General.StorageDamageDetected";
    public const string UnknownError = "Neo.DatabaseError.General.UnknownError";
    public const string ServiceUnavailable = "Neo.TransientError.General.ServiceUnavailable";

    /// <summary>True for both timeout codes (server default and client-configured).</summary>
    public static bool IsTimeout(string code) => code is TransactionTimedOut or TransactionTimedOutClientConfiguration;

    /// <summary>The GQLSTATUS Neo4j 5.x reports beside a status code (best effort; 50N42 otherwise).</summary>
    public static string GqlStatusOf(string code) => code switch
    {
        SyntaxError => "42001",
        SemanticError => "42N00",
        TypeError => "22G03",
        ArgumentError => "22N00",
        ArithmeticError => "22003",
        ParameterMissing => "42N51",
        ConstraintValidationFailed => "22N41",
        EntityNotFound => "42N00",
        TransactionTimedOut or TransactionTimedOutClientConfiguration => "25N05",
        TransactionStartFailed => "25N17",
        Unauthorized => "42NFF",
        Forbidden => "42NFF",
        _ => "50N42",
    };
}
