using KnowledgeGraph.Cypher.QueryErrors;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Functions;

internal static partial class FunctionRegistry
{
    private static Fn D(string name, Func<double, double> f) => (a, c) => a[0] is null ? null : f(Num(a[0], name));

    private static void AddMath(Dictionary<string, (int, int, Fn)> d)
    {
        d["abs"] = (1, 1, (a, c) => a[0] switch
        {
            null => null,
            long l => l == long.MinValue ? throw Err.Arithmetic("long overflow") : Math.Abs(l),
            double x => Math.Abs(x),
            _ => throw Err.Type($"abs() expects a number but got {CypherValues.TypeName(a[0])}"),
        });
        d["ceil"] = (1, 1, D("ceil", Math.Ceiling));
        d["floor"] = (1, 1, D("floor", Math.Floor));
        d["round"] = (1, 3, (a, c) =>
        {
            if (a[0] is null) return null;
            var x = Num(a[0], "round");
            if (a.Length == 1) return Math.Floor(x + 0.5);
            if (a[1] is null) return null;
            var precision = Int(a[1], "round");
            var mode = a.Length > 2 ? Str(a[2], "round").ToUpperInvariant() : "HALF_UP";
            return RoundWithMode((decimal?)SafeDecimal(x) ?? 0, x, (int)precision, mode);
        });
        d["sign"] = (1, 1, (a, c) => a[0] switch
        {
            null => null,
            long l => (long)Math.Sign(l),
            double x => double.IsNaN(x) ? 0L : (long)Math.Sign(x),
            _ => throw Err.Type($"sign() expects a number but got {CypherValues.TypeName(a[0])}"),
        });
        d["rand"] = (0, 0, (a, c) => c.Random.NextDouble());
        d["sqrt"] = (1, 1, D("sqrt", Math.Sqrt));
        d["exp"] = (1, 1, D("exp", Math.Exp));
        d["log"] = (1, 1, D("log", Math.Log));
        d["log10"] = (1, 1, D("log10", Math.Log10));
        d["e"] = (0, 0, (a, c) => Math.E);
        d["pi"] = (0, 0, (a, c) => Math.PI);
        d["sin"] = (1, 1, D("sin", Math.Sin));
        d["cos"] = (1, 1, D("cos", Math.Cos));
        d["tan"] = (1, 1, D("tan", Math.Tan));
        d["cot"] = (1, 1, D("cot", x => 1 / Math.Tan(x)));
        d["asin"] = (1, 1, D("asin", Math.Asin));
        d["acos"] = (1, 1, D("acos", Math.Acos));
        d["atan"] = (1, 1, D("atan", Math.Atan));
        d["atan2"] = (2, 2, (a, c) => a[0] is null || a[1] is null ? null : Math.Atan2(Num(a[0], "atan2"), Num(a[1], "atan2")));
        d["degrees"] = (1, 1, D("degrees", x => x * 180.0 / Math.PI));
        d["radians"] = (1, 1, D("radians", x => x * Math.PI / 180.0));
        d["haversin"] = (1, 1, D("haversin", x => (1 - Math.Cos(x)) / 2));
        d["isnan"] = (1, 1, (a, c) => a[0] is null ? null : double.IsNaN(Num(a[0], "isNaN")));
    }

    private static decimal? SafeDecimal(double x)
    {
        if (double.IsNaN(x) || double.IsInfinity(x) || Math.Abs(x) > 7.9e27) return null;
        return (decimal)x;
    }

    private static double RoundWithMode(decimal value, double raw, int precision, string mode)
    {
        if (double.IsNaN(raw) || double.IsInfinity(raw) || SafeDecimal(raw) is null) return raw;
        precision = Math.Clamp(precision, 0, 28);
        var sign = Math.Sign(value);
        var scale = (decimal)Math.Pow(10, precision);
        var scaled = value * scale;
        var floor = Math.Floor(Math.Abs(scaled));
        var frac = Math.Abs(scaled) - floor;
        decimal resultAbs = mode switch
        {
            "UP" => frac > 0 ? floor + 1 : floor,
            "DOWN" => floor,
            "CEILING" => sign >= 0 ? (frac > 0 ? floor + 1 : floor) : floor,
            "FLOOR" => sign >= 0 ? floor : (frac > 0 ? floor + 1 : floor),
            "HALF_DOWN" => frac > 0.5m ? floor + 1 : floor,
            "HALF_EVEN" => frac > 0.5m || (frac == 0.5m && floor % 2 == 1) ? floor + 1 : floor,
            "HALF_UP" => frac >= 0.5m ? floor + 1 : floor,
            "UNNECESSARY" => frac == 0 ? floor : throw Err.Argument("Rounding necessary"),
            _ => throw Err.Argument($"Unknown rounding mode {mode}"),
        };
        return (double)(sign * resultAbs / scale);
    }
}
