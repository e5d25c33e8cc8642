using System.Collections;
using System.Runtime.CompilerServices;

namespace KnowledgeGraph.Cypher.Syntax.Ast;

/// <summary>Where a node starts in the query text: 0-based offset, 1-based line and column, and its length.</summary>
public readonly record struct SourceSpan(int Offset, int Line, int Column, int Length)
{
    /// <summary>The offset one past the last character.</summary>
    public int End => Offset + Length;

    /// <summary>Neo4j's position suffix: <c>line 1, column 34 (offset: 33)</c>.</summary>
    public override string ToString() => $"line {Line}, column {Column} (offset: {Offset})";
}

/// <summary>
/// The base of every syntax node. Equality is structural and ignores <see cref="Span"/>, so two occurrences of
/// the same expression text (e.g. a grouping key repeated in ORDER BY) compare equal.
/// </summary>
public abstract record AstNode
{
    /// <summary>Where the node was written. Default for nodes built by code.</summary>
    public SourceSpan Span { get; init; }

    /// <summary>Structural equality; <see cref="Span"/> is deliberately not part of it.</summary>
    public virtual bool Equals(AstNode? other) => other is not null && EqualityContract == other.EqualityContract;

    /// <inheritdoc />
    public override int GetHashCode() => EqualityContract.GetHashCode();
}

/// <summary>Builds <see cref="AstList{T}"/> from collection expressions.</summary>
public static class AstList
{
    /// <summary>Creates a list holding a copy of <paramref name="items"/>.</summary>
    public static AstList<T> Create<T>(ReadOnlySpan<T> items) => items.IsEmpty ? AstList<T>.Empty : new AstList<T>(items.ToArray());

    /// <summary>Creates a list holding a copy of <paramref name="items"/>.</summary>
    public static AstList<T> From<T>(IEnumerable<T> items) => new([.. items]);
}

/// <summary>An immutable list with structural equality, so records holding lists compare by content.</summary>
[CollectionBuilder(typeof(AstList), nameof(AstList.Create))]
public sealed class AstList<T> : IReadOnlyList<T>, IEquatable<AstList<T>>
{
    private readonly T[] _items;

    /// <summary>The empty list.</summary>
    public static AstList<T> Empty { get; } = new([]);

    internal AstList(T[] items) => _items = items;

    /// <inheritdoc />
    public T this[int index] => _items[index];

    /// <inheritdoc />
    public int Count => _items.Length;

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    /// <inheritdoc />
    public bool Equals(AstList<T>? other)
    {
        if (other is null || other._items.Length != _items.Length)
        {
            return false;
        }

        var cmp = EqualityComparer<T>.Default;
        for (var i = 0; i < _items.Length; i++)
        {
            if (!cmp.Equals(_items[i], other._items[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AstList<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => "[" + string.Join(", ", _items) + "]";
}
