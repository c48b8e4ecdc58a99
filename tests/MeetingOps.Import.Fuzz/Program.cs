using System.Diagnostics;
using System.Text;
using MeetingOps.Domain.Definition;
using MeetingOps.Domain.Import;
using MeetingOps.Import.Tests;
using SharpFuzz;

namespace MeetingOps.Import.Fuzz;

/// <summary>
/// Fuzz harness for <see cref="AgendaImporter"/>. Modes (see README.md):
/// <c>afl</c> (SharpFuzz out-of-process, for afl-fuzz), <c>libfuzzer</c> (for libfuzzer-dotnet),
/// <c>instrument &lt;dll&gt;</c> (adds SharpFuzz coverage to MeetingOps.Domain.dll), and
/// <c>replay [files or folders…] [--mutations N] [--seed S]</c>, which runs in process over a corpus and N mutations of it.
/// Any broken invariant is thrown (a crash for the fuzzer) or, in replay, counted and the exit code is 1.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var mode = args.Length > 0 ? args[0] : "replay";
        switch (mode)
        {
            case "afl":
                Fuzzer.OutOfProcess.Run(stream =>
                {
                    using var buffer = new MemoryStream();
                    stream.CopyTo(buffer);
                    Check(buffer.ToArray());
                });
                return 0;
            case "libfuzzer":
                Fuzzer.LibFuzzer.Run(span => Check(span.ToArray()));
                return 0;
            case "instrument" when args.Length > 1:
                var count = 0;
                Fuzzer.Instrument(args[1], type => { var hit = type.StartsWith("MeetingOps.Domain.Import", StringComparison.Ordinal); count += hit ? 1 : 0; return hit; }, Options.Value);
                Console.WriteLine($"Instrumented {count} types of MeetingOps.Domain.Import in {args[1]}.");
                return 0;
            case "replay":
                return Replay(args.Skip(1).ToArray());
            default:
                Console.Error.WriteLine("usage: MeetingOps.Import.Fuzz afl | libfuzzer | instrument <MeetingOps.Domain.dll> | replay [files or folders…] [--mutations N] [--seed S]");
                return 2;
        }
    }

    /// <summary>The invariants: a valid definition or errors (never both, never neither), no internal error, lines in range.</summary>
    public static void Check(byte[] input)
    {
        var result = AgendaImporter.Import(input);
        if (result.Errors.FirstOrDefault(e => e.Code == ImportErrorCodes.Internal) is { } internalError)
        {
            throw new InvalidOperationException(internalError.Message);
        }
        if ((result.Definition is null) != (result.Errors.Count > 0))
        {
            throw new InvalidOperationException("A definition and errors together, or neither.");
        }
        if (result.Definition is { } definition && DefinitionValidator.Validate(definition) is { IsValid: false } check)
        {
            throw new InvalidOperationException("The imported definition is not valid: " + string.Join("; ", check.Problems));
        }
        if (result.Warnings.Any(w => w.Line < 0) || result.Errors.Any(e => e.Line < 0))
        {
            throw new InvalidOperationException("A negative line number.");
        }
    }

    private static int Replay(string[] args)
    {
        var mutations = 10_000;
        var seed = 1;
        var paths = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--mutations" && i + 1 < args.Length)
            {
                mutations = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (args[i] == "--seed" && i + 1 < args.Length)
            {
                seed = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                paths.Add(args[i]);
            }
        }
        if (paths.Count == 0)
        {
            paths.Add(Path.Combine(AppContext.BaseDirectory, "corpus"));
        }
        var corpus = new List<(string Name, byte[] Bytes)>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                corpus.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => (f, File.ReadAllBytes(f))));
            }
            else if (File.Exists(path))
            {
                corpus.Add((path, File.ReadAllBytes(path)));
            }
        }
        corpus.Add(("Documents.Geneva", Encoding.UTF8.GetBytes(Documents.Geneva)));
        corpus.Add(("Documents.NewYork", Encoding.UTF8.GetBytes(Documents.NewYork)));

        var failures = 0;
        var slowest = TimeSpan.Zero;
        var slowestName = "";
        var clock = Stopwatch.StartNew();
        bool Run(string name, byte[] input)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                Check(input);
                return true;
            }
            catch (Exception e)
            {
                failures++;
                var file = Path.Combine(Path.GetTempPath(), $"meetingops-fuzz-failure-{failures}.txt");
                File.WriteAllBytes(file, input);
                Console.Error.WriteLine($"FAIL {name}: {e.GetType().Name}: {e.Message} (input saved to {file})");
                return false;
            }
            finally
            {
                var took = Stopwatch.GetElapsedTime(started);
                if (took > slowest)
                {
                    (slowest, slowestName) = (took, name);
                }
            }
        }

        foreach (var (name, bytes) in corpus)
        {
            Run(name, bytes);
        }
        var random = new Random(seed);
        for (var n = 0; n < mutations && corpus.Count > 0; n++)
        {
            var (name, bytes) = corpus[random.Next(corpus.Count)];
            Run($"{Path.GetFileName(name)} mutation {n} (seed {seed})", Mutate(bytes, random));
        }
        Console.WriteLine($"replay: {corpus.Count} corpus files, {mutations:N0} mutations, {failures} failures, {clock.Elapsed.TotalSeconds:F1} s, slowest input {slowest.TotalMilliseconds:F0} ms ({Path.GetFileName(slowestName)})");
        return failures == 0 ? 0 : 1;
    }

    private static readonly string[] Tokens =
    [
        "\n", "\t", "(", ")", "1. ", "(a) ", "(continued)", "Annotations\n", "Annex\n", "Documentation\n", "10 a.m.–1 p.m.\t", "Monday, 23 May 2022\n",
        "V.22-00869 (E)\n", "CTOC/COP/WG.3/2022/9", "<i>", "[x](#)", "\0", "joint item", "Vienna, 23–27 May 2022\n", "Item 2. ", "2.1 ", "a) ",
    ];

    /// <summary>AFL-style havoc on bytes and lines: flips, inserts, deletes, splices, line shuffles, truncation.</summary>
    public static byte[] Mutate(byte[] input, Random random)
    {
        var data = new List<byte>(input);
        var rounds = 1 + random.Next(8);
        for (var r = 0; r < rounds; r++)
        {
            var at = data.Count == 0 ? 0 : random.Next(data.Count + 1);
            switch (random.Next(8))
            {
                case 0 when data.Count > 0:
                    data[Math.Min(at, data.Count - 1)] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    data.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]));
                    break;
                case 2 when data.Count > 0:
                    data.RemoveRange(Math.Min(at, data.Count - 1), Math.Min(random.Next(1, 200), data.Count - Math.Min(at, data.Count - 1)));
                    break;
                case 3:
                    var from = data.Count == 0 ? 0 : random.Next(data.Count);
                    var length = Math.Min(random.Next(1, 400), data.Count - from);
                    data.InsertRange(at, data.GetRange(from, length));
                    break;
                case 4:
                    data.RemoveRange(at, data.Count - at);
                    break;
                case 5:
                    var lines = Encoding.UTF8.GetString(data.ToArray()).Split('\n').ToList();
                    if (lines.Count > 1)
                    {
                        var a = random.Next(lines.Count);
                        var b = random.Next(lines.Count);
                        (lines[a], lines[b]) = (lines[b], lines[a]);
                    }
                    data = new List<byte>(Encoding.UTF8.GetBytes(string.Join('\n', lines)));
                    break;
                case 6:
                    var text = Encoding.UTF8.GetString(data.ToArray());
                    var nl = text.IndexOf('\n', Math.Min(text.Length, random.Next(text.Length + 1)));
                    if (nl >= 0)
                    {
                        text = text.Remove(nl, 1).Insert(nl, " ");
                    }
                    data = new List<byte>(Encoding.UTF8.GetBytes(text));
                    break;
                default:
                    var junk = new byte[random.Next(1, 16)];
                    random.NextBytes(junk);
                    data.InsertRange(at, junk);
                    break;
            }
        }
        return data.ToArray();
    }
}
