using System.Globalization;

namespace KnowledgeGraph.Api.Configuration;

/// <summary>
/// The service's configuration contract: every key it reads under <c>Graph</c>, <c>Bolt</c>, <c>GraphQL</c> and
/// <c>Seed</c> and <c>Ingestion</c>, with the form each value must take. Checked before anything starts, so a typo such as
/// <c>Bolt:Prot</c> or a value such as <c>Bolt:Port=seven</c> stops the service with one line naming the key,
/// instead of being silently ignored. The projects that own a section check their finer rules themselves.
/// </summary>
public static class ConfigurationContract
{
    private enum Form
    {
        Text,
        Boolean,
        Integer,
        TimeSpan,
        List,
        ByteSize,
    }

    private static readonly Dictionary<string, Form> Keys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Graph:Provider"] = Form.Text,
        ["Graph:DataDirectory"] = Form.Text,
        ["Graph:Neo4j:Uri"] = Form.Text,
        ["Graph:Neo4j:Username"] = Form.Text,
        ["Graph:Neo4j:Password"] = Form.Text,
        ["Graph:Neo4j:MaxConnectionPoolSize"] = Form.Integer,
        ["Graph:Neo4j:FetchSize"] = Form.Integer,
        ["Graph:Neo4j:ConnectionTimeoutSeconds"] = Form.Integer,
        ["Graph:SlowQueryThreshold"] = Form.TimeSpan,
        ["Graph:TransactionTimeout"] = Form.TimeSpan,
        ["Graph:MemoryLimit:Transaction"] = Form.ByteSize,
        ["Graph:MemoryLimit:Global"] = Form.ByteSize,
        ["Graph:BackupDirectory"] = Form.Text,
        ["Graph:Recovery:AcceptDataLoss"] = Form.Boolean,

        ["Bolt:Enabled"] = Form.Boolean,
        ["Bolt:Address"] = Form.Text,
        ["Bolt:Port"] = Form.Integer,
        ["Bolt:Username"] = Form.Text,
        ["Bolt:Password"] = Form.Text,
        ["Bolt:ReadOnlyUsername"] = Form.Text,
        ["Bolt:ReadOnlyPassword"] = Form.Text,
        ["Bolt:MaxConnections"] = Form.Integer,
        ["Bolt:MaxPendingConnections"] = Form.Integer,
        ["Bolt:MaxConnectionsPerAddress"] = Form.Integer,
        ["Bolt:LoginDelayMilliseconds"] = Form.Integer,
        ["Bolt:LoginMaxDelaySeconds"] = Form.Integer,
        ["Bolt:IdleTimeoutSeconds"] = Form.Integer,
        ["Bolt:HandshakeTimeoutSeconds"] = Form.Integer,
        ["Bolt:MaxMessageBytes"] = Form.Integer,
        ["Bolt:AdvertisedAddress"] = Form.Text,
        ["Bolt:RoutingTtlSeconds"] = Form.Integer,
        ["Bolt:Tls:CertificatePath"] = Form.Text,
        ["Bolt:Tls:CertificatePassword"] = Form.Text,

        ["GraphQL:ApiKey"] = Form.Text,
        ["GraphQL:MaxDepth"] = Form.Integer,
        ["GraphQL:MaxComplexity"] = Form.Integer,
        ["GraphQL:DefaultPageSize"] = Form.Integer,
        ["GraphQL:MaxPageSize"] = Form.Integer,
        ["GraphQL:MaxHops"] = Form.Integer,
        ["GraphQL:QueryTimeout"] = Form.TimeSpan,
        ["GraphQL:MaxRequestBytes"] = Form.Integer,
        ["GraphQL:CorsOrigins"] = Form.List,
        ["GraphQL:ExplainAlways"] = Form.Boolean,
        ["GraphQL:EnableIde"] = Form.Boolean,
        ["GraphQL:MaxTokens"] = Form.Integer,
        ["GraphQL:MaxFields"] = Form.Integer,
        ["GraphQL:MaxFragmentSpreads"] = Form.Integer,
        ["GraphQL:MaxFieldPairs"] = Form.Integer,
        ["GraphQL:MaxDocumentDepth"] = Form.Integer,
        ["GraphQL:MaxVariablesDepth"] = Form.Integer,

        ["Seed:OnStartup"] = Form.Boolean,
        ["Seed:Directory"] = Form.Text,
        ["Ingestion:MaxTextLength"] = Form.Integer,
        ["Ingestion:LexiconDirectory"] = Form.Text,
    };

    private static readonly string[] Sections = ["Graph", "Bolt", "GraphQL", "Seed", "Ingestion"];

    /// <summary>Throws <see cref="InvalidConfigurationException"/> for the first unknown key or malformed value, or
    /// for a setting the environment forbids.</summary>
    public static void Validate(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        foreach (var section in Sections)
            ValidateChildren(configuration.GetSection(section), section);
        // The seeding service checks this too, but only once the host starts, after the host has logged the failure with
        // its stack trace; saying it here keeps it to one line.
        if (configuration["Seed:Directory"] is { Length: > 0 } seeds
            && !Directory.Exists(Path.GetFullPath(seeds, environment.ContentRootPath)))
            throw new InvalidConfigurationException(
                $"Configuration key 'Seed:Directory' must name an existing directory (got '{seeds}', resolved against {environment.ContentRootPath}).");
        // The Bolt server refuses this too, but only once the graph has opened and been seeded; saying it here stops
        // the service before anything starts, with one line.
        if (!environment.IsDevelopment() && configuration.GetValue("Bolt:Enabled", true) && string.IsNullOrEmpty(configuration["Bolt:Password"]))
            throw new InvalidConfigurationException(
                $"Configuration key 'Bolt:Password' must be set in the {environment.EnvironmentName} environment (or set Bolt:Enabled=false): Bolt is not served without authentication.");
    }

    private static void ValidateChildren(IConfigurationSection section, string path)
    {
        foreach (var child in section.GetChildren())
        {
            var key = $"{path}:{child.Key}";
            if (Keys.TryGetValue(key, out var form))
            {
                if (form == Form.List) continue;
                if (child.Value is null && child.GetChildren().Any())
                    throw new InvalidConfigurationException($"Configuration key '{key}' must be {Describe(form)}, not a section.");
                if (child.Value is { } value && !Accepts(form, value))
                    throw new InvalidConfigurationException($"Configuration key '{key}' must be {Describe(form)} (got '{value}').");
                continue;
            }

            var prefix = key + ":";
            if (Keys.Keys.Any(k => k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                ValidateChildren(child, key);
                continue;
            }

            var known = string.Join(", ", Keys.Keys.Where(k => k.StartsWith(path + ":", StringComparison.OrdinalIgnoreCase)));
            throw new InvalidConfigurationException($"Unknown configuration key '{key}'; expected one of: {known}.");
        }
    }

    private static bool Accepts(Form form, string value) => form switch
    {
        Form.Boolean => bool.TryParse(value, out _),
        Form.Integer => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        Form.TimeSpan => System.TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span) && span >= System.TimeSpan.Zero,
        Form.ByteSize => Graph.ByteSize.TryParse(value, out _),
        _ => true,
    };

    private static string Describe(Form form) => form switch
    {
        Form.Boolean => "true or false",
        Form.Integer => "an integer",
        Form.TimeSpan => "a time span such as 00:00:30",
        Form.ByteSize => "a byte size such as 512MB, 2GB or 0",
        Form.List => "a list",
        _ => "a string",
    };
}
