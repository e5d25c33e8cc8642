using System.IO.Hashing;
using System.Text;
using KnowledgeGraph.Errors;
using KnowledgeGraph.Storage.Indexes;
using KnowledgeGraph.Storage.Values;
using KnowledgeGraph.Storage.Wal;

namespace KnowledgeGraph.Storage.Transactions;

/// <summary>Index and constraint management, with Neo4j's codes and wording for the failure cases.</summary>
internal sealed partial class WriteTransaction
{
    public IndexDescriptor? CreateIndex(string? name, string label, string property, bool ifNotExists, IndexType type = IndexType.Range)
    {
        ArgumentException.ThrowIfNullOrEmpty(label);
        ArgumentException.ThrowIfNullOrEmpty(property);
        var v = V;
        // A RANGE index keeps its historical default name; other types hash their type in, so a POINT and a RANGE
        // index on the same property (which Neo4j allows side by side) get different names.
        name ??= DefaultName(type == IndexType.Range ? "index" : $"index:{type.Neo4jName()}", label, property);
        var equivalent = FindIndexState(v, label, property, type);
        if (equivalent is not null)
        {
            if (ifNotExists) return null;
            if (equivalent.IsUnique)
            {
                throw new GraphException(
                    ErrorCodes.IndexAlreadyExists,
                    $"There is a uniqueness constraint on (:{Quote(label)} {{{Quote(property)}}}), so an index is already created that matches this.");
            }

            throw new GraphException(ErrorCodes.EquivalentSchemaRuleAlreadyExists, $"An equivalent index already exists, 'Index( name='{equivalent.Descriptor.Name}', type='{type.Neo4jName()}', schema=(:{Quote(label)} {{{Quote(property)}}}) )'.");
        }

        if (NameInUse(name))
        {
            if (ifNotExists) return null;
            throw new GraphException(ErrorCodes.IndexAlreadyExists, $"There already exists an index called '{name}'.");
        }

        if (type == IndexType.Range) _log?.Schema(WalOp.CreateIndex, name, label, property);
        else _log?.CreateTypedIndex(name, label, property, type);
        return v.ApplyCreateIndex(name, label, property, type);
    }

    public bool DropIndex(string name, bool ifExists)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var v = V;
        var index = v.Indexes.FirstOrDefault(i => i.Descriptor.Name == name);
        if (index is null && v.FulltextIndexes.Any(i => i.Descriptor.Name == name))
        {
            _log?.Schema(WalOp.DropIndex, name);
            v.ApplyDropIndex(name);
            return true;
        }

        if (index is null)
        {
            if (ifExists) return false;
            throw new GraphException(ErrorCodes.IndexNotFound, $"Unable to drop index called `{name}`. There is no such index.");
        }

        if (index.IsUnique)
        {
            throw new GraphException(ErrorCodes.IndexNotFound, $"Unable to drop index: Index belongs to constraint: `{name}`");
        }

        _log?.Schema(WalOp.DropIndex, name);
        v.ApplyDropIndex(name);
        return true;
    }

    public ConstraintDescriptor? CreateUniqueConstraint(string? name, string label, string property, bool ifNotExists)
    {
        ArgumentException.ThrowIfNullOrEmpty(label);
        ArgumentException.ThrowIfNullOrEmpty(property);
        var v = V;
        name ??= DefaultName("constraint", label, property);
        var schema = $"(:{Quote(label)} {{{Quote(property)}}})";
        var equivalent = v.Constraints.FirstOrDefault(c => c.Label == label && c.Property == property);
        if (equivalent is not null)
        {
            if (ifNotExists) return null;
            throw new GraphException(ErrorCodes.EquivalentSchemaRuleAlreadyExists, $"An equivalent constraint already exists, 'Constraint( name='{equivalent.Name}', type='UNIQUENESS', schema={schema} )'.");
        }

        if (NameInUse(name))
        {
            if (ifNotExists) return null;
            throw new GraphException(ErrorCodes.ConstraintAlreadyExists, $"There already exists a constraint called '{name}'.");
        }

        if (FindIndexState(v, label, property, IndexType.Range) is not null)
        {
            if (ifNotExists) return null;
            throw new GraphException(ErrorCodes.IndexAlreadyExists, $"There already exists an index {schema}. A constraint cannot be created until the index has been dropped.");
        }

        // Existing duplicates make the creation fail; they sit next to each other in the freshly built index.
        var built = v.BuildIndex(new IndexDescriptor(name, label, property, name));
        IndexEntry? previous = null;
        foreach (var entry in built.Entries)
        {
            if (previous is { } p && ValueOrder.ValueEquals(p.Value, entry.Value))
            {
                throw new GraphException(
                    ErrorCodes.ConstraintCreationFailed,
                    $"Unable to create Constraint( name='{name}', type='UNIQUENESS', schema={schema} ):\nBoth Node({p.NodeId}) and Node({entry.NodeId}) have the label `{label}` and property `{property}` = {PropertyValues.Format(entry.Value)}");
            }

            previous = entry;
        }

        _log?.Schema(WalOp.CreateConstraint, name, label, property);
        var constraint = new ConstraintDescriptor(name, label, property);
        v.AddIndex(built);
        v.AddConstraint(constraint);
        return constraint;
    }

    public bool DropConstraint(string name, bool ifExists)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var v = V;
        if (!v.Constraints.Any(c => c.Name == name))
        {
            if (ifExists) return false;
            throw new GraphException(ErrorCodes.ConstraintNotFound, $"Unable to drop constraint `{name}`: No such constraint {name}.");
        }

        _log?.Schema(WalOp.DropConstraint, name);
        v.ApplyDropConstraint(name);
        return true;
    }

    private bool NameInUse(string name) =>
        VersionUnchecked.Indexes.Any(i => i.Descriptor.Name == name) || VersionUnchecked.Constraints.Any(c => c.Name == name)
        || VersionUnchecked.FulltextIndexes.Any(i => i.Descriptor.Name == name);

    /// <summary>A stable generated name, like Neo4j's <c>index_1a2b3c4d</c> (a hash of the schema).</summary>
    private static string DefaultName(string kind, string label, string property)
    {
        var hash = Crc32.HashToUInt32(Encoding.UTF8.GetBytes($"{kind}:{label}:{property}"));
        return $"{kind}_{hash:x8}";
    }

    private static string Quote(string name) =>
        name.All(c => char.IsLetterOrDigit(c) || c == '_') && !char.IsDigit(name[0]) ? name : "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";
}
