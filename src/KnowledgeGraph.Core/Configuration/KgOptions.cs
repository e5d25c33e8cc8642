using System.Collections;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Configuration;

/// <summary>An options type bound from a configuration section (registered by <see cref="KgOptionsExtensions.AddKgOptions{TOptions, TValidator}"/>):
/// the service's known keys are derived from these.</summary>
public sealed record KgOptionsSection(string Section, Type OptionsType);

/// <summary>
/// The one way settings are read: a typed options class bound from its section, checked by one validator at start
/// (<c>ValidateOnStart</c>). Registering it also makes its keys known, so a key no registered type has stops the
/// service (see <see cref="KgConfiguration.CheckKeys"/>).
/// </summary>
public static class KgOptionsExtensions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> from <paramref name="section"/> (e.g. <c>"Bolt"</c>, <c>"Graph:Neo4j"</c>),
    /// validates it with <typeparamref name="TValidator"/> when the host starts, and records its keys as known. A value
    /// of the wrong form (<c>Bolt:Port=seven</c>) fails binding with one line naming the key.
    /// </summary>
    public static OptionsBuilder<TOptions> AddKgOptions<TOptions, TValidator>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(section);
        services.AddKnownConfiguration<TOptions>(section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        var bound = configuration.GetSection(section);
        return services.AddOptions<TOptions>().Configure(o => KgConfiguration.Bind(bound, o)).ValidateOnStart();
    }

    /// <summary>Records <typeparamref name="TOptions"/>'s keys under <paramref name="section"/> as known without binding
    /// it (for a type another registration binds, e.g. only when its feature is switched on).</summary>
    public static IServiceCollection AddKnownConfiguration<TOptions>(this IServiceCollection services, string section)
    {
        ArgumentNullException.ThrowIfNull(services);
        var entry = new KgOptionsSection(section, typeof(TOptions));
        if (!services.Any(d => d.ServiceType == typeof(KgOptionsSection) && Equals(d.ImplementationInstance, entry)))
            services.AddSingleton(entry);
        return services;
    }
}

/// <summary>Known keys, derived from the registered options types, and the form each value must take.</summary>
public static class KgConfiguration
{
    private enum Form
    {
        Text,
        Boolean,
        Integer,
        Number,
        TimeSpan,
        List,
    }

    /// <summary>The option sections registered in <paramref name="services"/>.</summary>
    public static IReadOnlyList<KgOptionsSection> Sections(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.Where(d => d.ServiceType == typeof(KgOptionsSection)).Select(d => d.ImplementationInstance).OfType<KgOptionsSection>().ToList();
    }

    /// <summary>Every known key (<c>Bolt:Port</c>, <c>Graph:Neo4j:Uri</c>, ...), sorted.</summary>
    public static IReadOnlyList<string> Keys(IEnumerable<KgOptionsSection> sections) =>
        [.. KeyForms(sections).Keys.Order(StringComparer.OrdinalIgnoreCase)];

    /// <summary>
    /// Throws <see cref="InvalidConfigurationException"/> (one line) for the first key under a registered top-level
    /// section (<c>Graph</c>, <c>Bolt</c>, ...) that no registered options type has, or whose value has the wrong form.
    /// </summary>
    public static void CheckKeys(IConfiguration configuration, IEnumerable<KgOptionsSection> sections)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var forms = KeyForms(sections);
        var roots = forms.Keys.Select(k => k.Split(':')[0]).Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var root in roots) CheckChildren(configuration.GetSection(root), root, forms);
    }

    /// <summary>Binds <paramref name="section"/> into <paramref name="options"/> after checking each value's form, so a
    /// wrong value fails with one line naming its key rather than the binder's conversion message.</summary>
    public static void Bind(IConfigurationSection section, object options)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(options);
        var forms = new Dictionary<string, Form>(StringComparer.OrdinalIgnoreCase);
        Collect(options.GetType(), section.Path, forms, 0);
        foreach (var (key, form) in forms)
            if (section.GetSection(key[(section.Path.Length + 1)..]) is { Value: { } value } && !Accepts(form, value))
                throw Malformed(key, form, value);
        section.Bind(options);
    }

    private static Dictionary<string, Form> KeyForms(IEnumerable<KgOptionsSection> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var forms = new Dictionary<string, Form>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in sections) Collect(s.OptionsType, s.Section, forms, 0);
        return forms;
    }

    private static void Collect(Type type, string path, Dictionary<string, Form> into, int depth)
    {
        if (depth > 8) throw new InvalidOperationException($"Options type {type.Name} nests too deeply under {path}.");
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.GetIndexParameters().Length != 0 || p.SetMethod is not { IsPublic: true }) continue;
            var key = path + ":" + p.Name;
            if (FormOf(p.PropertyType) is { } form) into[key] = form;
            else Collect(p.PropertyType, key, into, depth + 1);
        }
    }

    private static Form? FormOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type.IsEnum || type == typeof(Uri)) return Form.Text;
        if (type == typeof(bool)) return Form.Boolean;
        if (type == typeof(int) || type == typeof(long) || type == typeof(short)) return Form.Integer;
        if (type == typeof(double) || type == typeof(decimal) || type == typeof(float)) return Form.Number;
        if (type == typeof(TimeSpan)) return Form.TimeSpan;
        if (type.IsArray || typeof(IEnumerable).IsAssignableFrom(type)) return Form.List;
        return type.IsClass ? null : Form.Text;
    }

    private static void CheckChildren(IConfigurationSection section, string path, Dictionary<string, Form> forms)
    {
        foreach (var child in section.GetChildren())
        {
            var key = $"{path}:{child.Key}";
            if (forms.TryGetValue(key, out var form))
            {
                if (form == Form.List) continue;
                if (child.Value is null && child.GetChildren().Any())
                    throw new InvalidConfigurationException($"Configuration key '{key}' must be {Describe(form)}, not a section.");
                if (child.Value is { } value && !Accepts(form, value)) throw Malformed(key, form, value);
                continue;
            }

            var prefix = key + ":";
            if (forms.Keys.Any(k => k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                CheckChildren(child, key, forms);
                continue;
            }

            var known = string.Join(", ", forms.Keys.Where(k => k.StartsWith(path + ":", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.OrdinalIgnoreCase));
            throw new InvalidConfigurationException($"Unknown configuration key '{key}'; expected one of: {known}.");
        }
    }

    private static InvalidConfigurationException Malformed(string key, Form form, string value) =>
        new($"Configuration key '{key}' must be {Describe(form)} (got '{value}').");

    private static bool Accepts(Form form, string value) => string.IsNullOrWhiteSpace(value) || form switch
    {
        Form.Boolean => bool.TryParse(value.Trim(), out _),
        Form.Integer => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        Form.Number => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
        Form.TimeSpan => TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero,
        _ => true,
    };

    private static string Describe(Form form) => form switch
    {
        Form.Boolean => "true or false",
        Form.Integer => "an integer",
        Form.Number => "a number",
        Form.TimeSpan => "a time span such as 00:00:30",
        Form.List => "a list",
        _ => "a string",
    };
}
