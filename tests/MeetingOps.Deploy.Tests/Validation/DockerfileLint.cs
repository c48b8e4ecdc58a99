using System.Text.RegularExpressions;

namespace MeetingOps.Deploy.Tests.Validation;

/// <summary>One Dockerfile instruction (continuation lines joined, comments dropped) and the stage it belongs to.</summary>
public sealed record DockerInstruction(string Keyword, string Arguments, int Stage, int Line);

/// <summary>
/// Reads a Dockerfile and checks the essentials of the MeetingOps image without docker: a separate SDK build stage,
/// a final stage on the ASP.NET Core runtime image that runs as a non-root user, the ports and the entry point.
/// </summary>
public static partial class DockerfileLint
{
    public static List<DockerInstruction> Parse(string text)
    {
        var instructions = new List<DockerInstruction>();
        var stage = -1;
        var pending = "";
        var start = 0;
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (pending.Length == 0 && (line.TrimStart().StartsWith('#') || line.Trim().Length == 0))
            {
                continue;
            }
            if (pending.Length > 0 && line.TrimStart().StartsWith('#'))
            {
                continue; // comment lines inside a continued instruction are skipped by docker too
            }
            if (pending.Length == 0)
            {
                start = i + 1;
            }
            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }
            var full = (pending + line).Trim();
            pending = "";
            var space = full.IndexOfAny([' ', '\t']);
            var keyword = (space < 0 ? full : full[..space]).ToUpperInvariant();
            var arguments = space < 0 ? "" : full[(space + 1)..].Trim();
            if (keyword == "FROM")
            {
                stage++;
            }
            instructions.Add(new DockerInstruction(keyword, arguments, stage, start));
        }
        return instructions;
    }

    /// <summary>What is wrong with the Dockerfile, in plain words; empty when the essentials hold.</summary>
    public static List<string> Problems(string text)
    {
        var instructions = Parse(text);
        var problems = new List<string>();
        var froms = instructions.Where(i => i.Keyword == "FROM").ToList();
        if (froms.Count < 2)
        {
            problems.Add("not multi-stage: the SDK must stay in a build stage, out of the final image");
            return problems;
        }
        var stageNames = froms.Select(f => AsName().Match(f.Arguments) is { Success: true } m ? m.Groups[1].Value : null).ToList();
        if (!Regex.IsMatch(froms[0].Arguments, @"^(--\S+\s+)*\S*dotnet/sdk:10\.0\S*\s", RegexOptions.IgnoreCase))
        {
            problems.Add($"the build stage (line {froms[0].Line}) is not on the .NET 10 SDK image");
        }
        var final = froms[^1];
        if (!Regex.IsMatch(final.Arguments, @"^(--\S+\s+)*\S*dotnet/aspnet:10\.0\S*(\s|$)", RegexOptions.IgnoreCase))
        {
            problems.Add($"the final stage (line {final.Line}) is not on the ASP.NET Core 10 runtime image");
        }
        var finalStage = instructions.Where(i => i.Stage == final.Stage).ToList();
        var buildStage = instructions.Where(i => i.Stage < final.Stage).ToList();
        if (!buildStage.Any(i => i.Keyword == "RUN" && Regex.IsMatch(i.Arguments, @"apt-get install[^&;|]*\snpm(\s|$)")))
        {
            problems.Add("the build stage does not install npm, which the server's build needs for the SignalR client");
        }
        if (!buildStage.Any(i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet publish", StringComparison.Ordinal)))
        {
            problems.Add("the build stage does not run dotnet publish");
        }
        if (!finalStage.Any(i => i.Keyword == "COPY" && stageNames.Take(stageNames.Count - 1).Any(n => n is not null && i.Arguments.Contains($"--from={n}", StringComparison.OrdinalIgnoreCase))))
        {
            problems.Add("the final stage copies nothing from the build stage");
        }
        var user = finalStage.LastOrDefault(i => i.Keyword == "USER");
        if (user is null)
        {
            problems.Add("the final stage sets no USER, so the host would run as root");
        }
        else if (Regex.IsMatch(user.Arguments, @"^(root|0)(:|$)"))
        {
            problems.Add($"the final stage runs as root (USER {user.Arguments}, line {user.Line})");
        }
        var exposed = finalStage.Where(i => i.Keyword == "EXPOSE").SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet();
        foreach (var port in new[] { "8080", "11111", "30000" })
        {
            if (!exposed.Contains(port) && !exposed.Contains(port + "/tcp"))
            {
                problems.Add($"port {port} is not exposed");
            }
        }
        if (!finalStage.Any(i => i.Keyword == "ENV" && i.Arguments.Contains("ASPNETCORE_URLS=http://0.0.0.0:8080", StringComparison.Ordinal)))
        {
            problems.Add("ASPNETCORE_URLS is not set to http://0.0.0.0:8080");
        }
        var entry = finalStage.LastOrDefault(i => i.Keyword == "ENTRYPOINT");
        if (entry is null || !entry.Arguments.Contains("MeetingOps.Server.dll", StringComparison.Ordinal))
        {
            problems.Add("the entry point does not start MeetingOps.Server.dll");
        }
        return problems;
    }

    [GeneratedRegex(@"\s+AS\s+(\S+)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex AsName();
}
