using System.Text;
using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Syntax.Parsing;

/// <summary>Type expressions of Neo4j 5 type predicates (<c>IS :: TYPE</c>).</summary>
internal sealed partial class Parser
{
    private static readonly HashSet<string> TypeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "ANY", "NOTHING", "NULL", "BOOL", "BOOLEAN", "STRING", "VARCHAR", "INT", "INTEGER", "SIGNED", "FLOAT", "DATE",
        "LOCAL", "ZONED", "TIME", "DATETIME", "TIMESTAMP", "DURATION", "POINT", "NODE", "VERTEX", "RELATIONSHIP", "EDGE",
        "MAP", "PATH", "PROPERTY", "VALUE",
    };

    /// <summary>At <c>IS [NOT] ::</c>, <c>IS [NOT] TYPED</c> or <c>::</c>?</summary>
    private bool AtTypePredicate() =>
        Cur.IsSymbol("::")
        || (Cur.IsKeyword("IS") && (Peek().IsSymbol("::") || Peek().IsKeyword("TYPED")
            || (Peek().IsKeyword("NOT") && (Peek(2).IsSymbol("::") || Peek(2).IsKeyword("TYPED")))));

    private Expression TypePredicateAfter(Expression operand, int start)
    {
        var negated = false;
        if (TryKeyword("IS"))
        {
            negated = TryKeyword("NOT");
            if (!TrySymbol("::"))
            {
                ExpectKeyword("TYPED");
            }
        }
        else
        {
            ExpectSymbol("::");
        }

        return At(start, new TypePredicate(operand, TypeText(), negated));
    }

    /// <summary><c>type ( | type )*</c>, normalised.</summary>
    private string TypeText()
    {
        var sb = new StringBuilder(SingleType());
        while (Cur.IsSymbol("|") && _barIsDelimiter == 0
               && (TypeWords.Contains(Peek().Text) || Peek().IsKeyword("LIST") || Peek().IsKeyword("ARRAY")))
        {
            Advance();
            sb.Append(" | ").Append(SingleType());
        }

        return sb.ToString();
    }

    private string SingleType()
    {
        var sb = new StringBuilder();
        if (Cur.IsKeyword("LIST") || Cur.IsKeyword("ARRAY"))
        {
            sb.Append(Advance().Text.ToUpperInvariant());
            ExpectSymbol("<");
            sb.Append('<').Append(TypeText());
            ExpectSymbol(">");
            sb.Append('>');
        }
        else
        {
            if (!(Cur.Kind == TokenKind.Identifier && TypeWords.Contains(Cur.Text)))
            {
                Expecting("a type");
                throw Fail();
            }

            while (Cur.Kind == TokenKind.Identifier && TypeWords.Contains(Cur.Text) && !(sb.Length > 0 && Cur.IsKeyword("NULL")))
            {
                sb.Append(sb.Length > 0 ? " " : "").Append(Advance().Text.ToUpperInvariant());
                if ((Cur.IsKeyword("WITH") || Cur.IsKeyword("WITHOUT")) && Peek().IsKeyword("TIME") && Peek(2).IsKeyword("ZONE"))
                {
                    sb.Append(' ').Append(Advance().Text.ToUpperInvariant()).Append(" TIME ZONE");
                    _i += 2;
                }
            }
        }

        if (Cur.IsKeyword("NOT") && Peek().IsKeyword("NULL"))
        {
            _i += 2;
            sb.Append(" NOT NULL");
        }

        return sb.ToString();
    }
}
