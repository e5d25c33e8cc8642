// Linked into test projects with and without global usings (Xunit): a using needed in one is redundant in another.
#pragma warning disable IDE0005
using System.Diagnostics;
using Xunit;

// Linked into Storage.Tests (store-level disk-full tests) and Api.Tests (the service process on a full disk).
namespace KnowledgeGraph.Testing;

/// <summary>A fact that needs <see cref="SmallFileSystem"/>: skipped, with the reason, where tmpfs cannot be mounted.</summary>
public sealed class SmallFileSystemFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Missing = new(() =>
    {
        using var probe = SmallFileSystem.TryMount(1);
        return probe.SkipReason;
    });

    public SmallFileSystemFactAttribute()
    {
        if (Missing.Value is { } reason) Skip = reason;
    }
}

/// <summary>A size-limited tmpfs mounted for one test (Linux, root); <see cref="SkipReason"/> says why not otherwise.</summary>
public sealed class SmallFileSystem : IDisposable
{
    private SmallFileSystem(string path, string? skipReason)
    {
        Path = path;
        SkipReason = skipReason;
    }

    public string Path { get; }

    public string? SkipReason { get; }

    public static SmallFileSystem TryMount(int megabytes)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kg-small-fs", Guid.NewGuid().ToString("N"));
        if (!OperatingSystem.IsLinux()) return new SmallFileSystem(path, "a size-limited file system needs Linux tmpfs");
        Directory.CreateDirectory(path);
        var (code, output) = Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", path);
        if (code != 0)
        {
            Directory.Delete(path);
            return new SmallFileSystem(path, $"cannot mount a {megabytes} MiB tmpfs here (needs root or CAP_SYS_ADMIN): {output.Trim()}");
        }

        return new SmallFileSystem(path, null);
    }

    /// <summary>Writes zeros into <paramref name="path"/> until the file system is full.</summary>
    public static void Fill(string path)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 0);
        var block = new byte[64 * 1024];
        try
        {
            while (true) file.Write(block);
        }
        catch (IOException)
        {
            // Full. Fill the remainder byte-wise blocks too small for a whole 64 KiB write.
        }

        try
        {
            while (true) file.Write(block.AsSpan(0, 512));
        }
        catch (IOException)
        {
            // Full down to the last block.
        }
    }

    public void Dispose()
    {
        if (SkipReason is not null) return;
        Run("umount", "-l", Path);
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private static (int Code, string Output) Run(string file, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in args) start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}
