using KnowledgeGraph.Cypher.Memory;
using KnowledgeGraph.Cypher.QueryErrors;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Expressions;

/// <summary>State of one aggregate function over one group. Nulls are skipped (except by count(*)).</summary>
internal sealed class Aggregator
{
    private readonly string _name;
    private readonly FunctionCall? _call;
    private readonly HashSet<object?>? _distinct;
    // Only collect, stdev and the percentiles keep values: created on the first one, so the other aggregates (and
    // empty groups) allocate no list.
    private List<object?>? _values;
    private long _count;
    // The shared box of 0 (most aggregators are not sums; a box each was 24 bytes per group and aggregate).
    private object? _sum = Boxed.Of(0L);
    private object? _minmax;
    private Expression? _percentileArg;
    private object? _percentile;

    /// <summary>Estimated bytes this aggregator accounted to the transaction (collected values, DISTINCT set).</summary>
    public long AccountedBytes { get; private set; }

    private void Account(long bytes, ExecContext ctx)
    {
        ctx.Memory.Grow(bytes);
        AccountedBytes += bytes;
    }

    private Aggregator(string name, FunctionCall? call)
    {
        _name = name;
        _call = call;
        if (call is { Distinct: true }) _distinct = new HashSet<object?>(Equivalence.Instance);
    }

    public static Aggregator Create(Expression e) => e switch
    {
        CountStar => new Aggregator("count*", null),
        FunctionCall f => new Aggregator(f.Name.ToLowerInvariant(), f),
        _ => throw new InvalidOperationException("not an aggregate"),
    };

    public void Add(Row row, ExecContext ctx)
    {
        if (_call is null)
        {
            _count++;
            return;
        }
        if (_call.Arguments.Count == 0) throw Err.Semantic($"{_call.Name}() requires an argument", "InvalidNumberOfArguments", true);
        var v = Evaluator.Eval(_call.Arguments[0], row, ctx);
        if (_name is "percentilecont" or "percentiledisc" && _call.Arguments.Count > 1 && _percentileArg is null)
        {
            _percentileArg = _call.Arguments[1];
            _percentile = Evaluator.Eval(_percentileArg, row, ctx);
        }
        AddValue(v, ctx);
    }

    /// <summary>Adds an already evaluated argument (compiled plans evaluate it themselves); count(*) counts every
    /// call. Not for the percentiles, whose second argument is read from the row.</summary>
    public void AddValue(object? v, ExecContext ctx)
    {
        if (_call is null)
        {
            _count++;
            return;
        }
        if (v is null) return;
        if (_distinct is not null)
        {
            if (!_distinct.Add(v)) return;
            Account(24 + MemoryEstimate.Of(v), ctx);
        }
        _count++;
        switch (_name)
        {
            case "sum":
            case "avg":
                if (!CypherValues.IsNumber(v) && !TemporalBridge.IsTemporal(v))
                    throw Err.Type($"{_name}() can only handle numerical values, duration, and null. Got {CypherValues.TypeName(v)}");
                _sum = Evaluator.Apply(BinaryOperator.Add, _sum is 0L && TemporalBridge.IsTemporal(v) ? null : _sum, v) ?? v;
                break;
            case "min":
                if (_minmax is null || CypherValues.OrderCompare(v, _minmax) < 0) _minmax = v;
                break;
            case "max":
                if (_minmax is null || CypherValues.OrderCompare(v, _minmax) > 0) _minmax = v;
                break;
            case "collect":
            case "stdev":
            case "stdevp":
            case "percentilecont":
            case "percentiledisc":
                if (_name != "collect" && !CypherValues.IsNumber(v))
                    throw Err.Type($"{_name}() expects numbers but got {CypherValues.TypeName(v)}");
                (_values ??= []).Add(v);
                Account(8 + MemoryEstimate.Of(v), ctx);
                break;
        }
    }

    public object? Result()
    {
        switch (_name)
        {
            case "count*":
            case "count": return _count;
            case "sum": return _sum;
            case "avg":
                if (_count == 0) return null;
                if (_sum is long l) return (double)l / _count;
                if (_sum is double d) return d / _count;
                return Evaluator.Apply(BinaryOperator.Divide, _sum, _count);
            case "min":
            case "max": return _minmax;
            case "collect":
                // The result is a second copy of the collected values.
                {
                    // The collected list itself is the result: the aggregator is done once its group is produced
                    // (nothing adds to it after Result), and lists are values nobody mutates after they are built.
                    return _values ?? [];
                }
            case "stdev":
            case "stdevp":
                {
                    if (_values is null || _values.Count == 0) return 0.0;
                    var xs = _values.Select(x => Evaluator.ToDouble(x!)).ToList();
                    var mean = xs.Average();
                    var ss = xs.Sum(x => (x - mean) * (x - mean));
                    var n = _name == "stdev" ? xs.Count - 1 : xs.Count;
                    return n <= 0 ? 0.0 : Math.Sqrt(ss / n);
                }
            default:
                {
                    if (_percentile is null && _percentileArg is null) return null;
                    var p = _percentile switch
                    {
                        long pl => (double)pl,
                        double pd => pd,
                        _ => throw Err.Type("percentile must be a number"),
                    };
                    if (p < 0 || p > 1) throw Err.Argument($"Number out of range: {p}", "NumberOutOfRange");
                    if (_values is null || _values.Count == 0) return null;
                    var sorted = _values.OrderBy(x => x, CypherValues.OrderComparer).ToList();
                    if (_name == "percentiledisc")
                    {
                        var idx = p == 0 ? 0 : (int)Math.Ceiling(p * sorted.Count) - 1;
                        return sorted[Math.Clamp(idx, 0, sorted.Count - 1)];
                    }
                    var pos = p * (sorted.Count - 1);
                    var lo = (int)Math.Floor(pos);
                    var hi = (int)Math.Ceiling(pos);
                    var a = Evaluator.ToDouble(sorted[lo]!);
                    var b = Evaluator.ToDouble(sorted[hi]!);
                    return a + (b - a) * (pos - lo);
                }
        }
    }
}
