using KnowledgeGraph.Storage.Model;

namespace KnowledgeGraph.Storage;

/// <summary>
/// A property key or label name that remembers the store's token for it, so a caller that reads the same name many
/// times (a compiled expression, for every row of every run of a cached plan) pays the name lookup once per token
/// table rather than once per read. Pass it to the <see cref="IGraphReader"/> overloads that take one.
/// </summary>
/// <remarks>
/// Safe to share between threads and transactions. The remembered token is tied to the table it was found in
/// (one immutable pair, published by a single reference write): a version that uses another table (a token added
/// since, or a writer's fork) misses and looks the name up again. Tables only grow while their owner writes, so a
/// token found in a table stays right for that table; an absent name is never remembered, because the owner of the
/// table may add it later (a write in the same transaction).
/// </remarks>
public sealed class TokenName
{
    private Resolution? _resolved;

    public TokenName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
    }

    public string Name { get; }

    /// <summary>The token of <see cref="Name"/> in <paramref name="table"/>, or -1 when it has none.</summary>
    internal int Token(TokenTable table)
    {
        var resolved = _resolved;
        if (resolved is not null && ReferenceEquals(resolved.Table, table)) return resolved.Token;
        var token = table.Find(Name);
        if (token >= 0) _resolved = new Resolution(table, token);
        return token;
    }

    public override string ToString() => Name;

    private sealed record Resolution(TokenTable Table, int Token);
}
