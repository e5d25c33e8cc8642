using KnowledgeGraph.Configuration;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.Configuration;

/// <summary>
/// Turns a configuration mistake found while the host is built or started into one line on standard error and exit
/// code 1: a user who mistyped a setting needs the key and the expected form, not a stack trace.
/// </summary>
public static class ConfigurationErrors
{
    /// <summary>
    /// True for the exceptions the AddX() registrations and option validation raise for bad settings. Only called for
    /// exceptions thrown while building and starting the host, where no request code runs yet.
    /// </summary>
    public static bool IsConfigurationError(Exception exception) =>
        exception is InvalidConfigurationException or OptionsValidationException or InvalidOperationException
        || (exception is AggregateException all && all.InnerExceptions.All(IsConfigurationError));

    /// <summary>Writes the one-line error and returns the exit code.</summary>
    public static int Report(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        // Several option types may fail at once (AggregateException): the first is reported, fixed, then the next.
        if (exception is AggregateException { InnerExceptions.Count: > 0 } all) exception = all.InnerExceptions[0];
        var message = exception is OptionsValidationException options ? string.Join(" ", options.Failures) : exception.Message;
        Console.Error.WriteLine("error: " + message.ReplaceLineEndings(" "));
        return 1;
    }
}
