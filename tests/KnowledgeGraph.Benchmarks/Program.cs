using System.Reflection;
using KnowledgeGraph.Benchmarks;

// dotnet run -c Release --project tests/KnowledgeGraph.Benchmarks -- <command> [options]
var commands = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchCommand).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchCommand)Activator.CreateInstance(t)!)
    .OrderBy(c => c.Name, StringComparer.Ordinal)
    .ToList();

var command = args.Length > 0 ? commands.FirstOrDefault(c => c.Name == args[0]) : null;
if (command is null)
{
    Console.Error.WriteLine("usage: KnowledgeGraph.Benchmarks <command> [options]");
    foreach (var c in commands) Console.Error.WriteLine($"  {c.Name,-10} {c.Description}");
    return 2;
}

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
return await command.RunAsync(args[1..], cts.Token);
