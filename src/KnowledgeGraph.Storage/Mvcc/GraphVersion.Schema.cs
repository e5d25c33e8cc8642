namespace KnowledgeGraph.Storage.Mvcc;

/// <summary>Schema changes shared by the writer and log replay (validation happens in the writer).</summary>
internal sealed partial class GraphVersion
{
    public IndexDescriptor ApplyCreateIndex(string name, string label, string property, IndexType type = IndexType.Range)
    {
        var descriptor = new IndexDescriptor(name, label, property, null, type);
        AddIndex(BuildIndex(descriptor));
        return descriptor;
    }

    public void ApplyDropIndex(string name) => RemoveIndex(name);

    public ConstraintDescriptor ApplyCreateConstraint(string name, string label, string property)
    {
        var constraint = new ConstraintDescriptor(name, label, property);
        AddIndex(BuildIndex(new IndexDescriptor(name, label, property, name)));
        AddConstraint(constraint);
        return constraint;
    }

    public void ApplyDropConstraint(string name)
    {
        RemoveConstraint(name);
        RemoveIndex(name);
    }
}
