using System.Diagnostics;
using System.Globalization;
using System.Net;
using static KnowledgeGraph.Benchmarks.CommandOptions;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Benchmarks.GraphQLFuzz;

/// <summary>
/// <c>fuzz-graphql</c>: the long run of the GraphQL fuzz test. Starts the real service (the Api build beside this
/// one, on a temporary data directory, Bolt off) unless <c>--url</c> names a running one, posts random and mutated
/// requests from <c>--seed S</c> (default 1) for <c>--seconds N</c> (default 60) on <c>--connections C</c> (default 4),
/// and fails on any answer that is not a GraphQL answer (5xx, no JSON, an error without extensions.code) or when the
/// service stops being healthy. Then times the fault campaign's hostile documents once each.
/// </summary>
public sealed class FuzzGraphQLCommand : IBenchCommand
{
    public string Name => "fuzz-graphql";

    public string Description => "GraphQL fuzzing against the real service: --seconds N --seed S [--connections C] [--url U]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var seconds = IntOption(args, "--seconds", 60);
        var seed = IntOption(args, "--seed", 1);
        var connections = IntOption(args, "--connections", 4);
        var url = Option(args, "--url");
        using var service = url is null ? await ServiceProcess.StartAsync(cancellationToken) : null;
        var baseAddress = new Uri(url ?? service!.BaseAddress);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var endpoint = new Uri(baseAddress, "/graphql");

        var failures = new List<string>();
        var kinds = new Dictionary<string, (int Count, int Failed)>();
        var sent = 0;
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            // one fuzzer per connection, seeded from the run's seed, so a run is reproducible per connection
            var fuzzer = new GraphQLFuzzer(seed * 1_000 + worker);
            while (watch.Elapsed < TimeSpan.FromSeconds(seconds) && !cancellationToken.IsCancellationRequested)
            {
                var fuzzCase = fuzzer.Next();
                string? problem;
                try
                {
                    problem = await GraphQLFuzzer.CheckAsync(http, endpoint, fuzzCase, cancellationToken);
                }
                catch (HttpRequestException e)
                {
                    problem = "no answer: " + e.Message;
                }
                lock (failures)
                {
                    sent++;
                    var (count, failed) = kinds.GetValueOrDefault(fuzzCase.Kind);
                    kinds[fuzzCase.Kind] = (count + 1, failed + (problem is null ? 0 : 1));
                    if (problem is not null && failures.Count < 20)
                        failures.Add($"seed {seed}, connection {worker}, {fuzzCase.Kind}: {problem}\n  body: {Preview(fuzzCase.Body)}");
                }
            }
        }, cancellationToken)).ToList();
        await Task.WhenAll(workers);

        Console.WriteLine($"fuzz-graphql: seed {seed}, {connections} connections, {sent} requests in {watch.Elapsed.TotalSeconds:0.0} s ({sent / watch.Elapsed.TotalSeconds:0} requests/s)");
        Console.WriteLine("| case kind | requests | failures |");
        Console.WriteLine("|---|---|---|");
        foreach (var (kind, (count, failed)) in kinds.OrderBy(k => k.Key, StringComparer.Ordinal))
            Console.WriteLine($"| {kind} | {count} | {failed} |");
        foreach (var f in failures) Console.WriteLine("FAIL " + f);

        await TimeHostileAsync(http, endpoint);

        using var health = await http.GetAsync(new Uri(baseAddress, "/health"), cancellationToken);
        var healthy = health.StatusCode == HttpStatusCode.OK && service?.HasExited != true;
        Console.WriteLine(healthy ? "service healthy after the run" : $"service NOT healthy after the run: HTTP {(int)health.StatusCode}");
        return failures.Count == 0 && healthy ? 0 : 1;
    }

    /// <summary>The fault campaign's documents, each posted once, with the answer's code and time.</summary>
    private static async Task TimeHostileAsync(HttpClient http, Uri endpoint)
    {
        static string FanOut(int levels)
        {
            var b = new StringBuilder("query { people { nodes { ...F").Append(levels).Append(" } } } fragment F0 on Person { name } ");
            for (var i = 1; i <= levels; i++) b.Append(CultureInfo.InvariantCulture, $"fragment F{i} on Person {{ ...F{i - 1} ...F{i - 1} }} ");
            return b.ToString();
        }
        (string Name, string Query)[] cases =
        [
            ("fragment fan-out, 39 levels", FanOut(39)),
            ("32,000 x __typename", "{ " + string.Concat(Enumerable.Repeat("__typename ", 32_000)) + "}"),
            ("2,500 x __typename", "{ " + string.Concat(Enumerable.Repeat("__typename ", 2_500)) + "}"),
            ("600 conflicting aliases", "{ " + string.Join(' ', Enumerable.Range(0, 600).Select(i => $"a: entity(key: \"k{i}\") {{ key }}")) + " }"),
            ("44 conflicting aliases (under the pair cap)", "{ " + string.Join(' ', Enumerable.Range(0, 44).Select(i => $"a: entity(key: \"k{i}\") {{ key }}")) + " }"),
            ("999 fragments in one selection", "{ " + string.Join(' ', Enumerable.Range(0, 999).Select(i => $"...H{i}")) + " } " + string.Join(' ', Enumerable.Range(0, 999).Select(i => $"fragment H{i} on Query {{ a{i}: __typename }}"))),
            ("63 fragments in one selection (under the pair cap)", "{ " + string.Join(' ', Enumerable.Range(0, 63).Select(i => $"...H{i}")) + " } " + string.Join(' ', Enumerable.Range(0, 63).Select(i => $"fragment H{i} on Query {{ a{i}: __typename }}"))),
            ("1,999 distinct fields", "{ " + string.Join(' ', Enumerable.Range(0, 1_999).Select(i => $"a{i}: __typename")) + " }"),
            ("or-nesting, 43 levels", "{ people(where: " + string.Concat(Enumerable.Repeat("{ or: [", 43)) + "{ key: { eq: \"x\" } }" + string.Concat(Enumerable.Repeat("] }", 43)) + ") { nodes { key } } }"),
        ];
        Console.WriteLine();
        Console.WriteLine("| hostile document | HTTP | code | ms |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (name, query) in cases)
        {
            var body = "{\"query\":" + JsonSerializer.Serialize(query) + "}";
            var watch = Stopwatch.StartNew();
            using var response = await http.PostAsync(endpoint, new StringContent(body, Encoding.UTF8, "application/json"));
            var text = await response.Content.ReadAsStringAsync();
            watch.Stop();
            string code;
            try
            {
                using var json = JsonDocument.Parse(text);
                code = json.RootElement.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0
                    ? errors[0].GetProperty("extensions").GetProperty("code").GetString() ?? "?"
                    : "(data)";
            }
            catch (JsonException)
            {
                code = "(not JSON)";
            }
            Console.WriteLine($"| {name} | {(int)response.StatusCode} | {code} | {watch.Elapsed.TotalMilliseconds:0} |");
        }
    }

    private static string Preview(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        return text.Length <= 240 ? text : text[..240] + $"... ({body.Length} bytes)";
    }

    /// <summary>The service as a child process: the Api build of the same configuration as this one.</summary>
    private sealed class ServiceProcess : IDisposable
    {
        private readonly Process _process;
        private readonly string _data;

        private ServiceProcess(Process process, string data, string baseAddress)
        {
            _process = process;
            _data = data;
            BaseAddress = baseAddress;
        }

        public string BaseAddress { get; }

        public bool HasExited => _process.HasExited;

        public static async Task<ServiceProcess> StartAsync(CancellationToken ct)
        {
            var dll = FindApi();
            var port = FreePort();
            var data = Path.Combine(Path.GetTempPath(), "kg-fuzz-" + Guid.NewGuid().ToString("N"));
            var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
            info.ArgumentList.Add(dll);
            info.ArgumentList.Add($"--Urls=http://127.0.0.1:{port}");
            info.ArgumentList.Add($"--Graph:DataDirectory={data}");
            info.ArgumentList.Add("--Bolt:Enabled=false");
            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            info.Environment["Logging__LogLevel__Default"] = "Warning";
            var process = Process.Start(info)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var service = new ServiceProcess(process, data, $"http://127.0.0.1:{port}");
            using var http = new HttpClient();
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (DateTime.UtcNow < deadline && !process.HasExited)
            {
                try
                {
                    using var response = await http.GetAsync(service.BaseAddress + "/health", ct);
                    if (response.StatusCode == HttpStatusCode.OK) return service;
                }
                catch (HttpRequestException)
                {
                }
                await Task.Delay(250, ct);
            }
            service.Dispose();
            throw new InvalidOperationException("the service did not become healthy within 120 s");
        }

        private static string FindApi()
        {
            // tests/KnowledgeGraph.Benchmarks/bin/<Configuration>/net10.0/ -> src/KnowledgeGraph.Api/bin/<Configuration>/net10.0/
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = output.Parent!.Name;
            for (var dir = output; dir is not null; dir = dir.Parent)
            {
                var dll = Path.Combine(dir.FullName, "src", "KnowledgeGraph.Api", "bin", configuration, output.Name, "KnowledgeGraph.Api.dll");
                if (File.Exists(dll)) return dll;
            }
            throw new FileNotFoundException($"KnowledgeGraph.Api.dll ({configuration}) not found; build src/KnowledgeGraph.Api or pass --url.");
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
            _process.Dispose();
            try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
        }
    }
}
