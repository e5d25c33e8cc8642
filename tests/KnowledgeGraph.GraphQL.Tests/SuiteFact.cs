using Xunit.Abstractions;
using Xunit.Sdk;

namespace KnowledgeGraph.GraphQL.Tests;

/// <summary>
/// A fact of a suite that runs against several servers (embedded, over Bolt, on Neo4j). The suite is written once,
/// in an abstract base class; each concrete class picks a server, and may skip the whole suite for a reason only it
/// knows (say, no Neo4j reachable) with a <see cref="SuiteSkipAttribute"/>.
/// </summary>
[XunitTestCaseDiscoverer("KnowledgeGraph.GraphQL.Tests.SuiteFactDiscoverer", "KnowledgeGraph.GraphQL.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class SuiteFactAttribute : FactAttribute;

/// <summary>On a concrete test class: when <see cref="Reason"/> is not null, every <see cref="SuiteFactAttribute"/>
/// test of the class is reported as skipped with it (its fixtures still get created, so they check the same condition).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public abstract class SuiteSkipAttribute : Attribute
{
    public abstract string? Reason { get; }
}

/// <summary>Reads the skip reason off the concrete test class (a base method's attribute cannot know it).</summary>
public sealed class SuiteFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var reason = testMethod.TestClass.Class.GetCustomAttributes(typeof(SuiteSkipAttribute))
            .OfType<IReflectionAttributeInfo>()
            .Select(a => ((SuiteSkipAttribute)a.Attribute).Reason)
            .FirstOrDefault(r => r is not null);
        // A Skip written on the fact itself still wins, as with [Fact].
        reason ??= factAttribute.GetNamedArgument<string?>(nameof(FactAttribute.Skip));
        yield return reason is null
            ? new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod)
            : new XunitSkippedDataRowTestCase(diagnosticMessageSink, display, displayOptions, testMethod, reason);
    }
}
