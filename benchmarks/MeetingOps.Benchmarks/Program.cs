using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace MeetingOps.Benchmarks;

/// <summary>
/// Runs the benchmarks chosen on the command line (<c>--filter '*Importer*'</c>, <c>--list flat</c>, <c>--job short</c>).
/// Results go to BenchmarkDotNet.Artifacts in the build output (git-ignored), not into the working tree.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        var config = DefaultConfig.Instance.WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }

    /// <summary>A file of <c>samples/</c>, embedded in this assembly so the benchmark finds it wherever BenchmarkDotNet runs it.</summary>
    public static string Sample(string name)
    {
        using var stream = typeof(Program).Assembly.GetManifestResourceStream("samples/" + name)
            ?? throw new InvalidOperationException($"samples/{name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
