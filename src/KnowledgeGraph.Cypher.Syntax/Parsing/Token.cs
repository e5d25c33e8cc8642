namespace KnowledgeGraph.Cypher.Syntax.Parsing;

/// <summary>Lexical token kinds.</summary>
internal enum TokenKind
{
    /// <summary>A bare word: identifier or keyword (keywords are recognised by the parser, case-insensitively).</summary>
    Identifier,

    /// <summary>A backtick-quoted name; <see cref="Token.Value"/> holds the unescaped name. Never a keyword.</summary>
    QuotedIdentifier,

    /// <summary>An integer literal; <see cref="Token.Text"/> holds the digits as written (0x / 0o prefixes kept).</summary>
    Integer,

    /// <summary>A floating point literal as written.</summary>
    Float,

    /// <summary>A string literal; <see cref="Token.Value"/> holds the unescaped text.</summary>
    String,

    /// <summary>Punctuation or operator; <see cref="Token.Text"/> is the symbol.</summary>
    Symbol,

    /// <summary>End of input.</summary>
    Eof,
}

/// <summary>A token with its position (offset 0-based; line and column 1-based).</summary>
internal readonly record struct Token(TokenKind Kind, string Text, string Value, int Offset, int Length)
{
    public int End => Offset + Length;

    public bool IsSymbol(string s) => Kind == TokenKind.Symbol && Text == s;

    /// <summary>True for an unquoted word equal to <paramref name="keyword"/> ignoring case.</summary>
    public bool IsKeyword(string keyword) => Kind == TokenKind.Identifier && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>True for any name usable as a symbolic name (bare or quoted).</summary>
    public bool IsName => Kind is TokenKind.Identifier or TokenKind.QuotedIdentifier;
}
