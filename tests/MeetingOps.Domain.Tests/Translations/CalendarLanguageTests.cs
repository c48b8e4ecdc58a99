using MeetingOps.Domain.Definition;
using MeetingOps.Domain.Import;
using MeetingOps.Domain.Records;

namespace MeetingOps.Domain.Tests.Translations;

/// <summary>calendar.ics?lang=: the sittings in the viewer's language, item titles in it where the definition has them.</summary>
public class CalendarLanguageTests
{
    private static MeetingView French()
    {
        var definition = TranslationImporter.Apply(TranslationCorpus.English, "fr", TranslationCorpus.French).Definition!;
        var meeting = DefinitionValidator.Validate(definition).Meeting!;
        return MeetingViews.Snapshot("irg", meeting, LiveState.Initial(meeting), 1);
    }

    private static readonly DateTimeOffset Now = new(2015, 5, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void In_French_the_events_say_their_words_and_titles_in_French_marked_as_French()
    {
        var ics = MeetingCalendar.Write(French(), [], null, Now, language: "fr").Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("SUMMARY;LANGUAGE=fr:Implementation Review Group: points 1 (a)\\, 1 (b) et 2", ics, StringComparison.Ordinal);
        Assert.Contains("Points prévus :\\n1 (a). Ouverture de la session\\n", ics, StringComparison.Ordinal);
        Assert.Contains("2. Examen de l’application de la Convention des Nations Unies contre la corruption (suite)", ics, StringComparison.Ordinal);
        Assert.Contains("Séance : Implementation Review Group", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_language_or_in_English_the_calendar_is_the_English_one()
    {
        var view = French();
        var english = MeetingCalendar.Write(view, [], null, Now);
        Assert.Equal(english, MeetingCalendar.Write(view, [], null, Now, language: "en"));
        Assert.Contains("Planned items:", english.Replace("\r\n ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("Ouverture", english, StringComparison.Ordinal);
        Assert.DoesNotContain("LANGUAGE=", english, StringComparison.Ordinal);
    }

    [Fact]
    public void A_language_without_titles_falls_back_to_the_English_titles()
    {
        var ics = MeetingCalendar.Write(French(), [], null, Now, language: "es").Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("Temas previstos:\\n1 (a). Opening of the session", ics, StringComparison.Ordinal);
    }
}
