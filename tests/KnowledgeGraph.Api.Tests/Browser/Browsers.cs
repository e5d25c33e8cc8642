using KnowledgeGraph.Testing;
using Xunit;

namespace KnowledgeGraph.Api.Tests.Browser;

/// <summary>The real browser the page and browser-driver tests drive: Debian's Chromium (no browser download).</summary>
internal static class Browsers
{
    /// <summary><c>CHROMIUM_PATH</c> when set, else <c>chromium</c> or <c>chromium-browser</c> on the PATH; null when none.</summary>
    public static string? Chromium { get; } =
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured && File.Exists(configured) ? configured
        : CypherDialectTool.FindTool("chromium") ?? CypherDialectTool.FindTool("chromium-browser");
}

/// <summary>A fact skipped, with the reason, where Node.js or Debian's Chromium is missing (these tests drive a real
/// browser through puppeteer-core).</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!CypherDialectTool.IsNodeAvailable)
            Skip = "Node.js (node, npm) is not installed: this test drives Chromium through puppeteer-core.";
        else if (Browsers.Chromium is null)
            Skip = "Chromium is not installed (apt-get install chromium; .ci/run does it): this test needs a real browser.";
    }
}
