using MeetingOps.Domain.Definition;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Domain.Tests.Translations;

/// <summary>The agenda of the Implementation Review Group, sixth session (CAC/COSP/IRG/2015/1), in English and in French as published.</summary>
public static class TranslationCorpus
{
    public static string Folder => Path.Combine(RepoFiles.Root, "tests", "MeetingOps.Domain.Tests", "Translations", "Corpus");

    public static string French => File.ReadAllText(Path.Combine(Folder, "cac-cosp-irg-2015-1.fr.txt"));

    public static string EnglishJson => File.ReadAllText(Path.Combine(Folder, "cac-cosp-irg-2015.meeting.json"));

    public static MeetingDefinition English => DefinitionReader.Parse(System.Text.Encoding.UTF8.GetBytes(EnglishJson)).Definition!;
}
