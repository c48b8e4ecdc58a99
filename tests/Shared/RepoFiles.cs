namespace MeetingOps.Tests.Shared;

/// <summary>
/// Files of this repository, found from the test's own location: the samples every test reads come from the
/// repo's samples/ folder and nowhere else. Linked into each test project that needs it.
/// </summary>
public static class RepoFiles
{
    public const string Vienna2022 = "ctoc-wg2-wg3-2022.meeting.json";
    public const string Vienna2021 = "ctoc-wg3-2021.meeting.json";
    public const string Vienna2022Delegations = "ctoc-wg2-wg3-2022.delegations.json";

    public static string Root { get; } = FindRoot();

    public static string SamplesFolder => Path.Combine(Root, "samples");

    public static string Sample(string name) => File.ReadAllText(Path.Combine(SamplesFolder, name));

    /// <summary>A real agenda in another language, or its meeting, from the translation corpus (each with its source in SOURCE.md).</summary>
    public static string TranslationCorpus(string name) =>
        File.ReadAllText(Path.Combine(Root, "tests", "MeetingOps.Domain.Tests", "Translations", "Corpus", name));

    /// <summary>The text of one language's page catalogue (src/MeetingOps.Server/wwwroot/i18n/&lt;language&gt;.json).</summary>
    public static string CatalogueText(string language) =>
        File.ReadAllText(Path.Combine(Root, "src", "MeetingOps.Server", "wwwroot", "i18n", language + ".json"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MeetingOps.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("MeetingOps.sln not found above " + AppContext.BaseDirectory);
    }
}
