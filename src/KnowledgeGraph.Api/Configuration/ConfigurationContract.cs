using System.Globalization;
using System.Reflection;

namespace KnowledgeGraph.Api.Configuration;

/// <summary>
/// Checks the service's configuration sections before anything starts: every key under a known section must
/// name a property of that section's options type, and every value must convert to the property's type.
/// A violation throws <see cref="InvalidConfigurationException"/> with one line naming the key and the expected form,
/// so a typo such as <c>Bolt:Prot</c> fails at start instead of being silently ignored.
/// </summary>
public static class ConfigurationContract
{
    /// <summary>Validates the keys of <paramref name="sectionName"/> against <typeparamref name="TOptions"/>'s shape.</summary>
    public static void ValidateKeys<TOptions>(IConfiguration configuration, string sectionName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ValidateSection(configuration.GetSection(sectionName), typeof(TOptions), sectionName);
    }

    private static void ValidateSection(IConfigurationSection section, Type type, string path)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite || IsNestedOptions(p.PropertyType))
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

        foreach (var child in section.GetChildren())
        {
            var key = $"{path}:{child.Key}";
            if (!properties.TryGetValue(child.Key, out var property))
            {
                var known = string.Join(", ", properties.Keys.Order(StringComparer.Ordinal).Select(k => $"{path}:{k}"));
                throw new InvalidConfigurationException($"Unknown configuration key '{key}'; expected one of: {known}.");
            }

            if (IsNestedOptions(property.PropertyType))
            {
                ValidateSection(child, property.PropertyType, key);
                continue;
            }

            if (IsList(property.PropertyType))
                continue;

            if (child.Value is null)
            {
                // A section where a scalar was expected, e.g. Bolt:Port:X = 1.
                if (child.GetChildren().Any())
                    throw new InvalidConfigurationException($"Configuration key '{key}' must be {Describe(property.PropertyType)}, not a section.");
                continue;
            }

            if (!CanConvert(child.Value, property.PropertyType))
                throw new InvalidConfigurationException(
                    $"Configuration key '{key}' must be {Describe(property.PropertyType)} (got '{child.Value}').");
        }
    }

    private static bool IsNestedOptions(Type type) =>
        type.IsClass && type != typeof(string) && !type.IsArray && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type);

    private static bool IsList(Type type) =>
        type != typeof(string) && (type.IsArray || typeof(System.Collections.IEnumerable).IsAssignableFrom(type));

    private static bool CanConvert(string value, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string)) return true;
        if (target == typeof(bool)) return bool.TryParse(value, out _);
        if (target == typeof(int)) return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);
        if (target == typeof(long)) return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);
        if (target == typeof(double)) return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        if (target == typeof(TimeSpan)) return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out _);
        if (target.IsEnum) return Enum.TryParse(target, value, ignoreCase: true, out _);
        return true;
    }

    private static string Describe(Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(bool)) return "true or false";
        if (target == typeof(int) || target == typeof(long)) return "an integer";
        if (target == typeof(double)) return "a number";
        if (target == typeof(TimeSpan)) return "a time span such as 00:00:30";
        if (target.IsEnum) return "one of " + string.Join(", ", Enum.GetNames(target));
        return "a string";
    }
}
