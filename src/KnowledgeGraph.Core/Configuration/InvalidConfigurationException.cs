namespace KnowledgeGraph.Configuration;

/// <summary>A configuration value is unknown or malformed. The message is one line naming the key and the expected form.</summary>
public sealed class InvalidConfigurationException(string message) : Exception(message);
