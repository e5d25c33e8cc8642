using System.Runtime.CompilerServices;
using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Session;

/// <summary>
/// The statements of texts parsed lately, found by the text's reference rather than its contents: a caller that keeps
/// its statement text (the GraphQL layer's compiled cache hands the same string to every request) finds the statement
/// without hashing and comparing the text, 5 KB for a <c>paths</c> request. Direct-mapped by the string's identity
/// hash. Invariant: a slot holds one immutable pair, so a reader never pairs a text with another text's statement.
/// Texts that arrive as new strings every time (Bolt) only replace slots; the statement cache by contents stays the
/// authority.
/// </summary>
internal sealed class RecentStatements
{
    private const int Slots = 16; // a power of two (the slot is the hash's low bits)

    private sealed record Pair(string Text, Statement Statement);

    private readonly Pair?[] _slots = new Pair?[Slots];

    /// <summary>The statement kept for this very string instance, or null.</summary>
    public Statement? Find(string text) =>
        Volatile.Read(ref _slots[Slot(text)]) is { } pair && ReferenceEquals(pair.Text, text) ? pair.Statement : null;

    /// <summary>Keeps <paramref name="statement"/> for this string instance, replacing whatever its slot held.</summary>
    public void Keep(string text, Statement statement) => Volatile.Write(ref _slots[Slot(text)], new Pair(text, statement));

    /// <summary>Forgets every statement (when the statement cache is dropped for a reason other than its size).</summary>
    public void Clear()
    {
        for (var i = 0; i < Slots; i++) Volatile.Write(ref _slots[i], null);
    }

    private static int Slot(string text) => RuntimeHelpers.GetHashCode(text) & (Slots - 1);
}
