namespace KnowledgeGraph.Cypher.Syntax.Semantics;

/// <summary>Coarse static types used by compile-time checks; <see cref="Any"/> means "not known until runtime".</summary>
internal enum SemKind
{
    Any,
    Null,
    Boolean,
    Integer,
    Float,
    String,
    List,
    Map,
    Node,
    Relationship,
    Path,
}

/// <summary>A static type; lists carry their element type when known.</summary>
internal sealed record SemType(SemKind Kind, SemType? Element = null)
{
    public static readonly SemType Any = new(SemKind.Any);
    public static readonly SemType Null = new(SemKind.Null);
    public static readonly SemType Boolean = new(SemKind.Boolean);
    public static readonly SemType Integer = new(SemKind.Integer);
    public static readonly SemType Float = new(SemKind.Float);
    public static readonly SemType String = new(SemKind.String);
    public static readonly SemType Map = new(SemKind.Map);
    public static readonly SemType Node = new(SemKind.Node);
    public static readonly SemType Relationship = new(SemKind.Relationship);
    public static readonly SemType Path = new(SemKind.Path);
    public static readonly SemType AnyList = new(SemKind.List, Any);

    public static SemType ListOf(SemType element) => new(SemKind.List, element);

    public bool IsKnown => Kind is not SemKind.Any and not SemKind.Null;

    public bool IsNumber => Kind is SemKind.Integer or SemKind.Float;

    /// <summary>Neo4j's spelling in type-mismatch messages.</summary>
    public override string ToString() => Kind switch
    {
        SemKind.List => $"List<{Element ?? Any}>",
        _ => Kind.ToString(),
    };

    /// <summary>The common type of two values (for list literals and CASE).</summary>
    public static SemType Join(SemType a, SemType b)
    {
        if (a.Kind == SemKind.Null)
        {
            return b;
        }

        if (b.Kind == SemKind.Null)
        {
            return a;
        }

        if (a.Kind != b.Kind)
        {
            return Any;
        }

        return a.Kind == SemKind.List ? ListOf(Join(a.Element ?? Any, b.Element ?? Any)) : a;
    }
}
