using System.Globalization;
using MeetingOps.Domain.Definition;
using MeetingOps.Domain.Planning;

namespace MeetingOps.Cli;

/// <summary>
/// <c>meetingops plan &lt;definition.json&gt; --hybrid all [--cap N]</c>: what each re-plan strategy makes of a meeting
/// when every sitting goes hybrid, as the Markdown page in docs/ (e.g. docs/hybrid-2022.md).
/// </summary>
public static class PlanCommand
{
    public const string Help = """
        Usage:
          meetingops plan <definition.json> --hybrid all [--cap <minutes>]
              Switch every session of the meeting to hybrid (capped at 120 minutes unless --cap says otherwise)
              and print, as Markdown, what the compress, reflow and fit strategies make of the organization of work.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        string? file = null, hybrid = null;
        int? cap = null;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--hybrid" when i + 1 < args.Length:
                    hybrid = args[++i];
                    break;
                case "--cap" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes is >= 1 and <= 1440:
                    cap = minutes;
                    i++;
                    break;
                case "-h" or "--help":
                    await stdout.WriteLineAsync(Help);
                    return CommandLine.Ok;
                case var a when a.StartsWith("--", StringComparison.Ordinal):
                    await stderr.WriteLineAsync($"error: unknown or incomplete option \"{a}\" (--cap takes 1–1440 minutes).\n\n{Help}");
                    return CommandLine.Usage;
                default:
                    file = file is null ? args[i] : null;
                    break;
            }
        }
        if (file is null || hybrid != "all")
        {
            await stderr.WriteLineAsync($"error: give one meeting definition file and --hybrid all.\n\n{Help}");
            return CommandLine.Usage;
        }
        byte[] json;
        try
        {
            json = await File.ReadAllBytesAsync(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"error: cannot read {file}: {e.Message}");
            return CommandLine.Unreachable;
        }
        var result = DefinitionReader.Read(json);
        if (result.Meeting is not { } meeting)
        {
            foreach (var problem in result.Problems)
            {
                await stderr.WriteLineAsync($"{file}: {problem}");
            }
            return CommandLine.Failed;
        }
        // The page says the command that produced it, so anyone can produce it again.
        var producedBy = "dotnet run --project src/MeetingOps.Cli -- " + string.Join(' ', args);
        await stdout.WriteAsync(HybridTable.ForAllHybrid(meeting, cap, producedBy));
        return CommandLine.Ok;
    }
}
